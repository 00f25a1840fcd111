//! The descriptor and small value classes: `property`, `staticmethod`,
//! `classmethod`, `super`, `slice` and `range`.
//!
//! All are Obj4 objects (heap.rs):
//!
//! | kind         | s[0]   | s[1] | s[2]     | s[3] |
//! |--------------|--------|------|----------|------|
//! | Property     | fget   | fset | fdel     | doc  |
//! | StaticMethod | func   |      |          |      |
//! | ClassMethod  | func   |      |          |      |
//! | Super        | type   | obj  | obj_type |      |
//! | Slice        | start  | stop | step     |      |
//! | Range        | start  | stop | step     |      |
//!
//! Missing property functions are stored as None. A Super with a NULL obj is
//! unbound (`super(C)`). Range bounds are ints (small or big); lengths and
//! indices are computed with big integers, so `range(10**20)[-1]` works.
//!
//! Property get/set/delete on instances is done by the core (object.rs
//! recognises kind Property); the methods here serve explicit calls.
//! `super` objects get the HAS_GETATTRIBUTE class flag so that every
//! attribute lookup on them reaches `super.__getattribute__`, which searches
//! the MRO of obj_type after `type` and binds what it finds to obj.

use crate::bytecode::CmpOp;
use crate::call::ArgParser;
use crate::heap::*;
use crate::object::cf;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};
use super::list::{check_kwnames, expected_args, method_args, receiver, seq_richcompare, ReprGuard};

fn or_none(v: Value) -> Value { if v.is_null() { Value::NONE } else { v } }

/// `args[0]` as a class (for `__new__`), or a TypeError.
fn new_cls(vm: &mut Vm, args: &[Value], what: &str) -> PyResult<Value> {
    match args.first() {
        Some(&c) if vm.is_class(c) => Ok(c),
        _ => Err(vm.new_exc(Exc::TypeError, &format!("{what}.__new__(X): X is not a type object"))),
    }
}

// ---------------------------------------------------------------------------
// property

fn is_property(k: Kind) -> bool { k == Kind::Property }

fn property_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let cls = new_cls(vm, args, "property")?;
    let n = Value::NONE;
    Ok(vm.new_obj4(Kind::Property, cls, [n, n, n, n]))
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`; the doc defaults
/// to `fget.__doc__`.
fn property_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let p = receiver(vm, args, is_property, "property", "__init__")?;
    let a = ArgParser::new("property", &args[1..], kw);
    check_kwnames(vm, &a, &["fget", "fset", "fdel", "doc"], "property")?;
    if a.pos.len() > 4 {
        return Err(vm.new_exc(Exc::TypeError, &format!("property() takes at most 4 arguments ({} given)", a.pos.len())));
    }
    let names = ["fget", "fset", "fdel", "doc"];
    let mut vals = [Value::NONE; 4];
    for (i, name) in names.iter().enumerate() {
        if let Some(v) = a.get(i, name) { vals[i] = v; }
    }
    if vals[3] == Value::NONE && vals[0] != Value::NONE {
        let dn = vm.intern("__doc__");
        if let Some(d) = vm.getattr_opt(vals[0], dn)? { vals[3] = or_none(d); }
    }
    for (i, &v) in vals.iter().enumerate() { set_s4(p, i, v); }
    Ok(Value::NONE)
}

/// `getter`/`setter`/`deleter`: a copy with slot `i` replaced.
fn property_copy(vm: &mut Vm, args: &[Value], kw: Value, i: usize, meth: &str) -> PyResult {
    let (p, a) = method_args(vm, args, kw, is_property, "property", meth, 1, 1)?;
    let mut s = [s4(p, 0), s4(p, 1), s4(p, 2), s4(p, 3)];
    s[i] = a[0];
    if i == 0 && s[3] == Value::NONE && a[0] != Value::NONE {
        let dn = vm.intern("__doc__");
        if let Some(d) = vm.getattr_opt(a[0], dn)? { s[3] = or_none(d); }
    }
    Ok(vm.new_obj4(Kind::Property, cls_of(p), s))
}

/// The name used in "property 'x' of 'C' object has no setter".
fn property_name(p: Value) -> Option<String> {
    let f = s4(p, 0);
    if f.is_ref() && kind_of(f) == Kind::Function { return Some(str_ref(obj::<FunctionL>(f).name).to_string()); }
    None
}

fn property_missing(vm: &mut Vm, p: Value, inst: Value, what: &str) -> crate::vm::PyErr {
    let tn = vm.type_name(inst);
    let msg = match property_name(p) {
        Some(n) => format!("property '{n}' of '{tn}' object has no {what}"),
        None => format!("property of '{tn}' object has no {what}"),
    };
    vm.new_exc(Exc::AttributeError, &msg)
}

fn property_get(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (p, a) = method_args(vm, args, kw, is_property, "property", "__get__", 1, 2)?;
    let inst = a[0];
    if inst == Value::NONE { return Ok(p); }
    let f = s4(p, 0);
    if f == Value::NONE || f.is_null() { return Err(property_missing(vm, p, inst, "getter")); }
    vm.call(f, &[inst])
}

fn property_set(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (p, a) = method_args(vm, args, kw, is_property, "property", "__set__", 2, 2)?;
    let f = s4(p, 1);
    if f == Value::NONE || f.is_null() { return Err(property_missing(vm, p, a[0], "setter")); }
    vm.call(f, &[a[0], a[1]])?;
    Ok(Value::NONE)
}

fn property_delete(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (p, a) = method_args(vm, args, kw, is_property, "property", "__delete__", 1, 1)?;
    let f = s4(p, 2);
    if f == Value::NONE || f.is_null() { return Err(property_missing(vm, p, a[0], "deleter")); }
    vm.call(f, &[a[0]])?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// staticmethod / classmethod

fn wrapper_new(vm: &mut Vm, args: &[Value], kw: Value, kind: Kind, name: &str) -> PyResult {
    let cls = new_cls(vm, args, name)?;
    let p = ArgParser::new(name, &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")));
    }
    if p.pos.len() != 1 { return Err(expected_args(vm, name, 1, p.pos.len())); }
    Ok(vm.new_obj4(kind, cls, [p.pos[0], Value::NULL, Value::NULL, Value::NULL]))
}

fn wrapper_init(_vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult { Ok(Value::NONE) }

fn staticmethod_get(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = method_args(vm, args, kw, |k| k == Kind::StaticMethod, "staticmethod", "__get__", 1, 2)?;
    Ok(s4(s, 0))
}

fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let s = receiver(vm, args, |k| k == Kind::StaticMethod, "staticmethod", "__call__")?;
    vm.call_kw(s4(s, 0), &args[1..], kw)
}

fn classmethod_get(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (c, a) = method_args(vm, args, kw, |k| k == Kind::ClassMethod, "classmethod", "__get__", 1, 2)?;
    let owner = match a.get(1) {
        Some(&t) if t != Value::NONE => t,
        _ => {
            if a[0] == Value::NONE {
                return Err(vm.new_exc(Exc::TypeError, "__get__(None, None) is invalid"));
            }
            vm.type_of(a[0])
        }
    };
    Ok(vm.new_bound_method(s4(c, 0), owner))
}

// ---------------------------------------------------------------------------
// super

fn is_super(k: Kind) -> bool { k == Kind::Super }

/// The class `obj` is looked up on for `super(ty, obj)`, or a TypeError.
fn super_check(vm: &mut Vm, ty: Value, obj: Value) -> PyResult<Value> {
    if vm.is_class(obj) && vm.is_subclass(obj, ty) { return Ok(obj); }
    let ot = vm.type_of(obj);
    if vm.is_subclass(ot, ty) { return Ok(ot); }
    Err(vm.new_exc(Exc::TypeError, "super(type, obj): obj must be an instance or subtype of type"))
}

/// The implicit arguments of `super()`: the running function's `__class__`
/// cell and its first argument.
fn super_implicit(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let f = vm.r.frame.get();
    if f.is_null() { return Err(vm.new_exc(Exc::RuntimeError, "super(): no current frame")); }
    let code = obj::<FrameL>(f).code;
    let cd = code_data(code);
    if cd.argcount == 0 && cd.flags & crate::bytecode::CodeFlags::VARARGS == 0 {
        return Err(vm.new_exc(Exc::RuntimeError, "super(): no arguments"));
    }
    let nlocals = cd.nlocals as usize;
    let mut first = frame_slots(f)[0];
    if first.is_null() {
        // The first argument may live in a cell.
        if let Some(&(c, _)) = cd.cell2arg.iter().find(|&&(_, a)| a == 0) {
            let cell = frame_slots(f)[nlocals + c as usize];
            if cell.is_ref() && kind_of(cell) == Kind::Cell { first = s4(cell, 0); }
        }
    }
    if first.is_null() { return Err(vm.new_exc(Exc::RuntimeError, "super(): arg[0] deleted")); }
    let freevars = obj::<CodeL>(code).freevars;
    let idx = tuple_slice(freevars).iter().position(|&n| str_ref(n) == "__class__");
    let Some(i) = idx else { return Err(vm.new_exc(Exc::RuntimeError, "super(): __class__ cell not found")) };
    let cell = frame_slots(f)[nlocals + cd.ncellvars as usize + i];
    let cls = if cell.is_ref() && kind_of(cell) == Kind::Cell { s4(cell, 0) } else { Value::NULL };
    if cls.is_null() { return Err(vm.new_exc(Exc::RuntimeError, "super(): empty __class__ cell")); }
    if !vm.is_class(cls) {
        let tn = vm.type_name(cls);
        return Err(vm.new_exc(Exc::RuntimeError, &format!("super(): __class__ is not a type ({tn})")));
    }
    Ok((cls, first))
}

fn super_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let cls = new_cls(vm, args, "super")?;
    let p = ArgParser::new("super()", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "super() takes no keyword arguments"));
    }
    p.expect(vm, 0, 2)?;
    let (ty, obj) = match p.pos.len() {
        0 => super_implicit(vm)?,
        1 => (p.pos[0], Value::NULL),
        _ => (p.pos[0], p.pos[1]),
    };
    if !vm.is_class(ty) {
        let tn = vm.type_name(ty);
        return Err(vm.new_exc(Exc::TypeError, &format!("super() argument 1 must be a type, not {tn}")));
    }
    // CPython treats `super(C, None)` as unbound too.
    let (obj, obj_type) = if obj.is_null() || obj == Value::NONE {
        (Value::NULL, Value::NULL)
    } else {
        let ot = super_check(vm, ty, obj)?;
        (obj, ot)
    };
    Ok(vm.new_obj4(Kind::Super, cls, [ty, obj, obj_type, Value::NULL]))
}

fn super_init(_vm: &mut Vm, _args: &[Value], _kw: Value) -> PyResult { Ok(Value::NONE) }

fn super_getattribute(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (su, a) = method_args(vm, args, kw, is_super, "super", "__getattribute__", 1, 1)?;
    let name = a[0];
    if !vm.is_str(name) {
        let tn = vm.type_name(name);
        return Err(vm.new_exc(Exc::TypeError, &format!("attribute name must be string, not '{tn}'")));
    }
    let name = vm.intern(str_ref(name));
    let (start, inst, start_type) = (s4(su, 0), s4(su, 1), s4(su, 2));
    let n = str_ref(name);
    match n {
        "__thisclass__" => return Ok(start),
        "__self__" => return Ok(or_none(inst)),
        "__self_class__" => return Ok(or_none(start_type)),
        _ => {}
    }
    if !start_type.is_null() && n != "__class__" {
        let mro = obj::<ClassL>(start_type).mro;
        let classes = tuple_slice(mro);
        let from = classes.iter().position(|&c| c == start).map_or(classes.len(), |i| i + 1);
        for &c in &classes[from..] {
            if let Some(attr) = vm.dict_get_str(obj::<ClassL>(c).dict, name) {
                let bind_to = if inst == start_type { Value::NULL } else { inst };
                return vm.bind_descriptor(attr, bind_to, start_type);
            }
        }
    }
    match vm.generic_getattr(su, name)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exc(Exc::AttributeError, &format!("'super' object has no attribute '{n}'"))),
    }
}

fn super_get(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (su, a) = method_args(vm, args, kw, is_super, "super", "__get__", 1, 2)?;
    if a[0] == Value::NONE || !s4(su, 1).is_null() { return Ok(su); }
    let ty = s4(su, 0);
    let ot = super_check(vm, ty, a[0])?;
    Ok(vm.new_obj4(Kind::Super, cls_of(su), [ty, a[0], ot, Value::NULL]))
}

fn super_repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (su, _) = method_args(vm, args, kw, is_super, "super", "__repr__", 0, 0)?;
    let tn = vm.class_name(s4(su, 0)).to_string();
    let ot = s4(su, 2);
    let s = if ot.is_null() {
        format!("<super: <class '{tn}'>, NULL>")
    } else {
        format!("<super: <class '{tn}'>, <{} object>>", vm.class_name(ot))
    };
    Ok(vm.new_str(&s))
}

// ---------------------------------------------------------------------------
// slice

fn is_slice_kind(k: Kind) -> bool { k == Kind::Slice }

fn slice_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let _ = new_cls(vm, args, "slice")?;
    let p = ArgParser::new("slice", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "slice() takes no keyword arguments"));
    }
    p.expect(vm, 1, 3)?;
    let n = Value::NONE;
    let (a, b, c) = match p.pos.len() {
        1 => (n, p.pos[0], n),
        2 => (p.pos[0], p.pos[1], n),
        _ => (p.pos[0], p.pos[1], p.pos[2]),
    };
    Ok(vm.new_slice(a, b, c))
}

/// A slice's (start, stop, step), read in place.
fn slice_items(s: Value) -> &'static [Value] {
    &obj::<Obj4L>(s).s[..3]
}

fn slice_indices(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = method_args(vm, args, kw, is_slice_kind, "slice", "indices", 1, 1)?;
    let len = match vm.index_value(a[0])? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(a[0]);
            return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if len < 0 { return Err(vm.new_exc(Exc::ValueError, "length should not be negative")); }
    let (start, stop, step) = vm.slice_indices(s, len)?;
    Ok(vm.new_tuple(&[Value::small(start), Value::small(stop), Value::small(step)]))
}

fn slice_repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = method_args(vm, args, kw, is_slice_kind, "slice", "__repr__", 0, 0)?;
    let Some(_g) = ReprGuard::enter(s) else { return Ok(vm.new_str("...")) };
    let a = vm.repr_string(s4(s, 0))?;
    let b = vm.repr_string(s4(s, 1))?;
    let c = vm.repr_string(s4(s, 2))?;
    Ok(vm.new_str(&format!("slice({a}, {b}, {c})")))
}

fn slice_richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (s, a) = method_args(vm, args, kw, is_slice_kind, "slice", name, 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Slice) { return Ok(Value::NOT_IMPLEMENTED); }
    seq_richcompare(vm, s, o, op, slice_items)
}

// ---------------------------------------------------------------------------
// range

fn is_range(k: Kind) -> bool { k == Kind::Range }

/// An int argument (through `__index__`), as an int Value.
pub(crate) fn index_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if v.is_int() || (v.is_ref() && kind_of(v) == Kind::BigInt && !vm.is_heap_class(cls_of(v))) { return Ok(v); }
    if v.is_bool() { return Ok(Value::small((v == Value::TRUE) as i64)); }
    if let Some(b) = vm.as_bigint(v) { return Ok(vm.new_bigint(b)); }
    let cls = vm.type_of(v);
    if let Some(m) = vm.lookup_type_str(cls, "__index__") {
        let r = vm.call(m, &[v])?;
        if !vm.is_int_like(r) {
            let tn = vm.type_name(r);
            return Err(vm.new_exc(Exc::TypeError, &format!("__index__ returned non-int (type {tn})")));
        }
        return index_int(vm, r);
    }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let _ = new_cls(vm, args, "range")?;
    let p = ArgParser::new("range", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "range() takes no keyword arguments"));
    }
    p.expect(vm, 1, 3)?;
    let (start, stop, step) = match p.pos.len() {
        1 => (Value::small(0), index_int(vm, p.pos[0])?, Value::small(1)),
        2 => (index_int(vm, p.pos[0])?, index_int(vm, p.pos[1])?, Value::small(1)),
        _ => {
            let a = index_int(vm, p.pos[0])?;
            let b = index_int(vm, p.pos[1])?;
            let c = index_int(vm, p.pos[2])?;
            (a, b, c)
        }
    };
    if step == Value::small(0) {
        return Err(vm.new_exc(Exc::ValueError, "range() arg 3 must not be zero"));
    }
    vm.new_range(start, stop, step)
}

/// (start, stop, step, len) of a range as big integers.
fn range_parts(vm: &Vm, r: Value) -> (BigInt, BigInt, BigInt, BigInt) {
    let a = vm.as_bigint(s4(r, 0)).unwrap_or_default();
    let b = vm.as_bigint(s4(r, 1)).unwrap_or_default();
    let c = vm.as_bigint(s4(r, 2)).unwrap_or_else(BigInt::one);
    let n = if c.is_positive() {
        if b > a { (&b - &a + &c - 1) / &c } else { BigInt::zero() }
    } else if a > b { (&a - &b - &c - 1) / (-&c) } else { BigInt::zero() };
    (a, b, c, n)
}

fn rargs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    method_args(vm, args, kw, is_range, "range", meth, min, max)
}

fn range_len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__len__", 0, 0)?;
    let n = vm.range_len(r)?;
    Ok(vm.new_int(n))
}

fn range_bool(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__bool__", 0, 0)?;
    let (_, _, _, n) = range_parts(vm, r);
    Ok(Value::bool(!n.is_zero()))
}

/// Clamps one slice bound for a sequence of length `len` (CPython's
/// `_PySlice_GetLongIndices`).
fn clamp_bound(i: &BigInt, len: &BigInt, neg_step: bool) -> BigInt {
    let (lower, upper) = if neg_step { (BigInt::from(-1), len - 1) } else { (BigInt::zero(), len.clone()) };
    if i.is_negative() {
        let j = i + len;
        if j < lower { lower } else { j }
    } else if *i > upper { upper } else { i.clone() }
}

fn range_getitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, a) = rargs(vm, args, kw, "__getitem__", 1, 1)?;
    let k = a[0];
    let (start, _, step, len) = range_parts(vm, r);
    if k.is_ref() && kind_of(k) == Kind::Slice {
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<BigInt>> {
            if v == Value::NONE { return Ok(None); }
            let i = index_int(vm, v).map_err(|_| vm.new_exc(Exc::TypeError,
                "slice indices must be integers or None or have an __index__ method"))?;
            Ok(vm.as_bigint(i))
        };
        let sstep = get(vm, s4(k, 2))?.unwrap_or_else(BigInt::one);
        if sstep.is_zero() { return Err(vm.new_exc(Exc::ValueError, "slice step cannot be zero")); }
        let neg = sstep.is_negative();
        let sstart = match get(vm, s4(k, 0))? {
            Some(i) => clamp_bound(&i, &len, neg),
            None => if neg { &len - 1 } else { BigInt::zero() },
        };
        let sstop = match get(vm, s4(k, 1))? {
            Some(i) => clamp_bound(&i, &len, neg),
            None => if neg { BigInt::from(-1) } else { len.clone() },
        };
        let na = vm.new_bigint(&start + &sstart * &step);
        let nb = vm.new_bigint(&start + &sstop * &step);
        let nc = vm.new_bigint(&step * &sstep);
        return vm.new_range(na, nb, nc);
    }
    let i = match index_int(vm, k) {
        Ok(i) => vm.as_bigint(i).unwrap_or_default(),
        Err(e) if vm.exc_matches(e, Exc::TypeError) => {
            let tn = vm.type_name(k);
            return Err(vm.new_exc(Exc::TypeError, &format!("range indices must be integers or slices, not {tn}")));
        }
        Err(e) => return Err(e),
    };
    let j = if i.is_negative() { &i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(vm.new_exc(Exc::IndexError, "range object index out of range"));
    }
    Ok(vm.new_bigint(&start + &j * &step))
}

fn range_contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, a) = rargs(vm, args, kw, "__contains__", 1, 1)?;
    Ok(Value::bool(vm.range_contains(r, a[0])?))
}

fn range_iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__iter__", 0, 0)?;
    let (a, b, c) = (s4(r, 0), s4(r, 1), s4(r, 2));
    Ok(vm.new_obj4(Kind::RangeIter, vm.ty(Ty::RangeIter), [a, b, c, Value::NULL]))
}

fn range_reversed(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__reversed__", 0, 0)?;
    let (start, _, step, len) = range_parts(vm, r);
    let (a, b, c) = if len.is_zero() {
        (BigInt::zero(), BigInt::zero(), BigInt::one())
    } else {
        let last = &start + (&len - 1) * &step;
        (last, &start - &step, -step)
    };
    let (a, b, c) = (vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c));
    Ok(vm.new_obj4(Kind::RangeIter, vm.ty(Ty::RangeIter), [a, b, c, Value::NULL]))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, a) = rargs(vm, args, kw, "count", 1, 1)?;
    if vm.is_int_like(a[0]) {
        return Ok(Value::small(vm.range_contains(r, a[0])? as i64));
    }
    let it = vm.get_iter(r)?;
    let mut n = 0i64;
    while let Some(x) = vm.next(it)? {
        if vm.eq(x, a[0])? { n += 1; }
    }
    Ok(vm.new_int(n))
}

fn range_index(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, a) = rargs(vm, args, kw, "index", 1, 1)?;
    let x = a[0];
    if vm.is_int_like(x) {
        if !vm.range_contains(r, x)? {
            let s = vm.repr_string(x)?;
            return Err(vm.new_exc(Exc::ValueError, &format!("{s} is not in range")));
        }
        let (start, _, step, _) = range_parts(vm, r);
        let v = vm.as_bigint(x).unwrap_or_default();
        return Ok(vm.new_bigint((v - start) / step));
    }
    let it = vm.get_iter(r)?;
    let mut i = 0i64;
    while let Some(y) = vm.next(it)? {
        if vm.eq(y, x)? { return Ok(vm.new_int(i)); }
        i += 1;
    }
    Err(vm.new_exc(Exc::ValueError, "sequence.index(x): x not in sequence"))
}

fn range_repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__repr__", 0, 0)?;
    let a = vm.repr_string(s4(r, 0))?;
    let b = vm.repr_string(s4(r, 1))?;
    let s = if s4(r, 2) == Value::small(1) { format!("range({a}, {b})") } else {
        let c = vm.repr_string(s4(r, 2))?;
        format!("range({a}, {b}, {c})")
    };
    Ok(vm.new_str(&s))
}

fn range_richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (r, a) = rargs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Range) { return Ok(Value::NOT_IMPLEMENTED); }
    let (sa, _, ca, na) = range_parts(vm, r);
    let (sb, _, cb, nb) = range_parts(vm, o);
    let eq = na == nb && (na.is_zero() || (sa == sb && (na.is_one() || ca == cb)));
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

/// `hash(range)`: hash((len, start, step)) with None for the parts that do
/// not affect equality, as CPython.
fn range_hash(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (r, _) = rargs(vm, args, kw, "__hash__", 0, 0)?;
    let (_, _, _, n) = range_parts(vm, r);
    let nv = vm.new_bigint(n.clone());
    let t = if n.is_zero() {
        vm.new_tuple(&[nv, Value::NONE, Value::NONE])
    } else if n.is_one() {
        vm.new_tuple(&[nv, s4(r, 0), Value::NONE])
    } else {
        vm.new_tuple(&[nv, s4(r, 0), s4(r, 2)])
    };
    let h = vm.hash(t)?;
    Ok(vm.new_int(h))
}

pub fn init(vm: &mut Vm) {
    let c = vm.ty(Ty::Property);
    vm.add_static(c, "__new__", property_new, false);
    vm.add_ty_method(Ty::Property, "__init__", property_init);
    vm.add_ty_method(Ty::Property, "getter", |vm, a, k| property_copy(vm, a, k, 0, "getter"));
    vm.add_ty_method(Ty::Property, "setter", |vm, a, k| property_copy(vm, a, k, 1, "setter"));
    vm.add_ty_method(Ty::Property, "deleter", |vm, a, k| property_copy(vm, a, k, 2, "deleter"));
    vm.add_ty_method(Ty::Property, "__get__", property_get);
    vm.add_ty_method(Ty::Property, "__set__", property_set);
    vm.add_ty_method(Ty::Property, "__delete__", property_delete);

    let c = vm.ty(Ty::StaticMethod);
    vm.add_static(c, "__new__", |vm, a, k| wrapper_new(vm, a, k, Kind::StaticMethod, "staticmethod"), false);
    vm.add_ty_method(Ty::StaticMethod, "__init__", wrapper_init);
    vm.add_ty_method(Ty::StaticMethod, "__get__", staticmethod_get);
    vm.add_ty_method(Ty::StaticMethod, "__call__", staticmethod_call);
    let c = vm.ty(Ty::ClassMethod);
    vm.add_static(c, "__new__", |vm, a, k| wrapper_new(vm, a, k, Kind::ClassMethod, "classmethod"), false);
    vm.add_ty_method(Ty::ClassMethod, "__init__", wrapper_init);
    vm.add_ty_method(Ty::ClassMethod, "__get__", classmethod_get);

    let c = vm.ty(Ty::Super);
    vm.add_static(c, "__new__", super_new, false);
    vm.add_ty_method(Ty::Super, "__init__", super_init);
    vm.add_ty_method(Ty::Super, "__getattribute__", super_getattribute);
    vm.add_ty_method(Ty::Super, "__get__", super_get);
    vm.add_ty_method(Ty::Super, "__repr__", super_repr);
    obj::<ClassL>(c).flags |= cf::HAS_GETATTRIBUTE;

    let c = vm.ty(Ty::Slice);
    vm.add_static(c, "__new__", slice_new, false);
    vm.add_ty_method(Ty::Slice, "indices", slice_indices);
    vm.add_ty_method(Ty::Slice, "__repr__", slice_repr);
    vm.add_ty_method(Ty::Slice, "__eq__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
    vm.add_ty_method(Ty::Slice, "__ne__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
    vm.add_ty_method(Ty::Slice, "__lt__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Lt, "__lt__"));
    vm.add_ty_method(Ty::Slice, "__le__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Le, "__le__"));
    vm.add_ty_method(Ty::Slice, "__gt__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Gt, "__gt__"));
    vm.add_ty_method(Ty::Slice, "__ge__", |vm, a, k| slice_richcmp(vm, a, k, CmpOp::Ge, "__ge__"));
    let d = obj::<ClassL>(c).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE);

    let c = vm.ty(Ty::Range);
    vm.add_static(c, "__new__", range_new, false);
    vm.add_ty_method(Ty::Range, "__len__", range_len);
    vm.add_ty_method(Ty::Range, "__bool__", range_bool);
    vm.add_ty_method(Ty::Range, "__getitem__", range_getitem);
    vm.add_ty_method(Ty::Range, "__contains__", range_contains);
    vm.add_ty_method(Ty::Range, "__iter__", range_iter);
    vm.add_ty_method(Ty::Range, "__reversed__", range_reversed);
    vm.add_ty_method(Ty::Range, "count", range_count);
    vm.add_ty_method(Ty::Range, "index", range_index);
    vm.add_ty_method(Ty::Range, "__repr__", range_repr);
    vm.add_ty_method(Ty::Range, "__hash__", range_hash);
    vm.add_ty_method(Ty::Range, "__eq__", |vm, a, k| range_richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
    vm.add_ty_method(Ty::Range, "__ne__", |vm, a, k| range_richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
}
