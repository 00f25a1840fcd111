//! The unpickler: reads skiff's pickle format (format.rs) from untrusted
//! bytes.
//!
//! Every read is bounds-checked (format::Reader); counts are checked
//! against the remaining input before anything is allocated. Objects are
//! built so that they are safe to use at every moment, even if loading
//! fails half-way and a `__setstate__` has already seen them:
//!
//! - containers, cells, functions and instances are created empty and
//!   filled;
//! - frames are created fresh (valid cells, nothing on the stack) and get
//!   their loaded state only after its fields and slot kinds are checked;
//! - generators, tasklets and channels stay inert shells (a finished
//!   generator, a dead tasklet, an empty channel) until the whole pickle
//!   has been read. Then `finish` checks them together (which frames form
//!   which tasklet's chain, that every frame is resumed by at most one
//!   tasklet or generator and was created by this pickle, stack depths
//!   against the bytecode verifier, channel queues against the tasklets
//!   blocked on them) and only then brings them to life.

use super::format::{tag, Reader, ITER_KINDS, MAGIC, FORMAT_VERSION};
use super::pickle_error;
use skiff_vm::bytecode::{ExcEntry, Instr, Op};
use skiff_vm::call::{gen_state, ret};
use skiff_vm::code::{Cache, CodeData};
use skiff_vm::heap::*;
use skiff_vm::sched::{cflag, sr, t_obj, tf};
use skiff_vm::set_field;
use skiff_vm::verify::{function_parts_ok, is_exception_instance, verify_code, CodeFacts, Resume};
use skiff_vm::vm::RootedVec;
use skiff_vm::{PyErr, PyResult, Ty, Value, Vm};
use std::collections::{HashMap, HashSet};

const MAX_DEPTH: u32 = 20_000;

/// The key of an object in the loader's tables: its identity
/// (`heap::identity`, stable under a moving collector), never its address,
/// since loading allocates between inserting and looking up.
fn id_of(v: Value) -> usize {
    if v.is_ref() { identity(v) } else { v.0 as usize }
}

/// Loads the pickle at the start of `data`: the object and the number of
/// bytes it took.
pub fn loads(vm: &mut Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    let mut d = Dec::new(vm, data);
    let magic = d.take(4)?;
    if magic != MAGIC {
        return Err(d.bad("not a skiff pickle (bad magic number)"));
    }
    let version = d.u8()?;
    if version != FORMAT_VERSION {
        return Err(d.bad(&format!("unsupported pickle format version {version} (this skiff reads version {FORMAT_VERSION})")));
    }
    let abi = u32::from_le_bytes(d.take(4)?.try_into().expect("4 bytes"));
    if abi != super::format::abi() {
        return Err(d.bad(&format!("pickle was written by an incompatible skiff (bytecode ABI {abi:#010x}, this one is {:#010x})", super::format::abi())));
    }
    let v = d.load()?;
    let keep = RootedVec::new(&d.vm.r);
    keep.push(v);
    d.finish()?;
    Ok((v, d.r.pos))
}

struct Dec<'v, 'a> {
    vm: &'v mut Vm,
    r: Reader<'a>,
    /// Objects by memo number (NULL while under construction).
    memo: RootedVec,
    /// Memo numbers that came from GLOBAL records (the only callables
    /// REDUCE may call).
    global_ids: HashSet<u32>,
    depth: u32,
    /// Frames created by FRAME records, by identity (`id_of`; kept alive by
    /// `memo`). Every object-keyed table here uses identities, which stay
    /// the same when a moving collector moves the object.
    frames: HashSet<usize>,
    /// Tasklets and channels created by their records.
    tasklets_made: HashSet<usize>,
    channels_made: HashSet<usize>,
    /// Deferred generator state: [gen, frame, state, name, qualname] each.
    gens: RootedVec,
    /// Deferred tasklet state: TASKLET_FIELDS values each.
    tasklets: RootedVec,
    /// Deferred channel state: [channel, balance, preference, flags, queue tuple] each.
    channels: RootedVec,
    /// Verifier results by code identity.
    facts: HashMap<usize, CodeFacts>,
}

/// Values deferred per tasklet: the tasklet, then its fields in record order.
const TASKLET_FIELDS: usize = 13;

impl<'v, 'a> Dec<'v, 'a> {
    fn new(vm: &'v mut Vm, data: &'a [u8]) -> Self {
        let memo = RootedVec::new(&vm.r);
        let gens = RootedVec::new(&vm.r);
        let tasklets = RootedVec::new(&vm.r);
        let channels = RootedVec::new(&vm.r);
        Dec {
            vm, r: Reader::new(data), memo, global_ids: HashSet::new(), depth: 0, frames: HashSet::new(),
            tasklets_made: HashSet::new(), channels_made: HashSet::new(), gens, tasklets, channels, facts: HashMap::new(),
        }
    }

    fn bad(&mut self, msg: &str) -> PyErr { pickle_error(self.vm, "UnpicklingError", msg) }
    fn io<T>(&mut self, r: Result<T, String>) -> PyResult<T> { r.map_err(|m| self.bad(&m)) }
    fn u8(&mut self) -> PyResult<u8> { let r = self.r.u8(); self.io(r) }
    fn take(&mut self, n: usize) -> PyResult<&'a [u8]> { let r = self.r.take(n); self.io(r) }
    fn uvar(&mut self) -> PyResult<u64> { let r = self.r.uvar(); self.io(r) }
    fn svar(&mut self) -> PyResult<i64> { let r = self.r.svar(); self.io(r) }
    fn u32v(&mut self) -> PyResult<u32> { let r = self.r.u32v(); self.io(r) }
    fn count(&mut self, min: usize) -> PyResult<usize> { let r = self.r.count(min); self.io(r) }
    fn raw_str(&mut self) -> PyResult<&'a str> {
        let r = self.r.bytes();
        let b = self.io(r)?;
        std::str::from_utf8(b).map_err(|_| self.bad("invalid UTF-8 in a string"))
    }

    fn reserve(&mut self) -> usize { self.memo.push(Value::NULL); self.memo.len() - 1 }
    fn fill(&mut self, id: usize, v: Value) { self.memo.set(id, v) }

    fn is(v: Value, k: Kind) -> bool { v.is_ref() && kind_of(v) == k }

    /// A value that may not be NULL.
    fn load(&mut self) -> PyResult<Value> {
        let v = self.load_opt()?;
        if v.is_null() { return Err(self.bad("unexpected empty value")); }
        Ok(v)
    }

    /// A value that may be NULL (an empty slot or field).
    fn load_opt(&mut self) -> PyResult<Value> {
        if self.depth >= MAX_DEPTH || self.vm.check_stack().is_err() {
            return Err(self.bad("pickle data is nested too deeply"));
        }
        self.depth += 1;
        let r = self.load_record();
        self.depth -= 1;
        r
    }

    fn load_record(&mut self) -> PyResult<Value> {
        let t = self.u8()?;
        Ok(match t {
            tag::NULL => Value::NULL,
            tag::NONE => Value::NONE,
            tag::TRUE => Value::TRUE,
            tag::FALSE => Value::FALSE,
            tag::ELLIPSIS => Value::ELLIPSIS,
            tag::NOTIMPL => Value::NOT_IMPLEMENTED,
            tag::INT => { let i = self.svar()?; self.vm.new_int(i) }
            tag::REF => {
                let id = self.uvar()?;
                if id >= self.memo.len() as u64 { return Err(self.bad(&format!("reference to unknown object {id}"))); }
                let v = self.memo.get(id as usize);
                if v.is_null() { return Err(self.bad("reference to an object that is still being loaded")); }
                v
            }
            tag::BIGINT => {
                let id = self.reserve();
                let r = self.r.bytes();
                let b = self.io(r)?;
                let v = self.vm.new_bigint(num_bigint::BigInt::from_signed_bytes_le(b));
                self.fill(id, v);
                v
            }
            tag::FLOAT => {
                let id = self.reserve();
                let r = self.r.f64();
                let f = self.io(r)?;
                let v = self.vm.new_float(f);
                self.fill(id, v);
                v
            }
            tag::COMPLEX => {
                let id = self.reserve();
                let r = self.r.f64();
                let re = self.io(r)?;
                let r = self.r.f64();
                let im = self.io(r)?;
                let v = self.vm.new_complex(re, im);
                self.fill(id, v);
                v
            }
            tag::STR => {
                let id = self.reserve();
                let s = self.raw_str()?;
                // Identifier-like strings are interned, as the compiler does
                // for constants, so attribute names compare by pointer.
                let v = if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') { self.vm.intern(s) } else { self.vm.new_str(s) };
                self.fill(id, v);
                v
            }
            tag::BYTES | tag::BYTEARRAY => {
                let id = self.reserve();
                let r = self.r.bytes();
                let b = self.io(r)?;
                let v = if t == tag::BYTES { self.vm.new_bytes(b) } else { self.vm.new_bytearray(b) };
                self.fill(id, v);
                v
            }
            tag::TUPLE => {
                let id = self.reserve();
                let n = self.count(1)?;
                let tup = self.vm.alloc_tuple(n);
                for i in 0..n { tuple_init(tup, i, Value::NONE); }
                let tup = if n == 0 { self.vm.new_tuple(&[]) } else { tup };
                self.fill(id, tup);
                for i in 0..n { let x = self.load()?; tuple_init(tup, i, x); }
                tup
            }
            tag::LIST => {
                let id = self.reserve();
                let l = self.vm.new_list(&[]);
                self.fill(id, l);
                while !self.at_end()? { let x = self.load()?; self.vm.list_append(l, x); }
                l
            }
            tag::DICT => {
                let id = self.reserve();
                let d = self.vm.new_dict();
                self.fill(id, d);
                while !self.at_end()? {
                    let k = self.load()?;
                    let v = self.load()?;
                    self.vm.dict_set(d, k, v)?;
                }
                d
            }
            tag::SET => {
                let id = self.reserve();
                let s = self.vm.new_set(&[])?;
                self.fill(id, s);
                while !self.at_end()? { let x = self.load()?; self.vm.set_add(s, x)?; }
                s
            }
            tag::FROZENSET => {
                let id = self.reserve();
                let n = self.count(1)?;
                let items = RootedVec::new(&self.vm.r);
                for _ in 0..n { let x = self.load()?; items.push(x); }
                // Through a GC tuple: the set's allocations and the items'
                // hashing would leave an unrooted copy stale.
                let t = items.to_tuple(self.vm);
                let s = self.vm.new_frozenset(tuple_slice(t))?;
                std::hint::black_box(t);
                self.fill(id, s);
                s
            }
            tag::GLOBAL => {
                let id = self.reserve();
                let module = self.raw_str()?.to_string();
                let qual = self.raw_str()?.to_string();
                let v = self.find_global(&module, &qual)?;
                self.fill(id, v);
                self.global_ids.insert(id as u32);
                v
            }
            tag::MODULE | tag::GLOBALS => {
                let id = self.reserve();
                let name = self.raw_str()?.to_string();
                let m = self.import(&name)?;
                let v = if t == tag::MODULE { m } else { self.vm.module_dict(m) };
                self.fill(id, v);
                v
            }
            tag::BUILTIN_METHOD => {
                let id = self.reserve();
                let o = self.load()?;
                let name = self.raw_str()?.to_string();
                let v = self.vm.getattr_str(o, &name)?;
                if !Self::is(v, Kind::Builtin) {
                    return Err(self.bad(&format!("attribute '{name}' is not a builtin method")));
                }
                self.fill(id, v);
                v
            }
            tag::FUNCTION => self.load_function()?,
            tag::CODE => self.load_code()?,
            tag::CELL => {
                let id = self.reserve();
                let c = self.vm.new_cell(Value::NULL);
                self.fill(id, c);
                let x = self.load_opt()?;
                set_s4(c, 0, x);
                c
            }
            tag::FRAME => self.load_frame()?,
            tag::GENERATOR => {
                let id = self.reserve();
                let empty = self.vm.intern("");
                // Inert until `finish`: a finished generator without a frame.
                let g = self.vm.new_obj4(Kind::Generator, self.vm.ty(Ty::Generator),
                    [Value::NULL, Value::small(gen_state::FINISHED), empty, empty]);
                self.fill(id, g);
                let state = self.uvar()?;
                if state > gen_state::FINISHED as u64 { return Err(self.bad("invalid generator state")); }
                let name = self.load()?;
                let qual = self.load()?;
                let frame = self.load()?;
                for v in [g, frame, Value::small(state as i64), name, qual] { self.gens.push(v); }
                g
            }
            tag::BOUND_METHOD => {
                let id = self.reserve();
                let f = self.load()?;
                let s = self.load()?;
                if !f.is_ref() { return Err(self.bad("a bound method's function must be an object")); }
                let m = self.vm.new_bound_method(f, s);
                self.fill(id, m);
                m
            }
            tag::INSTANCE => self.load_instance()?,
            tag::REDUCE => self.load_reduce()?,
            tag::RANGE => {
                let id = self.reserve();
                let (a, b, c) = (self.load()?, self.load()?, self.load()?);
                let int = |vm: &Vm, v: Value| v.is_int() || (v.is_ref() && kind_of(v) == Kind::BigInt && cls_of(v) == vm.ty(Ty::Int));
                if !(int(self.vm, a) && int(self.vm, b) && int(self.vm, c)) || c == Value::small(0) {
                    return Err(self.bad("invalid range"));
                }
                let v = self.vm.new_range(a, b, c)?;
                self.fill(id, v);
                v
            }
            tag::SLICE => {
                let id = self.reserve();
                let (a, b, c) = (self.load()?, self.load()?, self.load()?);
                let v = self.vm.new_slice(a, b, c);
                self.fill(id, v);
                v
            }
            tag::ITER => self.load_iter()?,
            tag::TRACEBACK => {
                let id = self.reserve();
                let next = self.load_opt()?;
                let frame = self.load()?;
                let line = self.load()?;
                let pc = self.load()?;
                let ok = (next.is_null() || next == Value::NONE || Self::is(next, Kind::Traceback))
                    && Self::is(frame, Kind::Frame) && line.is_int() && pc.is_int();
                if !ok { return Err(self.bad("invalid traceback")); }
                let next = if next == Value::NONE { Value::NULL } else { next };
                let tb = self.vm.new_obj4(Kind::Traceback, self.vm.ty(Ty::Traceback), [next, frame, line, pc]);
                self.fill(id, tb);
                tb
            }
            tag::TASKLET => self.load_tasklet()?,
            tag::CHANNEL => self.load_channel()?,
            tag::SUBCLASS => self.load_subclass()?,
            _ => return Err(self.bad(&format!("invalid record tag {t} at offset {}", self.r.pos - 1))),
        })
    }

    /// Consumes END if it is next.
    fn at_end(&mut self) -> PyResult<bool> {
        let r = self.r.peek();
        if self.io(r)? == tag::END { self.r.pos += 1; return Ok(true); }
        Ok(false)
    }

    fn import(&mut self, name: &str) -> PyResult<Value> {
        match self.vm.import_module(name) {
            Ok(m) => Ok(m),
            Err(e) => {
                let msg = self.vm.format_exception_only(e.0);
                Err(self.bad(&format!("cannot import module '{name}': {}", msg.trim_end())))
            }
        }
    }

    /// `module.qualname`, which must be a class or a function.
    fn find_global(&mut self, module: &str, qual: &str) -> PyResult<Value> {
        let m = self.import(module)?;
        let mut cur = m;
        for part in qual.split('.') {
            let got = if Self::is(cur, Kind::Module) {
                let d = self.vm.module_dict(cur);
                self.vm.dict_get_by_name(d, part)
            } else if Self::is(cur, Kind::Class) {
                self.vm.lookup_type_str(cur, part)
            } else {
                None
            };
            match got {
                Some(x) if x.is_ref() => cur = x,
                _ => return Err(self.bad(&format!("Can't get attribute '{qual}' on module '{module}'"))),
            }
        }
        if !matches!(kind_of(cur), Kind::Class | Kind::Function | Kind::Builtin) {
            return Err(self.bad(&format!("global '{module}.{qual}' is not a class or function")));
        }
        Ok(cur)
    }

    fn load_str(&mut self, what: &str) -> PyResult<Value> {
        let v = self.load()?;
        if !(Self::is(v, Kind::Str)) { return Err(self.bad(&format!("{what} must be a str"))); }
        Ok(v)
    }

    fn load_function(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        let code = self.load()?;
        if !Self::is(code, Kind::Code) { return Err(self.bad("a function's code must be a code object")); }
        let globals = self.load()?;
        if !Self::is(globals, Kind::Dict) { return Err(self.bad("a function's globals must be a dict")); }
        let name = self.load_str("a function's name")?;
        let qual = self.load_str("a function's qualified name")?;
        let nfree = code_data(code).nfreevars as usize;
        // Until its closure is loaded, the function has empty cells of its own.
        let placeholder = if nfree == 0 { Value::NULL } else {
            let t = self.vm.alloc_tuple(nfree);
            for i in 0..nfree { tuple_init(t, i, Value::NONE); }
            for i in 0..nfree { let c = self.vm.new_cell(Value::NULL); tuple_init(t, i, c); }
            t
        };
        let f = self.vm.new_function(code, globals, Value::NULL, Value::NULL, placeholder);
        set_field!(f, FunctionL, name, name);
        set_field!(f, FunctionL, qualname, qual);
        self.fill(id, f);
        let defaults = self.load_opt()?;
        let kwdefaults = self.load_opt()?;
        let closure = self.load_opt()?;
        let dict = self.load_opt()?;
        let module = self.load_opt()?;
        let doc = self.load_opt()?;
        let none_null = |v: Value| if v == Value::NONE { Value::NULL } else { v };
        let (defaults, kwdefaults, closure, dict) = (none_null(defaults), none_null(kwdefaults), none_null(closure), none_null(dict));
        if !(defaults.is_null() || Self::is(defaults, Kind::Tuple)) { return Err(self.bad("a function's defaults must be a tuple")); }
        if !(kwdefaults.is_null() || Self::is(kwdefaults, Kind::Dict)) { return Err(self.bad("a function's keyword defaults must be a dict")); }
        if !(dict.is_null() || Self::is(dict, Kind::Dict)) { return Err(self.bad("a function's __dict__ must be a dict")); }
        if !function_parts_ok(code, closure, defaults, kwdefaults) {
            return Err(self.bad(&format!("a function's closure must be a tuple of {nfree} cells and its defaults fit its parameters")));
        }
        set_field!(f, FunctionL, defaults, defaults);
        set_field!(f, FunctionL, kwdefaults, kwdefaults);
        if !closure.is_null() { set_field!(f, FunctionL, closure, closure); }
        set_field!(f, FunctionL, dict, dict);
        set_field!(f, FunctionL, module, if module.is_null() { Value::NONE } else { module });
        set_field!(f, FunctionL, doc, if doc.is_null() { Value::NONE } else { doc });
        Ok(f)
    }

    fn load_str_tuple(&mut self, what: &str) -> PyResult<Value> {
        let t = self.load()?;
        if !(Self::is(t, Kind::Tuple) && tuple_slice(t).iter().all(|&s| Self::is(s, Kind::Str))) {
            return Err(self.bad(&format!("a code object's {what} must be a tuple of str")));
        }
        Ok(t)
    }

    fn load_code(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        let consts = self.load()?;
        if !Self::is(consts, Kind::Tuple) { return Err(self.bad("a code object's constants must be a tuple")); }
        let names = self.load_str_tuple("names")?;
        let varnames = self.load_str_tuple("variable names")?;
        let cellvars = self.load_str_tuple("cell variables")?;
        let freevars = self.load_str_tuple("free variables")?;
        let name = self.load_str("a code object's name")?;
        let qualname = self.load_str("a code object's qualified name")?;
        let filename = self.load_str("a code object's file name")?;
        let doc = self.load()?;
        let mut nums = [0u32; 6];
        for x in nums.iter_mut() { *x = self.u32v()?; }
        let [flags, argcount, posonly, kwonly, stacksize, first_line] = nums;
        let n = self.count(2)?;
        let mut instrs = Vec::with_capacity(n);
        for i in 0..n {
            let b = self.u8()?;
            let Some(&op) = Op::ALL.get(b as usize) else { return Err(self.bad(&format!("invalid opcode {b} at instruction {i}"))) };
            let arg = self.u32v()?;
            instrs.push(Instr { op, arg });
        }
        let n = self.count(1)?;
        let mut lines = Vec::with_capacity(n);
        let mut prev = first_line as i64;
        for _ in 0..n {
            let d = self.svar()?;
            let l = prev.checked_add(d).filter(|l| (0..=u32::MAX as i64).contains(l)).ok_or_else(|| self.bad("invalid line table"))?;
            lines.push(l as u32);
            prev = l;
        }
        let n = self.count(2)?;
        let mut positions = Vec::with_capacity(n);
        for _ in 0..n { let a = self.u32v()?; let b = self.u32v()?; positions.push((a, b)); }
        let n = self.count(4)?;
        let mut exc_table = Vec::with_capacity(n);
        for _ in 0..n {
            let (start, end, handler, depth) = (self.u32v()?, self.u32v()?, self.u32v()?, self.u32v()?);
            exc_table.push(ExcEntry { start, end, handler, depth });
        }
        let n = self.count(2)?;
        let mut cell2arg = Vec::with_capacity(n);
        for _ in 0..n { let a = self.u32v()?; let b = self.u32v()?; cell2arg.push((a, b)); }
        let ninstrs = instrs.len();
        let data = CodeData {
            instrs, lines, positions, exc_table,
            caches: vec![Cache::default(); ninstrs],
            flags, argcount, posonlyargcount: posonly, kwonlyargcount: kwonly,
            nlocals: tuple_slice(varnames).len() as u32,
            ncellvars: tuple_slice(cellvars).len() as u32,
            nfreevars: tuple_slice(freevars).len() as u32,
            stacksize, cell2arg, first_line, calls: 0,
        };
        let facts = match verify_code(&data, tuple_slice(consts).len(), tuple_slice(names).len(),
                                      tuple_slice(varnames).len(), tuple_slice(cellvars).len(), tuple_slice(freevars).len()) {
            Ok(f) => f,
            Err(m) => {
                let nm = str_ref(name).to_string();
                return Err(self.bad(&format!("invalid code object '{nm}': {m}")));
            }
        };
        let c = self.vm.new_code([consts, names, varnames, cellvars, freevars, name, qualname, filename, doc], data);
        self.facts.insert(id_of(c), facts);
        self.fill(id, c);
        Ok(c)
    }

    /// The verifier's facts about `code` (computed on first use for code
    /// objects that did not come from a CODE record).
    fn facts(&mut self, code: Value) -> PyResult<&CodeFacts> {
        if !self.facts.contains_key(&id_of(code)) {
            let co = obj::<CodeL>(code);
            let n = |t: Value| tuple_slice(t).len();
            let r = verify_code(code_data(code), n(co.consts), n(co.names), n(co.varnames), n(co.cellvars), n(co.freevars));
            match r {
                Ok(f) => { self.facts.insert(id_of(code), f); }
                Err(m) => return Err(self.bad(&format!("invalid code object: {m}"))),
            }
        }
        Ok(&self.facts[&id_of(code)])
    }

    fn load_frame(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        let code = self.load()?;
        if !Self::is(code, Kind::Code) { return Err(self.bad("a frame's code must be a code object")); }
        let globals = self.load()?;
        if !Self::is(globals, Kind::Dict) { return Err(self.bad("a frame's globals must be a dict")); }
        // A fresh frame (valid cells, empty stack) until its state checks out.
        let f = self.vm.alloc_frame(code, globals);
        let cd = code_data(code);
        let (nlocals, base, nslots) = (cd.nlocals as usize, obj::<FrameL>(f).stack_base as usize, obj::<FrameL>(f).nslots as usize);
        for i in nlocals..base { let c = self.vm.new_cell(Value::NULL); frame_set(f, i, c); }
        self.fill(id, f);
        self.frames.insert(id_of(f));
        let func = self.load_opt()?;
        let locals = self.load_opt()?;
        let back = self.load_opt()?;
        let init_self = self.load_opt()?;
        let kwnames = self.load_opt()?;
        let exc_save = self.load_opt()?;
        let (pc, sp, ret_mode, lineno) = (self.u32v()? as usize, self.u32v()? as usize, self.u32v()?, self.u32v()?);
        let ninstrs = code_data(code).instrs.len();
        let ok = (func.is_null() || Self::is(func, Kind::Function))
            && (locals.is_null() || Self::is(locals, Kind::Dict))
            && (back.is_null() || Self::is(back, Kind::Frame))
            && (kwnames.is_null() || Self::is(kwnames, Kind::Tuple))
            && (exc_save.is_null() || exc_save == Value::NONE || is_exception_instance(exc_save))
            && pc <= ninstrs && (base..=nslots).contains(&sp) && ret_mode <= ret::SEND
            && (ret_mode == ret::INIT) == !init_self.is_null();
        if !ok { return Err(self.bad("invalid frame")); }
        let n = self.count(1)?;
        if n != sp { return Err(self.bad("a frame's slot count does not match its stack pointer")); }
        let slots = RootedVec::new(&self.vm.r);
        for i in 0..n {
            let v = self.load_opt()?;
            if (nlocals..base).contains(&i) && !Self::is(v, Kind::Cell) {
                return Err(self.bad("a frame's cell slot does not hold a cell"));
            }
            slots.push(v);
        }
        for i in 0..n { frame_set(f, i, slots.get(i)); }
        set_field!(f, FrameL, func, func);
        set_field!(f, FrameL, locals, locals);
        set_field!(f, FrameL, back, back);
        set_field!(f, FrameL, init_self, init_self);
        set_field!(f, FrameL, kwnames, kwnames);
        set_field!(f, FrameL, exc_save, exc_save);
        let fo = obj::<FrameL>(f);
        fo.pc = pc as u32;
        fo.sp = sp as u32;
        fo.ret_mode = ret_mode;
        fo.lineno = lineno;
        // The pickle may hold other references to it (a traceback, a
        // generator): never recycle it.
        fo.flags |= FRAME_ESCAPED;
        Ok(f)
    }

    fn load_iter(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        let k = self.u8()?;
        let Some(&kind) = ITER_KINDS.get(k as usize) else { return Err(self.bad("invalid iterator kind")) };
        let mut s = [Value::NULL; 4];
        for x in s.iter_mut() { *x = self.load_opt()?; }
        let small_nonneg = |v: Value| v.is_int() && v.int() >= 0;
        let is = Self::is;
        let int = |v: Value| v.is_int() || is(v, Kind::BigInt);
        let (ok, ty) = match kind {
            Kind::ListIter => ((s[0].is_null() || is(s[0], Kind::List)) && small_nonneg(s[1]), Ty::ListIter),
            Kind::TupleIter => (is(s[0], Kind::Tuple) && small_nonneg(s[1]), Ty::TupleIter),
            Kind::RangeIter => (int(s[0]) && int(s[1]) && int(s[2]) && s[2] != Value::small(0), Ty::RangeIter),
            Kind::StrIter => {
                let ok = is(s[0], Kind::Str) && small_nonneg(s[1]) && str_ref(s[0]).is_char_boundary(s[1].int() as usize);
                let ascii = ok && obj::<StrL>(s[0]).nchars == obj::<StrL>(s[0]).nbytes;
                (ok, if ascii { Ty::StrIter } else { Ty::StrIterU })
            }
            Kind::BytesIter => ((is(s[0], Kind::Bytes) || is(s[0], Kind::ByteArray)) && small_nonneg(s[1]), Ty::BytesIter),
            Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter => {
                let ok = is(s[0], Kind::Dict) && small_nonneg(s[1]) && s[2].is_int()
                    && (kind != Kind::SetIter || s[3].is_null() || is(s[3], Kind::List))
                    && (kind == Kind::SetIter || s[3].is_null());
                let ty = match kind { Kind::DictKeyIter => Ty::DictKeyIter, Kind::DictValueIter => Ty::DictValueIter,
                                      Kind::DictItemIter => Ty::DictItemIter, _ => Ty::SetIter };
                (ok, ty)
            }
            Kind::Enumerate => (s[0].is_ref() && int(s[1]), Ty::Enumerate),
            Kind::Zip => (is(s[0], Kind::Tuple) && tuple_slice(s[0]).iter().all(|v| v.is_ref()) && s[1].is_bool(), Ty::Zip),
            Kind::Map => (s[0].is_ref() && is(s[1], Kind::Tuple) && tuple_slice(s[1]).iter().all(|v| v.is_ref()), Ty::Map),
            Kind::Filter => (!s[0].is_null() && s[1].is_ref(), Ty::Filter),
            Kind::Reversed => ((s[0].is_null() || s[0].is_ref()) && s[1].is_int(), Ty::Reversed),
            Kind::SeqIter => ((s[0].is_null() || s[0].is_ref()) && s[1].is_int(), Ty::SeqIter),
            Kind::CallIter => ((s[0].is_null() || s[0].is_ref()) && !s[1].is_null(), Ty::CallIter),
            _ => (false, Ty::ListIter),
        };
        if !ok { return Err(self.bad("invalid iterator state")); }
        let it = self.vm.new_obj4(kind, self.vm.ty(ty), s);
        self.fill(id, it);
        Ok(it)
    }

    fn load_instance(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        let cls = self.load()?;
        if !(Self::is(cls, Kind::Class) && self.vm.layout_of(cls) == Kind::Instance) {
            return Err(self.bad("an instance's class must be a class of plain instances"));
        }
        let object_new = self.vm.object_new_fn();
        let inst = match self.vm.lookup_type_str(cls, "__new__") {
            Some(n) if n != object_new => {
                let n = self.vm.bind_descriptor(n, Value::NULL, cls)?;
                self.vm.call(n, &[cls])?
            }
            _ => self.vm.new_instance(cls),
        };
        if !(Self::is(inst, Kind::Instance) && self.vm.isinstance(inst, cls)) {
            return Err(self.bad("__new__ did not return an instance of its class"));
        }
        self.fill(id, inst);
        match self.u8()? {
            0 => {
                let n = self.count(2)?;
                for _ in 0..n {
                    let name = self.load_str("an attribute name")?;
                    let v = self.load()?;
                    self.vm.instance_set(inst, name, v)?;
                }
                let d = self.load_opt()?;
                if !d.is_null() {
                    if !Self::is(d, Kind::Dict) { return Err(self.bad("an instance's __dict__ must be a dict")); }
                    let dd = self.vm.instance_to_dict_mode(inst);
                    self.vm.dict_update_from(dd, d)?;
                }
            }
            1 => {
                let state = self.load_opt()?;
                self.set_state(inst, state)?;
            }
            _ => return Err(self.bad("invalid instance state kind")),
        }
        Ok(inst)
    }

    /// `obj.__setstate__(state)` if its class has one, else the state is a
    /// dict of attributes or a (dict, slots dict) pair.
    fn set_state(&mut self, o: Value, state: Value) -> PyResult<()> {
        if state.is_null() { return Ok(()); }
        let cls = self.vm.type_of(o);
        let object = self.vm.ty(Ty::Object);
        let base = self.vm.lookup_type_str(object, "__setstate__");
        if matches!(self.vm.lookup_type_str(cls, "__setstate__"), Some(m) if Some(m) != base) {
            self.vm.call_method(o, "__setstate__", &[state])?;
            return Ok(());
        }
        if state == Value::NONE { return Ok(()); }
        let (d, slots) = if Self::is(state, Kind::Tuple) && tuple_slice(state).len() == 2 {
            (tuple_slice(state)[0], tuple_slice(state)[1])
        } else {
            (state, Value::NONE)
        };
        for part in [d, slots] {
            if part == Value::NONE { continue; }
            if !Self::is(part, Kind::Dict) { return Err(self.bad("state is not a dictionary")); }
            let mut i = 0;
            while i < self.vm.dict_used(part) {
                if let Some((k, v)) = self.vm.dict_entry(part, i) {
                    if !Self::is(k, Kind::Str) { return Err(self.bad("attribute names in a state must be str")); }
                    self.vm.setattr(o, k, v)?;
                }
                i += 1;
            }
        }
        Ok(())
    }

    fn load_reduce(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        // The callable must come straight from a GLOBAL record.
        let start = self.r.pos;
        let callable = self.load()?;
        let is_global = match self.r.data.get(start) {
            Some(&tag::GLOBAL) => true,
            Some(&tag::REF) => {
                let mut rd = Reader::new(self.r.data);
                rd.pos = start + 1;
                matches!(rd.uvar(), Ok(n) if self.global_ids.contains(&(n as u32)))
            }
            _ => false,
        };
        if !is_global { return Err(self.bad("REDUCE may only call a class or function named by module and qualified name")); }
        let args = self.load()?;
        if !Self::is(args, Kind::Tuple) { return Err(self.bad("REDUCE arguments must be a tuple")); }
        let o = self.vm.call(callable, tuple_slice(args))?;
        self.fill(id, o);
        let state = self.load()?;
        let listitems = self.load()?;
        let dictitems = self.load()?;
        if listitems != Value::NONE {
            if !Self::is(listitems, Kind::List) { return Err(self.bad("REDUCE list items must be a list")); }
            let mut i = 0;
            while i < list_slice(listitems).len() {
                let x = list_slice(listitems)[i];
                self.vm.call_method(o, "append", &[x])?;
                i += 1;
            }
        }
        if dictitems != Value::NONE {
            if !Self::is(dictitems, Kind::List) { return Err(self.bad("REDUCE dict items must be a list")); }
            let mut i = 0;
            while i < list_slice(dictitems).len() {
                let p = list_slice(dictitems)[i];
                if !(Self::is(p, Kind::Tuple) && tuple_slice(p).len() == 2) { return Err(self.bad("REDUCE dict items must be pairs")); }
                let (k, v) = (tuple_slice(p)[0], tuple_slice(p)[1]);
                self.vm.setitem(o, k, v)?;
                i += 1;
            }
        }
        if state != Value::NONE { self.set_state(o, state)?; }
        Ok(o)
    }

    fn load_subclass(&mut self) -> PyResult<Value> {
        let cls = self.load()?;
        let r = self.r.peek();
        let t = self.io(r)?;
        let (kind, base) = match t {
            tag::TUPLE => (Kind::Tuple, Ty::Tuple), tag::LIST => (Kind::List, Ty::List), tag::DICT => (Kind::Dict, Ty::Dict),
            tag::SET => (Kind::Set, Ty::Set), tag::FROZENSET => (Kind::FrozenSet, Ty::FrozenSet),
            tag::BYTEARRAY => (Kind::ByteArray, Ty::ByteArray),
            _ => return Err(self.bad("invalid subclass record")),
        };
        let basecls = self.vm.ty(base);
        if !(Self::is(cls, Kind::Class) && self.vm.layout_of(cls) == self.vm.layout_of(basecls) && self.vm.is_subclass(cls, basecls)) {
            return Err(self.bad("invalid class for a builtin subclass instance"));
        }
        let v = self.load()?;
        if kind_of(v) != kind { return Err(self.bad("invalid subclass record")); }
        set_field!(v, ObjHead, cls, cls);
        let attrs = self.load_opt()?;
        if !attrs.is_null() {
            if kind == Kind::Tuple || !Self::is(attrs, Kind::Dict) { return Err(self.bad("invalid attributes of a builtin subclass instance")); }
            set_field!(v, ListL, attrs, attrs);
        }
        Ok(v)
    }

    fn ensure_stackless(&mut self) -> PyResult<()> {
        if !self.vm.sched.active { self.import("stackless")?; }
        Ok(())
    }

    fn load_tasklet(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        self.ensure_stackless()?;
        let cls = self.load()?;
        let base = self.vm.sv(sr::TASKLET_CLS);
        if !(Self::is(cls, Kind::Class) && self.vm.layout_of(cls) == Kind::Tasklet && self.vm.is_subclass(cls, base)) {
            return Err(self.bad("a tasklet's class must be stackless.tasklet or a subclass"));
        }
        // Inert (not alive) until `finish`, and never killed as lost before
        // it first runs (`tf::LOADED`).
        let t = self.vm.alloc_tasklet(cls);
        self.vm.tasklet_loaded(t);
        self.fill(id, t);
        self.tasklets_made.insert(id_of(t));
        let vals = RootedVec::new(&self.vm.r);
        vals.push(t);
        for _ in 0..10 { let v = self.load_opt()?; vals.push(v); }
        let flags = self.uvar()?;
        let blocked = self.svar()?;
        vals.push(Value::small((flags & 0xffff_ffff) as i64));
        vals.push(Value::small(blocked.clamp(-2, 2)));
        if flags > u32::MAX as u64 { return Err(self.bad("invalid tasklet flags")); }
        for i in 0..TASKLET_FIELDS { self.tasklets.push(vals.get(i)); }
        Ok(t)
    }

    fn load_channel(&mut self) -> PyResult<Value> {
        let id = self.reserve();
        self.ensure_stackless()?;
        let cls = self.load()?;
        let base = self.vm.sv(sr::CHANNEL_CLS);
        if !(Self::is(cls, Kind::Class) && self.vm.layout_of(cls) == Kind::Channel && self.vm.is_subclass(cls, base)) {
            return Err(self.bad("a channel's class must be stackless.channel or a subclass"));
        }
        let c = self.vm.alloc_channel(cls);
        self.fill(id, c);
        self.channels_made.insert(id_of(c));
        let attrs = self.load_opt()?;
        if !(attrs.is_null() || Self::is(attrs, Kind::Dict)) { return Err(self.bad("a channel's attributes must be a dict")); }
        set_field!(c, ChannelL, attrs, attrs);
        let balance = self.svar()?;
        let pref = self.svar()?;
        let flags = self.uvar()?;
        let n = self.count(1)?;
        let q = RootedVec::new(&self.vm.r);
        for _ in 0..n { let t = self.load()?; q.push(t); }
        if !(-1..=1).contains(&pref) || flags & !(cflag::CLOSING | cflag::SCHEDULE_ALL) != 0 || balance.unsigned_abs() != n as u64 {
            return Err(self.bad("invalid channel state"));
        }
        let queue = q.to_tuple(self.vm);
        for v in [c, Value::small(balance), Value::small(pref), Value::small(flags as i64), queue] { self.channels.push(v); }
        Ok(c)
    }

    /// Checks the deferred tasklets, generators and channels together and
    /// brings them to life.
    fn finish(&mut self) -> PyResult<()> {
        // Frames resumed by some tasklet or generator (each at most once).
        let mut claimed: HashSet<usize> = HashSet::new();
        // Chain frames resumed by FOR_ITER: they must belong to a running generator.
        let mut for_iter_frames: HashSet<usize> = HashSet::new();
        let nt = self.tasklets.len() / TASKLET_FIELDS;
        let mut activate: Vec<(usize, u64, u64)> = Vec::with_capacity(nt);
        for i in 0..nt {
            let g = |k: usize| self.tasklets.get(i * TASKLET_FIELDS + k);
            let (t, attrs, func, args, kwargs, top, base, tempval, channel, exc_info, pending) =
                (g(0), g(1), g(2), g(3), g(4), g(5), g(6), g(7), g(8), g(9), g(10));
            let (flags, blocked) = (g(11).int() as u64, g(12).int());
            if flags & !super::enc::SAVED_FLAGS != 0 { return Err(self.bad("invalid tasklet flags")); }
            if !(attrs.is_null() || Self::is(attrs, Kind::Dict)) { return Err(self.bad("a tasklet's attributes must be a dict")); }
            if !(-1..=1).contains(&blocked) || (blocked != 0) != !channel.is_null() {
                return Err(self.bad("invalid tasklet blocking state"));
            }
            if !channel.is_null() && !(Self::is(channel, Kind::Channel) && self.channels_made.contains(&id_of(channel))) {
                return Err(self.bad("a tasklet is blocked on something that is not a pickled channel"));
            }
            if !(pending.is_null() || is_exception_instance(pending)) {
                return Err(self.bad("a tasklet's pending exception must be an exception"));
            }
            if !(exc_info.is_null() || exc_info == Value::NONE || is_exception_instance(exc_info)) {
                return Err(self.bad("a tasklet's handled exception must be an exception"));
            }
            let alive = flags & tf::ALIVE != 0;
            let started = flags & tf::STARTED != 0;
            let mut depth = 0u64;
            if alive && started {
                depth = self.check_chain(top, base, flags, pending, &mut claimed, &mut for_iter_frames)?;
            } else {
                if !(top.is_null() && base.is_null()) { return Err(self.bad("a tasklet that has not started (or has ended) has frames")); }
                if alive && !func.is_ref() { return Err(self.bad("an unstarted tasklet needs a function")); }
                if !(args.is_null() || Self::is(args, Kind::Tuple)) || !(kwargs.is_null() || Self::is(kwargs, Kind::Dict)) {
                    return Err(self.bad("invalid tasklet arguments"));
                }
                if !alive && (blocked != 0 || flags & tf::PUSH != 0) { return Err(self.bad("a dead tasklet cannot be blocked")); }
            }
            set_field!(t, TaskletL, attrs, attrs);
            set_field!(t, TaskletL, func, if alive && !started { func } else { Value::NULL });
            set_field!(t, TaskletL, args, args);
            set_field!(t, TaskletL, kwargs, kwargs);
            set_field!(t, TaskletL, frame, top);
            set_field!(t, TaskletL, base, base);
            set_field!(t, TaskletL, tempval, if tempval.is_null() { Value::NONE } else { tempval });
            set_field!(t, TaskletL, exc_info, if exc_info.is_null() { Value::NONE } else { exc_info });
            set_field!(t, TaskletL, pending, pending);
            // Brought to life only once everything has been checked.
            activate.push((i, flags, depth));
        }
        // Generators.
        let ng = self.gens.len() / 5;
        let mut running_gen_frames: HashSet<usize> = HashSet::new();
        for i in 0..ng {
            let (g, frame, state, name, qual) = (self.gens.get(5 * i), self.gens.get(5 * i + 1), self.gens.get(5 * i + 2).int(),
                                                 self.gens.get(5 * i + 3), self.gens.get(5 * i + 4));
            if !(Self::is(frame, Kind::Frame) && self.frames.contains(&id_of(frame))) || !Self::is(name, Kind::Str) || !Self::is(qual, Kind::Str) {
                return Err(self.bad("invalid generator"));
            }
            let fo = obj::<FrameL>(frame);
            let code = fo.code;
            if !code_data(code).is_generator() { return Err(self.bad("a generator's code is not a generator function's")); }
            if !obj::<FrameL>(frame).gen.is_null() { return Err(self.bad("a frame belongs to two generators")); }
            match state {
                gen_state::RUNNING => {
                    if !for_iter_frames.contains(&id_of(frame)) {
                        return Err(self.bad("a running generator must be resumed by a pickled tasklet's for loop or yield from"));
                    }
                    running_gen_frames.insert(id_of(frame));
                }
                gen_state::FINISHED => {}
                _ => {
                    if !claimed.insert(id_of(frame)) { return Err(self.bad("a frame is resumed twice")); }
                    let how = if state == gen_state::CREATED { Resume::Fresh } else { Resume::Yielded };
                    if self.resume_state(frame, &[how])?.is_none() { return Err(self.bad("a suspended generator's frame is not at a resumable point")); }
                }
            }
            set_field!(frame, FrameL, gen, g);
            set_s4(g, 0, frame);
            set_s4(g, 2, name);
            set_s4(g, 3, qual);
            set_s4(g, 1, Value::small(state));
        }
        if for_iter_frames.iter().any(|f| !running_gen_frames.contains(f)) {
            return Err(self.bad("a frame resumed by a for loop or yield from is not a running generator's"));
        }
        // Channels: their queues must match the tasklets blocked on them.
        let nc = self.channels.len() / 5;
        let mut linked: HashSet<usize> = HashSet::new();
        // Each tasklet's deferred record (its index in `self.tasklets`), by address.
        let records: HashMap<usize, usize> = (0..nt).map(|i| (id_of(self.tasklets.get(i * TASKLET_FIELDS)), i)).collect();
        let record = |i: usize| {
            let g = |k: usize| self.tasklets.get(i * TASKLET_FIELDS + k);
            (g(8), g(12).int(), g(11).int() as u64)
        };
        for i in 0..nc {
            let (c, balance, queue) = (self.channels.get(5 * i), self.channels.get(5 * i + 1).int(), self.channels.get(5 * i + 4));
            let dir = balance.signum();
            for &t in tuple_slice(queue) {
                let ok = Self::is(t, Kind::Tasklet) && self.tasklets_made.contains(&id_of(t)) && linked.insert(id_of(t))
                    && records.get(&id_of(t)).map(|&i| record(i)).is_some_and(|(ch, b, f)| ch == c && b == dir && f & tf::ALIVE != 0);
                if !ok { return Err(self.bad("a channel's queue does not match the tasklets blocked on it")); }
            }
        }
        // Every blocked tasklet must be in its channel's queue.
        for i in 0..nt {
            let t = self.tasklets.get(i * TASKLET_FIELDS);
            if !self.tasklets.get(i * TASKLET_FIELDS + 8).is_null() && !linked.contains(&id_of(t)) {
                return Err(self.bad("a blocked tasklet is missing from its channel's queue"));
            }
        }
        // All checked: the tasklets come to life (still `tf::LOADED`) and
        // the blocked ones go back into their channels' queues.
        for (i, flags, depth) in activate {
            let o = t_obj(self.tasklets.get(i * TASKLET_FIELDS));
            o.depth = depth;
            o.flags = flags | tf::LOADED;
        }
        for i in 0..nc {
            let (c, balance, pref, flags, queue) = (self.channels.get(5 * i), self.channels.get(5 * i + 1).int(),
                self.channels.get(5 * i + 2).int(), self.channels.get(5 * i + 3).int() as u64, self.channels.get(5 * i + 4));
            let co = obj::<ChannelL>(c);
            co.preference = pref;
            co.flags = flags;
            for &t in tuple_slice(queue) { self.vm.chan_restore_waiter(c, t, balance.signum()); }
        }
        Ok(())
    }

    /// Which of the `allowed` resume states frame `f` is in (per the
    /// verifier's flow analysis of its code), with every value-stack slot
    /// that holds NULL one the interpreter may find NULL there.
    fn resume_state(&mut self, f: Value, allowed: &[Resume]) -> PyResult<Option<Resume>> {
        let fo = obj::<FrameL>(f);
        let (code, pc, sp, base) = (fo.code, fo.pc as usize, fo.sp as usize, fo.stack_base as usize);
        let depth = sp - base;
        let facts = self.facts(code)?;
        let cd = code_data(code);
        let Some(&how) = allowed.iter().find(|&&how| facts.resume_ok_as(cd, pc, depth, how)) else { return Ok(None) };
        let slots = frame_slots(f);
        for pos in 0..depth {
            if slots[base + pos].is_null() && !facts.resume_slot_may_be_null(pc, how, pos) {
                return Ok(None);
            }
        }
        Ok(Some(how))
    }

    /// Checks a started tasklet's frame chain from `top` down to `base`;
    /// returns its length (the tasklet's recursion depth).
    ///
    /// Each frame must have been created by this pickle, be resumed by no
    /// one else, and sit where the interpreter left it:
    /// - the top frame, when the tasklet blocked in a call (soft switch;
    ///   `PUSH` set, or an exception pending): right after a CALL, with the
    ///   call's result not yet pushed; or, when it was preempted at a safe
    ///   point, before an instruction with exactly the stack depth the
    ///   verifier computed there;
    /// - every caller: right after the CALL (or, for a generator running
    ///   inline, the FOR_ITER) that entered the frame above it, result not
    ///   yet pushed;
    /// - the base frame returns to native code (`ret::NATIVE`), the others
    ///   to their caller (NORMAL, INIT with the instance, FOR_ITER).
    fn check_chain(&mut self, top: Value, base: Value, flags: u64, pending: Value,
                   claimed: &mut HashSet<usize>, for_iter: &mut HashSet<usize>) -> PyResult<u64> {
        let mut f = top;
        let mut callee = Value::NULL;
        let mut n = 0u64;
        loop {
            if !(Self::is(f, Kind::Frame) && self.frames.contains(&id_of(f))) {
                return Err(self.bad("a tasklet's frame chain does not reach its base frame"));
            }
            if !claimed.insert(id_of(f)) { return Err(self.bad("a frame is resumed twice")); }
            n += 1;
            let fo = obj::<FrameL>(f);
            let (code, pc, sp, sbase, rm) = (fo.code, fo.pc as usize, fo.sp as usize, fo.stack_base as usize, fo.ret_mode);
            let is_base = f == base;
            let rm_ok = if is_base { rm == ret::NATIVE } else { rm != ret::NATIVE };
            if !rm_ok { return Err(self.bad("a frame in a tasklet's chain returns to the wrong place")); }
            if rm == ret::INIT && fo.init_self.is_null() { return Err(self.bad("an __init__ frame without its instance")); }
            let inline_gen = rm == ret::FOR_ITER || rm == ret::SEND;
            if inline_gen { for_iter.insert(id_of(f)); }
            if code_data(code).is_generator() != inline_gen {
                return Err(self.bad("a generator's frame can only be in a tasklet's chain inside a for loop or yield from"));
            }
            let depth = sp - sbase;
            let allowed: &[Resume] = if !callee.is_null() {
                match obj::<FrameL>(callee).ret_mode {
                    ret::FOR_ITER => &[Resume::ForIterCaller],
                    ret::SEND => &[Resume::SendCaller],
                    _ => &[Resume::AfterCall],
                }
            } else if flags & tf::PUSH != 0 {
                &[Resume::AfterCall]
            } else if !pending.is_null() {
                &[Resume::AfterCall, Resume::SafePoint, Resume::Fresh]
            } else {
                &[Resume::SafePoint, Resume::Fresh]
            };
            if self.resume_state(f, allowed)?.is_none() {
                return Err(self.bad(&format!("a tasklet's frame is not at a resumable point (instruction {pc}, stack depth {depth})")));
            }
            if is_base { break; }
            if n > self.frames.len() as u64 { return Err(self.bad("a tasklet's frame chain loops")); }
            callee = f;
            f = obj::<FrameL>(f).back;
        }
        Ok(n)
    }
}
