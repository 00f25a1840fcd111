//! Methods of the builtin `dict` and of its views `dict_keys`,
//! `dict_values` and `dict_items`.
//!
//! The hash table itself lives in `crate::dict`; this file only exposes it.
//! A view is an Obj4 of kind DictKeys/DictValues/DictItems whose slot 0 is
//! the dict it shows (views are live: they see later mutations).
//!
//! Subclass instances are `DictL` objects with a heap class; `__getitem__`
//! consults `__missing__` only for them, as CPython does.

use crate::bytecode::{BinOp, CmpOp};
use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use super::list::{method_args, receiver, ReprGuard};

fn is_dict(k: Kind) -> bool { k == Kind::Dict }

fn margs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    method_args(vm, args, kw, is_dict, "dict", meth, min, max)
}

/// `dict.__init__(self, mapping_or_iterable=(), **kw)` and `dict.update`.
fn update_common(vm: &mut Vm, args: &[Value], kw: Value, name: &str) -> PyResult {
    let d = receiver(vm, args, is_dict, "dict", name)?;
    let p = ArgParser::new(if name == "__init__" { "dict" } else { "update" }, &args[1..], kw);
    p.expect(vm, 0, 1)?;
    if let Some(&m) = p.pos.first() {
        vm.dict_update_from(d, m)?;
    }
    for (i, &k) in p.kwnames.iter().enumerate() {
        vm.dict_set(d, k, p.kwvals[i])?;
    }
    Ok(Value::NONE)
}

fn get(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "get", 1, 2)?;
    Ok(vm.dict_get(d, a[0])?.unwrap_or(a.get(1).copied().unwrap_or(Value::NONE)))
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "setdefault", 1, 2)?;
    if let Some(v) = vm.dict_get(d, a[0])? { return Ok(v); }
    let dflt = a.get(1).copied().unwrap_or(Value::NONE);
    vm.dict_set(d, a[0], dflt)?;
    Ok(dflt)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "pop", 1, 2)?;
    match vm.dict_del(d, a[0])? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(&dflt) => Ok(dflt),
            None => Err(vm.key_error(a[0])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "popitem", 0, 0)?;
    match vm.dict_popitem(d) {
        Some((k, v)) => Ok(vm.new_tuple(&[k, v])),
        None => {
            let m = vm.new_str("popitem(): dictionary is empty");
            Err(vm.key_error(m))
        }
    }
}

fn view(vm: &mut Vm, args: &[Value], kw: Value, meth: &str, kind: Kind, ty: Ty) -> PyResult {
    let (d, _) = margs(vm, args, kw, meth, 0, 0)?;
    Ok(vm.new_obj4(kind, vm.ty(ty), [d, Value::NULL, Value::NULL, Value::NULL]))
}

fn copy(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "copy", 0, 0)?;
    Ok(vm.dict_copy(d))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "clear", 0, 0)?;
    vm.dict_clear(d);
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)` (a classmethod: `args[0]` is the class).
fn fromkeys(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let Some(&cls) = args.first() else {
        return Err(vm.new_exc(Exc::TypeError, "fromkeys expected at least 1 argument, got 0"));
    };
    let p = ArgParser::new("fromkeys", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "dict.fromkeys() takes no keyword arguments"));
    }
    p.expect(vm, 1, 2)?;
    let val = p.pos.get(1).copied().unwrap_or(Value::NONE);
    let d = if cls == vm.ty(Ty::Dict) { vm.new_dict() } else { vm.call(cls, &[])? };
    let exact = d.is_ref() && kind_of(d) == Kind::Dict && !vm.is_heap_class(cls_of(d));
    let it = vm.get_iter(p.pos[0])?;
    while let Some(k) = vm.next(it)? {
        if exact { vm.dict_set(d, k, val)?; } else { vm.setitem(d, k, val)?; }
    }
    Ok(d)
}

fn len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "__len__", 0, 0)?;
    Ok(Value::small(vm.dict_len(d) as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__getitem__", 1, 1)?;
    if let Some(v) = vm.dict_get(d, a[0])? { return Ok(v); }
    let cls = cls_of(d);
    if vm.is_heap_class(cls) {
        if let Some(m) = vm.lookup_type_str(cls, "__missing__") {
            return vm.call(m, &[d, a[0]]);
        }
    }
    Err(vm.key_error(a[0]))
}

fn setitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__setitem__", 2, 2)?;
    vm.dict_set(d, a[0], a[1])?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__delitem__", 1, 1)?;
    if vm.dict_del(d, a[0])?.is_none() { return Err(vm.key_error(a[0])); }
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__contains__", 1, 1)?;
    Ok(Value::bool(vm.dict_get(d, a[0])?.is_some()))
}

fn dict_iter(vm: &mut Vm, d: Value, kind: Kind, ty: Ty) -> Value {
    let n = Value::small(vm.dict_len(d) as i64);
    vm.new_obj4(kind, vm.ty(ty), [d, Value::small(0), n, Value::NULL])
}

fn iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "__iter__", 0, 0)?;
    Ok(dict_iter(vm, d, Kind::DictKeyIter, Ty::DictKeyIter))
}

/// A reverse iterator over a snapshot of `d`'s keys, values or items
/// (there is no reverse dict iterator kind: this iterates a fresh list).
fn reversed_snapshot(vm: &mut Vm, d: Value, what: Kind) -> Value {
    let out = vm.new_list_cap(vm.dict_len(d));
    let mut i = vm.dict_used(d);
    while i > 0 {
        i -= 1;
        if let Some((k, v)) = vm.dict_entry(d, i) {
            let x = match what {
                Kind::DictValues => v,
                Kind::DictItems => vm.new_tuple(&[k, v]),
                _ => k,
            };
            vm.list_append(out, x);
        }
    }
    vm.new_obj4(Kind::ListIter, vm.ty(Ty::ListIter), [out, Value::small(0), Value::NULL, Value::NULL])
}

fn reversed(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "__reversed__", 0, 0)?;
    Ok(reversed_snapshot(vm, d, Kind::DictKeys))
}

impl Vm {
    /// `a == b` for two dicts: same keys with equal values.
    pub fn dict_equal(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b { return Ok(true); }
        if self.dict_len(a) != self.dict_len(b) { return Ok(false); }
        self.check_stack()?;
        let mut i = 0;
        while i < self.dict_used(a) {
            if let Some((k, v)) = self.dict_entry(a, i) {
                match self.dict_get(b, k)? {
                    Some(w) => if v != w && !self.eq(v, w)? { return Ok(false) },
                    None => return Ok(false),
                }
            }
            i += 1;
        }
        Ok(true)
    }
}

fn richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (d, a) = margs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Dict) { return Ok(Value::NOT_IMPLEMENTED); }
    let eq = vm.dict_equal(d, o)?;
    Ok(Value::bool(eq == (op == CmpOp::Eq)))
}

fn or(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__or__", 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Dict) { return Ok(Value::NOT_IMPLEMENTED); }
    let r = vm.dict_copy(d);
    vm.dict_update_from(r, o)?;
    Ok(r)
}

fn ror(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__ror__", 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::Dict) { return Ok(Value::NOT_IMPLEMENTED); }
    let r = vm.dict_copy(o);
    vm.dict_update_from(r, d)?;
    Ok(r)
}

fn ior(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, a) = margs(vm, args, kw, "__ior__", 1, 1)?;
    vm.dict_update_from(d, a[0])?;
    Ok(d)
}

/// `{k: v, ...}`; `{...}` for a dict already being printed.
fn repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (d, _) = margs(vm, args, kw, "__repr__", 0, 0)?;
    if vm.dict_len(d) == 0 { return Ok(vm.new_str("{}")); }
    let Some(_g) = ReprGuard::enter(d) else { return Ok(vm.new_str("{...}")) };
    vm.check_stack()?;
    let mut s = String::from("{");
    let mut first = true;
    let mut i = 0;
    while i < vm.dict_used(d) {
        if let Some((k, v)) = vm.dict_entry(d, i) {
            if !first { s.push_str(", "); }
            first = false;
            s.push_str(&vm.repr_string(k)?);
            s.push_str(": ");
            s.push_str(&vm.repr_string(v)?);
        }
        i += 1;
    }
    s.push('}');
    Ok(vm.new_str(&s))
}

// ---------------------------------------------------------------------------
// Views

fn is_view(k: Kind) -> bool { matches!(k, Kind::DictKeys | Kind::DictValues | Kind::DictItems) }

fn view_name(k: Kind) -> &'static str {
    match k { Kind::DictKeys => "dict_keys", Kind::DictValues => "dict_values", _ => "dict_items" }
}

fn vargs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    let cls = match args.first() {
        Some(&v) if v.is_ref() && is_view(kind_of(v)) => view_name(kind_of(v)),
        _ => "dict_keys",
    };
    method_args(vm, args, kw, is_view, cls, meth, min, max)
}

fn view_len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, _) = vargs(vm, args, kw, "__len__", 0, 0)?;
    Ok(Value::small(vm.dict_len(s4(v, 0)) as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, _) = vargs(vm, args, kw, "__iter__", 0, 0)?;
    let d = s4(v, 0);
    Ok(match kind_of(v) {
        Kind::DictKeys => dict_iter(vm, d, Kind::DictKeyIter, Ty::DictKeyIter),
        Kind::DictValues => dict_iter(vm, d, Kind::DictValueIter, Ty::DictValueIter),
        _ => dict_iter(vm, d, Kind::DictItemIter, Ty::DictItemIter),
    })
}

fn view_reversed(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, _) = vargs(vm, args, kw, "__reversed__", 0, 0)?;
    Ok(reversed_snapshot(vm, s4(v, 0), kind_of(v)))
}

fn view_contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, a) = vargs(vm, args, kw, "__contains__", 1, 1)?;
    let (d, x) = (s4(v, 0), a[0]);
    match kind_of(v) {
        Kind::DictKeys => Ok(Value::bool(vm.dict_get(d, x)?.is_some())),
        Kind::DictItems => {
            if !(x.is_ref() && kind_of(x) == Kind::Tuple && tuple_slice(x).len() == 2) { return Ok(Value::FALSE); }
            let (k, want) = (tuple_slice(x)[0], tuple_slice(x)[1]);
            match vm.dict_get(d, k)? {
                Some(have) => Ok(Value::bool(have == want || vm.eq(have, want)?)),
                None => Ok(Value::FALSE),
            }
        }
        _ => {
            let mut i = 0;
            while i < vm.dict_used(d) {
                if let Some((_, y)) = vm.dict_entry(d, i) {
                    if y == x || vm.eq(y, x)? { return Ok(Value::TRUE); }
                }
                i += 1;
            }
            Ok(Value::FALSE)
        }
    }
}

/// `dict_keys(['a', 'b'])`.
fn view_repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, _) = vargs(vm, args, kw, "__repr__", 0, 0)?;
    let name = view_name(kind_of(v));
    let Some(_g) = ReprGuard::enter(v) else { return Ok(vm.new_str("...")) };
    vm.check_stack()?;
    let d = s4(v, 0);
    let mut s = format!("{name}([");
    let mut first = true;
    let mut i = 0;
    while i < vm.dict_used(d) {
        if let Some((k, x)) = vm.dict_entry(d, i) {
            if !first { s.push_str(", "); }
            first = false;
            match kind_of(v) {
                Kind::DictKeys => s.push_str(&vm.repr_string(k)?),
                Kind::DictValues => s.push_str(&vm.repr_string(x)?),
                _ => {
                    s.push('(');
                    s.push_str(&vm.repr_string(k)?);
                    s.push_str(", ");
                    s.push_str(&vm.repr_string(x)?);
                    s.push(')');
                }
            }
        }
        i += 1;
    }
    s.push_str("])");
    Ok(vm.new_str(&s))
}

fn view_binop(vm: &mut Vm, args: &[Value], kw: Value, op: BinOp, reflected: bool, name: &str) -> PyResult {
    let (v, a) = vargs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    if !vm.is_iterable(o) { return Ok(Value::NOT_IMPLEMENTED); }
    if reflected && op == BinOp::Sub {
        let items = vm.collect_list(o)?;
        let left = vm.new_set(list_slice(items))?;
        let mine = vm.collect_list(v)?;
        let right = vm.new_set(list_slice(mine))?;
        std::hint::black_box((items, mine));
        return vm.set_binop(left, right, op, false);
    }
    vm.dictview_binop(v, o, op)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (v, a) = vargs(vm, args, kw, "isdisjoint", 1, 1)?;
    let it = vm.get_iter(a[0])?;
    while let Some(x) = vm.next(it)? {
        let r = view_contains(vm, &[v, x], Value::NULL)?;
        if r == Value::TRUE { return Ok(Value::FALSE); }
    }
    Ok(Value::TRUE)
}

/// `==` and ordering of keys/items views: as sets.
fn view_richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (v, a) = vargs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    let setlike = o.is_ref() && matches!(kind_of(o), Kind::Set | Kind::FrozenSet | Kind::DictKeys | Kind::DictItems);
    if !setlike || kind_of(v) == Kind::DictValues { return Ok(Value::NOT_IMPLEMENTED); }
    let mine = vm.collect_list(v)?;
    let left = vm.new_set(list_slice(mine))?;
    let right = if matches!(kind_of(o), Kind::Set | Kind::FrozenSet) { o } else {
        let theirs = vm.collect_list(o)?;
        vm.new_set(list_slice(theirs))?
    };
    std::hint::black_box(mine);
    vm.set_compare(left, right, op)
}

fn no_new(vm: &mut Vm, args: &[Value], _kw: Value) -> PyResult {
    let name = match args.first() { Some(&c) if vm.is_class(c) => vm.class_name(c).to_string(), _ => "object".into() };
    Err(vm.new_exc(Exc::TypeError, &format!("cannot create '{name}' instances")))
}

pub fn init(vm: &mut Vm) {
    let t = Ty::Dict;
    vm.add_ty_method(t, "__init__", |vm, a, k| update_common(vm, a, k, "__init__"));
    vm.add_ty_method(t, "update", |vm, a, k| update_common(vm, a, k, "update"));
    vm.add_ty_method(t, "get", get);
    vm.add_ty_method(t, "setdefault", setdefault);
    vm.add_ty_method(t, "pop", pop);
    vm.add_ty_method(t, "popitem", popitem);
    vm.add_ty_method(t, "keys", |vm, a, k| view(vm, a, k, "keys", Kind::DictKeys, Ty::DictKeys));
    vm.add_ty_method(t, "values", |vm, a, k| view(vm, a, k, "values", Kind::DictValues, Ty::DictValues));
    vm.add_ty_method(t, "items", |vm, a, k| view(vm, a, k, "items", Kind::DictItems, Ty::DictItems));
    vm.add_ty_method(t, "copy", copy);
    vm.add_ty_method(t, "clear", clear);
    let cls = vm.ty(t);
    vm.add_static(cls, "fromkeys", fromkeys, true);
    vm.add_ty_method(t, "__len__", len);
    vm.add_ty_method(t, "__getitem__", getitem);
    vm.add_ty_method(t, "__setitem__", setitem);
    vm.add_ty_method(t, "__delitem__", delitem);
    vm.add_ty_method(t, "__contains__", contains);
    vm.add_ty_method(t, "__iter__", iter);
    vm.add_ty_method(t, "__reversed__", reversed);
    vm.add_ty_method(t, "__eq__", |vm, a, k| richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
    vm.add_ty_method(t, "__ne__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
    vm.add_ty_method(t, "__or__", or);
    vm.add_ty_method(t, "__ror__", ror);
    vm.add_ty_method(t, "__ior__", ior);
    vm.add_ty_method(t, "__repr__", repr);
    let d = obj::<ClassL>(cls).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE);

    for vt in [Ty::DictKeys, Ty::DictValues, Ty::DictItems] {
        let c = vm.ty(vt);
        vm.add_static(c, "__new__", no_new, false);
        vm.add_ty_method(vt, "__len__", view_len);
        vm.add_ty_method(vt, "__iter__", view_iter);
        vm.add_ty_method(vt, "__reversed__", view_reversed);
        vm.add_ty_method(vt, "__repr__", view_repr);
        let d = obj::<ClassL>(c).dict;
        vm.dict_set_str(d, "__hash__", Value::NONE);
        if vt == Ty::DictValues { continue; }
        vm.add_ty_method(vt, "__contains__", view_contains);
        vm.add_ty_method(vt, "isdisjoint", view_isdisjoint);
        vm.add_ty_method(vt, "__and__", |vm, a, k| view_binop(vm, a, k, BinOp::And, false, "__and__"));
        vm.add_ty_method(vt, "__or__", |vm, a, k| view_binop(vm, a, k, BinOp::Or, false, "__or__"));
        vm.add_ty_method(vt, "__sub__", |vm, a, k| view_binop(vm, a, k, BinOp::Sub, false, "__sub__"));
        vm.add_ty_method(vt, "__xor__", |vm, a, k| view_binop(vm, a, k, BinOp::Xor, false, "__xor__"));
        vm.add_ty_method(vt, "__rand__", |vm, a, k| view_binop(vm, a, k, BinOp::And, true, "__rand__"));
        vm.add_ty_method(vt, "__ror__", |vm, a, k| view_binop(vm, a, k, BinOp::Or, true, "__ror__"));
        vm.add_ty_method(vt, "__rsub__", |vm, a, k| view_binop(vm, a, k, BinOp::Sub, true, "__rsub__"));
        vm.add_ty_method(vt, "__rxor__", |vm, a, k| view_binop(vm, a, k, BinOp::Xor, true, "__rxor__"));
        vm.add_ty_method(vt, "__eq__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
        vm.add_ty_method(vt, "__ne__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
        vm.add_ty_method(vt, "__lt__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Lt, "__lt__"));
        vm.add_ty_method(vt, "__le__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Le, "__le__"));
        vm.add_ty_method(vt, "__gt__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Gt, "__gt__"));
        vm.add_ty_method(vt, "__ge__", |vm, a, k| view_richcmp(vm, a, k, CmpOp::Ge, "__ge__"));
    }
}
