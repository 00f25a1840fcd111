//! Calling: the generic call protocol used from native code, frame creation
//! and CPython's argument-binding rules with their exact error messages.
//!
//! The interpreter has its own fast paths for Python-to-Python calls (which
//! push a frame and continue in the same loop); everything here may nest a
//! dispatch loop, so it counts against the native stack guard.

use crate::heap::*;
use crate::names::N;
use crate::object::cf;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyResult, Ty, Vm, FREE_FRAME_CLASSES, FREE_FRAMES_PER_CLASS};

/// How a frame hands its result back (FrameL.ret_mode).
pub mod ret {
    /// Push the return value on the caller's stack.
    pub const NORMAL: u32 = 0;
    /// Leave the dispatch loop: the frame was entered from native code.
    pub const NATIVE: u32 = 1;
    /// An `__init__` frame: check the result is None and push `init_self`.
    pub const INIT: u32 = 2;
    /// A generator resumed inline by FOR_ITER.
    pub const FOR_ITER: u32 = 3;
    /// A generator resumed inline by SEND (`yield from`): its return value
    /// replaces the subiterator on the caller's stack.
    pub const SEND: u32 = 4;
}

/// Generator states (Obj4 slot 1 of a Generator).
pub mod gen_state {
    pub const CREATED: i64 = 0;
    pub const RUNNING: i64 = 1;
    pub const SUSPENDED: i64 = 2;
    pub const FINISHED: i64 = 3;
}

/// Up to this many arguments are copied to a native stack buffer when a
/// receiver must be prepended (visible to the conservative scan).
const STACK_ARGS: usize = 12;

impl Vm {
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult {
        self.call_kw(f, args, Value::NULL)
    }

    /// Calls `f` with `args` (positional, then keyword values named by the
    /// tuple `kwnames`, or NULL).
    pub fn call_kw(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult {
        if !f.is_ref() { return Err(self.not_callable(f)); }
        match kind_of(f) {
            Kind::Function => {
                let frame = self.make_frame(f, args, kwnames)?;
                if code_data(obj::<FunctionL>(f).code).is_generator() {
                    return Ok(self.new_generator(frame, f));
                }
                self.run_frame_nested(frame)
            }
            Kind::Builtin => {
                let b = obj::<BuiltinL>(f);
                // SAFETY: `fptr` was stored from a `NativeFn` by `new_builtin`.
                let fp: NativeFn = unsafe { std::mem::transmute::<usize, NativeFn>(b.fptr) };
                let bound = b.bound;
                // Only the dispatch loop's direct calls may switch softly.
                self.soft_call = false;
                if bound.is_null() { return fp(self, args, kwnames); }
                self.with_prepended(bound, args, |vm, a| fp(vm, a, kwnames))
            }
            Kind::BoundMethod => {
                let (func, this) = (s4(f, 0), s4(f, 1));
                self.with_prepended(this, args, |vm, a| vm.call_kw(func, a, kwnames))
            }
            Kind::Class => {
                let meta = cls_of(f);
                if meta != self.ty(Ty::Type) && self.is_heap_class(meta) {
                    if let Some(m) = self.lookup_type(meta, self.n(N::call)) {
                        if !self.is_builtin_fn(m) {
                            return self.with_prepended(f, args, |vm, a| vm.call_kw(m, a, kwnames));
                        }
                    }
                }
                self.call_class(f, args, kwnames)
            }
            _ => {
                let cls = cls_of(f);
                if let Some(m) = self.lookup_type(cls, self.n(N::call)) {
                    self.check_stack()?;
                    return self.with_prepended(f, args, |vm, a| vm.call_kw(m, a, kwnames));
                }
                Err(self.not_callable(f))
            }
        }
    }

    pub fn not_callable(&mut self, f: Value) -> crate::vm::PyErr {
        let tn = self.type_name(f);
        self.new_exc(Exc::TypeError, &format!("'{tn}' object is not callable"))
    }

    /// Runs `k` with `first` prepended to `args`, in a buffer the collector
    /// can see (a native stack array, or a tuple for long argument lists).
    pub fn with_prepended<R>(&mut self, first: Value, args: &[Value], k: impl FnOnce(&mut Vm, &[Value]) -> R) -> R {
        if args.len() < STACK_ARGS {
            let mut buf = [Value::NULL; STACK_ARGS];
            buf[0] = first;
            buf[1..=args.len()].copy_from_slice(args);
            let r = k(self, &buf[..=args.len()]);
            std::hint::black_box(&buf);
            r
        } else {
            let t = self.alloc_tuple(args.len() + 1);
            tuple_init(t, 0, first);
            for (i, &a) in args.iter().enumerate() { tuple_init(t, i + 1, a); }
            let r = k(self, tuple_slice(t));
            std::hint::black_box(t);
            r
        }
    }

    /// Calls a class: `__new__` then `__init__`.
    pub fn call_class(&mut self, cls: Value, args: &[Value], kwnames: Value) -> PyResult {
        let nkw = if kwnames.is_null() { 0 } else { tuple_slice(kwnames).len() };
        if cls == self.ty(Ty::Type) && args.len() == 1 && nkw == 0 {
            return Ok(self.type_of(args[0]));
        }
        let newf = self.lookup_type(cls, self.n(N::new)).expect("object.__new__ exists");
        let object_new = self.object_new_fn();
        let inst = if newf == object_new {
            self.default_new(cls, args, kwnames)?
        } else {
            let newf = if newf.is_ref() && kind_of(newf) == Kind::StaticMethod { s4(newf, 0) } else { newf };
            self.with_prepended(cls, args, |vm, a| vm.call_kw(newf, a, kwnames))?
        };
        if !self.isinstance(inst, cls) { return Ok(inst); }
        let init = self.lookup_type(cls, self.n(N::init)).expect("object.__init__ exists");
        if init == self.object_init_fn() {
            if newf == object_new && (args.len() > 0) && !obj::<ClassL>(cls).flags & cf::EXC != 0 {
                // object() takes no arguments when neither __new__ nor __init__ is overridden.
                let cn = self.class_name(cls).to_string();
                return Err(self.new_exc(Exc::TypeError, &format!("{cn}() takes no arguments")));
            }
            return Ok(inst);
        }
        let r = self.with_prepended(inst, args, |vm, a| vm.call_kw(init, a, kwnames))?;
        if r != Value::NONE {
            let tn = self.type_name(r);
            return Err(self.new_exc(Exc::TypeError, &format!("__init__() should return None, not '{tn}'")));
        }
        Ok(inst)
    }

    pub fn object_new_fn(&mut self) -> Value {
        let o = self.ty(Ty::Object);
        self.dict_get_str(obj::<ClassL>(o).dict, self.n(N::new)).unwrap()
    }
    pub fn object_init_fn(&mut self) -> Value {
        let o = self.ty(Ty::Object);
        self.dict_get_str(obj::<ClassL>(o).dict, self.n(N::init)).unwrap()
    }

    /// `object.__new__(cls)`: an empty instance of the class's layout.
    pub fn default_new(&mut self, cls: Value, args: &[Value], _kwnames: Value) -> PyResult {
        match self.layout_of(cls) {
            Kind::Instance => {
                let inst = self.new_instance(cls);
                if obj::<ClassL>(cls).flags & cf::EXC != 0 {
                    let t = self.new_tuple(args);
                    self.set_exc_attr(inst, N::args, t)?;
                }
                Ok(inst)
            }
            Kind::List => { let l = self.new_list(&[]); obj::<ObjHead>(l).cls = cls; Ok(l) }
            Kind::Dict => { let d = self.new_dict(); obj::<ObjHead>(d).cls = cls; Ok(d) }
            Kind::Set => { let s = self.new_set(&[])?; obj::<ObjHead>(s).cls = cls; Ok(s) }
            _ => {
                let cn = self.class_name(cls).to_string();
                Err(self.new_exc(Exc::TypeError, &format!("object.__new__({cn}) is not safe, use {cn}.__new__()")))
            }
        }
    }

    /// Creates and fills a frame for calling the Python function `f`.
    pub fn make_frame(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        self.make_frame_inline(f, args, kwnames)
    }

    /// `make_frame`, inlined into the dispatch loop's CALL.
    #[inline(always)]
    pub fn make_frame_inline(&mut self, f: Value, args: &[Value], kwnames: Value) -> PyResult<Value> {
        let code = obj::<FunctionL>(f).code;
        let cd = code_data(code);
        let g = obj::<FunctionL>(f).globals;
        let frame = self.alloc_frame(code, g);
        // Initialising store: nothing has been allocated since the frame (the
        // barrier may be skipped, GcPlugin safety point 6; a recycled frame
        // had its barrier run by `alloc_frame`).
        obj::<FrameL>(frame).func = f;
        let simple = kwnames.is_null()
            && cd.flags & (crate::bytecode::CodeFlags::VARARGS | crate::bytecode::CodeFlags::VARKEYWORDS) == 0
            && cd.kwonlyargcount == 0
            && args.len() == cd.argcount as usize;
        if simple {
            frame_slots(frame)[..args.len()].copy_from_slice(args);
        } else {
            self.bind_args(f, frame, args, kwnames)?;
        }
        if cd.ncellvars != 0 || cd.nfreevars != 0 {
            self.init_cells(f, frame);
        }
        if !simple || cd.ncellvars != 0 {
            // Binding or cells allocated: a collection may have promoted the
            // frame since its initialising stores, and the caller's stores
            // into its fixed part (`back`, `init_self`) skip the barrier.
            barrier(frame);
        }
        Ok(frame)
    }

    /// `locals()` of frame `f` (also its `f_locals`): the namespace dict of
    /// module and class bodies; for functions a fresh snapshot of the fast
    /// locals, cells and free variables (writes to it do not affect the
    /// frame, as in CPython).
    pub fn frame_locals(&mut self, f: Value) -> PyResult {
        let fo = obj::<FrameL>(f);
        if !fo.locals.is_null() { return Ok(fo.locals); }
        let code = fo.code;
        let cd = code_data(code);
        if cd.flags & crate::bytecode::CodeFlags::OPTIMIZED == 0 { return Ok(fo.globals); }
        let (nlocals, ncell, nfree) = (cd.nlocals as usize, cd.ncellvars as usize, cd.nfreevars as usize);
        let d = self.new_dict();
        let varnames = obj::<CodeL>(code).varnames;
        for i in 0..nlocals.min(tuple_slice(varnames).len()) {
            let v = frame_slots(f)[i];
            if !v.is_null() { self.dict_set(d, tuple_slice(varnames)[i], v)?; }
        }
        for (names, base, n) in [(obj::<CodeL>(code).cellvars, nlocals, ncell), (obj::<CodeL>(code).freevars, nlocals + ncell, nfree)] {
            for j in 0..n.min(tuple_slice(names).len()) {
                let cell = frame_slots(f)[base + j];
                if cell.is_ref() && kind_of(cell) == Kind::Cell {
                    let v = s4(cell, 0);
                    if !v.is_null() { self.dict_set(d, tuple_slice(names)[j], v)?; }
                }
            }
        }
        Ok(d)
    }

    /// Puts `f`, which has just returned to a caller in the same dispatch
    /// loop, on the free list for its slot count, unless a reference to it
    /// may still be in use (`FRAME_ESCAPED`, a generator's frame) or the
    /// list is full. Its fields and slots are cleared, so it keeps nothing
    /// alive; `alloc_frame` hands it out again as if fresh.
    #[inline(always)]
    pub fn recycle_frame(&mut self, f: Value) {
        let fo = obj::<FrameL>(f);
        let n = fo.nslots as usize;
        if fo.flags != 0 || !fo.gen.is_null() || n >= FREE_FRAME_CLASSES
            || self.free_frame_count[n] >= FREE_FRAMES_PER_CLASS {
            return;
        }
        // NULL stores cannot create old-to-young references: no barrier.
        fo.code = Value::NULL; fo.func = Value::NULL; fo.globals = Value::NULL;
        fo.locals = Value::NULL; fo.init_self = Value::NULL; fo.kwnames = Value::NULL;
        fo.exc_save = Value::NULL;
        fo.pc = 0; fo.ret_mode = 0; fo.lineno = 0;
        // SAFETY: a Frame has `nslots` Values after its fixed part; all-zero
        // bytes are NULL Values.
        unsafe { std::ptr::write_bytes(frame_slots_ptr(f), 0, n) };
        let next = self.r.free_frames[n].get();
        set_field!(f, FrameL, back, next);
        self.r.free_frames[n].set(f);
        self.free_frame_count[n] += 1;
    }

    /// A fresh frame for `code` running with `globals`: slots empty, the
    /// value stack starting after locals and cells.
    #[inline(always)]
    pub fn alloc_frame(&mut self, code: Value, globals: Value) -> Value {
        let cd = code_data(code);
        let nslots = cd.nslots();
        let n = nslots as usize;
        let frame = if n < FREE_FRAME_CLASSES && !self.r.free_frames[n].get().is_null() {
            let fr = self.r.free_frames[n].get();
            self.free_frame_count[n] -= 1;
            self.r.free_frames[n].set(obj::<FrameL>(fr).back);
            obj::<FrameL>(fr).back = Value::NULL;
            // A recycled frame may be old: remember it before the raw
            // initialising stores below and in the caller.
            barrier(fr);
            fr
        } else {
            self.alloc(Kind::Frame, self.ty(Ty::Frame), std::mem::size_of::<FrameL>() + 8 * n)
        };
        let fo = obj::<FrameL>(frame);
        fo.nslots = nslots;
        fo.stack_base = cd.nlocals + cd.ncellvars + cd.nfreevars;
        fo.sp = fo.stack_base;
        fo.lineno = cd.first_line;
        // Initialising stores into the object just allocated: no barrier
        // (GcPlugin safety point 6).
        fo.code = code;
        fo.globals = globals;
        frame
    }

    /// Creates the cells of a new frame and copies the closure's cells.
    pub fn init_cells(&mut self, f: Value, frame: Value) {
        let code = obj::<FunctionL>(f).code;
        let cd = code_data(code);
        let base = cd.nlocals as usize;
        for i in 0..cd.ncellvars as usize {
            let init = cd.cell2arg.iter().find(|(c, _)| *c as usize == i).map(|&(_, a)| {
                let v = frame_slots(frame)[a as usize];
                frame_set(frame, a as usize, Value::NULL);
                v
            }).unwrap_or(Value::NULL);
            let cell = self.new_cell(init);
            frame_set(frame, base + i, cell);
        }
        if cd.nfreevars > 0 {
            let closure = obj::<FunctionL>(f).closure;
            let cells = tuple_slice(closure);
            for i in 0..cd.nfreevars as usize {
                frame_set(frame, base + cd.ncellvars as usize + i, cells[i]);
            }
        }
    }

    fn func_qualname(&self, f: Value) -> String {
        str_ref(obj::<FunctionL>(f).qualname).to_string()
    }

    /// CPython's argument binding (ceval.c `initialize_locals`).
    pub fn bind_args(&mut self, f: Value, frame: Value, args: &[Value], kwnames: Value) -> PyResult<()> {
        let code = obj::<FunctionL>(f).code;
        let cd = code_data(code);
        let (argcount, posonly, kwonly) = (cd.argcount as usize, cd.posonlyargcount as usize, cd.kwonlyargcount as usize);
        let has_varargs = cd.flags & crate::bytecode::CodeFlags::VARARGS != 0;
        let has_varkw = cd.flags & crate::bytecode::CodeFlags::VARKEYWORDS != 0;
        let kwn: &[Value] = if kwnames.is_null() { &[] } else { tuple_slice(kwnames) };
        let npos = args.len() - kwn.len();
        let varnames = tuple_slice(obj::<CodeL>(code).varnames);
        let total = argcount + kwonly;
        let mut kwdict = Value::NULL;
        if has_varkw {
            kwdict = self.new_dict();
            frame_set(frame, total + has_varargs as usize, kwdict);
        }
        let n = npos.min(argcount);
        for i in 0..n { frame_set(frame, i, args[i]); }
        if has_varargs {
            let rest = if npos > argcount { &args[argcount..npos] } else { &[][..] };
            let t = self.new_tuple(rest);
            frame_set(frame, total, t);
        }
        for (j, &name) in kwn.iter().enumerate() {
            let val = args[npos + j];
            let mut idx = None;
            for (i, &vn) in varnames[posonly..total].iter().enumerate() {
                if vn == name || str_ref(vn) == str_ref(name) { idx = Some(i + posonly); break; }
            }
            match idx {
                Some(i) => {
                    if !frame_slots(frame)[i].is_null() {
                        let q = self.func_qualname(f);
                        return Err(self.new_exc(Exc::TypeError, &format!(
                            "{q}() got multiple values for argument '{}'", str_ref(name))));
                    }
                    frame_set(frame, i, val);
                }
                None => {
                    if has_varkw {
                        self.dict_set(kwdict, name, val)?;
                    } else {
                        let q = self.func_qualname(f);
                        if varnames[..posonly].iter().any(|&vn| str_ref(vn) == str_ref(name)) {
                            return Err(self.new_exc(Exc::TypeError, &format!(
                                "{q}() got some positional-only arguments passed as keyword arguments: '{}'", str_ref(name))));
                        }
                        return Err(self.new_exc(Exc::TypeError, &format!(
                            "{q}() got an unexpected keyword argument '{}'", str_ref(name))));
                    }
                }
            }
        }
        if npos > argcount && !has_varargs {
            let defaults = obj::<FunctionL>(f).defaults;
            let defcount = if defaults.is_null() || defaults == Value::NONE { 0 } else { tuple_slice(defaults).len() };
            let kwonly_given = (argcount..total).filter(|&i| !frame_slots(frame)[i].is_null()).count();
            let q = self.func_qualname(f);
            let sig = if defcount > 0 {
                format!("from {} to {} positional arguments", argcount - defcount, argcount)
            } else {
                format!("{} positional argument{}", argcount, if argcount != 1 { "s" } else { "" })
            };
            let given = if kwonly_given > 0 {
                format!("{} positional argument{} (and {} keyword-only argument{})", npos, if npos != 1 { "s" } else { "" },
                        kwonly_given, if kwonly_given != 1 { "s" } else { "" })
            } else { npos.to_string() };
            let was = if npos == 1 && kwonly_given == 0 { "was" } else { "were" };
            return Err(self.new_exc(Exc::TypeError, &format!("{q}() takes {sig} but {given} {was} given")));
        }
        // Defaults for missing positionals.
        if npos < argcount {
            let defaults = obj::<FunctionL>(f).defaults;
            let defs: &[Value] = if defaults.is_null() || defaults == Value::NONE { &[] } else { tuple_slice(defaults) };
            let first_def = argcount - defs.len();
            let mut missing = Vec::new();
            for i in npos..argcount {
                if frame_slots(frame)[i].is_null() {
                    if i >= first_def { frame_set(frame, i, defs[i - first_def]); }
                    else { missing.push(str_ref(varnames[i]).to_string()); }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args_error(f, &missing, "positional"));
            }
        }
        if kwonly > 0 {
            let kwdefaults = obj::<FunctionL>(f).kwdefaults;
            let mut missing = Vec::new();
            for i in argcount..total {
                if frame_slots(frame)[i].is_null() {
                    let d = if kwdefaults.is_null() || kwdefaults == Value::NONE { None } else { self.dict_get_str(kwdefaults, varnames[i]) };
                    match d {
                        Some(v) => frame_set(frame, i, v),
                        None => missing.push(str_ref(varnames[i]).to_string()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args_error(f, &missing, "keyword-only"));
            }
        }
        Ok(())
    }

    fn missing_args_error(&mut self, f: Value, missing: &[String], kind: &str) -> crate::vm::PyErr {
        let q = self.func_qualname(f);
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        self.new_exc(Exc::TypeError, &format!("{q}() missing {} required {kind} argument{s}: {list}", missing.len()))
    }

    pub fn new_generator(&mut self, frame: Value, f: Value) -> Value {
        let name = obj::<FunctionL>(f).name;
        let qual = obj::<FunctionL>(f).qualname;
        let g = self.new_obj4(Kind::Generator, self.ty(Ty::Generator),
            [frame, Value::small(gen_state::CREATED), name, qual]);
        set_field!(frame, FrameL, gen, g);
        g
    }

    /// Runs a prepared frame in a nested dispatch loop until it returns.
    pub fn run_frame_nested(&mut self, frame: Value) -> PyResult {
        self.check_stack()?;
        obj::<FrameL>(frame).ret_mode = ret::NATIVE;
        self.run_frame(frame)
    }
}

/// Reads the arguments of a native function, with CPython's error messages.
pub struct ArgParser<'a> {
    pub name: &'a str,
    pub pos: &'a [Value],
    pub kwnames: &'a [Value],
    pub kwvals: &'a [Value],
}

impl<'a> ArgParser<'a> {
    pub fn new(name: &'a str, args: &'a [Value], kwnames: Value) -> Self {
        let kwn: &[Value] = if kwnames.is_null() { &[] } else { tuple_slice(kwnames) };
        let npos = args.len() - kwn.len();
        ArgParser { name, pos: &args[..npos], kwnames: kwn, kwvals: &args[npos..] }
    }
    /// The keyword argument `key`, if given.
    pub fn kw(&self, key: &str) -> Option<Value> {
        self.kwnames.iter().position(|&k| str_ref(k) == key).map(|i| self.kwvals[i])
    }
    /// Errors for keywords outside `allowed`.
    pub fn check_kw(&self, vm: &mut Vm, allowed: &[&str]) -> PyResult<()> {
        for &k in self.kwnames {
            let ks = str_ref(k);
            if !allowed.contains(&ks) {
                let name = self.name;
                return Err(vm.new_exc(Exc::TypeError, &format!("{name}() got an unexpected keyword argument '{ks}'")));
            }
        }
        Ok(())
    }
    /// Positional count check: between `min` and `max` arguments.
    pub fn expect(&self, vm: &mut Vm, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max { return Ok(()); }
        let name = self.name;
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name} expected {min} arguments, got {n}"),
            }
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        Err(vm.new_exc(Exc::TypeError, &msg))
    }
    /// Positional argument `i` or keyword `key`.
    pub fn get(&self, i: usize, key: &str) -> Option<Value> {
        self.pos.get(i).copied().or_else(|| self.kw(key))
    }
}
