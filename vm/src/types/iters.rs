//! The iterator classes: constructors for `enumerate`, `zip`, `map`,
//! `filter` and `reversed`, and `__iter__`/`__next__`/`__length_hint__` on
//! every builtin iterator class so that they also work when called from
//! Python (`it.__next__()`).
//!
//! The objects are the Obj4 layouts listed in builtin_iters.rs (and iter.rs
//! for the container iterators); `vm.next` advances all of them. The
//! remaining iterator classes cannot be instantiated from Python.

use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use super::list::{check_kwnames, expected_args, receiver};

/// Every kind that `vm.next` advances natively.
fn is_native_iter(k: Kind) -> bool {
    matches!(k, Kind::ListIter | Kind::TupleIter | Kind::RangeIter | Kind::StrIter | Kind::BytesIter
        | Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter | Kind::Enumerate
        | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::SeqIter | Kind::CallIter)
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let name = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
    receiver(vm, args, is_native_iter, &name, "__iter__")
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let name = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
    let it = receiver(vm, args, is_native_iter, &name, "__next__")?;
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

/// Length of a sequence for `reversed` and length hints.
fn seq_len(vm: &mut Vm, seq: Value) -> PyResult<i64> {
    if seq.is_ref() {
        match kind_of(seq) {
            Kind::List => return Ok(obj::<ListL>(seq).len as i64),
            Kind::Tuple => return Ok(tuple_slice(seq).len() as i64),
            Kind::Str => return Ok(obj::<StrL>(seq).nchars as i64),
            Kind::Bytes | Kind::ByteArray => return Ok(vm.bytes_like(seq).map_or(0, |b| b.len()) as i64),
            _ => {}
        }
    }
    let cls = vm.type_of(seq);
    match vm.lookup_type_str(cls, "__len__") {
        Some(m) => {
            let r = vm.call(m, &[seq])?;
            vm.len_result(r)
        }
        None => {
            let tn = vm.type_name(seq);
            Err(vm.new_exc(Exc::TypeError, &format!("object of type '{tn}' has no len()")))
        }
    }
}

fn length_hint(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let name = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
    let it = receiver(vm, args, is_native_iter, &name, "__length_hint__")?;
    let (a, b) = (s4(it, 0), s4(it, 1));
    let n: i64 = match kind_of(it) {
        Kind::ListIter => if a.is_null() { 0 } else { obj::<ListL>(a).len as i64 - b.int() },
        Kind::TupleIter => tuple_slice(a).len() as i64 - b.int(),
        Kind::StrIter => {
            let i = (b.int() as usize).min(obj::<StrL>(a).nbytes);
            str_ref(a)[i..].chars().count() as i64
        }
        Kind::BytesIter => vm.bytes_like(a).map_or(0, |x| x.len()) as i64 - b.int(),
        Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter => {
            if vm.dict_len(a) as i64 != s4(it, 2).int() { 0 } else {
                let from = b.int().max(0) as usize;
                (from..vm.dict_used(a)).filter(|&i| vm.dict_entry(a, i).is_some()).count() as i64
            }
        }
        Kind::RangeIter => {
            let (cur, stop, step) = (vm.as_bigint(a), vm.as_bigint(b), vm.as_bigint(s4(it, 2)));
            let (Some(cur), Some(stop), Some(step)) = (cur, stop, step) else { return Ok(Value::small(0)) };
            let n = if step.is_positive() {
                if stop > cur { (&stop - &cur + &step - 1) / &step } else { BigInt::zero() }
            } else if cur > stop { (&cur - &stop - &step - 1) / (-&step) } else { BigInt::zero() };
            return Ok(vm.new_bigint(n));
        }
        Kind::Reversed => {
            let pos = b.int() + 1;
            if a.is_null() || pos <= 0 { 0 } else {
                let len = seq_len(vm, a)?;
                if len < pos { 0 } else { pos }
            }
        }
        Kind::SeqIter => {
            if a.is_null() { 0 } else {
                match seq_len(vm, a) {
                    Ok(len) => len - b.int(),
                    Err(e) if vm.exc_matches(e, Exc::TypeError) => return Ok(Value::NOT_IMPLEMENTED),
                    Err(e) => return Err(e),
                }
            }
        }
        _ => {
            let tn = vm.type_name(it);
            return Err(vm.new_exc(Exc::AttributeError, &format!("'{tn}' object has no attribute '__length_hint__'")));
        }
    };
    Ok(Value::small(n.max(0)))
}

fn no_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let name = match args.first() { Some(&c) if vm.is_class(c) => vm.class_name(c).to_string(), _ => "object".into() };
    Err(vm.new_exc(Exc::TypeError, &format!("cannot create '{name}' instances")))
}

fn ctor_cls(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&c) if vm.is_class(c) => Ok(c),
        _ => Err(vm.new_exc(Exc::TypeError, &format!("{name}.__new__(X): X is not a type object"))),
    }
}

/// A tuple of iterators over `its`, built in place (GC-visible throughout).
fn iter_tuple(vm: &mut Vm, its: &[Value]) -> PyResult<Value> {
    let t = vm.alloc_tuple(its.len());
    for (i, &x) in its.iter().enumerate() {
        let it = vm.get_iter(x)?;
        tuple_init(t, i, it);
    }
    Ok(t)
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = ctor_cls(vm, args, "enumerate")?;
    let p = ArgParser::new("enumerate", &args[1..], kw);
    check_kwnames(vm, &p, &["iterable", "start"], "enumerate")?;
    let given = p.pos.len() + p.kwnames.len();
    if given > 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("enumerate() takes at most 2 arguments ({given} given)")));
    }
    let Some(iterable) = p.get(0, "iterable") else {
        return Err(vm.new_exc(Exc::TypeError, "enumerate() missing required argument 'iterable'"));
    };
    let start = match p.get(1, "start") {
        Some(s) => super::descr::index_int(vm, s)?,
        None => Value::small(0),
    };
    let it = vm.get_iter(iterable)?;
    Ok(vm.new_obj4(Kind::Enumerate, cls, [it, start, Value::NULL, Value::NULL]))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = ctor_cls(vm, args, "zip")?;
    let p = ArgParser::new("zip", &args[1..], kw);
    check_kwnames(vm, &p, &["strict"], "zip")?;
    let strict = match p.kw("strict") { Some(s) => vm.truthy(s)?, None => false };
    let its = iter_tuple(vm, p.pos)?;
    Ok(vm.new_obj4(Kind::Zip, cls, [its, Value::bool(strict), Value::NULL, Value::NULL]))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = ctor_cls(vm, args, "map")?;
    let p = ArgParser::new("map", &args[1..], kw);
    if !p.kwnames.is_empty() && cls == vm.ty(Ty::Map) {
        return Err(vm.new_exc(Exc::TypeError, "map() takes no keyword arguments"));
    }
    if p.pos.len() < 2 {
        return Err(vm.new_exc(Exc::TypeError, "map() must have at least two arguments."));
    }
    let its = iter_tuple(vm, &p.pos[1..])?;
    Ok(vm.new_obj4(Kind::Map, cls, [p.pos[0], its, Value::NULL, Value::NULL]))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = ctor_cls(vm, args, "filter")?;
    let p = ArgParser::new("filter", &args[1..], kw);
    if !p.kwnames.is_empty() && cls == vm.ty(Ty::Filter) {
        return Err(vm.new_exc(Exc::TypeError, "filter() takes no keyword arguments"));
    }
    if p.pos.len() != 2 { return Err(expected_args(vm, "filter", 2, p.pos.len())); }
    let it = vm.get_iter(p.pos[1])?;
    Ok(vm.new_obj4(Kind::Filter, cls, [p.pos[0], it, Value::NULL, Value::NULL]))
}

/// Whether `v` supports the sequence protocol (`__getitem__`, not a mapping).
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if v.is_ref() {
        match kind_of(v) {
            Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range => return true,
            Kind::Dict => return false,
            _ => {}
        }
    }
    let cls = vm.type_of(v);
    vm.lookup_type_str(cls, "__getitem__").is_some()
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = ctor_cls(vm, args, "reversed")?;
    let p = ArgParser::new("reversed", &args[1..], kw);
    if !p.kwnames.is_empty() && cls == vm.ty(Ty::Reversed) {
        return Err(vm.new_exc(Exc::TypeError, "reversed() takes no keyword arguments"));
    }
    if p.pos.len() != 1 { return Err(expected_args(vm, "reversed", 1, p.pos.len())); }
    let seq = p.pos[0];
    let t = vm.type_of(seq);
    match vm.lookup_type_str(t, "__reversed__") {
        Some(m) if m == Value::NONE => {}
        Some(m) => return vm.call(m, &[seq]),
        None => {
            if is_sequence(vm, seq) {
                let n = seq_len(vm, seq)?;
                return Ok(vm.new_obj4(Kind::Reversed, cls, [seq, Value::small(n - 1), Value::NULL, Value::NULL]));
            }
        }
    }
    let tn = vm.type_name(seq);
    Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object is not reversible")))
}

pub fn init(vm: &mut Vm) {
    let all = [
        Ty::ListIter, Ty::TupleIter, Ty::RangeIter, Ty::StrIter, Ty::BytesIter, Ty::DictKeyIter,
        Ty::DictValueIter, Ty::DictItemIter, Ty::SetIter, Ty::Enumerate, Ty::Zip, Ty::Map, Ty::Filter,
        Ty::Reversed, Ty::SeqIter, Ty::CallIter, Ty::ListRevIter, Ty::StrIterU,
    ];
    for t in all {
        vm.add_ty_method(t, "__iter__", iter_self);
        vm.add_ty_method(t, "__next__", iter_next);
        if !matches!(t, Ty::Enumerate | Ty::Zip | Ty::Map | Ty::Filter | Ty::CallIter) {
            vm.add_ty_method(t, "__length_hint__", length_hint);
        }
    }
    for t in [Ty::ListIter, Ty::TupleIter, Ty::RangeIter, Ty::StrIter, Ty::BytesIter, Ty::DictKeyIter,
              Ty::DictValueIter, Ty::DictItemIter, Ty::SetIter, Ty::SeqIter, Ty::CallIter, Ty::ListRevIter, Ty::StrIterU] {
        let c = vm.ty(t);
        vm.add_static(c, "__new__", no_new, false);
    }
    let ctors: [(Ty, crate::vm::NativeFn); 5] = [
        (Ty::Enumerate, enumerate_new), (Ty::Zip, zip_new), (Ty::Map, map_new),
        (Ty::Filter, filter_new), (Ty::Reversed, reversed_new),
    ];
    for (t, f) in ctors {
        let c = vm.ty(t);
        vm.add_static(c, "__new__", f, false);
    }
}
