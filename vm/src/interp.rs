//! The dispatch loop. Python-to-Python calls push a heap frame and continue in
//! this same loop (no Rust recursion); only native code calling back into
//! Python starts a nested loop (`run_frame_nested`).
//!
//! Frame states: a frame is *active* while it is on the chain from
//! `vm.r.frame` through `back` links. The loop keeps the running frame's
//! `pc` and `sp` in locals and writes them back before anything that can
//! observe them (calls, exceptions, yields).
//!
//! **Invariant (barrier):** stores into the slots of active frames skip the
//! write barrier; the root source reports every active frame's slots, and a
//! frame that leaves the chain while it stays alive (a suspended generator)
//! gets one barrier call when it leaves.
//!
//! Safe points: JUMP_BACKWARD and function entry decrement `vm.countdown`; at
//! zero the VM runs `safe_point()` (finalizers, and later preemption).

use crate::bytecode::{BinOp, CmpOp, Op, MakeFunctionFlags};
use crate::call::{gen_state, ret};
use crate::code::CodeData;
use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyErr, PyResult, Ty, Vm};

/// Instructions between safe-point polls of the slow path.
pub const SAFE_POINT_INTERVAL: i64 = 1 << 16;

impl Vm {
    /// Runs `entry` (already created, ret_mode set) until it returns or, for a
    /// generator frame, yields. `throw` raises an exception at the frame's
    /// current instruction first (generator.throw).
    pub fn run_frame(&mut self, entry: Value) -> PyResult {
        self.run_frame_throw(entry, None)
    }

    pub fn run_frame_throw(&mut self, entry: Value, throw: Option<PyErr>) -> PyResult {
        let saved = self.r.frame.get();
        set_field!(entry, FrameL, back, saved);
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            set_field!(entry, FrameL, back, Value::NULL);
            return Err(self.new_exc(Exc::RecursionError, "maximum recursion depth exceeded"));
        }
        self.r.frame.set(entry);
        self.loops += 1;
        self.soft_call = false;
        let r = self.dispatch(entry, entry, throw);
        self.loops -= 1;
        self.r.frame.set(saved);
        r
    }

    /// Runs a tasklet's frames in its base dispatch loop: `base` is the frame
    /// the tasklet started with (ret_mode NATIVE), `top` the innermost one
    /// (where it was switched out). `push` (unless NULL) is pushed on `top`'s
    /// value stack first: the result of the call that blocked. Returns the
    /// base frame's result, an uncaught exception, or `PyErr::SWITCH` when
    /// the tasklet was switched out softly (its state is in its tasklet).
    pub fn run_tasklet_frames(&mut self, base: Value, top: Value, push: Value, throw: Option<PyErr>) -> PyResult {
        debug_assert_eq!(self.loops, 0);
        self.r.frame.set(top);
        if !push.is_null() { self.push_to(top, push); }
        self.loops = 1;
        self.soft_call = false;
        let r = self.dispatch(base, top, throw);
        self.loops = 0;
        self.r.frame.set(Value::NULL);
        r
    }

    #[inline(never)]
    fn dispatch(&mut self, entry: Value, start: Value, throw: Option<PyErr>) -> PyResult {
        let mut f = start;
        let mut pending_err = throw;
        let mut kwnames = Value::NULL;

        'frame: loop {
            // (Re)load the running frame's state.
            let code = obj::<FrameL>(f).code;
            let cd: &mut CodeData = code_data(code);
            let consts = tuple_slice(obj::<CodeL>(code).consts);
            let names = tuple_slice(obj::<CodeL>(code).names);
            let slots = frame_slots_ptr(f);
            let mut pc = obj::<FrameL>(f).pc as usize;
            let mut sp = obj::<FrameL>(f).sp as usize;

            // Every access to the running frame's slots goes through these
            // three macros. Bounds: local and cell indices come from the
            // code's own varnames/cell counts (the compiler emits no others),
            // and the value-stack depth never exceeds `stacksize` (the
            // compiler's flow analysis, plus 2 spare slots in make_code), so
            // every index is below `nslots`. Code and frames from elsewhere
            // (pickles) must pass `verify::verify_code` and the frame rules
            // in verify.rs, which re-establish exactly this. Stores skip the barrier by the
            // active-frame invariant in the module docs.
            macro_rules! slot { ($i:expr) => {{
                let i: usize = $i;
                debug_assert!(i < obj::<FrameL>(f).nslots as usize);
                // SAFETY: `i < nslots` (see above); the frame is live (it is on the chain).
                unsafe { *slots.add(i) }
            }} }
            macro_rules! set_slot { ($i:expr, $v:expr) => {{
                let i: usize = $i;
                let v: Value = $v;
                debug_assert!(i < obj::<FrameL>(f).nslots as usize);
                // SAFETY: `i < nslots` (see above); the frame is live (it is on the chain).
                unsafe { *slots.add(i) = v; }
            }} }
            macro_rules! slots_range { ($a:expr, $n:expr) => {{
                let (a, n): (usize, usize) = ($a, $n);
                debug_assert!(a + n <= obj::<FrameL>(f).nslots as usize);
                // SAFETY: `a + n <= nslots` (arguments on the value stack); the slice
                // is used before anything can store into those slots.
                unsafe { std::slice::from_raw_parts(slots.add(a), n) }
            }} }
            macro_rules! push { ($v:expr) => {{ let v = $v; set_slot!(sp, v); sp += 1; }} }
            macro_rules! pop { () => {{ sp -= 1; slot!(sp) }} }
            macro_rules! top { () => { slot!(sp - 1) } }
            macro_rules! peek { ($n:expr) => { slot!(sp - $n) } }
            macro_rules! set_peek { ($n:expr, $v:expr) => {{ let v = $v; set_slot!(sp - $n, v); }} }
            macro_rules! save { () => {{ let fo = obj::<FrameL>(f); fo.pc = pc as u32; fo.sp = sp as u32; }} }

            let err: PyErr = 'run: {
                if let Some(e) = pending_err.take() { break 'run e; }
                macro_rules! tri { ($e:expr) => { match $e { Ok(v) => v, Err(e) => { save!(); break 'run e } } } }
                macro_rules! throw { ($exc:expr, $msg:expr) => {{ save!(); break 'run self.new_exc($exc, $msg) }} }
                loop {
                    // SAFETY: the compiler ends every code unit with RETURN_VALUE
                    // and jump targets are in range, so `pc` stays in bounds (code
                    // from elsewhere must pass `verify::verify_code`, which checks
                    // targets and that no reachable instruction falls off the end).
                    let ins = unsafe { *cd.instrs.get_unchecked(pc) };
                    pc += 1;
                    let arg = ins.arg as usize;
                    match ins.op {
                        Op::NOP => {}
                        Op::POP_TOP => { sp -= 1; }
                        Op::ROT_TWO => { let a = peek!(1); set_peek!(1, peek!(2)); set_peek!(2, a); }
                        Op::ROT_THREE => { let a = peek!(1); set_peek!(1, peek!(2)); set_peek!(2, peek!(3)); set_peek!(3, a); }
                        Op::ROT_FOUR => { let a = peek!(1); set_peek!(1, peek!(2)); set_peek!(2, peek!(3)); set_peek!(3, peek!(4)); set_peek!(4, a); }
                        Op::DUP_TOP => { let a = top!(); push!(a); }
                        Op::DUP_TOP_TWO => { let (a, b) = (peek!(2), peek!(1)); push!(a); push!(b); }
                        Op::COPY => { let a = peek!(arg); push!(a); }
                        Op::SWAP => { let a = peek!(1); set_peek!(1, peek!(arg)); set_peek!(arg, a); }
                        Op::PUSH_NULL => push!(Value::NULL),
                        Op::LOAD_CONST => push!(consts[arg]),
                        Op::LOAD_FAST => {
                            let v = slot!(arg);
                            if v.is_null() {
                                let name = str_ref(tuple_slice(obj::<CodeL>(code).varnames)[arg]).to_string();
                                throw!(Exc::UnboundLocalError, &format!("cannot access local variable '{name}' where it is not associated with a value"));
                            }
                            push!(v);
                        }
                        Op::STORE_FAST => { let v = pop!(); set_slot!(arg, v); }
                        Op::DELETE_FAST => {
                            let v = slot!(arg);
                            if v.is_null() {
                                let name = str_ref(tuple_slice(obj::<CodeL>(code).varnames)[arg]).to_string();
                                throw!(Exc::UnboundLocalError, &format!("cannot access local variable '{name}' where it is not associated with a value"));
                            }
                            set_slot!(arg, Value::NULL);
                        }
                        Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => {
                            let cell = slot!(cd.nlocals as usize + arg);
                            if ins.op == Op::LOAD_CLASSDEREF {
                                let locals = obj::<FrameL>(f).locals;
                                let name = self.cell_name(code, arg);
                                if locals.is_ref() && kind_of(locals) == Kind::Dict {
                                    if let Some(v) = self.dict_get_str(locals, name) { push!(v); continue; }
                                } else if !locals.is_null() {
                                    // Kind check: a namespace from __prepare__ is any mapping.
                                    save!();
                                    match self.getitem(locals, name) {
                                        Ok(v) => { push!(v); continue; }
                                        Err(e) if self.exc_matches(e, Exc::KeyError) => {}
                                        Err(e) => break 'run e,
                                    }
                                }
                            }
                            let v = s4(cell, 0);
                            if v.is_null() { save!(); break 'run self.unbound_deref(code, arg); }
                            push!(v);
                        }
                        Op::STORE_DEREF => {
                            let cell = slot!(cd.nlocals as usize + arg);
                            let v = pop!();
                            set_s4(cell, 0, v);
                        }
                        Op::DELETE_DEREF => {
                            let cell = slot!(cd.nlocals as usize + arg);
                            if s4(cell, 0).is_null() { save!(); break 'run self.unbound_deref(code, arg); }
                            set_s4(cell, 0, Value::NULL);
                        }
                        Op::LOAD_CLOSURE => { let c = slot!(cd.nlocals as usize + arg); push!(c); }
                        Op::LOAD_GLOBAL => {
                            let globals = obj::<FrameL>(f).globals;
                            let builtins = self.r.builtins.get();
                            let c = &mut cd.caches[pc - 1];
                            let (gv, bv) = (obj::<DictL>(globals).version, obj::<DictL>(builtins).version);
                            if c.key == gv && c.key2 == bv && c.val != 0 {
                                push!(Value(c.val));
                                continue;
                            }
                            let name = names[arg];
                            let v = match self.dict_get_str(globals, name) {
                                Some(v) => v,
                                None => match self.dict_get_str(builtins, name) {
                                    Some(v) => v,
                                    None => {
                                        let n = str_ref(name).to_string();
                                        throw!(Exc::NameError, &format!("name '{n}' is not defined"));
                                    }
                                },
                            };
                            let c = &mut cd.caches[pc - 1];
                            *c = crate::code::Cache { key: obj::<DictL>(globals).version, key2: obj::<DictL>(builtins).version, val: v.0 };
                            barrier(code);
                            push!(v);
                        }
                        Op::STORE_GLOBAL => {
                            let v = pop!();
                            let g = obj::<FrameL>(f).globals;
                            tri!(self.dict_set(g, names[arg], v));
                        }
                        Op::DELETE_GLOBAL => {
                            let g = obj::<FrameL>(f).globals;
                            if tri!(self.dict_del(g, names[arg])).is_none() {
                                let n = str_ref(names[arg]).to_string();
                                throw!(Exc::NameError, &format!("name '{n}' is not defined"));
                            }
                        }
                        Op::LOAD_NAME => {
                            let name = names[arg];
                            let locals = obj::<FrameL>(f).locals;
                            let globals = obj::<FrameL>(f).globals;
                            let mut v = if locals.is_null() || locals == globals {
                                None
                            } else if cls_of(locals) != self.ty(Ty::Dict) {
                                // A namespace from __prepare__: its __getitem__ decides.
                                match self.getitem(locals, name) {
                                    Ok(v) => Some(v),
                                    Err(e) if self.exc_matches(e, Exc::KeyError) => None,
                                    Err(e) => { save!(); break 'run e; }
                                }
                            } else {
                                tri!(self.dict_get(locals, name))
                            };
                            if v.is_none() { v = self.dict_get_str(globals, name); }
                            if v.is_none() { v = self.dict_get_str(self.r.builtins.get(), name); }
                            match v {
                                Some(v) => push!(v),
                                None => {
                                    let n = str_ref(name).to_string();
                                    throw!(Exc::NameError, &format!("name '{n}' is not defined"));
                                }
                            }
                        }
                        Op::STORE_NAME => {
                            let v = pop!();
                            let locals = obj::<FrameL>(f).locals;
                            let d = if locals.is_null() { obj::<FrameL>(f).globals } else { locals };
                            if cls_of(d) != self.ty(Ty::Dict) {
                                save!();
                                tri!(self.setitem(d, names[arg], v));
                            } else {
                                tri!(self.dict_set(d, names[arg], v));
                            }
                        }
                        Op::DELETE_NAME => {
                            let locals = obj::<FrameL>(f).locals;
                            let d = if locals.is_null() { obj::<FrameL>(f).globals } else { locals };
                            if cls_of(d) != self.ty(Ty::Dict) {
                                save!();
                                match self.delitem(d, names[arg]) {
                                    Ok(()) => continue,
                                    Err(e) if !self.exc_matches(e, Exc::KeyError) => break 'run e,
                                    Err(_) => {}
                                }
                                let n = str_ref(names[arg]).to_string();
                                throw!(Exc::NameError, &format!("name '{n}' is not defined"));
                            }
                            if tri!(self.dict_del(d, names[arg])).is_none() {
                                let n = str_ref(names[arg]).to_string();
                                throw!(Exc::NameError, &format!("name '{n}' is not defined"));
                            }
                        }
                        Op::LOAD_ATTR => {
                            let o = top!();
                            let name = names[arg];
                            if o.is_ref() && kind_of(o) == Kind::Module {
                                if let Some(v) = self.module_attr_cached(code, cd, pc - 1, o, name) { set_peek!(1, v); continue; }
                            }
                            if o.is_ref() && kind_of(o) == Kind::Class {
                                if let Some(v) = self.class_attr_cached(code, cd, pc - 1, o, name) { set_peek!(1, v); continue; }
                            }
                            if o.is_ref() && kind_of(o) == Kind::Instance {
                                let shape = obj::<InstanceL>(o).shape;
                                let cls = cls_of(o);
                                let c = cd.caches[pc - 1];
                                // The entry may come from another class with this shape,
                                // which is fine for PLAIN_ATTRS classes.
                                if c.key == shape.0 && !shape.is_null()
                                    && (c.key2 == obj::<ClassL>(cls).version || obj::<ClassL>(cls).flags & crate::object::cf::PLAIN_ATTRS != 0)
                                {
                                    let v = inst_slot(o, c.val as usize);
                                    if !v.is_null() { set_peek!(1, v); continue; }
                                }
                                // A plain value of the class, for instances of this
                                // shape (which lacks the name) and no dict.
                                if c.key == shape.0 | crate::code::CACHE_KEY_CLASS_VALUE && c.key2 == obj::<ClassL>(cls).version
                                    && !shape.is_null() && obj::<InstanceL>(o).dict.is_null()
                                {
                                    set_peek!(1, Value(c.val));
                                    continue;
                                }
                                if obj::<ClassL>(cls).flags & (crate::object::cf::HAS_GETATTRIBUTE) == 0 {
                                    // A slot member reads its hidden storage key.
                                    let ca = self.lookup_type(cls, name);
                                    let key = match ca { Some(a) if a.is_ref() && kind_of(a) == Kind::Member => s4(a, 2), _ => name };
                                    let found = self.instance_slot_index(o, key);
                                    if let (None, Some(a), false) = (found, ca, shape.is_null()) {
                                        // Cacheable when the value is plain (builtin,
                                        // immutable, no `__get__`) and the instance has
                                        // no dict that could hold the name.
                                        let plain = !a.is_ref() || (matches!(kind_of(a), Kind::Str | Kind::Float | Kind::BigInt | Kind::Tuple | Kind::Bytes | Kind::FrozenSet)
                                            && !self.is_heap_class(cls_of(a)));
                                        if plain && obj::<InstanceL>(o).dict.is_null() && obj::<InstanceL>(o).shape == shape {
                                            cd.caches[pc - 1] = crate::code::Cache { key: shape.0 | crate::code::CACHE_KEY_CLASS_VALUE, key2: obj::<ClassL>(cls).version, val: a.0 };
                                            barrier(code);
                                            set_peek!(1, a);
                                            continue;
                                        }
                                    }
                                    if let Some((shape, idx)) = found {
                                        // Cacheable only when no data descriptor on the class shadows it.
                                        if ca.map_or(true, |a| !(a.is_ref() && matches!(kind_of(a), Kind::Property | Kind::Instance))) {
                                            let v = inst_slot(o, idx);
                                            if !v.is_null() {
                                                cd.caches[pc - 1] = crate::code::Cache { key: shape.0, key2: obj::<ClassL>(cls).version, val: idx as u64 };
                                                barrier(code);
                                                set_peek!(1, v);
                                                continue;
                                            }
                                        }
                                    }
                                }
                            }
                            save!();
                            let v = tri!(self.getattr(o, name));
                            set_peek!(1, v);
                        }
                        Op::LOAD_METHOD => {
                            let o = top!();
                            let name = names[arg];
                            if o.is_ref() && kind_of(o) == Kind::Module {
                                if let Some(v) = self.module_attr_cached(code, cd, pc - 1, o, name) {
                                    set_peek!(1, Value::NULL);
                                    push!(v);
                                    continue;
                                }
                            }
                            let cls = self.type_of(o);
                            let shape_key = if o.is_ref() && kind_of(o) == Kind::Instance { obj::<InstanceL>(o).shape.0 | crate::code::CACHE_KEY_METHOD } else { 0 };
                            let c = cd.caches[pc - 1];
                            if c.key == shape_key && c.key2 == obj::<ClassL>(cls).version && c.val != 0 && (shape_key != 1) {
                                set_peek!(1, Value(c.val));
                                push!(o);
                                continue;
                            }
                            save!();
                            let flags = obj::<ClassL>(cls).flags;
                            if flags & crate::object::cf::HAS_GETATTRIBUTE == 0 && !(o.is_ref() && matches!(kind_of(o), Kind::Class | Kind::Module)) {
                                if let Some(m) = self.lookup_type(cls, name) {
                                    if binds_as_method(m) {
                                        // Only instances, functions and instances of builtin
                                        // subclasses can carry attributes that shadow a method.
                                        let attrs_of = |o: Value| -> Value { match kind_of(o) {
                                            Kind::Function => obj::<FunctionL>(o).dict,
                                            Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray => obj::<ListL>(o).attrs,
                                            _ => Value::NULL,
                                        } };
                                        let (shadowed, cacheable) = if !o.is_ref() { (false, true) } else {
                                            match kind_of(o) {
                                                Kind::Instance => (self.instance_get(o, name).is_some(), true),
                                                Kind::Function | Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray => {
                                                    let d = attrs_of(o);
                                                    let sh = !d.is_null() && self.dict_get_str(d, name).is_some();
                                                    (sh, !self.is_heap_class(cls) && kind_of(o) != Kind::Function)
                                                }
                                                _ => (false, true),
                                            }
                                        };
                                        if !shadowed {
                                            if shape_key != 1 && cacheable {
                                                cd.caches[pc - 1] = crate::code::Cache { key: shape_key, key2: obj::<ClassL>(cls).version, val: m.0 };
                                                barrier(code);
                                            }
                                            set_peek!(1, m);
                                            push!(o);
                                            continue;
                                        }
                                    }
                                }
                            }
                            let v = tri!(self.getattr(o, name));
                            set_peek!(1, Value::NULL);
                            push!(v);
                        }
                        Op::STORE_ATTR => {
                            let o = pop!();
                            let v = pop!();
                            let name = names[arg];
                            if o.is_ref() && kind_of(o) == Kind::Instance {
                                let shape = obj::<InstanceL>(o).shape;
                                let cls = cls_of(o);
                                let c = cd.caches[pc - 1];
                                if c.key == shape.0 && !shape.is_null()
                                    && (c.key2 == obj::<ClassL>(cls).version || obj::<ClassL>(cls).flags & crate::object::cf::PLAIN_ATTRS != 0)
                                {
                                    inst_set_slot(o, c.val as usize, v);
                                    continue;
                                }
                                // Transition cache: adding this attribute to an object of
                                // this shape leads to the shape in `val` (tag bit 1 in key).
                                if c.key == (shape.0 | crate::code::CACHE_KEY_TRANSITION) && c.key2 == obj::<ClassL>(cls).version && !shape.is_null() && obj::<InstanceL>(o).dict.is_null() {
                                    let idx = obj::<ShapeL>(shape).count;
                                    if inst_has_slot(o, idx) {
                                        inst_set_slot(o, idx, v);
                                        set_field!(o, InstanceL, shape, Value(c.val));
                                        continue;
                                    }
                                }
                                let flags = obj::<ClassL>(cls).flags;
                                if flags & crate::object::cf::HAS_SETATTR == 0 {
                                    let ca = self.lookup_type(cls, name);
                                    let is_member = matches!(ca, Some(a) if a.is_ref() && kind_of(a) == Kind::Member);
                                    let key = if is_member { s4(ca.unwrap(), 2) } else { name };
                                    if let Some((shape, idx)) = self.instance_slot_index(o, key) {
                                        if ca.map_or(true, |a| !(a.is_ref() && matches!(kind_of(a), Kind::Property | Kind::Instance))) {
                                            cd.caches[pc - 1] = crate::code::Cache { key: shape.0, key2: obj::<ClassL>(cls).version, val: idx as u64 };
                                            barrier(code);
                                            inst_set_slot(o, idx, v);
                                            continue;
                                        }
                                    } else if !shape.is_null() && obj::<InstanceL>(o).dict.is_null() && cls != self.ty(Ty::Object)
                                        && (is_member || flags & crate::object::cf::SLOTS_ONLY == 0)
                                        && name != self.n(N::class) && name != self.n(N::dict) && name != self.n(N::cause)
                                        && ca.map_or(true, |a| !(a.is_ref() && matches!(kind_of(a), Kind::Property | Kind::Instance))) {
                                        // A new attribute: take the transition and remember it.
                                        let version = obj::<ClassL>(cls).version;
                                        tri!(self.instance_set(o, key, v));
                                        let new_shape = obj::<InstanceL>(o).shape;
                                        if !new_shape.is_null() && new_shape != shape {
                                            cd.caches[pc - 1] = crate::code::Cache { key: shape.0 | crate::code::CACHE_KEY_TRANSITION, key2: version, val: new_shape.0 };
                                            barrier(code);
                                        }
                                        continue;
                                    }
                                }
                            }
                            save!();
                            tri!(self.setattr(o, name, v));
                        }
                        Op::DELETE_ATTR => { let o = pop!(); save!(); tri!(self.delattr(o, names[arg])); }
                        Op::BINARY_SUBSCR => {
                            let k = pop!();
                            let o = top!();
                            if k.is_int() && o.is_ref() {
                                match kind_of(o) {
                                    Kind::List if cls_of(o) == self.ty(Ty::List) => {
                                        let s = list_slice(o);
                                        let i = k.int();
                                        let j = if i < 0 { i + s.len() as i64 } else { i };
                                        if j >= 0 && (j as usize) < s.len() { set_peek!(1, s[j as usize]); continue; }
                                    }
                                    Kind::Tuple => {
                                        let s = tuple_slice(o);
                                        let i = k.int();
                                        let j = if i < 0 { i + s.len() as i64 } else { i };
                                        if j >= 0 && (j as usize) < s.len() { set_peek!(1, s[j as usize]); continue; }
                                    }
                                    _ => {}
                                }
                            }
                            save!();
                            let v = tri!(self.getitem(o, k));
                            set_peek!(1, v);
                        }
                        Op::STORE_SUBSCR => {
                            let k = pop!();
                            let o = pop!();
                            let v = pop!();
                            if k.is_int() && o.is_ref() && kind_of(o) == Kind::List && cls_of(o) == self.ty(Ty::List) {
                                let s = list_slice(o);
                                let i = k.int();
                                let j = if i < 0 { i + s.len() as i64 } else { i };
                                if j >= 0 && (j as usize) < s.len() {
                                    array_set(obj::<ListL>(o).items, j as usize, v);
                                    continue;
                                }
                            }
                            save!();
                            tri!(self.setitem(o, k, v));
                        }
                        Op::DELETE_SUBSCR => { let k = pop!(); let o = pop!(); save!(); tri!(self.delitem(o, k)); }
                        Op::BUILD_SLICE => {
                            let step = if arg == 3 { pop!() } else { Value::NONE };
                            let hi = pop!();
                            let lo = pop!();
                            let s = self.new_slice(lo, hi, step);
                            push!(s);
                        }
                        Op::BINARY_OP => {
                            let b = pop!();
                            let a = top!();
                            let (op, inplace) = BinOp::from_arg(ins.arg);
                            if a.is_int() && b.is_int() {
                                let (x, y) = (a.int(), b.int());
                                let fast = match op {
                                    BinOp::Add => Value::try_small(x + y),
                                    BinOp::Sub => Value::try_small(x - y),
                                    BinOp::Mul => x.checked_mul(y).and_then(Value::try_small),
                                    BinOp::And => Some(Value::small(x & y)),
                                    BinOp::Or => Some(Value::small(x | y)),
                                    BinOp::Xor => Some(Value::small(x ^ y)),
                                    BinOp::FloorDiv if y > 0 => Some(Value::small(x.div_euclid(y))),
                                    BinOp::Mod if y > 0 => Some(Value::small(x.rem_euclid(y))),
                                    _ => None,
                                };
                                if let Some(r) = fast { set_peek!(1, r); continue; }
                            } else if let Some((x, y)) = float_operands(a, b, self.ty(Ty::Float)) {
                                // Exact floats (or a float and a small int): the
                                // common arithmetic without the generic protocol.
                                let r = match op {
                                    BinOp::Add => Some(x + y),
                                    BinOp::Sub => Some(x - y),
                                    BinOp::Mul => Some(x * y),
                                    BinOp::TrueDiv if y != 0.0 => Some(x / y),
                                    _ => None,
                                };
                                if let Some(r) = r {
                                    let v = self.new_float(r);
                                    set_peek!(1, v);
                                    continue;
                                }
                            }
                            save!();
                            let r = tri!(self.binary_op(a, b, op, inplace));
                            set_peek!(1, r);
                        }
                        Op::UNARY_NEGATIVE => { let a = top!(); save!(); let r = tri!(self.unary_op(a, N::neg)); set_peek!(1, r); }
                        Op::UNARY_POSITIVE => { let a = top!(); save!(); let r = tri!(self.unary_op(a, N::pos)); set_peek!(1, r); }
                        Op::UNARY_INVERT => { let a = top!(); save!(); let r = tri!(self.unary_op(a, N::invert)); set_peek!(1, r); }
                        Op::UNARY_NOT => { let a = top!(); save!(); let t = tri!(self.truthy(a)); set_peek!(1, Value::bool(!t)); }
                        Op::COMPARE_OP => {
                            let b = pop!();
                            let a = top!();
                            let op = CmpOp::from_arg(ins.arg);
                            if a.is_int() && b.is_int() {
                                set_peek!(1, Value::bool(crate::ops::cmp_result(a.int().cmp(&b.int()), op)));
                                continue;
                            }
                            if let Some((x, y)) = float_operands(a, b, self.ty(Ty::Float)) {
                                let r = match op {
                                    CmpOp::Lt => x < y, CmpOp::Le => x <= y, CmpOp::Eq => x == y,
                                    CmpOp::Ne => x != y, CmpOp::Gt => x > y, CmpOp::Ge => x >= y,
                                };
                                set_peek!(1, Value::bool(r));
                                continue;
                            }
                            save!();
                            let r = tri!(self.compare(a, b, op));
                            set_peek!(1, r);
                        }
                        Op::IS_OP => { let b = pop!(); let a = top!(); set_peek!(1, Value::bool((a == b) != (arg == 1))); }
                        Op::CONTAINS_OP => {
                            let b = pop!();
                            let a = top!();
                            save!();
                            let r = tri!(self.contains(b, a));
                            set_peek!(1, Value::bool(r != (arg == 1)));
                        }
                        Op::BUILD_TUPLE => {
                            let t = self.alloc_tuple(arg);
                            for i in 0..arg { tuple_init(t, i, peek!(arg - i)); }
                            sp -= arg;
                            let t = if arg == 0 { self.new_tuple(&[]) } else { t };
                            push!(t);
                        }
                        Op::BUILD_LIST => {
                            let l = self.new_list_cap(arg);
                            if arg > 0 {
                                let a = obj::<ListL>(l).items;
                                for i in 0..arg { array_set(a, i, peek!(arg - i)); }
                                obj::<ListL>(l).len = arg;
                            }
                            sp -= arg;
                            push!(l);
                        }
                        Op::BUILD_SET => {
                            save!();
                            let s = tri!(self.new_set(&[]));
                            for i in 0..arg { tri!(self.set_add(s, peek!(arg - i))); }
                            sp -= arg;
                            push!(s);
                        }
                        Op::BUILD_MAP => {
                            save!();
                            let d = self.new_dict_cap(arg);
                            for i in 0..arg { tri!(self.dict_set(d, peek!(2 * (arg - i)), peek!(2 * (arg - i) - 1))); }
                            sp -= 2 * arg;
                            push!(d);
                        }
                        Op::BUILD_CONST_KEY_MAP => {
                            save!();
                            let keys = pop!();
                            // Kind check (bytecode from pickles): the constant key tuple.
                            if !(is_kind(keys, Kind::Tuple) && tuple_slice(keys).len() == arg) {
                                throw!(Exc::SystemError, "BUILD_CONST_KEY_MAP: keys are not a tuple of the right length");
                            }
                            let d = self.new_dict_cap(arg);
                            for i in 0..arg { tri!(self.dict_set(d, tuple_slice(keys)[i], peek!(arg - i))); }
                            sp -= arg;
                            push!(d);
                        }
                        Op::BUILD_STRING => {
                            let mut s = String::new();
                            for i in 0..arg {
                                let x = peek!(arg - i);
                                // Kind check (bytecode from pickles): FORMAT_VALUE and constants make str.
                                if !is_kind(x, Kind::Str) { throw!(Exc::SystemError, "BUILD_STRING: operand is not a str"); }
                                s.push_str(str_ref(x));
                            }
                            sp -= arg;
                            let v = self.new_str(&s);
                            push!(v);
                        }
                        // Kind checks (bytecode from pickles): the container these
                        // update is the one BUILD_LIST / BUILD_SET / BUILD_MAP made.
                        Op::LIST_APPEND => {
                            let v = pop!();
                            let l = peek!(arg);
                            if !is_kind(l, Kind::List) { throw!(Exc::SystemError, "LIST_APPEND: target is not a list"); }
                            tri!(self.try_list_append(l, v));
                        }
                        Op::SET_ADD => {
                            let v = pop!();
                            let s = peek!(arg);
                            if !is_kind(s, Kind::Set) { throw!(Exc::SystemError, "SET_ADD: target is not a set"); }
                            save!();
                            tri!(self.set_add(s, v));
                        }
                        Op::MAP_ADD => {
                            let v = pop!();
                            let k = pop!();
                            let d = peek!(arg);
                            if !is_kind(d, Kind::Dict) { throw!(Exc::SystemError, "MAP_ADD: target is not a dict"); }
                            save!();
                            tri!(self.dict_set(d, k, v));
                        }
                        Op::LIST_EXTEND => {
                            let it = pop!();
                            let l = peek!(arg);
                            if !is_kind(l, Kind::List) { throw!(Exc::SystemError, "LIST_EXTEND: target is not a list"); }
                            save!();
                            if let Err(e) = self.list_extend(l, it) {
                                if self.exc_matches(e, Exc::TypeError) && !self.is_iterable(it) {
                                    let tn = self.type_name(it);
                                    // CPython checks a lone `*arg` in CALL_FUNCTION_EX (naming
                                    // the function) and anything else while building the list.
                                    let lone = obj::<ListL>(l).len == 0 && cd.instrs.get(pc).is_some_and(|i| i.op == Op::LIST_TO_TUPLE);
                                    if lone && feeds_call_ex(cd, pc) {
                                        // The callable sits below the list when the
                                        // shape is the compiler's; read it only if the
                                        // stack is that deep.
                                        let depth = sp - obj::<FrameL>(f).stack_base as usize;
                                        let func = if arg < depth { peek!(arg + 1) } else { Value::NULL };
                                        let fname = self.callable_name(func);
                                        throw!(Exc::TypeError, &format!("{fname} argument after * must be an iterable, not {tn}"));
                                    }
                                    throw!(Exc::TypeError, &format!("Value after * must be an iterable, not {tn}"));
                                }
                                break 'run e;
                            }
                        }
                        Op::SET_UPDATE => {
                            let it = pop!();
                            let s = peek!(arg);
                            if !is_kind(s, Kind::Set) { throw!(Exc::SystemError, "SET_UPDATE: target is not a set"); }
                            save!();
                            tri!(self.set_update(s, it));
                        }
                        Op::DICT_UPDATE => {
                            let m = pop!();
                            let d = peek!(arg);
                            if !is_kind(d, Kind::Dict) { throw!(Exc::SystemError, "DICT_UPDATE: target is not a dict"); }
                            save!();
                            if !self.is_mapping(m) {
                                let tn = self.type_name(m);
                                throw!(Exc::TypeError, &format!("'{tn}' object is not a mapping"));
                            }
                            tri!(self.dict_update_from(d, m));
                        }
                        Op::DICT_MERGE => {
                            let m = pop!();
                            let d = peek!(arg);
                            if !is_kind(d, Kind::Dict) { throw!(Exc::SystemError, "DICT_MERGE: target is not a dict"); }
                            save!();
                            tri!(self.dict_merge_kwargs(d, m, peek!(arg + 2)));
                        }
                        Op::LIST_TO_TUPLE => {
                            let l = top!();
                            if !is_kind(l, Kind::List) { throw!(Exc::SystemError, "LIST_TO_TUPLE: operand is not a list"); }
                            let t = self.list_to_tuple(l);
                            set_peek!(1, t);
                        }
                        Op::FORMAT_VALUE => {
                            let spec = if arg & 4 != 0 { pop!() } else { Value::NULL };
                            // Kind check (bytecode from pickles): `format` reads the spec as a str.
                            if !(spec.is_null() || is_kind(spec, Kind::Str)) {
                                throw!(Exc::SystemError, "FORMAT_VALUE: format spec is not a str");
                            }
                            let v = top!();
                            save!();
                            let v = match arg & 3 {
                                1 => tri!(self.to_str(v)),
                                2 => tri!(self.repr(v)),
                                3 => tri!(self.ascii(v)),
                                _ => v,
                            };
                            let r = if spec.is_null() && self.is_str(v) && cls_of(v) == self.ty(Ty::Str) { v } else { tri!(self.format(v, spec)) };
                            set_peek!(1, r);
                        }
                        Op::UNPACK_SEQUENCE => {
                            let seq = pop!();
                            if seq.is_ref() && matches!(kind_of(seq), Kind::Tuple | Kind::List) {
                                let items = if kind_of(seq) == Kind::Tuple { tuple_slice(seq) } else { &*list_slice(seq) };
                                if items.len() == arg {
                                    for i in (0..arg).rev() { push!(items[i]); }
                                    continue;
                                }
                            }
                            save!();
                            let items = tri!(self.unpack_iterable(seq, arg, None));
                            for i in (0..arg).rev() { push!(items[i]); }
                            std::hint::black_box(&items);
                        }
                        Op::UNPACK_EX => {
                            let seq = pop!();
                            let before = arg & 0xff;
                            let after = arg >> 8;
                            save!();
                            let items = tri!(self.unpack_iterable(seq, before, Some(after)));
                            // items: before values, the starred list, after values.
                            for i in (0..items.len()).rev() { push!(items[i]); }
                            std::hint::black_box(&items);
                        }
                        Op::JUMP => { pc = arg; }
                        Op::JUMP_BACKWARD => {
                            // Count the loop body's instructions (the preemption
                            // timeslice of `stackless.run(timeout)` is in instructions).
                            self.countdown -= (pc - arg) as i64;
                            pc = arg;
                            if self.countdown <= 0 {
                                save!();
                                tri!(self.safe_point());
                            }
                        }
                        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => {
                            let v = pop!();
                            let t = match v {
                                Value::TRUE => true,
                                Value::FALSE | Value::NONE => false,
                                _ => if v.is_int() { v.int() != 0 } else { save!(); tri!(self.truthy(v)) },
                            };
                            if t == (ins.op == Op::POP_JUMP_IF_TRUE) { pc = arg; }
                        }
                        Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
                            let v = top!();
                            save!();
                            let t = tri!(self.truthy(v));
                            if t == (ins.op == Op::JUMP_IF_TRUE_OR_POP) { pc = arg; } else { sp -= 1; }
                        }
                        Op::GET_ITER => {
                            let o = top!();
                            save!();
                            let it = tri!(self.get_iter(o));
                            set_peek!(1, it);
                        }
                        Op::FOR_ITER => {
                            let it = top!();
                            if it.is_ref() {
                                match kind_of(it) {
                                    Kind::ListIter => {
                                        let l = s4(it, 0);
                                        let i = s4(it, 1).int() as usize;
                                        if !l.is_null() {
                                            let s = list_slice(l);
                                            if i < s.len() {
                                                obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1);
                                                push!(s[i]);
                                                continue;
                                            }
                                            set_s4(it, 0, Value::NULL);
                                        }
                                        sp -= 1;
                                        pc = arg;
                                        continue;
                                    }
                                    Kind::RangeIter => {
                                        let (cur, stop, step) = (s4(it, 0), s4(it, 1), s4(it, 2));
                                        if cur.is_int() && stop.is_int() && step.is_int() {
                                            let (c, s, st) = (cur.int(), stop.int(), step.int());
                                            if (st > 0 && c < s) || (st < 0 && c > s) {
                                                obj::<Obj4L>(it).s[0] = Value::small(c + st);
                                                push!(cur);
                                            } else {
                                                sp -= 1;
                                                pc = arg;
                                            }
                                            continue;
                                        }
                                    }
                                    Kind::Generator if s4(it, 1).int() != gen_state::RUNNING && s4(it, 1).int() != gen_state::FINISHED => {
                                        // Resume the generator inline, in this loop.
                                        pc -= 1; // resume after the yield/return lands back here
                                        save!();
                                        (f, pending_err) = self.resume_inline(it, f, Value::NONE, ret::FOR_ITER);
                                        continue 'frame;
                                    }
                                    _ => {}
                                }
                            }
                            save!();
                            match tri!(self.next(it)) {
                                Some(v) => push!(v),
                                None => { sp -= 1; pc = arg; }
                            }
                        }
                        Op::RETURN_VALUE => {
                            let v = pop!();
                            save!();
                            match self.frame_return(f, entry, v) {
                                FrameExit::Leave(r) => return r,
                                FrameExit::Continue(next, err) => { f = next; pending_err = err; continue 'frame; }
                            }
                        }
                        Op::KW_NAMES => {
                            // Kind check (bytecode from pickles): a tuple of str no longer
                            // than the next CALL's argument count (bind_args and ArgParser
                            // take its length from the arguments; the verifier makes sure a
                            // CALL or CALL_METHOD follows). Constants and instructions never
                            // change, so the check runs once per instruction and its success
                            // is remembered in the instruction's cache entry (key 1; a loaded
                            // code object starts with empty caches).
                            let t = consts[arg];
                            if cd.caches[pc - 1].key != 1 {
                                let ok = is_kind(t, Kind::Tuple)
                                    && cd.instrs.get(pc).is_some_and(|c| tuple_slice(t).len() <= c.arg as usize)
                                    && tuple_slice(t).iter().all(|&k| is_kind(k, Kind::Str));
                                if !ok { throw!(Exc::SystemError, "KW_NAMES: keyword names are not a tuple of str that fits the call"); }
                                cd.caches[pc - 1].key = 1;
                            }
                            kwnames = t;
                        }
                        Op::CALL | Op::CALL_METHOD => {
                            // Normalise to: callable at `base`, `n` arguments after it.
                            let (base, n) = if ins.op == Op::CALL {
                                (sp - arg - 1, arg)
                            } else if slot!(sp - arg - 2).is_null() {
                                (sp - arg - 1, arg)
                            } else {
                                (sp - arg - 2, arg + 1)
                            };
                            // Where the stack is cut back to after the call: CALL_METHOD
                            // always consumes two slots below the arguments.
                            let reset = if ins.op == Op::CALL { sp - arg - 1 } else { sp - arg - 2 };
                            let kw = std::mem::replace(&mut kwnames, Value::NULL);
                            let mut callee = slot!(base);
                            let mut argstart = base + 1;
                            let mut nargs = n;
                            let mut init_self = Value::NULL;
                            // Unwrap bound methods and classes with a Python __init__.
                            if callee.is_ref() {
                                match kind_of(callee) {
                                    Kind::BoundMethod => {
                                        let func = s4(callee, 0);
                                        if kind_of(func) == Kind::Function {
                                            set_slot!(base, s4(callee, 1));
                                            callee = func;
                                            argstart = base;
                                            nargs = n + 1;
                                        }
                                    }
                                    Kind::Class if self.is_heap_class(callee) => {
                                        save!();
                                        if let Some(init) = tri!(self.simple_init(callee)) {
                                            let inst = self.new_instance(callee);
                                            if obj::<ClassL>(callee).flags & crate::object::cf::EXC != 0 {
                                                let args_t = self.new_tuple(slots_range!(argstart, n));
                                                tri!(self.set_exc_attr(inst, N::args, args_t));
                                            }
                                            set_slot!(base, inst);
                                            callee = init;
                                            argstart = base;
                                            nargs = n + 1;
                                            init_self = inst;
                                        }
                                    }
                                    _ => {}
                                }
                            }
                            if callee.is_ref() && kind_of(callee) == Kind::Function {
                                save!();
                                let args = slots_range!(argstart, nargs);
                                let frame = tri!(self.make_frame_inline(callee, args, kw));
                                sp = reset;
                                if code_data(obj::<FunctionL>(callee).code).is_generator() {
                                    let g = self.new_generator(frame, callee);
                                    if !init_self.is_null() {
                                        break 'run self.new_exc(Exc::TypeError, "__init__() should return None, not 'generator'");
                                    }
                                    push!(g);
                                    continue;
                                }
                                save!();
                                let fo = obj::<FrameL>(frame);
                                fo.ret_mode = if init_self.is_null() { ret::NORMAL } else { ret::INIT };
                                fo.init_self = init_self;
                                fo.back = f;
                                self.depth += 1;
                                if self.depth > self.recursion_limit {
                                    self.depth -= 1;
                                    break 'run self.new_exc(Exc::RecursionError, "maximum recursion depth exceeded");
                                }
                                self.r.frame.set(frame);
                                f = frame;
                                self.countdown -= 1;
                                if self.countdown <= 0 {
                                    if let Err(e) = self.safe_point() { pending_err = Some(e); }
                                }
                                continue 'frame;
                            }
                            save!();
                            let args = slots_range!(argstart, nargs);
                            let r = if callee.is_ref() && kind_of(callee) == Kind::Builtin && obj::<BuiltinL>(callee).bound.is_null() {
                                // A direct builtin call: the one place a blocking builtin
                                // may switch the tasklet out softly (see sched.rs).
                                // SAFETY: `fptr` was stored from a `NativeFn` by `new_builtin`.
                                let fp: crate::vm::NativeFn = unsafe { std::mem::transmute::<usize, crate::vm::NativeFn>(obj::<BuiltinL>(callee).fptr) };
                                self.soft_call = true;
                                let r = fp(self, args, kw);
                                self.soft_call = false;
                                match r {
                                    Ok(v) => v,
                                    Err(e) if e.is_switch() => {
                                        // Resumed later with the call's result pushed.
                                        sp = reset;
                                        save!();
                                        return Err(e);
                                    }
                                    Err(e) => { save!(); break 'run e; }
                                }
                            } else {
                                tri!(self.call_kw(callee, args, kw))
                            };
                            sp = reset;
                            push!(r);
                        }
                        Op::CALL_FUNCTION_EX => {
                            let kwargs = if arg & 1 != 0 { pop!() } else { Value::NULL };
                            let args = pop!();
                            let callee = pop!();
                            // Kind check (bytecode from pickles): call_ex reads kwargs as a dict.
                            if !(kwargs.is_null() || is_kind(kwargs, Kind::Dict)) {
                                throw!(Exc::SystemError, "CALL_FUNCTION_EX: keyword arguments are not a dict");
                            }
                            save!();
                            let r = tri!(self.call_ex(callee, args, kwargs));
                            push!(r);
                        }
                        Op::MAKE_FUNCTION => {
                            let code_v = pop!();
                            let closure = if arg as u32 & MakeFunctionFlags::CLOSURE != 0 { pop!() } else { Value::NULL };
                            let annotations = if arg as u32 & MakeFunctionFlags::ANNOTATIONS != 0 { pop!() } else { Value::NULL };
                            let kwdefaults = if arg as u32 & MakeFunctionFlags::KWDEFAULTS != 0 { pop!() } else { Value::NULL };
                            let defaults = if arg as u32 & MakeFunctionFlags::DEFAULTS != 0 { pop!() } else { Value::NULL };
                            // Kind checks (bytecode from pickles): new_function, bind_args and
                            // init_cells take these apart without looking.
                            if !crate::verify::function_parts_ok(code_v, closure, defaults, kwdefaults) {
                                throw!(Exc::SystemError, "MAKE_FUNCTION: bad code, closure, defaults or keyword defaults");
                            }
                            let g = obj::<FrameL>(f).globals;
                            let func = self.new_function(code_v, g, defaults, kwdefaults, closure);
                            if !annotations.is_null() {
                                // Kept in the function's __dict__ under __annotations__
                                // (specialattrs reads it from there).
                                let d = self.new_dict();
                                set_field!(func, FunctionL, dict, d);
                                self.dict_set_str(d, "__annotations__", annotations);
                            }
                            push!(func);
                        }
                        Op::LOAD_BUILD_CLASS => {
                            match self.dict_get_by_name(self.r.builtins.get(), "__build_class__") {
                                Some(b) => push!(b),
                                None => throw!(Exc::NameError, "__build_class__ not found"),
                            }
                        }
                        Op::RAISE_VARARGS => {
                            save!();
                            let e = match arg {
                                0 => {
                                    let cur = self.r.exc_info.get();
                                    if cur == Value::NONE || cur.is_null() {
                                        break 'run self.new_exc(Exc::RuntimeError, "No active exception to reraise");
                                    }
                                    self.reraising = true;
                                    PyErr(cur)
                                }
                                1 => { let x = pop!(); save!(); tri!(self.make_raise(x, None)) }
                                _ => { let c = pop!(); let x = pop!(); save!(); tri!(self.make_raise(x, Some(c))) }
                            };
                            break 'run e;
                        }
                        Op::RERAISE => {
                            let e = pop!();
                            // Kind check (bytecode from pickles): a PyErr holds an exception.
                            if !crate::verify::is_exception_instance(e) { throw!(Exc::SystemError, "RERAISE: operand is not an exception"); }
                            save!();
                            self.reraising = true;
                            break 'run PyErr(e);
                        }
                        Op::PUSH_EXC_INFO => {
                            // Kind check (bytecode from pickles): `exc_info` holds None or
                            // an exception (RAISE_VARARGS 0 re-raises it).
                            if !crate::verify::is_exception_instance(top!()) { throw!(Exc::SystemError, "PUSH_EXC_INFO: operand is not an exception"); }
                            let e = pop!();
                            push!(self.r.exc_info.get());
                            push!(e);
                            self.r.exc_info.set(e);
                        }
                        Op::POP_EXCEPT => {
                            let prev = top!();
                            if !(prev == Value::NONE || prev.is_null() || crate::verify::is_exception_instance(prev)) {
                                throw!(Exc::SystemError, "POP_EXCEPT: operand is not an exception or None");
                            }
                            sp -= 1;
                            self.r.exc_info.set(prev);
                        }
                        Op::CHECK_EXC_MATCH => {
                            let t = pop!();
                            let e = top!();
                            save!();
                            let m = tri!(self.exception_match(e, t));
                            push!(Value::bool(m));
                        }
                        Op::BEFORE_WITH => {
                            let mgr = top!();
                            save!();
                            let (exit, res) = tri!(self.before_with(mgr));
                            set_peek!(1, exit);
                            push!(res);
                        }
                        Op::WITH_EXCEPT_START => {
                            let exc = peek!(1);
                            let exit = peek!(3);
                            save!();
                            let et = self.type_of(exc);
                            let tb = tri!(self.getattr(exc, self.n(N::traceback)));
                            let r = tri!(self.call(exit, &[et, exc, tb]));
                            push!(r);
                        }
                        Op::LOAD_ASSERTION_ERROR => push!(self.exc_type(Exc::AssertionError)),
                        Op::YIELD_VALUE => {
                            // Only a generator's frame may yield (frame_yield updates it);
                            // code run by exec() or built by a loader may lack one.
                            if obj::<FrameL>(f).gen.is_null() { throw!(Exc::SystemError, "yield outside a generator frame"); }
                            let v = pop!();
                            save!();
                            match self.frame_yield(f, entry, v) {
                                FrameExit::Leave(r) => return r,
                                FrameExit::Continue(next, err) => { f = next; pending_err = err; continue 'frame; }
                            }
                        }
                        Op::GET_YIELD_FROM_ITER => {
                            let o = top!();
                            if !(o.is_ref() && kind_of(o) == Kind::Generator) {
                                save!();
                                let it = tri!(self.get_iter(o));
                                set_peek!(1, it);
                            }
                        }
                        Op::SEND => {
                            let v = pop!();
                            let it = top!();
                            if it.is_ref() && kind_of(it) == Kind::Generator {
                                let st = s4(it, 1).int();
                                if st == gen_state::SUSPENDED || (st == gen_state::CREATED && v == Value::NONE) {
                                    // Resume the subgenerator inline, in this loop, like
                                    // FOR_ITER: `yield from` chains cost no native
                                    // recursion (and stay picklable).
                                    pc -= 1; // the yield or return lands back at the SEND
                                    save!();
                                    (f, pending_err) = self.resume_inline(it, f, v, ret::SEND);
                                    continue 'frame;
                                }
                            }
                            save!();
                            match tri!(self.send_into(it, v)) {
                                Some(y) => push!(y),
                                None => {
                                    let r = std::mem::replace(&mut self.last_return, Value::NONE);
                                    set_peek!(1, r);
                                    pc = arg;
                                }
                            }
                        }
                        Op::IMPORT_NAME => {
                            let fromlist = pop!();
                            let level = pop!();
                            save!();
                            let g = obj::<FrameL>(f).globals;
                            let m = tri!(self.import_name(names[arg], g, fromlist, level));
                            push!(m);
                        }
                        Op::IMPORT_FROM => {
                            let m = top!();
                            save!();
                            // Kind check: import_from reads a module's dict; anything else
                            // in sys.modules (or on a hostile stack) goes through getattr.
                            let v = if is_kind(m, Kind::Module) {
                                tri!(self.import_from(m, names[arg]))
                            } else {
                                match tri!(self.getattr_opt(m, names[arg])) {
                                    Some(v) => v,
                                    None => {
                                        let n = str_ref(names[arg]).to_string();
                                        throw!(Exc::ImportError, &format!("cannot import name '{n}' from '<unknown module name>' (unknown location)"));
                                    }
                                }
                            };
                            push!(v);
                        }
                        Op::IMPORT_STAR => {
                            let m = pop!();
                            save!();
                            // Kind checks: import_star reads a module's dict and stores
                            // into a dict; exec() may give a mapping as the namespace.
                            if !is_kind(m, Kind::Module) { throw!(Exc::TypeError, "import * from an object that is not a module"); }
                            let locals = obj::<FrameL>(f).locals;
                            let d = if locals.is_null() { obj::<FrameL>(f).globals } else { locals };
                            if is_kind(d, Kind::Dict) {
                                tri!(self.import_star(m, d));
                            } else {
                                let tmp = self.new_dict();
                                tri!(self.import_star(m, tmp));
                                for i in 0..self.dict_used(tmp) {
                                    if let Some((k, v)) = self.dict_entry(tmp, i) { tri!(self.setitem(d, k, v)); }
                                }
                                std::hint::black_box(tmp);
                            }
                        }
                        Op::SETUP_ANNOTATIONS => {
                            // Module and class bodies with annotated names get an
                            // `__annotations__` dict (kept if one exists already).
                            let locals = obj::<FrameL>(f).locals;
                            let ns = if locals.is_null() { obj::<FrameL>(f).globals } else { locals };
                            if is_kind(ns, Kind::Dict) {
                                if self.dict_get_by_name(ns, "__annotations__").is_none() {
                                    let d = self.new_dict();
                                    tri!(self.dict_set(ns, self.intern("__annotations__"), d));
                                }
                            } else {
                                // Kind check: a namespace from __prepare__ is any mapping.
                                save!();
                                let key = self.intern("__annotations__");
                                match self.getitem(ns, key) {
                                    Ok(_) => {}
                                    Err(e) if self.exc_matches(e, Exc::KeyError) => {
                                        let d = self.new_dict();
                                        tri!(self.setitem(ns, key, d));
                                    }
                                    Err(e) => break 'run e,
                                }
                            }
                        }
                    }
                }
            };
            // A soft switch from a safe point: the frame state is saved and
            // the tasklet resumes here with nothing pushed.
            if err.is_switch() { return Err(err); }
            // An exception is propagating in frame `f`.
            match self.unwind(f, entry, err) {
                FrameExit::Leave(r) => return r,
                FrameExit::Continue(next, e) => { f = next; pending_err = e; continue 'frame; }
            }
        }
    }
}

/// Whether `v` is a heap object of kind `k`: the cheap check before a cast
/// where the compiler's bytecode would guarantee the kind but bytecode from
/// a pickle need not (see verify.rs).
#[inline(always)]
fn is_kind(v: Value, k: Kind) -> bool { v.is_ref() && kind_of(v) == k }

/// Unlinks `f`, which is leaving the chain for good, from its caller,
/// except that an escaped frame keeps its `f_back`, as CPython's frame
/// objects do, and so makes its caller escaped too. A generator's frame is
/// always unlinked: it gets a new caller each time it is resumed.
fn detach_back(f: Value) {
    let fo = obj::<FrameL>(f);
    if fo.flags & FRAME_ESCAPED != 0 && fo.gen.is_null() {
        frame_escape(fo.back);
    } else {
        fo.back = Value::NULL;
    }
}

/// Both operands as f64 when they are exact floats, or an exact float and a
/// small int.
#[inline(always)]
fn float_operands(a: Value, b: Value, float_cls: Value) -> Option<(f64, f64)> {
    let fa = a.is_ref() && cls_of(a) == float_cls;
    let fb = b.is_ref() && cls_of(b) == float_cls;
    match (fa, fb) {
        (true, true) => Some((float_val(a), float_val(b))),
        (true, false) if b.is_int() && b.int().unsigned_abs() < (1 << 53) => Some((float_val(a), b.int() as f64)),
        (false, true) if a.is_int() && a.int().unsigned_abs() < (1 << 53) => Some((a.int() as f64, float_val(b))),
        _ => None,
    }
}

/// What happens after a frame returns, yields or fails.
pub enum FrameExit {
    /// Leave this dispatch loop with a result.
    Leave(PyResult),
    /// Continue running `frame`, raising the exception first if given.
    Continue(Value, Option<PyErr>),
}

impl Vm {
    pub fn enter_generator_frame(&mut self, gf: Value, caller: Value, mode: u32) {
        let fo = obj::<FrameL>(gf);
        fo.ret_mode = mode;
        fo.back = caller;
        barrier(gf);
        // Swap in the generator's own handled-exception state.
        let saved = self.r.exc_info.get();
        let own = fo.exc_save;
        fo.exc_save = saved;
        self.r.exc_info.set(if own.is_null() { Value::NONE } else { own });
        self.depth += 1;
        self.r.frame.set(gf);
    }

    /// Leaves a generator frame: restores the caller's exception state.
    fn leave_generator_frame(&mut self, gf: Value) {
        let fo = obj::<FrameL>(gf);
        let callers = fo.exc_save;
        fo.exc_save = self.r.exc_info.get();
        self.r.exc_info.set(if callers.is_null() { Value::NONE } else { callers });
        barrier(gf);
    }

    /// Pops `f` after RETURN_VALUE of `v`.
    fn frame_return(&mut self, f: Value, entry: Value, v: Value) -> FrameExit {
        self.depth -= 1;
        // The frame leaves the active chain; its slots were stored without
        // barriers while it was active (it may stay reachable, e.g. from
        // sys._getframe()).
        barrier(f);
        let fo = obj::<FrameL>(f);
        let back = fo.back;
        let mode = fo.ret_mode;
        let gen = fo.gen;
        if !gen.is_null() {
            set_s4(gen, 1, Value::small(gen_state::FINISHED));
            self.leave_generator_frame(f);
        }
        detach_back(f);
        if f == entry {
            if !gen.is_null() { self.last_return = v; self.yielded = false; }
            return FrameExit::Leave(Ok(v));
        }
        self.r.frame.set(back);
        match mode {
            ret::INIT => {
                if v != Value::NONE {
                    let tn = self.type_name(v);
                    let e = self.new_exc(Exc::TypeError, &format!("__init__() should return None, not '{tn}'"));
                    return FrameExit::Continue(back, Some(e));
                }
                let inst = obj::<FrameL>(f).init_self;
                self.push_to(back, inst);
                self.recycle_frame(f);
                FrameExit::Continue(back, None)
            }
            ret::FOR_ITER => {
                // The generator finished: pop the iterator, jump past the loop.
                let bo = obj::<FrameL>(back);
                let for_iter = code_data(bo.code).instrs[bo.pc as usize];
                bo.sp -= 1;
                bo.pc = for_iter.arg;
                FrameExit::Continue(back, None)
            }
            ret::SEND => {
                // The subgenerator finished: its value replaces it on the
                // caller's stack, which jumps to the SEND's target.
                let bo = obj::<FrameL>(back);
                let send = code_data(bo.code).instrs[bo.pc as usize];
                let top = bo.sp as usize - 1;
                frame_set(back, top, v);
                bo.pc = send.arg;
                FrameExit::Continue(back, None)
            }
            _ => {
                self.push_to(back, v);
                self.recycle_frame(f);
                FrameExit::Continue(back, None)
            }
        }
    }

    /// Resumes generator `gen` (CREATED or SUSPENDED) inline for the caller
    /// frame `caller`, whose pc and sp are saved pointing at the resuming
    /// FOR_ITER or SEND (`mode`): a suspended one gets `sent` pushed as its
    /// yield's result. Returns the frame to run next and the error to raise
    /// in it (RecursionError past the limit).
    fn resume_inline(&mut self, gen: Value, caller: Value, sent: Value, mode: u32) -> (Value, Option<PyErr>) {
        let gf = s4(gen, 0);
        if s4(gen, 1).int() == gen_state::SUSPENDED {
            self.push_to(gf, sent);
        }
        obj::<Obj4L>(gen).s[1] = Value::small(gen_state::RUNNING);
        self.enter_generator_frame(gf, caller, mode);
        if self.depth > self.recursion_limit {
            return (gf, Some(self.new_exc(Exc::RecursionError, "maximum recursion depth exceeded")));
        }
        (gf, None)
    }

    fn frame_yield(&mut self, f: Value, entry: Value, v: Value) -> FrameExit {
        self.depth -= 1;
        let fo = obj::<FrameL>(f);
        let back = fo.back;
        let gen = fo.gen;
        set_s4(gen, 1, Value::small(gen_state::SUSPENDED));
        self.leave_generator_frame(f);
        obj::<FrameL>(f).back = Value::NULL;
        if f == entry {
            self.yielded = true;
            return FrameExit::Leave(Ok(v));
        }
        self.r.frame.set(back);
        // Only FOR_ITER and SEND resume generators inline: deliver the value
        // and step past that instruction (SEND leaves the subiterator below
        // the value, as FOR_ITER leaves the iterator).
        let bo = obj::<FrameL>(back);
        bo.pc += 1;
        self.push_to(back, v);
        FrameExit::Continue(back, None)
    }

    fn push_to(&mut self, frame: Value, v: Value) {
        let fo = obj::<FrameL>(frame);
        let sp = fo.sp as usize;
        fo.sp += 1;
        frame_set(frame, sp, v);
    }

    /// Exception `err` raised in frame `f`: find a handler here or pop frames.
    fn unwind(&mut self, mut f: Value, entry: Value, mut err: PyErr) -> FrameExit {
        loop {
            let fo = obj::<FrameL>(f);
            let code = fo.code;
            let cd = code_data(code);
            let pc = (fo.pc as usize).saturating_sub(1);
            if !std::mem::replace(&mut self.reraising, false) {
                self.add_traceback(err, f, pc);
            }
            if let Some(h) = cd.exc_table.iter().find(|e| (e.start as usize) <= pc && pc < e.end as usize) {
                let fo = obj::<FrameL>(f);
                let sp = fo.stack_base + h.depth;
                fo.sp = sp;
                frame_set(f, sp as usize, err.0);
                fo.sp += 1;
                fo.pc = h.handler;
                return FrameExit::Continue(f, None);
            }
            // No handler: pop this frame (see frame_return for the barrier).
            self.depth -= 1;
            barrier(f);
            let fo = obj::<FrameL>(f);
            let back = fo.back;
            let gen = fo.gen;
            let mode = fo.ret_mode;
            if !gen.is_null() {
                set_s4(gen, 1, Value::small(gen_state::FINISHED));
                self.leave_generator_frame(f);
                if self.exc_matches(err, Exc::StopIteration) {
                    let e = self.new_exc(Exc::RuntimeError, "generator raised StopIteration");
                    let _ = self.set_exc_attr(e.0, N::cause, err.0);
                    let _ = self.set_exc_attr(e.0, N::context, err.0);
                    err = e;
                }
            }
            detach_back(f);
            if f == entry {
                return FrameExit::Leave(Err(err));
            }
            self.r.frame.set(back);
            if mode == ret::FOR_ITER || mode == ret::SEND {
                // The FOR_ITER or SEND in the caller is the faulting instruction.
                obj::<FrameL>(back).pc += 1;
            }
            // The caller's frame gets its own traceback entry on the next turn.
            f = back;
        }
    }

    /// A module attribute through the inline cache at `pc` of `code`: the
    /// entry is keyed by the module dict (tagged, see `code::Cache`) and its
    /// version (unique), so any store into the module invalidates it.
    #[inline]
    fn module_attr_cached(&mut self, code: Value, cd: &mut CodeData, pc: usize, m: Value, name: Value) -> Option<Value> {
        let d = s4(m, 1);
        let ver = obj::<DictL>(d).version;
        let key = d.0 | crate::code::CACHE_KEY_MODULE;
        let c = cd.caches[pc];
        if c.key == key && c.key2 == ver && c.val != 0 { return Some(Value(c.val)); }
        let v = self.dict_get_str(d, name)?;
        cd.caches[pc] = crate::code::Cache { key, key2: obj::<DictL>(d).version, val: v.0 };
        barrier(code);
        Some(v)
    }

    /// An attribute of a class object through the inline cache at `pc`:
    /// keyed by the class (tagged, see `code::Cache`) and its version, which
    /// changes when the class or any base is modified. Only for classes
    /// whose metaclass is `type` and for attributes `type` does not define,
    /// found in the MRO as values that class access returns unchanged (not
    /// static or class methods, nor instances that might be descriptors).
    #[inline]
    fn class_attr_cached(&mut self, code: Value, cd: &mut CodeData, pc: usize, cls: Value, name: Value) -> Option<Value> {
        let key = cls.0 | crate::code::CACHE_KEY_CLASS;
        let ver = obj::<ClassL>(cls).version;
        let c = cd.caches[pc];
        if c.key == key && c.key2 == ver && c.val != 0 { return Some(Value(c.val)); }
        let ty = self.ty(Ty::Type);
        if cls_of(cls) != ty || name == self.n(N::annotations) || self.lookup_type(ty, name).is_some() { return None; }
        let a = self.lookup_type(cls, name)?;
        if a.is_ref() && matches!(kind_of(a), Kind::StaticMethod | Kind::ClassMethod | Kind::Instance) { return None; }
        if obj::<ClassL>(cls).version != ver { return None; }
        cd.caches[pc] = crate::code::Cache { key, key2: ver, val: a.0 };
        barrier(code);
        Some(a)
    }

    fn cell_name(&mut self, code: Value, i: usize) -> Value {
        let cells = tuple_slice(obj::<CodeL>(code).cellvars);
        if i < cells.len() { cells[i] } else { tuple_slice(obj::<CodeL>(code).freevars)[i - cells.len()] }
    }

    fn unbound_deref(&mut self, code: Value, i: usize) -> PyErr {
        let ncell = tuple_slice(obj::<CodeL>(code).cellvars).len();
        let name = str_ref(self.cell_name(code, i)).to_string();
        if i < ncell {
            self.new_exc(Exc::UnboundLocalError, &format!("cannot access local variable '{name}' where it is not associated with a value"))
        } else {
            self.new_exc(Exc::NameError, &format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    /// The Python `__init__` to run inline when calling `cls`, if the class
    /// uses the default `__new__` and defines `__init__` in Python.
    fn simple_init(&mut self, cls: Value) -> PyResult<Option<Value>> {
        if cls_of(cls) != self.ty(Ty::Type) { return Ok(None); }
        let newf = self.lookup_type(cls, self.n(N::new));
        if newf != Some(self.object_new_fn()) { return Ok(None); }
        if self.layout_of(cls) != Kind::Instance { return Ok(None); }
        match self.lookup_type(cls, self.n(N::init)) {
            Some(i) if i.is_ref() && kind_of(i) == Kind::Function => Ok(Some(i)),
            _ => Ok(None),
        }
    }

    pub fn new_function(&mut self, code: Value, globals: Value, defaults: Value, kwdefaults: Value, closure: Value) -> Value {
        let func = self.alloc(Kind::Function, self.ty(Ty::Function), std::mem::size_of::<FunctionL>());
        let co = obj::<CodeL>(code);
        let (name, qualname, doc) = (co.name, co.qualname, co.doc);
        set_field!(func, FunctionL, code, code);
        set_field!(func, FunctionL, globals, globals);
        set_field!(func, FunctionL, defaults, defaults);
        set_field!(func, FunctionL, kwdefaults, kwdefaults);
        set_field!(func, FunctionL, closure, closure);
        set_field!(func, FunctionL, name, name);
        set_field!(func, FunctionL, qualname, qualname);
        set_field!(func, FunctionL, doc, doc);
        let m = self.dict_get_str(globals, self.n(N::name)).unwrap_or(Value::NONE);
        set_field!(func, FunctionL, module, m);
        func
    }

    /// Called at safe points when the countdown expires.
    /// Runs finalizers (and kills lost tasklets), then lets the scheduler
    /// preempt the running tasklet. May return `PyErr::SWITCH` (a soft
    /// switch) only when called from a tasklet's base dispatch loop.
    pub fn safe_point(&mut self) -> PyResult<()> {
        let used = self.sched_budget() - self.countdown;
        self.countdown = SAFE_POINT_INTERVAL;
        self.run_finalizers();
        if self.sched.active { self.sched_safe_point(used)?; }
        Ok(())
    }
}

/// Whether the positional-argument list being built at `pc` ends up in a
/// CALL_FUNCTION_EX (as in `f(*x)`) rather than in a display (`[*x]`).
fn feeds_call_ex(cd: &CodeData, mut pc: usize) -> bool {
    let mut seen_tuple = false;
    while pc < cd.instrs.len() {
        match cd.instrs[pc].op {
            Op::LIST_TO_TUPLE => seen_tuple = true,
            Op::CALL_FUNCTION_EX => return seen_tuple,
            Op::LOAD_CONST | Op::LOAD_FAST | Op::LOAD_NAME | Op::LOAD_GLOBAL | Op::LOAD_DEREF | Op::LOAD_ATTR
            | Op::LIST_APPEND | Op::LIST_EXTEND | Op::BUILD_MAP | Op::DICT_MERGE | Op::MAP_ADD | Op::BUILD_TUPLE
            | Op::BUILD_LIST | Op::BINARY_SUBSCR | Op::BINARY_OP | Op::CALL | Op::CALL_METHOD | Op::LOAD_METHOD
            | Op::KW_NAMES | Op::PUSH_NULL => {}
            _ => return false,
        }
        pc += 1;
    }
    false
}
