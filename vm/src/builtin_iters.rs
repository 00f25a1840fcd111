//! The builtin iterator objects: enumerate, zip, map, filter, reversed and
//! `iter(callable, sentinel)`. Each is an Obj4 with its state in the slots:
//!
//! | kind      | s[0]        | s[1]          | s[2]      |
//! |-----------|-------------|---------------|-----------|
//! | Enumerate | iterator    | next index    |           |
//! | Zip       | tuple of its| strict flag   |           |
//! | Map       | function    | tuple of its  |           |
//! | Filter    | function    | iterator      |           |
//! | Reversed  | sequence    | next index    |           |
//! | CallIter  | callable    | sentinel      |           |

use crate::heap::*;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn next_builtin_iter(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    match kind_of(it) {
        Kind::Enumerate => {
            let inner = s4(it, 0);
            let Some(v) = vm.next(inner)? else { return Ok(None) };
            let i = s4(it, 1);
            let ni = vm.binary_op(i, Value::small(1), crate::bytecode::BinOp::Add, false)?;
            set_s4(it, 1, ni);
            Ok(Some(vm.new_tuple(&[i, v])))
        }
        Kind::Zip => {
            let its = s4(it, 0);
            let n = tuple_slice(its).len();
            if n == 0 { return Ok(None); }
            let out = vm.alloc_tuple(n);
            for i in 0..n {
                match vm.next(tuple_slice(its)[i])? {
                    Some(v) => tuple_init(out, i, v),
                    None => {
                        if s4(it, 1) == Value::TRUE {
                            let msg = if i == 0 {
                                // All must be exhausted too.
                                for j in 1..n {
                                    if vm.next(tuple_slice(its)[j])?.is_some() {
                                        let what = if j == 1 { "argument 1".to_string() } else { format!("arguments 1-{j}") };
                                        return Err(vm.new_exc(crate::vm::Exc::ValueError, &format!("zip() argument {} is longer than {what}", j + 1)));
                                    }
                                }
                                return Ok(None);
                            } else if i == 1 { "zip() argument 2 is shorter than argument 1".to_string() }
                            else { format!("zip() argument {} is shorter than arguments 1-{}", i + 1, i) };
                            // (the "longer" case is reported above when argument 1 ran out first)
                            return Err(vm.new_exc(crate::vm::Exc::ValueError, &msg));
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(out))
        }
        Kind::Map => {
            let f = s4(it, 0);
            let its = s4(it, 1);
            let n = tuple_slice(its).len();
            let args = vm.alloc_tuple(n);
            for i in 0..n {
                match vm.next(tuple_slice(its)[i])? {
                    Some(v) => tuple_init(args, i, v),
                    None => return Ok(None),
                }
            }
            vm.call(f, tuple_slice(args)).map(Some)
        }
        Kind::Filter => {
            let f = s4(it, 0);
            let inner = s4(it, 1);
            while let Some(v) = vm.next(inner)? {
                let keep = if f == Value::NONE { vm.truthy(v)? } else { let r = vm.call(f, &[v])?; vm.truthy(r)? };
                if keep { return Ok(Some(v)); }
            }
            Ok(None)
        }
        Kind::Reversed => {
            let seq = s4(it, 0);
            let i = s4(it, 1).int();
            if i < 0 || seq.is_null() { return Ok(None); }
            set_s4(it, 1, Value::small(i - 1));
            match vm.getitem(seq, Value::small(i)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if vm.exc_matches(e, crate::vm::Exc::IndexError) => Ok(None),
                Err(e) => Err(e),
            }
        }
        Kind::CallIter => {
            let f = s4(it, 0);
            if f.is_null() { return Ok(None); }
            let v = vm.call(f, &[])?;
            if vm.eq(v, s4(it, 1))? { set_s4(it, 0, Value::NULL); return Ok(None); }
            Ok(Some(v))
        }
        _ => Ok(None),
    }
}
