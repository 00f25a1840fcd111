//! Methods of the builtin `tuple`.
//!
//! Tuples are immutable `TupleL` objects; `tuple.__new__` is the only way to
//! make one from Python. A subclass instance is a `TupleL` whose class is the
//! subclass (never the shared empty tuple, which must keep class `tuple`).
//! The hash is CPython's xxHash-based tuple hash, computed the same way as
//! the core's fast path in ops.rs so that `hash(T(x)) == hash(tuple(x))`.

use crate::bytecode::CmpOp;
use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use super::list::{is_slice, method_args, receiver, repeat_count, search_bounds, seq_index, seq_richcompare, ReprGuard};

fn is_tuple(k: Kind) -> bool { k == Kind::Tuple }

fn margs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    method_args(vm, args, kw, is_tuple, "tuple", meth, min, max)
}

fn items_of(t: Value) -> &'static [Value] { tuple_slice(t) }

/// A tuple of class `cls` (a tuple subclass) holding `items`.
fn new_tuple_of(vm: &mut Vm, cls: Value, items: &[Value]) -> Value {
    if cls == vm.ty(Ty::Tuple) { return vm.new_tuple(items); }
    let t = vm.alloc_tuple(items.len());
    for (i, &x) in items.iter().enumerate() { tuple_init(t, i, x); }
    obj::<ObjHead>(t).cls = cls;
    barrier(t);
    t
}

fn new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let Some(&cls) = args.first() else {
        return Err(vm.new_exc(Exc::TypeError, "tuple.__new__(): not enough arguments"));
    };
    let tuple_cls = vm.ty(Ty::Tuple);
    if !vm.is_class(cls) || !vm.is_subclass(cls, tuple_cls) {
        let r = vm.repr_string(cls)?;
        return Err(vm.new_exc(Exc::TypeError, &format!("tuple.__new__({r}): {r} is not a subtype of tuple")));
    }
    let p = ArgParser::new("tuple", &args[1..], kw);
    if !p.kwnames.is_empty() && cls == tuple_cls {
        return Err(vm.new_exc(Exc::TypeError, "tuple() takes no keyword arguments"));
    }
    p.expect(vm, 0, 1)?;
    let Some(&it) = p.pos.first() else { return Ok(new_tuple_of(vm, cls, &[])) };
    if cls == tuple_cls && it.is_ref() && kind_of(it) == Kind::Tuple && cls_of(it) == tuple_cls {
        return Ok(it);
    }
    let l = vm.collect_list(it)?;
    let t = new_tuple_of(vm, cls, list_slice(l));
    std::hint::black_box(l);
    Ok(t)
}

fn count(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "count", 1, 1)?;
    let mut n = 0;
    for &y in tuple_slice(t) {
        if y == a[0] || vm.eq(y, a[0])? { n += 1; }
    }
    Ok(Value::small(n))
}

fn index(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "index", 1, 3)?;
    let items = tuple_slice(t);
    let (start, stop) = search_bounds(vm, a.get(1).copied(), a.get(2).copied(), items.len())?;
    for i in start..stop.min(items.len()) {
        if items[i] == a[0] || vm.eq(items[i], a[0])? { return Ok(Value::small(i as i64)); }
    }
    Err(vm.new_exc(Exc::ValueError, "tuple.index(x): x not in tuple"))
}

fn len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, _) = margs(vm, args, kw, "__len__", 0, 0)?;
    Ok(Value::small(tuple_slice(t).len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "__getitem__", 1, 1)?;
    let k = a[0];
    let n = tuple_slice(t).len();
    if is_slice(k) {
        let pos = vm.slice_positions(k, n)?;
        let exact = cls_of(t) == vm.ty(Ty::Tuple);
        if exact && pos.len() == n && (n < 2 || (pos[0] == 0 && pos[1] == 1)) { return Ok(t); }
        let out = vm.alloc_tuple(pos.len());
        let src = tuple_slice(t);
        for (j, &i) in pos.iter().enumerate() { tuple_init(out, j, src[i]); }
        return Ok(out);
    }
    let i = seq_index(vm, k, n, "tuple", "tuple index out of range")?;
    Ok(tuple_slice(t)[i])
}

fn contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "__contains__", 1, 1)?;
    for &y in tuple_slice(t) {
        if y == a[0] || vm.eq(y, a[0])? { return Ok(Value::TRUE); }
    }
    Ok(Value::FALSE)
}

fn iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, _) = margs(vm, args, kw, "__iter__", 0, 0)?;
    Ok(vm.new_obj4(Kind::TupleIter, vm.ty(Ty::TupleIter), [t, Value::small(0), Value::NULL, Value::NULL]))
}

fn add(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "__add__", 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Tuple) {
        let tn = vm.type_name(o);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only concatenate tuple (not \"{tn}\") to tuple")));
    }
    let (x, y) = (tuple_slice(t), tuple_slice(o));
    let out = vm.alloc_tuple(x.len() + y.len());
    for (i, &v) in x.iter().chain(y.iter()).enumerate() { tuple_init(out, i, v); }
    Ok(out)
}

fn mul(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, a) = margs(vm, args, kw, "__mul__", 1, 1)?;
    let n = tuple_slice(t).len();
    let Some(k) = repeat_count(vm, a[0], n)? else { return Ok(Value::NOT_IMPLEMENTED) };
    if k == 1 && cls_of(t) == vm.ty(Ty::Tuple) { return Ok(t); }
    if n * k == 0 { return Ok(vm.new_tuple(&[])); }
    let out = vm.alloc_tuple(n * k);
    let src = tuple_slice(t);
    for r in 0..k {
        for (i, &x) in src.iter().enumerate() { tuple_init(out, r * n + i, x); }
    }
    Ok(out)
}

fn hash(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (t, _) = margs(vm, args, kw, "__hash__", 0, 0)?;
    let h = vm.tuple_hash(t)?;
    Ok(vm.new_int(h))
}

fn richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (t, a) = margs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Tuple) { return Ok(Value::NOT_IMPLEMENTED); }
    seq_richcompare(vm, t, o, op, items_of)
}

fn repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let t = receiver(vm, args, is_tuple, "tuple", "__repr__")?;
    let _ = kw;
    let items = tuple_slice(t);
    if items.is_empty() { return Ok(vm.new_str("()")); }
    let Some(_g) = ReprGuard::enter(t) else { return Ok(vm.new_str("(...)")) };
    vm.check_stack()?;
    let mut s = String::from("(");
    for (i, &x) in items.iter().enumerate() {
        if i > 0 { s.push_str(", "); }
        s.push_str(&vm.repr_string(x)?);
    }
    if items.len() == 1 { s.push(','); }
    s.push(')');
    Ok(vm.new_str(&s))
}

pub fn init(vm: &mut Vm) {
    let t = Ty::Tuple;
    let cls = vm.ty(t);
    vm.add_static(cls, "__new__", new, false);
    vm.add_ty_method(t, "count", count);
    vm.add_ty_method(t, "index", index);
    vm.add_ty_method(t, "__len__", len);
    vm.add_ty_method(t, "__getitem__", getitem);
    vm.add_ty_method(t, "__contains__", contains);
    vm.add_ty_method(t, "__iter__", iter);
    vm.add_ty_method(t, "__add__", add);
    vm.add_ty_method(t, "__mul__", mul);
    vm.add_ty_method(t, "__rmul__", mul);
    vm.add_ty_method(t, "__hash__", hash);
    vm.add_ty_method(t, "__eq__", |vm, a, k| richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
    vm.add_ty_method(t, "__ne__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
    vm.add_ty_method(t, "__lt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Lt, "__lt__"));
    vm.add_ty_method(t, "__le__", |vm, a, k| richcmp(vm, a, k, CmpOp::Le, "__le__"));
    vm.add_ty_method(t, "__gt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Gt, "__gt__"));
    vm.add_ty_method(t, "__ge__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ge, "__ge__"));
    vm.add_ty_method(t, "__repr__", repr);
}
