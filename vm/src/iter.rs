//! Iteration: `iter()`, `next()`, generators resumed from native code,
//! `yield from`, unpacking, `with`, `f(*args, **kwargs)` and class bodies.

use crate::call::{gen_state, ret};
use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyErr, PyResult, Ty, Vm};

impl Vm {
    pub fn get_iter(&mut self, o: Value) -> PyResult<Value> {
        if o.is_ref() {
            let heap = self.is_heap_class(cls_of(o));
            let k = kind_of(o);
            let mk = |vm: &mut Vm, kind: Kind, ty: Ty, a: Value, b: Value, c: Value| -> Value {
                vm.new_obj4(kind, vm.ty(ty), [a, b, c, Value::NULL])
            };
            if !heap || self.lookup_type(cls_of(o), self.n(N::iter)).map_or(false, |m| self.is_builtin_fn(m)) {
                match k {
                    Kind::List => return Ok(mk(self, Kind::ListIter, Ty::ListIter, o, Value::small(0), Value::NULL)),
                    Kind::Tuple => return Ok(mk(self, Kind::TupleIter, Ty::TupleIter, o, Value::small(0), Value::NULL)),
                    Kind::Str => {
                        // CPython names the iterator by whether the string is ASCII.
                        let ty = if obj::<StrL>(o).nchars == obj::<StrL>(o).nbytes { Ty::StrIter } else { Ty::StrIterU };
                        return Ok(mk(self, Kind::StrIter, ty, o, Value::small(0), Value::NULL));
                    }
                    Kind::Bytes | Kind::ByteArray => return Ok(mk(self, Kind::BytesIter, Ty::BytesIter, o, Value::small(0), Value::NULL)),
                    Kind::Dict | Kind::DictKeys => {
                        let d = if k == Kind::Dict { o } else { s4(o, 0) };
                        let n = Value::small(self.dict_len(d) as i64);
                        return Ok(self.new_obj4(Kind::DictKeyIter, self.ty(Ty::DictKeyIter), [d, Value::small(0), n, Value::NULL]));
                    }
                    Kind::DictValues => {
                        let d = s4(o, 0);
                        let n = Value::small(self.dict_len(d) as i64);
                        return Ok(self.new_obj4(Kind::DictValueIter, self.ty(Ty::DictValueIter), [d, Value::small(0), n, Value::NULL]));
                    }
                    Kind::DictItems => {
                        let d = s4(o, 0);
                        let n = Value::small(self.dict_len(d) as i64);
                        return Ok(self.new_obj4(Kind::DictItemIter, self.ty(Ty::DictItemIter), [d, Value::small(0), n, Value::NULL]));
                    }
                    Kind::Set | Kind::FrozenSet => {
                        // s[3]: the elements in CPython's table order (a snapshot);
                        // s[0] and s[2] still detect a size change.
                        let d = obj::<SetL>(o).dict;
                        let n = Value::small(self.dict_len(d) as i64);
                        let order = crate::types::set::iteration_list(self, o);
                        return Ok(self.new_obj4(Kind::SetIter, self.ty(Ty::SetIter), [d, Value::small(0), n, order]));
                    }
                    Kind::Range => {
                        let (start, stop, step) = (s4(o, 0), s4(o, 1), s4(o, 2));
                        return Ok(mk(self, Kind::RangeIter, Ty::RangeIter, start, stop, step));
                    }
                    Kind::ListIter | Kind::TupleIter | Kind::StrIter | Kind::BytesIter | Kind::DictKeyIter
                    | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter | Kind::RangeIter | Kind::Enumerate
                    | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::SeqIter | Kind::CallIter
                    | Kind::Generator => return Ok(o),
                    _ => {}
                }
            }
        }
        let cls = self.type_of(o);
        if let Some(m) = self.lookup_type(cls, self.n(N::iter)) {
            if m == Value::NONE {
                let tn = self.type_name(o);
                return Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object is not iterable")));
            }
            let it = self.call(m, &[o])?;
            let itc = self.type_of(it);
            if self.lookup_type(itc, self.n(N::next)).is_none() && !self.is_native_iterator(it) {
                let tn = self.type_name(it);
                return Err(self.new_exc(Exc::TypeError, &format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        if self.lookup_type(cls, self.n(N::getitem)).is_some() {
            return Ok(self.new_obj4(Kind::SeqIter, self.ty(Ty::SeqIter), [o, Value::small(0), Value::NULL, Value::NULL]));
        }
        let tn = self.type_name(o);
        Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object is not iterable")))
    }

    fn is_native_iterator(&self, it: Value) -> bool {
        it.is_ref() && matches!(kind_of(it), Kind::ListIter | Kind::TupleIter | Kind::StrIter | Kind::BytesIter
            | Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter | Kind::RangeIter
            | Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::SeqIter
            | Kind::CallIter | Kind::Generator)
    }

    pub fn is_iterable(&mut self, o: Value) -> bool {
        if o.is_ref() && matches!(kind_of(o), Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Set
            | Kind::FrozenSet | Kind::Range | Kind::Bytes | Kind::ByteArray) { return true; }
        if self.is_native_iterator(o) { return true; }
        let cls = self.type_of(o);
        self.lookup_type(cls, self.n(N::iter)).is_some() || self.lookup_type(cls, self.n(N::getitem)).is_some()
    }

    /// `next(it)`: Ok(None) when exhausted (no StopIteration object is made
    /// for native iterators).
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        if it.is_ref() {
            match kind_of(it) {
                Kind::ListIter | Kind::Reversed if kind_of(it) == Kind::ListIter => {
                    let l = s4(it, 0);
                    if l.is_null() { return Ok(None); }
                    let i = s4(it, 1).int() as usize;
                    let s = list_slice(l);
                    if i < s.len() { obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1); return Ok(Some(s[i])); }
                    set_s4(it, 0, Value::NULL);
                    return Ok(None);
                }
                Kind::TupleIter => {
                    let t = s4(it, 0);
                    let i = s4(it, 1).int() as usize;
                    let s = tuple_slice(t);
                    if i < s.len() { obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1); return Ok(Some(s[i])); }
                    return Ok(None);
                }
                Kind::RangeIter => {
                    let (cur, stop, step) = (s4(it, 0), s4(it, 1), s4(it, 2));
                    if cur.is_int() && stop.is_int() && step.is_int() {
                        let (c, s, st) = (cur.int(), stop.int(), step.int());
                        if (st > 0 && c < s) || (st < 0 && c > s) {
                            obj::<Obj4L>(it).s[0] = Value::small(c + st);
                            return Ok(Some(cur));
                        }
                        return Ok(None);
                    }
                    let more = {
                        let pos = self.num_gt(step, Value::small(0))?;
                        if pos { self.num_lt(cur, stop)? } else { self.num_gt(cur, stop)? }
                    };
                    if !more { return Ok(None); }
                    let nxt = self.binary_op(cur, step, crate::bytecode::BinOp::Add, false)?;
                    set_s4(it, 0, nxt);
                    return Ok(Some(cur));
                }
                Kind::StrIter => {
                    let s = s4(it, 0);
                    let i = s4(it, 1).int() as usize;
                    let b = str_bytes(s);
                    if i >= b.len() { return Ok(None); }
                    let st = str_ref(s);
                    let ch = st[i..].chars().next().unwrap();
                    obj::<Obj4L>(it).s[1] = Value::small((i + ch.len_utf8()) as i64);
                    let mut buf = [0u8; 4];
                    return Ok(Some(self.new_str(ch.encode_utf8(&mut buf))));
                }
                Kind::BytesIter => {
                    let b = s4(it, 0);
                    let i = s4(it, 1).int() as usize;
                    let data: &[u8] = match kind_of(b) {
                        Kind::Bytes => bytes_slice(b),
                        _ => { let bo = obj::<ByteArrayL>(b); &raw_array_bytes(bo.data)[..bo.len] }
                    };
                    if i < data.len() { obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1); return Ok(Some(Value::small(data[i] as i64))); }
                    return Ok(None);
                }
                Kind::SetIter if !s4(it, 3).is_null() => {
                    let d = s4(it, 0);
                    if self.dict_len(d) as i64 != s4(it, 2).int() {
                        obj::<Obj4L>(it).s[2] = Value::small(-1);
                        return Err(self.new_exc(Exc::RuntimeError, "Set changed size during iteration"));
                    }
                    let i = s4(it, 1).int() as usize;
                    let order = s4(it, 3);
                    if i >= list_slice(order).len() { return Ok(None); }
                    obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1);
                    return Ok(Some(list_slice(order)[i]));
                }
                Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter => {
                    let d = s4(it, 0);
                    if self.dict_len(d) as i64 != s4(it, 2).int() {
                        let what = if kind_of(it) == Kind::SetIter { "Set" } else { "dictionary" };
                        obj::<Obj4L>(it).s[2] = Value::small(-1);
                        return Err(self.new_exc(Exc::RuntimeError, &format!("{what} changed size during iteration")));
                    }
                    let mut i = s4(it, 1).int() as usize;
                    let used = self.dict_used(d);
                    while i < used {
                        if let Some((k, v)) = self.dict_entry(d, i) {
                            obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1);
                            return Ok(Some(match kind_of(it) {
                                Kind::DictKeyIter | Kind::SetIter => k,
                                Kind::DictValueIter => v,
                                _ => self.new_tuple(&[k, v]),
                            }));
                        }
                        i += 1;
                    }
                    obj::<Obj4L>(it).s[1] = Value::small(i as i64);
                    return Ok(None);
                }
                Kind::Generator => return self.gen_resume(it, Value::NONE, None),
                Kind::SeqIter => {
                    let seq = s4(it, 0);
                    if seq.is_null() { return Ok(None); }
                    let i = s4(it, 1);
                    match self.getitem(seq, i) {
                        Ok(v) => { set_s4(it, 1, Value::small(i.int() + 1)); return Ok(Some(v)); }
                        Err(e) if self.exc_matches(e, Exc::IndexError) || self.exc_matches(e, Exc::StopIteration) => {
                            set_s4(it, 0, Value::NULL);
                            return Ok(None);
                        }
                        Err(e) => return Err(e),
                    }
                }
                Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::CallIter => {
                    return crate::builtin_iters::next_builtin_iter(self, it);
                }
                Kind::ArrayIter => return crate::types::array::iter_next(self, it),
                _ => {}
            }
        }
        let cls = self.type_of(it);
        let Some(m) = self.lookup_type(cls, self.n(N::next)) else {
            let tn = self.type_name(it);
            return Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object is not an iterator")));
        };
        match self.call(m, &[it]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(e, Exc::StopIteration) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn num_gt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let r = self.compare(a, b, crate::bytecode::CmpOp::Gt)?;
        self.truthy(r)
    }
    fn num_lt(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let r = self.compare(a, b, crate::bytecode::CmpOp::Lt)?;
        self.truthy(r)
    }

    /// All items of an iterable. The result keeps them alive (it holds the
    /// GC list they are stored in) for as long as it is in scope, so callers
    /// may allocate while using it.
    pub fn collect_iter(&mut self, o: Value) -> PyResult<Items> {
        if o.is_ref() && !self.is_heap_class(cls_of(o)) && kind_of(o) == Kind::List {
            return Ok(Items(self.seq_to_list(o)));
        }
        Ok(Items(self.collect_list(o)?))
    }

    /// All items of an iterable as a new list object.
    pub fn collect_list(&mut self, o: Value) -> PyResult<Value> {
        let acc = self.new_list(&[]);
        self.list_extend(acc, o)?;
        Ok(acc)
    }

    /// Unpacking for UNPACK_SEQUENCE (`star` None) and UNPACK_EX
    /// (`star` Some(after)): the values in target order, in a fresh GC list
    /// that keeps them alive and up to date while it is held.
    pub fn unpack_iterable(&mut self, seq: Value, before: usize, star: Option<usize>) -> PyResult<Items> {
        if !self.is_iterable(seq) {
            let tn = self.type_name(seq);
            return Err(self.new_exc(Exc::TypeError, &format!("cannot unpack non-iterable {tn} object")));
        }
        let items = self.collect_list(seq)?;
        let n = list_slice(items).len();
        match star {
            None => {
                if n > before {
                    return Err(self.new_exc(Exc::ValueError, &format!("too many values to unpack (expected {before})")));
                }
                if n < before {
                    return Err(self.new_exc(Exc::ValueError, &format!("not enough values to unpack (expected {before}, got {n})")));
                }
                Ok(Items(items))
            }
            Some(after) => {
                if n < before + after {
                    return Err(self.new_exc(Exc::ValueError, &format!(
                        "not enough values to unpack (expected at least {}, got {n})", before + after)));
                }
                // [before..., mid, after...] with the starred part in a list
                // of its own: both lists are allocated first, then filled
                // from `items` (no Rust copy of the values spans an
                // allocation).
                let m = n - before - after;
                let mid = self.new_list_cap(m);
                let out = self.new_list_cap(before + 1 + after);
                let src = obj::<ListL>(items).items;
                if m > 0 {
                    array_copy(src, before, obj::<ListL>(mid).items, 0, m);
                    obj::<ListL>(mid).len = m;
                }
                let dst = obj::<ListL>(out).items;
                array_copy(src, 0, dst, 0, before);
                array_set(dst, before, mid);
                array_copy(src, n - after, dst, before + 1, after);
                obj::<ListL>(out).len = before + 1 + after;
                std::hint::black_box(items);
                Ok(Items(out))
            }
        }
    }

    // -- generators -------------------------------------------------------------

    /// Resumes a generator from native code with `sent` (or raising `throw`).
    /// Ok(Some(v)) when it yields v; Ok(None) when it returns (its value is in
    /// `last_return`).
    pub fn gen_resume(&mut self, gen: Value, sent: Value, throw: Option<PyErr>) -> PyResult<Option<Value>> {
        let state = s4(gen, 1).int();
        if state == gen_state::RUNNING {
            return Err(self.new_exc(Exc::ValueError, "generator already executing"));
        }
        if state == gen_state::FINISHED {
            self.last_return = Value::NONE;
            return match throw { Some(e) => Err(e), None => Ok(None) };
        }
        let frame = s4(gen, 0);
        if state == gen_state::CREATED {
            if sent != Value::NONE && throw.is_none() {
                return Err(self.new_exc(Exc::TypeError, "can't send non-None value to a just-started generator"));
            }
            if let Some(e) = throw {
                set_s4(gen, 1, Value::small(gen_state::FINISHED));
                return Err(e);
            }
        } else if throw.is_none() {
            let sp = obj::<FrameL>(frame).sp as usize;
            frame_set(frame, sp, sent);
            obj::<FrameL>(frame).sp += 1;
        }
        set_s4(gen, 1, Value::small(gen_state::RUNNING));
        self.check_stack()?;
        self.depth -= 0;
        let caller = self.r.frame.get();
        // Entering: swap in the generator's exception state (undone on leave).
        self.enter_generator_frame(frame, caller, ret::NATIVE);
        self.depth -= 1; // run_frame_throw counts the frame itself
        let saved = self.r.frame.get();
        self.r.frame.set(caller);
        let _ = saved;
        let r = self.run_frame_throw(frame, throw);
        let st = s4(gen, 1).int();
        match r {
            Ok(v) if st == gen_state::SUSPENDED => Ok(Some(v)),
            Ok(v) => { self.last_return = v; Ok(None) }
            Err(e) => Err(e),
        }
    }

    /// `gen.throw(exc)` with yield-from delegation.
    pub fn gen_throw(&mut self, gen: Value, exc: PyErr) -> PyResult<Option<Value>> {
        let state = s4(gen, 1).int();
        if state == gen_state::SUSPENDED {
            let frame = s4(gen, 0);
            let fo = obj::<FrameL>(frame);
            let cd = code_data(fo.code);
            let pc = fo.pc as usize;
            if pc >= 2 && cd.instrs[pc - 1].op == crate::bytecode::Op::YIELD_VALUE && cd.instrs[pc - 2].op == crate::bytecode::Op::SEND {
                let sub = frame_slots(frame)[fo.sp as usize - 1];
                let is_close = self.exc_matches(exc, Exc::GeneratorExit);
                let r = if sub.is_ref() && kind_of(sub) == Kind::Generator {
                    if is_close { self.gen_close(sub).map(|_| None) } else { self.gen_throw(sub, exc) }
                } else {
                    let name = if is_close { "close" } else { "throw" };
                    match self.getattr_opt(sub, self.intern(name))? {
                        Some(m) => {
                            let call_r = if is_close { self.call(m, &[]) } else { self.call(m, &[exc.0]) };
                            match call_r {
                                Ok(v) if !is_close => Ok(Some(v)),
                                Ok(_) => Ok(None),
                                Err(e) if self.exc_matches(e, Exc::StopIteration) => {
                                    self.last_return = self.get_exc_attr(e.0, N::value);
                                    Ok(None)
                                }
                                Err(e) => Err(e),
                            }
                        }
                        None => Err(exc),
                    }
                };
                match r {
                    Ok(Some(v)) => return Ok(Some(v)),
                    Ok(None) if !self.exc_matches(exc, Exc::GeneratorExit) => {
                        // Subiterator finished: continue the outer generator after SEND.
                        let fo = obj::<FrameL>(frame);
                        let send = cd.instrs[pc - 2];
                        let v = std::mem::replace(&mut self.last_return, Value::NONE);
                        let top = fo.sp as usize - 1;
                        frame_set(frame, top, v);
                        fo.pc = send.arg;
                        set_s4(gen, 1, Value::small(gen_state::SUSPENDED));
                        // Resume with nothing pushed: emulate by a resume whose
                        // sent value is dropped: push then pop is avoided by
                        // running the frame directly.
                        return self.gen_resume_no_push(gen);
                    }
                    Ok(None) => return self.gen_resume(gen, Value::NONE, Some(exc)),
                    Err(e) => return self.gen_resume(gen, Value::NONE, Some(e)),
                }
            }
        }
        self.gen_resume(gen, Value::NONE, Some(exc))
    }

    fn gen_resume_no_push(&mut self, gen: Value) -> PyResult<Option<Value>> {
        let frame = s4(gen, 0);
        set_s4(gen, 1, Value::small(gen_state::RUNNING));
        let caller = self.r.frame.get();
        self.enter_generator_frame(frame, caller, ret::NATIVE);
        self.depth -= 1;
        self.r.frame.set(caller);
        let r = self.run_frame_throw(frame, None);
        let st = s4(gen, 1).int();
        match r {
            Ok(v) if st == gen_state::SUSPENDED => Ok(Some(v)),
            Ok(v) => { self.last_return = v; Ok(None) }
            Err(e) => Err(e),
        }
    }

    /// `gen.close()`.
    pub fn gen_close(&mut self, gen: Value) -> PyResult<Value> {
        let state = s4(gen, 1).int();
        if state == gen_state::CREATED || state == gen_state::FINISHED {
            set_s4(gen, 1, Value::small(gen_state::FINISHED));
            return Ok(Value::NONE);
        }
        let ge = self.new_exc(Exc::GeneratorExit, "");
        match self.gen_throw(gen, ge) {
            Ok(Some(_)) => Err(self.new_exc(Exc::RuntimeError, "generator ignored GeneratorExit")),
            Ok(None) => Ok(Value::NONE),
            Err(e) if self.exc_matches(e, Exc::GeneratorExit) || self.exc_matches(e, Exc::StopIteration) => Ok(Value::NONE),
            Err(e) => Err(e),
        }
    }

    /// SEND: `v` into subiterator `it`. Some(yielded) or None when finished
    /// (result in `last_return`).
    pub fn send_into(&mut self, it: Value, v: Value) -> PyResult<Option<Value>> {
        if it.is_ref() && kind_of(it) == Kind::Generator {
            return self.gen_resume(it, v, None);
        }
        let r = if v == Value::NONE {
            match self.next(it)? {
                Some(x) => return Ok(Some(x)),
                None => { self.last_return = Value::NONE; return Ok(None); }
            }
        } else {
            self.call_method(it, "send", &[v])
        };
        match r {
            Ok(x) => Ok(Some(x)),
            Err(e) if self.exc_matches(e, Exc::StopIteration) => {
                self.last_return = self.get_exc_attr(e.0, N::value);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// StopIteration(value) for a generator that returned `value`.
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let e = if value == Value::NONE { self.new_exc(Exc::StopIteration, "") } else { self.new_exc_value(Exc::StopIteration, value) };
        let _ = self.set_exc_attr(e.0, N::value, value);
        e
    }

    // -- with, calls, classes -------------------------------------------------------

    pub fn before_with(&mut self, mgr: Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(mgr);
        let enter = self.lookup_type(cls, self.n(N::enter));
        let exit = self.lookup_type(cls, self.n(N::exit));
        let tn = self.type_name(mgr);
        let Some(enter) = enter else {
            return Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object does not support the context manager protocol")));
        };
        let Some(exit) = exit else {
            return Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)")));
        };
        let exit_b = self.bind_descriptor(exit, mgr, cls)?;
        let enter_b = self.bind_descriptor(enter, mgr, cls)?;
        let r = self.call(enter_b, &[])?;
        Ok((exit_b, r))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, f: Value, args: Value, kwargs: Value) -> PyResult {
        let args = if args.is_ref() && kind_of(args) == Kind::Tuple { args } else {
            if !self.is_iterable(args) {
                let (fname, tn) = (self.callable_name(f), self.type_name(args));
                return Err(self.new_exc(Exc::TypeError, &format!("{fname} argument after * must be an iterable, not {tn}")));
            }
            let l = self.collect_list(args)?;
            self.list_to_tuple(l)
        };
        if kwargs.is_null() || self.dict_len(kwargs) == 0 {
            return self.call(f, tuple_slice(args));
        }
        let items = self.dict_items(kwargs);
        let n = tuple_slice(args).len();
        let buf = self.alloc_tuple(n + items.len());
        for (i, &a) in tuple_slice(args).iter().enumerate() { tuple_init(buf, i, a); }
        let names = self.alloc_tuple(items.len());
        for (j, (k, v)) in items.into_iter().enumerate() {
            if !self.is_str(k) {
                return Err(self.new_exc(Exc::TypeError, "keywords must be strings"));
            }
            tuple_init(buf, n + j, v);
            tuple_init(names, j, k);
        }
        self.call_kw(f, tuple_slice(buf), names)
    }

    /// A callable's name for error messages: `module.qualname()` style as CPython
    /// uses in `argument after *` errors.
    pub fn callable_name(&mut self, f: Value) -> String {
        if f.is_ref() && kind_of(f) == Kind::Function {
            let fo = obj::<FunctionL>(f);
            let q = str_ref(fo.qualname).to_string();
            if self.is_str(fo.module) { return format!("{}.{}()", str_ref(fo.module), q); }
            return format!("{q}()");
        }
        if f.is_ref() && kind_of(f) == Kind::Builtin { return format!("{}()", str_ref(obj::<BuiltinL>(f).name)); }
        let tn = self.type_name(f);
        format!("{tn} object")
    }

    /// DICT_MERGE for `f(**m)`: duplicate keywords are errors.
    pub fn dict_merge_kwargs(&mut self, d: Value, m: Value, func: Value) -> PyResult<()> {
        if !self.is_mapping(m) {
            let (fname, tn) = (self.callable_name(func), self.type_name(m));
            return Err(self.new_exc(Exc::TypeError, &format!("{fname} argument after ** must be a mapping, not {tn}")));
        }
        // Keys come from the mapping (alive); values are stored into `d` as
        // soon as they are fetched, so a fresh value is never held only here.
        let keys = if m.is_ref() && kind_of(m) == Kind::Dict {
            let l = self.new_list(&[]);
            for (k, _) in self.dict_items(m) { self.list_append(l, k); }
            l
        } else {
            let ks = self.call_method(m, "keys", &[])?;
            self.collect_list(ks)?
        };
        let mut i = 0;
        while i < list_slice(keys).len() {
            let k = list_slice(keys)[i];
            i += 1;
            if !self.is_str(k) {
                return Err(self.new_exc(Exc::TypeError, "keywords must be strings"));
            }
            if self.dict_get(d, k)?.is_some() {
                let fname = self.callable_name(func);
                return Err(self.new_exc(Exc::TypeError, &format!("{fname} got multiple values for keyword argument '{}'", str_ref(k))));
            }
            let v = self.getitem(m, k)?;
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn is_mapping(&mut self, m: Value) -> bool {
        if m.is_ref() && kind_of(m) == Kind::Dict { return true; }
        let cls = self.type_of(m);
        self.lookup_type(cls, self.n(N::keys)).is_some() && self.lookup_type(cls, self.n(N::getitem)).is_some()
    }

    /// `__build_class__(func, name, *bases, **kw)`.
    pub fn build_class(&mut self, args: &[Value], kwnames: Value) -> PyResult {
        let p = crate::call::ArgParser::new("__build_class__", args, kwnames);
        if p.pos.len() < 2 {
            return Err(self.new_exc(Exc::TypeError, "__build_class__: not enough arguments"));
        }
        let (body, name) = (p.pos[0], p.pos[1]);
        if !(body.is_ref() && kind_of(body) == Kind::Function) {
            return Err(self.new_exc(Exc::TypeError, "__build_class__: func must be a function"));
        }
        if !(name.is_ref() && kind_of(name) == Kind::Str) {
            return Err(self.new_exc(Exc::TypeError, "__build_class__: name is not a string"));
        }
        let orig_bases = self.new_tuple(&p.pos[2..]);
        // PEP 560: a base that is not a class may stand for others
        // (`class C(list[int])`, typing's generics) through __mro_entries__.
        let resolved = crate::vm::RootedVec::new(&self.r);
        let mut changed = false;
        for &b in &p.pos[2..] {
            if !self.is_class(b) {
                if let Some(m) = self.lookup_type_str(self.type_of(b), "__mro_entries__") {
                    let r = self.call(m, &[b, orig_bases])?;
                    if !(r.is_ref() && kind_of(r) == Kind::Tuple) {
                        return Err(self.new_exc(Exc::TypeError, "__mro_entries__ must return a tuple"));
                    }
                    for &x in tuple_slice(r) { resolved.push(x); }
                    changed = true;
                    continue;
                }
            }
            resolved.push(b);
        }
        let bases = if changed { resolved.to_tuple(self) } else { orig_bases };
        drop(resolved);
        let mut meta = p.kw("metaclass");
        // The extra keywords, as positions in `p.kwnames`/`p.kwvals` (slices
        // of the caller's arguments, which the collector sees and updates):
        // no copy of the Values in Rust memory, since the class body and the
        // metaclass run in between.
        let extra_kw: Vec<usize> = (0..p.kwnames.len()).filter(|&i| str_ref(p.kwnames[i]) != "metaclass").collect();
        if meta.is_none() {
            let mut m = self.ty(Ty::Type);
            for &b in tuple_slice(bases) {
                let bm = self.type_of(b);
                if self.is_subclass(bm, m) { m = bm; }
            }
            meta = Some(m);
        }
        let meta = meta.unwrap();
        // metaclass.__prepare__(name, bases, **kwds) makes the namespace.
        let ns = match self.lookup_type_str(meta, "__prepare__") {
            Some(prep) if self.is_class(meta) && !self.is_builtin_fn(prep) => {
                let b = self.bind_descriptor(prep, Value::NULL, meta)?;
                if extra_kw.is_empty() {
                    self.call(b, &[name, bases])?
                } else {
                    let t = self.alloc_tuple(2 + extra_kw.len());
                    let names = self.alloc_tuple(extra_kw.len());
                    tuple_init(t, 0, name); tuple_init(t, 1, bases);
                    for (i, &j) in extra_kw.iter().enumerate() { tuple_init(t, 2 + i, p.kwvals[j]); tuple_init(names, i, p.kwnames[j]); }
                    self.call_kw(b, tuple_slice(t), names)?
                }
            }
            _ => self.new_dict(),
        };
        if !(ns.is_ref() && kind_of(ns) == Kind::Dict) {
            let (mn, tn) = (self.class_name(meta).to_string(), self.type_name(ns));
            return Err(self.new_exc(Exc::TypeError, &format!("{mn}.__prepare__() must return a mapping, not {tn}")));
        }
        if changed { self.setitem(ns, self.intern("__orig_bases__"), orig_bases)?; }
        let frame = self.make_frame(body, &[], Value::NULL)?;
        set_field!(frame, FrameL, locals, ns);
        let cell = self.run_frame_nested(frame)?;
        let cls = if extra_kw.is_empty() {
            self.call(meta, &[name, bases, ns])?
        } else {
            let t = self.alloc_tuple(3 + extra_kw.len());
            let names = self.alloc_tuple(extra_kw.len());
            tuple_init(t, 0, name); tuple_init(t, 1, bases); tuple_init(t, 2, ns);
            for (i, &j) in extra_kw.iter().enumerate() { tuple_init(t, 3 + i, p.kwvals[j]); tuple_init(names, i, p.kwnames[j]); }
            self.call_kw(meta, tuple_slice(t), names)?
        };
        if cell.is_ref() && kind_of(cell) == Kind::Cell {
            set_s4(cell, 0, cls);
        }
        Ok(cls)
    }
}

/// Items of an iterable, held by a GC list that this value keeps alive (a
/// conservative root while it is a local). Derefs to `[Value]`.
#[derive(Clone, Copy, Debug)]
pub struct Items(pub Value);

impl std::ops::Deref for Items {
    type Target = [Value];
    fn deref(&self) -> &[Value] { list_slice(self.0) }
}

// No `to_vec`: a Rust copy of the items would go stale at the next
// allocation under a moving collector (`Vm::list_to_tuple(items.0)` makes a
// tuple of them).

/// Iterates by index while holding the list, so the items stay reachable.
pub struct ItemsIter { list: Value, i: usize }
impl Iterator for ItemsIter {
    type Item = Value;
    fn next(&mut self) -> Option<Value> {
        let s = list_slice(self.list);
        let v = s.get(self.i).copied();
        self.i += 1;
        v
    }
}
impl IntoIterator for Items {
    type Item = Value;
    type IntoIter = ItemsIter;
    fn into_iter(self) -> ItemsIter { ItemsIter { list: self.0, i: 0 } }
}
impl<'a> IntoIterator for &'a Items {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter { list_slice(self.0).iter() }
}
