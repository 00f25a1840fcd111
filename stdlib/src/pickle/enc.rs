//! The pickler: walks an object graph and writes skiff's pickle format
//! (format.rs). Every heap object gets its memo number when its record
//! starts; the unpickler (dec.rs) numbers them the same way.

use super::format::{put_bytes, put_svar, put_uvar, tag, ITER_KINDS, MAGIC, FORMAT_VERSION};
use super::pickle_error;
use skiff_vm::heap::*;
use skiff_vm::sched::{t_obj, tf};
use skiff_vm::vm::RootedVec;
use skiff_vm::{Exc, PyErr, PyResult, Ty, Value, Vm};
use std::collections::{HashMap, HashSet};

/// Tasklet flags that travel in a pickle; the others describe where the
/// tasklet is in this process (run queue, timers, I/O) or are refused.
pub const SAVED_FLAGS: u64 = tf::ALIVE | tf::STARTED | tf::ATOMIC | tf::PUSH | tf::SEND_EXC | tf::IGNORE_NESTING | tf::BOUND;

/// Deepest nesting of records before `RecursionError` (the native stack
/// guard usually answers first).
const MAX_DEPTH: u32 = 20_000;

pub fn dumps(vm: &mut Vm, obj: Value) -> PyResult<Vec<u8>> {
    let mut e = Enc::new(vm);
    e.out.extend_from_slice(MAGIC);
    e.out.push(FORMAT_VERSION);
    e.out.extend_from_slice(&super::format::abi().to_le_bytes());
    e.save(obj)?;
    Ok(e.out)
}

struct Enc<'v> {
    vm: &'v mut Vm,
    out: Vec<u8>,
    /// Object identity (`heap::identity`, stable even if a moving collector
    /// moves the object) -> memo number. The objects stay alive in `keep`,
    /// so an identity cannot be reused for another object while pickling.
    memo: HashMap<usize, u32>,
    keep: RootedVec,
    depth: u32,
    /// Identities of the frames of the running tasklet: their saved state
    /// is stale.
    live_frames: HashSet<usize>,
    /// Where unbound builtins were found: identity -> (module, qualname).
    builtin_names: HashMap<usize, (String, String)>,
}

impl<'v> Enc<'v> {
    fn new(vm: &'v mut Vm) -> Self {
        let keep = RootedVec::new(&vm.r);
        let mut live = HashSet::new();
        let mut f = vm.r.frame.get();
        while f.is_ref() && kind_of(f) == Kind::Frame {
            live.insert(identity(f));
            f = obj::<FrameL>(f).back;
        }
        Enc { vm, out: Vec::with_capacity(256), memo: HashMap::new(), keep, depth: 0, live_frames: live, builtin_names: HashMap::new() }
    }

    fn err(&mut self, msg: &str) -> PyErr { pickle_error(self.vm, "PicklingError", msg) }

    fn memoize(&mut self, v: Value) {
        let id = self.keep.len() as u32;
        self.keep.push(v);
        self.memo.insert(identity(v), id);
    }

    fn raw_str(&mut self, s: &str) { put_bytes(&mut self.out, s.as_bytes()) }

    pub fn save(&mut self, v: Value) -> PyResult<()> {
        if v.is_null() { self.out.push(tag::NULL); return Ok(()); }
        if v.is_int() { self.out.push(tag::INT); put_svar(&mut self.out, v.int()); return Ok(()); }
        if !v.is_ref() {
            let t = match v {
                Value::NONE => tag::NONE,
                Value::TRUE => tag::TRUE,
                Value::FALSE => tag::FALSE,
                Value::ELLIPSIS => tag::ELLIPSIS,
                Value::NOT_IMPLEMENTED => tag::NOTIMPL,
                _ => return Err(self.err("cannot pickle an internal value")),
            };
            self.out.push(t);
            return Ok(());
        }
        if let Some(&id) = self.memo.get(&identity(v)) {
            self.out.push(tag::REF);
            put_uvar(&mut self.out, id as u64);
            return Ok(());
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.vm.new_exc(Exc::RecursionError, "maximum recursion depth exceeded while pickling an object"));
        }
        if self.vm.check_stack().is_err() {
            return Err(self.vm.new_exc(Exc::RecursionError, "maximum recursion depth exceeded while pickling an object"));
        }
        self.depth += 1;
        let r = self.save_obj(v);
        self.depth -= 1;
        r
    }

    fn save_obj(&mut self, v: Value) -> PyResult<()> {
        let k = kind_of(v);
        let exact = |vm: &Vm, t: Ty| cls_of(v) == vm.ty(t);
        match k {
            Kind::Str if exact(self.vm, Ty::Str) => {
                self.memoize(v);
                self.out.push(tag::STR);
                put_bytes(&mut self.out, str_ref(v).as_bytes());
            }
            Kind::Bytes if exact(self.vm, Ty::Bytes) => {
                self.memoize(v);
                self.out.push(tag::BYTES);
                put_bytes(&mut self.out, bytes_slice(v));
            }
            Kind::BigInt if exact(self.vm, Ty::Int) => {
                self.memoize(v);
                self.out.push(tag::BIGINT);
                let b = obj::<BigIntL>(v).val.to_signed_bytes_le();
                put_bytes(&mut self.out, &b);
            }
            Kind::Float if exact(self.vm, Ty::Float) => {
                self.memoize(v);
                self.out.push(tag::FLOAT);
                self.out.extend_from_slice(&obj::<FloatL>(v).val.to_le_bytes());
            }
            Kind::Complex if exact(self.vm, Ty::Complex) => {
                self.memoize(v);
                self.out.push(tag::COMPLEX);
                let c = obj::<ComplexL>(v);
                let (re, im) = (c.re, c.im);
                self.out.extend_from_slice(&re.to_le_bytes());
                self.out.extend_from_slice(&im.to_le_bytes());
            }
            Kind::Tuple | Kind::List | Kind::Dict | Kind::Set | Kind::FrozenSet | Kind::ByteArray => {
                let base = match k {
                    Kind::Tuple => Ty::Tuple, Kind::List => Ty::List, Kind::Dict => Ty::Dict,
                    Kind::Set => Ty::Set, Kind::FrozenSet => Ty::FrozenSet, _ => Ty::ByteArray,
                };
                if exact(self.vm, base) {
                    if k == Kind::Dict && self.save_module_dict(v)? { return Ok(()); }
                    return self.save_container(v, k);
                }
                let cls = cls_of(v);
                if let Some(m) = self.user_reduce(cls) { return self.save_reduce(v, m); }
                // A subclass instance: the class, the builtin record, its attributes.
                self.out.push(tag::SUBCLASS);
                self.save(cls)?;
                self.save_container(v, k)?;
                let attrs = if k == Kind::Tuple { Value::NULL } else { obj::<ListL>(v).attrs };
                self.save(attrs)?;
            }
            Kind::Class => self.save_global(v)?,
            Kind::Function => self.save_function(v)?,
            Kind::Builtin => self.save_builtin(v)?,
            Kind::Code => self.save_code(v)?,
            Kind::Frame => self.save_frame(v)?,
            Kind::Generator => {
                if s4(v, 1).int() == skiff_vm::call::gen_state::RUNNING && s4(v, 0).is_ref() && self.live_frames.contains(&identity(s4(v, 0))) {
                    return Err(self.err("cannot pickle a generator that is executing"));
                }
                self.memoize(v);
                self.out.push(tag::GENERATOR);
                put_uvar(&mut self.out, s4(v, 1).int() as u64);
                self.save(s4(v, 2))?;
                self.save(s4(v, 3))?;
                self.save(s4(v, 0))?;
            }
            Kind::Module => {
                let name = self.vm.dict_get_by_name(self.vm.module_dict(v), "__name__");
                let Some(name) = name.filter(|n| self.vm.is_str(*n)) else { return Err(self.err("cannot pickle a module without a __name__")) };
                self.memoize(v);
                self.out.push(tag::MODULE);
                put_bytes(&mut self.out, str_ref(name).as_bytes());
            }
            Kind::Cell => {
                self.memoize(v);
                self.out.push(tag::CELL);
                self.save(s4(v, 0))?;
            }
            Kind::BoundMethod => {
                self.memoize(v);
                self.out.push(tag::BOUND_METHOD);
                self.save(s4(v, 0))?;
                self.save(s4(v, 1))?;
            }
            Kind::Instance => self.save_instance(v)?,
            Kind::Range | Kind::Slice => {
                self.memoize(v);
                self.out.push(if k == Kind::Range { tag::RANGE } else { tag::SLICE });
                for i in 0..3 { self.save(s4(v, i))?; }
            }
            Kind::Traceback => {
                self.memoize(v);
                self.out.push(tag::TRACEBACK);
                for i in 0..4 { self.save(s4(v, i))?; }
            }
            Kind::Tasklet => self.save_tasklet(v)?,
            Kind::Channel => self.save_channel(v)?,
            _ => {
                if let Some(i) = ITER_KINDS.iter().position(|&ik| ik == k) {
                    self.memoize(v);
                    self.out.push(tag::ITER);
                    self.out.push(i as u8);
                    for j in 0..4 { self.save(s4(v, j))?; }
                    return Ok(());
                }
                let cls = cls_of(v);
                if let Some(m) = self.user_reduce(cls) { return self.save_reduce(v, m); }
                let tn = self.vm.type_name(v);
                return Err(self.err(&format!("cannot pickle '{tn}' object")));
            }
        }
        Ok(())
    }

    /// The record of a tuple, list, dict, set, frozenset or bytearray's
    /// contents (without its class).
    fn save_container(&mut self, v: Value, k: Kind) -> PyResult<()> {
        self.memoize(v);
        match k {
            Kind::Tuple => {
                self.out.push(tag::TUPLE);
                let n = tuple_slice(v).len();
                put_uvar(&mut self.out, n as u64);
                for i in 0..n { self.save(tuple_slice(v)[i])?; }
            }
            Kind::List => {
                self.out.push(tag::LIST);
                // Saving an item may run Python code that changes the list:
                // re-read the length each time.
                let mut i = 0;
                while i < list_slice(v).len() { let x = list_slice(v)[i]; self.save(x)?; i += 1; }
                self.out.push(tag::END);
            }
            Kind::Dict => {
                self.out.push(tag::DICT);
                let mut i = 0;
                while i < self.vm.dict_used(v) {
                    if let Some((key, val)) = self.vm.dict_entry(v, i) { self.save(key)?; self.save(val)?; }
                    i += 1;
                }
                self.out.push(tag::END);
            }
            Kind::Set | Kind::FrozenSet => {
                let d = obj::<SetL>(v).dict;
                let items = RootedVec::new(&self.vm.r);
                for i in 0..self.vm.dict_used(d) {
                    if let Some((key, _)) = self.vm.dict_entry(d, i) { items.push(key); }
                }
                if k == Kind::Set {
                    self.out.push(tag::SET);
                    for i in 0..items.len() { self.save(items.get(i))?; }
                    self.out.push(tag::END);
                } else {
                    self.out.push(tag::FROZENSET);
                    put_uvar(&mut self.out, items.len() as u64);
                    for i in 0..items.len() { self.save(items.get(i))?; }
                }
            }
            _ => {
                self.out.push(tag::BYTEARRAY);
                let b = self.vm.bytes_like(v).unwrap_or_default();
                put_bytes(&mut self.out, &b);
            }
        }
        Ok(())
    }

    /// A module's `__dict__` (a function's or frame's globals) is saved by
    /// the module's name.
    fn save_module_dict(&mut self, d: Value) -> PyResult<bool> {
        let Some(name) = self.vm.dict_get_by_name(d, "__name__") else { return Ok(false) };
        if !self.vm.is_str(name) { return Ok(false); }
        let modules = self.vm.r.modules.get();
        let Some(m) = self.vm.dict_get_str(modules, name) else { return Ok(false) };
        if !(m.is_ref() && kind_of(m) == Kind::Module && self.vm.module_dict(m) == d) { return Ok(false); }
        self.memoize(d);
        self.out.push(tag::GLOBALS);
        put_bytes(&mut self.out, str_ref(name).as_bytes());
        Ok(true)
    }

    /// `module.qualname` resolves to `v` itself.
    fn resolves_to(&mut self, module: &str, qualname: &str, v: Value) -> bool {
        let Ok(m) = self.vm.import_module(module) else { return false };
        let mut cur = m;
        for part in qualname.split('.') {
            let got = if kind_of(cur) == Kind::Module {
                let d = self.vm.module_dict(cur);
                self.vm.dict_get_by_name(d, part)
            } else {
                match self.vm.getattr_str(cur, part) { Ok(x) => Some(x), Err(_) => None }
            };
            match got { Some(x) if x.is_ref() => cur = x, _ => return false }
        }
        cur == v
    }

    fn str_attr(&mut self, v: Value, name: &str) -> Option<String> {
        match self.vm.getattr_str(v, name) {
            Ok(s) if self.vm.is_str(s) => Some(str_ref(s).to_string()),
            _ => None,
        }
    }

    /// A class by module and qualified name.
    fn save_global(&mut self, v: Value) -> PyResult<()> {
        let module = self.str_attr(v, "__module__").unwrap_or_else(|| "builtins".into());
        let qual = match self.str_attr(v, "__qualname__") { Some(q) => q, None => self.str_attr(v, "__name__").unwrap_or_default() };
        if !self.resolves_to(&module, &qual, v) {
            let r = self.vm.repr(v).ok().filter(|r| self.vm.is_str(*r)).map(|r| str_ref(r).to_string()).unwrap_or_default();
            return Err(self.err(&format!("Can't pickle {r}: it's not found as {module}.{qual}")));
        }
        self.put_global(v, &module, &qual);
        Ok(())
    }

    fn put_global(&mut self, v: Value, module: &str, qual: &str) {
        self.memoize(v);
        self.out.push(tag::GLOBAL);
        self.raw_str(module);
        self.raw_str(qual);
    }

    /// A function: by name when `module.qualname` finds it, else whole.
    fn save_function(&mut self, f: Value) -> PyResult<()> {
        let fo = obj::<FunctionL>(f);
        let (module, qual) = (fo.module, fo.qualname);
        if self.vm.is_str(module) && self.vm.is_str(qual) && !str_ref(qual).contains('<') {
            let (m, q) = (str_ref(module).to_string(), str_ref(qual).to_string());
            if self.resolves_to(&m, &q, f) { self.put_global(f, &m, &q); return Ok(()); }
        }
        self.memoize(f);
        self.out.push(tag::FUNCTION);
        let fo = obj::<FunctionL>(f);
        let (code, globals, name, qualname) = (fo.code, fo.globals, fo.name, fo.qualname);
        self.save(code)?;
        self.save(globals)?;
        self.save(name)?;
        self.save(qualname)?;
        let fo = obj::<FunctionL>(f);
        let rest = [fo.defaults, fo.kwdefaults, fo.closure, fo.dict, fo.module, fo.doc];
        for x in rest { self.save(x)?; }
        Ok(())
    }

    /// A builtin function by the module attribute that holds it; a bound
    /// builtin method as its receiver and name.
    fn save_builtin(&mut self, b: Value) -> PyResult<()> {
        let bo = obj::<BuiltinL>(b);
        let (bound, name, qual) = (bo.bound, bo.name, bo.qualname);
        if !bound.is_null() {
            if !self.vm.is_str(name) { return Err(self.err("cannot pickle a nameless builtin method")); }
            self.memoize(b);
            self.out.push(tag::BUILTIN_METHOD);
            self.save(bound)?;
            let n = str_ref(name).to_string();
            self.raw_str(&n);
            return Ok(());
        }
        if let Some((m, q)) = self.builtin_names.get(&identity(b)).cloned() { self.put_global(b, &m, &q); return Ok(()); }
        let q = if self.vm.is_str(qual) { str_ref(qual).to_string() } else if self.vm.is_str(name) { str_ref(name).to_string() } else { String::new() };
        // Which module holds it? builtins first, then every loaded module.
        let mut candidates = vec!["builtins".to_string()];
        let modules = self.vm.r.modules.get();
        for i in 0..self.vm.dict_used(modules) {
            if let Some((k, _)) = self.vm.dict_entry(modules, i) {
                if self.vm.is_str(k) { candidates.push(str_ref(k).to_string()); }
            }
        }
        for m in candidates {
            if self.resolves_to(&m, &q, b) {
                self.builtin_names.insert(identity(b), (m.clone(), q.clone()));
                self.put_global(b, &m, &q);
                return Ok(());
            }
        }
        Err(self.err(&format!("Can't pickle <built-in function {q}>: no module holds it")))
    }

    fn save_code(&mut self, c: Value) -> PyResult<()> {
        self.memoize(c);
        self.out.push(tag::CODE);
        let co = obj::<CodeL>(c);
        let vals = [co.consts, co.names, co.varnames, co.cellvars, co.freevars, co.name, co.qualname, co.filename, co.doc];
        for x in vals { self.save(x)?; }
        let cd = code_data(c);
        let o = &mut self.out;
        for x in [cd.flags, cd.argcount, cd.posonlyargcount, cd.kwonlyargcount, cd.stacksize, cd.first_line] {
            put_uvar(o, x as u64);
        }
        put_uvar(o, cd.instrs.len() as u64);
        for ins in &cd.instrs { o.push(ins.op as u8); put_uvar(o, ins.arg as u64); }
        put_uvar(o, cd.lines.len() as u64);
        let mut prev = cd.first_line as i64;
        for &l in &cd.lines { put_svar(o, l as i64 - prev); prev = l as i64; }
        put_uvar(o, cd.positions.len() as u64);
        for &(a, b) in &cd.positions { put_uvar(o, a as u64); put_uvar(o, b as u64); }
        put_uvar(o, cd.exc_table.len() as u64);
        for e in &cd.exc_table { for x in [e.start, e.end, e.handler, e.depth] { put_uvar(o, x as u64); } }
        put_uvar(o, cd.cell2arg.len() as u64);
        for &(a, b) in &cd.cell2arg { put_uvar(o, a as u64); put_uvar(o, b as u64); }
        Ok(())
    }

    fn save_frame(&mut self, f: Value) -> PyResult<()> {
        if self.live_frames.contains(&identity(f)) {
            return Err(self.err("cannot pickle a frame that is executing (it belongs to the running tasklet)"));
        }
        self.memoize(f);
        self.out.push(tag::FRAME);
        let fo = obj::<FrameL>(f);
        let (code, globals) = (fo.code, fo.globals);
        self.save(code)?;
        self.save(globals)?;
        let fo = obj::<FrameL>(f);
        let vals = [fo.func, fo.locals, fo.back, fo.init_self, fo.kwnames, fo.exc_save];
        for x in vals { self.save(x)?; }
        let fo = obj::<FrameL>(f);
        let (pc, sp, rm, line) = (fo.pc, fo.sp, fo.ret_mode, fo.lineno);
        for x in [pc, sp, rm, line] { put_uvar(&mut self.out, x as u64); }
        put_uvar(&mut self.out, sp as u64);
        for i in 0..sp as usize { let x = frame_slots(f)[i]; self.save(x)?; }
        Ok(())
    }

    /// The method that reduces instances of `cls`, when its class (not
    /// `object`) defines one.
    fn user_reduce(&mut self, cls: Value) -> Option<&'static str> {
        let object = self.vm.ty(Ty::Object);
        let base_ex = self.vm.lookup_type_str(object, "__reduce_ex__");
        if let Some(m) = self.vm.lookup_type_str(cls, "__reduce_ex__") {
            if Some(m) != base_ex { return Some("__reduce_ex__"); }
        }
        let base = self.vm.lookup_type_str(object, "__reduce__");
        match self.vm.lookup_type_str(cls, "__reduce__") {
            Some(m) if Some(m) != base => Some("__reduce__"),
            _ => None,
        }
    }

    /// Whether `cls` defines `name` itself or inherits it from a class other
    /// than `object`.
    fn defines(&mut self, cls: Value, name: &str) -> bool {
        let object = self.vm.ty(Ty::Object);
        let base = self.vm.lookup_type_str(object, name);
        matches!(self.vm.lookup_type_str(cls, name), Some(m) if Some(m) != base)
    }

    fn save_reduce(&mut self, v: Value, method: &str) -> PyResult<()> {
        let rv = if method == "__reduce_ex__" {
            self.vm.call_method(v, method, &[Value::small(4)])?
        } else {
            self.vm.call_method(v, method, &[])?
        };
        let keep = RootedVec::new(&self.vm.r);
        keep.push(rv);
        if self.vm.is_str(rv) {
            let module = self.str_attr(v, "__module__").unwrap_or_else(|| "__main__".into());
            let q = str_ref(rv).to_string();
            if !self.resolves_to(&module, &q, v) {
                return Err(self.err(&format!("Can't pickle object: it's not found as {module}.{q}")));
            }
            self.put_global(v, &module, &q);
            return Ok(());
        }
        // The items are read from the tuple (rooted by `keep`) each time.
        let n = if rv.is_ref() && kind_of(rv) == Kind::Tuple { tuple_slice(rv).len() } else { 0 };
        if !(2..=6).contains(&n) {
            return Err(self.err(&format!("{method} must return a string or a tuple of 2 to 6 items")));
        }
        let get = |i: usize| if i < n { tuple_slice(rv)[i] } else { Value::NONE };
        let callable = get(0);
        let ok_callable = callable.is_ref() && matches!(kind_of(callable), Kind::Class | Kind::Function | Kind::Builtin);
        if !ok_callable { return Err(self.err(&format!("first item of the tuple returned by {method} must be a class or function"))); }
        let args = get(1);
        if !(args.is_ref() && kind_of(args) == Kind::Tuple) {
            return Err(self.err(&format!("second item of the tuple returned by {method} must be a tuple")));
        }
        // Iterators of list items and dict items become lists now.
        let listitems = if get(3) == Value::NONE { Value::NONE } else { self.vm.collect_list(get(3))? };
        keep.push(listitems);
        let dictitems = if get(4) == Value::NONE { Value::NONE } else { self.vm.collect_list(get(4))? };
        keep.push(dictitems);
        if get(5) != Value::NONE { return Err(self.err("a state setter in __reduce__ is not supported")); }
        self.memoize(v);
        self.out.push(tag::REDUCE);
        self.save(callable)?;
        self.save(args)?;
        self.save(get(2))?;
        self.save(listitems)?;
        self.save(dictitems)?;
        Ok(())
    }

    /// An instance by the default protocol: its class, then its state.
    fn save_instance(&mut self, v: Value) -> PyResult<()> {
        let cls = cls_of(v);
        if let Some(m) = self.user_reduce(cls) { return self.save_reduce(v, m); }
        let getstate = self.defines(cls, "__getstate__");
        let setstate = self.defines(cls, "__setstate__");
        let keep = RootedVec::new(&self.vm.r);
        let state = if getstate {
            Some(self.vm.call_method(v, "__getstate__", &[])?)
        } else if setstate {
            Some(self.vm.getattr_str(v, "__dict__")?)
        } else {
            None
        };
        if let Some(s) = state { keep.push(s); }
        self.memoize(v);
        self.out.push(tag::INSTANCE);
        self.save(cls)?;
        match state {
            Some(s) => { self.out.push(1); self.save(s)?; }
            None => {
                self.out.push(0);
                // Shape storage in slot order (so loading rebuilds the same
                // shape), then the dict of a dict-mode instance.
                let pairs = RootedVec::new(&self.vm.r);
                let mut shape = obj::<InstanceL>(v).shape;
                while shape.is_ref() && obj::<ShapeL>(shape).count > 0 {
                    let so = obj::<ShapeL>(shape);
                    let (key, idx) = (so.key, so.count - 1);
                    let val = inst_slot(v, idx);
                    if !val.is_null() { pairs.push(val); pairs.push(key); }
                    shape = so.parent;
                }
                let n = pairs.len() / 2;
                put_uvar(&mut self.out, n as u64);
                for i in (0..n).rev() {
                    self.save(pairs.get(2 * i + 1))?;
                    self.save(pairs.get(2 * i))?;
                }
                let d = obj::<InstanceL>(v).dict;
                self.save(d)?;
            }
        }
        Ok(())
    }

    fn save_tasklet(&mut self, t: Value) -> PyResult<()> {
        let o = t_obj(t);
        let why = if o.flags & tf::MAIN != 0 {
            Some("it is the main tasklet, which runs on the thread's own stack")
        } else if t == self.vm.current_tasklet() {
            Some("it is the running tasklet")
        } else if o.coro != 0 {
            Some("it is blocked inside native code (a hard switch: a call from a native function, a nested interpreter loop or a callback), so its state is on a native stack")
        } else if o.flags & tf::SLEEPING != 0 {
            Some("it is sleeping in time.sleep()")
        } else if o.flags & tf::IO_WAIT != 0 {
            Some("it is waiting for file I/O")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(self.err(&format!("cannot pickle tasklet: {why}")));
        }
        self.memoize(t);
        self.out.push(tag::TASKLET);
        self.save(cls_of(t))?;
        let o = t_obj(t);
        let vals = [o.attrs, o.func, o.args, o.kwargs, o.frame, o.base, o.tempval, o.channel, o.exc_info, o.pending];
        for x in vals { self.save(x)?; }
        let o = t_obj(t);
        let (flags, blocked) = (o.flags & SAVED_FLAGS, o.blocked);
        put_uvar(&mut self.out, flags);
        put_svar(&mut self.out, blocked);
        Ok(())
    }

    fn save_channel(&mut self, c: Value) -> PyResult<()> {
        self.memoize(c);
        self.out.push(tag::CHANNEL);
        self.save(cls_of(c))?;
        self.save(obj::<ChannelL>(c).attrs)?;
        let co = obj::<ChannelL>(c);
        let (balance, pref, flags) = (co.balance, co.preference, co.flags);
        put_svar(&mut self.out, balance);
        put_svar(&mut self.out, pref);
        put_uvar(&mut self.out, flags);
        let queue = RootedVec::new(&self.vm.r);
        let mut t = obj::<ChannelL>(c).first;
        while t.is_ref() { queue.push(t); t = t_obj(t).next; }
        put_uvar(&mut self.out, queue.len() as u64);
        for i in 0..queue.len() { self.save(queue.get(i))?; }
        Ok(())
    }
}
