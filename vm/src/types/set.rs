//! Methods of the builtin `set` and `frozenset`.
//!
//! A set is a `SetL` wrapping a dict whose values are unused (containers.rs
//! has the primitives). Two details exist only to print like CPython:
//!
//! * **Order.** CPython iterates a set in hash-table slot order, so small
//!   ints come out sorted whatever the insertion order. Our sets keep dict
//!   (insertion) order. `__repr__` therefore lists the elements in the slot
//!   order a CPython set would have after inserting them in their current
//!   order (`slot_order`, a simulation of `set_add_entry` and
//!   `set_table_resize` over the hashes stored in the dict), and the sets
//!   this file builds in bulk (constructors, `copy`, the algebra methods)
//!   are stored in that order so that iterating them agrees too (when that
//!   order does not depend on collisions; see `reorder`).
//! * **pop.** `SetL.hash` is unused for mutable sets; `pop` keeps its search
//!   finger there (as CPython's `so->finger`), so popping everything is
//!   linear rather than quadratic over the deleted prefix.

use crate::bytecode::{BinOp, CmpOp};
use crate::call::ArgParser;
use crate::heap::*;
use crate::iter::Items;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use super::list::{method_args, receiver, ReprGuard};

fn is_set(k: Kind) -> bool { k == Kind::Set }
fn is_anyset(k: Kind) -> bool { matches!(k, Kind::Set | Kind::FrozenSet) }
fn setlike(v: Value) -> bool { v.is_ref() && is_anyset(kind_of(v)) }

fn cls_name(args: &[Value]) -> &'static str {
    match args.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::FrozenSet => "frozenset",
        _ => "set",
    }
}

/// Receiver (a set, or either kind when `any`) and positional arguments.
fn margs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, any: bool, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    let ok: fn(Kind) -> bool = if any { is_anyset } else { is_set };
    method_args(vm, args, kw, ok, cls_name(args), meth, min, max)
}

/// Receiver and any number of positional arguments (`union(*others)`).
fn vargs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, any: bool, meth: &str) -> PyResult<(Value, &'a [Value])> {
    let ok: fn(Kind) -> bool = if any { is_anyset } else { is_set };
    let cls = cls_name(args);
    let s = receiver(vm, args, ok, cls, meth)?;
    let p = ArgParser::new("", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{cls}.{meth}() takes no keyword arguments")));
    }
    Ok((s, p.pos))
}

fn set_dict(s: Value) -> Value { obj::<SetL>(s).dict }

/// Whether the order of `s`'s dict is known to be CPython's iteration
/// order: recorded against the dict's version, which every mutation
/// replaces by a fresh one (never 0, so a new dict's 0 never matches).
/// Frozensets and sets between mutations then iterate without simulating
/// the hash table again.
fn order_known(s: Value) -> bool {
    let v = obj::<DictL>(set_dict(s)).version;
    v != 0 && obj::<SetL>(s).order_ver == v
}

/// Records that `s`'s dict, as it is now, is in CPython's order.
fn note_ordered(s: Value) {
    obj::<SetL>(s).order_ver = obj::<DictL>(set_dict(s)).version;
}
fn set_len(vm: &Vm, s: Value) -> usize { vm.dict_len(set_dict(s)) }

/// The order in which CPython would iterate a set after inserting elements
/// with these hashes in this order (positions into `hashes`): a simulation
/// of `set_add_entry` with its growth policy and `set_table_resize`.
fn slot_order(hashes: &[u64]) -> Vec<usize> {
    const LINEAR_PROBES: usize = 9;
    const PERTURB_SHIFT: u32 = 5;
    const FREE: u32 = u32::MAX;
    // Slots hold positions into `hashes` (FREE when empty).
    fn insert(table: &mut [u32], hashes: &[u64], e: u32) {
        let mask = table.len() - 1;
        let h = hashes[e as usize];
        let mut perturb = h;
        let mut i = (h as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                if table[j] == FREE { table[j] = e; return; }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }
    let mut table: Vec<u32> = vec![FREE; 8];
    for used in 0..hashes.len() {
        insert(&mut table, hashes, used as u32);
        let used = used + 1;
        if used * 5 >= (table.len() - 1) * 3 {
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused { size <<= 1; }
            let old = std::mem::replace(&mut table, vec![FREE; size]);
            for e in old.into_iter().filter(|&e| e != FREE) { insert(&mut table, hashes, e); }
        }
    }
    table.into_iter().filter(|&e| e != FREE).map(|e| e as usize).collect()
}

/// Live entry indices of dict `d` with their stored hashes.
fn live_entries(vm: &Vm, d: Value) -> (Vec<usize>, Vec<u64>) {
    let entries = obj::<DictL>(d).entries;
    let idx: Vec<usize> = (0..vm.dict_used(d)).filter(|&i| vm.dict_entry(d, i).is_some()).collect();
    let hashes = idx.iter().map(|&i| array_get(entries, 3 * i).int() as u64).collect();
    (idx, hashes)
}

/// CPython's iteration order for the entries of dict `d` (entry indices),
/// taking the dict's order as the insertion history.
fn cpython_order(vm: &Vm, d: Value) -> Vec<usize> {
    let (idx, hashes) = live_entries(vm, d);
    slot_order(&hashes).into_iter().map(|p| idx[p]).collect()
}

/// The entry indices of set `s`'s dict in CPython's iteration order, or
/// None when that is the dict's own order.
pub fn entry_order(vm: &mut Vm, s: Value) -> Option<Vec<usize>> {
    reorder(vm, s);
    if order_known(s) { return None; }
    let order = cpython_order(vm, set_dict(s));
    if order.windows(2).all(|w| w[0] < w[1]) {
        note_ordered(s);
        return None;
    }
    Some(order)
}

/// The elements of a set in CPython's iteration order, in a fresh GC list
/// (so they stay alive and up to date while callers allocate or run
/// Python code).
fn ordered_items(vm: &mut Vm, s: Value) -> Items {
    Items(iteration_list(vm, s))
}

/// A list of the set's elements in CPython's iteration order, for the set
/// iterator (so iteration agrees with repr and with CPython's hash-table
/// order, e.g. `list({3, 1}) == [1, 3]`).
pub fn iteration_list(vm: &mut Vm, s: Value) -> Value {
    reorder(vm, s);
    let d = set_dict(s);
    if order_known(s) {
        let n = vm.dict_used(d);
        let l = vm.new_list_cap(vm.dict_len(d));
        for i in 0..n {
            // The list was allocated first: no allocation below moves `d`.
            if let Some((k, _)) = vm.dict_entry(set_dict(s), i) { vm.list_append(l, k); }
        }
        return l;
    }
    let order = cpython_order(vm, d);
    if order.windows(2).all(|w| w[0] < w[1]) {
        note_ordered(s);
    }
    let l = vm.new_list_cap(order.len());
    for i in order {
        if let Some((k, _)) = vm.dict_entry(set_dict(s), i) { vm.list_append(l, k); }
    }
    l
}

/// Re-stores a set's elements in CPython's order, the first time it is
/// iterated, so that later iterations need no simulation (and agree with
/// its repr). Only done when that order is a fixed point of the simulation
/// (no collisions that depend on the insertion history): re-simulating a
/// reordered colliding set would scramble it. Sets that are never iterated
/// (`len(set(...))`, membership tests) never pay for it. Runs no Python
/// code: the elements are distinct, so they are inserted without compares.
fn reorder(vm: &mut Vm, s: Value) {
    if order_known(s) { return; }
    let d = set_dict(s);
    let (idx, hashes) = live_entries(vm, d);
    let order = slot_order(&hashes);
    if order.iter().enumerate().all(|(i, &p)| i == p) {
        note_ordered(s);
        if vm.dict_used(d) == idx.len() { return; }
    }
    let permuted: Vec<u64> = order.iter().map(|&p| hashes[p]).collect();
    if !slot_order(&permuted).iter().enumerate().all(|(i, &p)| i == p) { return; }
    let nd = vm.new_dict_cap(idx.len());
    for p in order {
        let k = array_get(obj::<DictL>(set_dict(s)).entries, 3 * idx[p] + 1);
        vm.dict_insert_new(nd, k, hashes[p] as i64, Value::NONE);
    }
    set_field!(s, SetL, dict, nd);
    note_ordered(s);
}

/// A new set (or frozenset when `frozen`) with the elements of `items`.
fn new_from(vm: &mut Vm, frozen: bool, items: &[Value]) -> PyResult<Value> {
    let s = if frozen { vm.new_frozenset(items)? } else { vm.new_set(items)? };
    Ok(s)
}

/// A new set of the receiver's base type holding the receiver's elements.
fn copy_of(vm: &mut Vm, s: Value) -> PyResult<Value> {
    let items = ordered_items(vm, s);
    let r = if kind_of(s) == Kind::FrozenSet { vm.new_frozenset(&items)? } else { vm.new_set(&items)? };
    std::hint::black_box(items);
    std::hint::black_box(s);
    Ok(r)
}

/// `other` as a set: itself when it already is one, else a new set of its
/// items (raising TypeError for a non-iterable).
fn as_set(vm: &mut Vm, other: Value) -> PyResult<Value> {
    if setlike(other) { return Ok(other); }
    let s = vm.new_set(&[])?;
    vm.set_update(s, other)?;
    Ok(s)
}

/// Removes `key` (after the set-to-frozenset key conversion); whether it was there.
fn discard_key(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let k = vm.set_key(key)?;
    Ok(vm.dict_del(set_dict(s), k)?.is_some())
}

fn clear_set(vm: &mut Vm, s: Value) {
    vm.dict_clear(set_dict(s));
    obj::<SetL>(s).hash = -1;
}

/// Replaces the contents of the mutable set `s` with those of `src`.
fn assign(vm: &mut Vm, s: Value, src: Value) -> PyResult<()> {
    let items = ordered_items(vm, src);
    let d = vm.new_dict_cap(items.len());
    let sd = set_dict(src);
    // By index from the GC list: hashing may run Python code.
    for i in 0..items.len() {
        let x = items[i];
        let h = vm.hash(x)?;
        vm.dict_set_h(d, x, h, Value::NONE)?;
    }
    std::hint::black_box((sd, items));
    set_field!(s, SetL, dict, d);
    obj::<SetL>(s).hash = -1;
    Ok(())
}

// -- constructors -------------------------------------------------------------

fn set_init(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let s = receiver(vm, args, is_set, "set", "__init__")?;
    let p = ArgParser::new("set", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "set() takes no keyword arguments"));
    }
    p.expect(vm, 0, 1)?;
    let Some(&it) = p.pos.first() else { clear_set(vm, s); return Ok(Value::NONE) };
    let tmp = vm.new_set(&[])?;
    vm.set_update(tmp, it)?;
    set_field!(s, SetL, dict, set_dict(tmp));
    obj::<SetL>(s).hash = -1;
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let Some(&cls) = args.first() else {
        return Err(vm.new_exc(Exc::TypeError, "frozenset.__new__(): not enough arguments"));
    };
    let fs_cls = vm.ty(Ty::FrozenSet);
    if !vm.is_class(cls) || !vm.is_subclass(cls, fs_cls) {
        let r = vm.repr_string(cls)?;
        return Err(vm.new_exc(Exc::TypeError, &format!("frozenset.__new__({r}): {r} is not a subtype of frozenset")));
    }
    let p = ArgParser::new("frozenset", &args[1..], kw);
    if !p.kwnames.is_empty() && cls == fs_cls {
        return Err(vm.new_exc(Exc::TypeError, "frozenset() takes no keyword arguments"));
    }
    p.expect(vm, 0, 1)?;
    if let Some(&it) = p.pos.first() {
        if cls == fs_cls && it.is_ref() && kind_of(it) == Kind::FrozenSet && cls_of(it) == fs_cls {
            return Ok(it);
        }
    }
    let f = vm.new_frozenset(&[])?;
    if let Some(&it) = p.pos.first() {
        vm.set_update(f, it)?;
    }
    if cls != fs_cls {
        obj::<ObjHead>(f).cls = cls;
        barrier(f);
    }
    Ok(f)
}

// -- mutators -----------------------------------------------------------------

fn add(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, false, "add", 1, 1)?;
    vm.set_add(s, a[0])?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, false, "discard", 1, 1)?;
    discard_key(vm, s, a[0])?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, false, "remove", 1, 1)?;
    if !discard_key(vm, s, a[0])? { return Err(vm.key_error(a[0])); }
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, false, "pop", 0, 0)?;
    let d = set_dict(s);
    let used = vm.dict_used(d);
    if vm.dict_len(d) == 0 {
        let m = vm.new_str("pop from an empty set");
        return Err(vm.key_error(m));
    }
    let finger = obj::<SetL>(s).hash;
    let start = if finger >= 0 && (finger as usize) < used { finger as usize } else { 0 };
    for i in (start..used).chain(0..start) {
        if let Some((k, _)) = vm.dict_entry(d, i) {
            vm.dict_del(d, k)?;
            obj::<SetL>(s).hash = i as i64 + 1;
            return Ok(k);
        }
    }
    let m = vm.new_str("pop from an empty set");
    Err(vm.key_error(m))
}

fn clear(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, false, "clear", 0, 0)?;
    clear_set(vm, s);
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, true, "copy", 0, 0)?;
    if kind_of(s) == Kind::FrozenSet && cls_of(s) == vm.ty(Ty::FrozenSet) { return Ok(s); }
    copy_of(vm, s)
}

// -- algebra ------------------------------------------------------------------

/// Appends to the GC list `out` the elements of `s` that are
/// (`keep_common`) or are not in `other`. Membership tests may run Python
/// code, so the elements are read from a rooted snapshot.
fn filter_into(vm: &mut Vm, out: Value, s: Value, other: Value, keep_common: bool) -> PyResult<()> {
    let snap = ordered_items(vm, s).0;
    for i in 0..obj::<ListL>(snap).len {
        let x = list_slice(snap)[i];
        if vm.set_contains(other, x)? == keep_common { vm.list_append(out, x); }
    }
    Ok(())
}

fn union_into(vm: &mut Vm, r: Value, others: &[Value]) -> PyResult<()> {
    for &o in others { vm.set_update(r, o)?; }
    Ok(())
}

fn union(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, true, "union")?;
    let r = copy_of(vm, s)?;
    union_into(vm, r, others)?;
    Ok(r)
}

/// `s & o1 & o2 ...`. Like CPython, each step walks the smaller of the two
/// sets (or the iterable), so the result's insertion order matches.
fn intersection_of(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    let frozen = kind_of(s) == Kind::FrozenSet;
    let mut r = copy_of(vm, s)?;
    for &o in others {
        let keep = vm.new_list(&[]);
        if setlike(o) {
            let (walk, probe) = if set_len(vm, o) > set_len(vm, r) { (r, o) } else { (o, r) };
            filter_into(vm, keep, walk, probe, true)?;
        } else {
            let it = vm.get_iter(o)?;
            while let Some(x) = vm.next(it)? {
                if vm.set_contains(r, x)? { vm.list_append(keep, x); }
            }
        }
        r = new_from(vm, frozen, list_slice(keep))?;
        std::hint::black_box(keep);
    }
    Ok(r)
}

fn intersection(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, true, "intersection")?;
    intersection_of(vm, s, others)
}

fn difference_of(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<Value> {
    let frozen = kind_of(s) == Kind::FrozenSet;
    let mut r = copy_of(vm, s)?;
    for &o in others {
        let o = as_set(vm, o)?;
        let keep = vm.new_list(&[]);
        filter_into(vm, keep, r, o, false)?;
        r = new_from(vm, frozen, list_slice(keep))?;
        std::hint::black_box(keep);
    }
    Ok(r)
}

fn difference(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, true, "difference")?;
    difference_of(vm, s, others)
}

/// `s ^ o`: as CPython, a copy of `o` updated with the elements of `s`.
fn symmetric_difference_of(vm: &mut Vm, s: Value, o: Value) -> PyResult<Value> {
    let frozen = kind_of(s) == Kind::FrozenSet;
    let o = as_set(vm, o)?;
    let keep = vm.new_list(&[]);
    filter_into(vm, keep, o, s, false)?;
    filter_into(vm, keep, s, o, false)?;
    let r = new_from(vm, frozen, list_slice(keep))?;
    std::hint::black_box(keep);
    Ok(r)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, "symmetric_difference", 1, 1)?;
    symmetric_difference_of(vm, s, a[0])
}

fn update(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, false, "update")?;
    union_into(vm, s, others)?;
    Ok(Value::NONE)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, false, "intersection_update")?;
    let r = intersection_of(vm, s, others)?;
    assign(vm, s, r)?;
    Ok(Value::NONE)
}

fn difference_update_with(vm: &mut Vm, s: Value, others: &[Value]) -> PyResult<()> {
    for &o in others {
        if o == s { clear_set(vm, s); continue; }
        let it = vm.get_iter(o)?;
        while let Some(x) = vm.next(it)? { discard_key(vm, s, x)?; }
    }
    Ok(())
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, others) = vargs(vm, args, kw, false, "difference_update")?;
    difference_update_with(vm, s, others)?;
    Ok(Value::NONE)
}

fn symmetric_difference_update_with(vm: &mut Vm, s: Value, o: Value) -> PyResult<()> {
    if o == s { clear_set(vm, s); return Ok(()); }
    let o = as_set(vm, o)?;
    // `Items` iterates its GC list by index.
    for x in ordered_items(vm, o) {
        if !discard_key(vm, s, x)? { vm.set_add(s, x)?; }
    }
    std::hint::black_box(o);
    Ok(())
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, false, "symmetric_difference_update", 1, 1)?;
    symmetric_difference_update_with(vm, s, a[0])?;
    Ok(Value::NONE)
}

fn issubset(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, "issubset", 1, 1)?;
    let o = as_set(vm, a[0])?;
    vm.set_compare(s, o, CmpOp::Le)
}

fn issuperset(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, "issuperset", 1, 1)?;
    let o = as_set(vm, a[0])?;
    vm.set_compare(s, o, CmpOp::Ge)
}

fn isdisjoint(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, "isdisjoint", 1, 1)?;
    let it = vm.get_iter(a[0])?;
    while let Some(x) = vm.next(it)? {
        if vm.set_contains(s, x)? { return Ok(Value::FALSE); }
    }
    Ok(Value::TRUE)
}

// -- protocols ----------------------------------------------------------------

fn len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, true, "__len__", 0, 0)?;
    Ok(Value::small(set_len(vm, s) as i64))
}

fn contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, "__contains__", 1, 1)?;
    Ok(Value::bool(vm.set_contains(s, a[0])?))
}

fn iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, true, "__iter__", 0, 0)?;
    let d = set_dict(s);
    let n = Value::small(vm.dict_len(d) as i64);
    Ok(vm.new_obj4(Kind::SetIter, vm.ty(Ty::SetIter), [d, Value::small(0), n, Value::NULL]))
}

/// `a op b` for two sets (`reflected`: `b op a`); NotImplemented otherwise.
fn binop(vm: &mut Vm, args: &[Value], kw: Value, op: BinOp, reflected: bool, name: &str) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, name, 1, 1)?;
    let o = a[0];
    if !setlike(o) { return Ok(Value::NOT_IMPLEMENTED); }
    let (x, y) = if reflected { (o, s) } else { (s, o) };
    let r = match op {
        BinOp::Or => { let r = copy_of(vm, x)?; union_into(vm, r, &[y])?; r }
        BinOp::And => intersection_of(vm, x, &[y])?,
        BinOp::Sub => difference_of(vm, x, &[y])?,
        _ => symmetric_difference_of(vm, x, y)?,
    };
    Ok(r)
}

fn ibinop(vm: &mut Vm, args: &[Value], kw: Value, op: BinOp, name: &str) -> PyResult {
    let (s, a) = margs(vm, args, kw, false, name, 1, 1)?;
    let o = a[0];
    if !setlike(o) { return Ok(Value::NOT_IMPLEMENTED); }
    match op {
        BinOp::Or => union_into(vm, s, &[o])?,
        BinOp::And => { let r = intersection_of(vm, s, &[o])?; assign(vm, s, r)?; }
        BinOp::Sub => difference_update_with(vm, s, &[o])?,
        _ => symmetric_difference_update_with(vm, s, o)?,
    }
    Ok(s)
}

fn richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (s, a) = margs(vm, args, kw, true, name, 1, 1)?;
    if !setlike(a[0]) { return Ok(Value::NOT_IMPLEMENTED); }
    vm.set_compare(s, a[0], op)
}

impl Vm {
    /// CPython's frozenset hash over the element hashes stored in the set's
    /// dict (the same function as the core's fast path), cached in the set.
    pub fn frozenset_hash_of(&mut self, s: Value) -> i64 {
        let o = obj::<SetL>(s);
        if o.hash != -1 && o.hash != 0 { return o.hash; }
        let d = o.dict;
        let entries = obj::<DictL>(d).entries;
        let mut hash: u64 = 0;
        for i in 0..self.dict_used(d) {
            if self.dict_entry(d, i).is_some() {
                let h = array_get(entries, 3 * i).int() as u64;
                hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
            }
        }
        hash ^= (self.dict_len(d) as u64 + 1).wrapping_mul(1927868237);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let h = ((hash as i64) >> 2).max(i64::MIN + 1);
        let h = if h == -1 { 590923713 } else { h };
        obj::<SetL>(s).hash = h;
        h
    }
}

fn hash(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let f = receiver(vm, args, |k| k == Kind::FrozenSet, "frozenset", "__hash__")?;
    let _ = kw;
    let h = vm.frozenset_hash_of(f);
    Ok(vm.new_int(h))
}

/// `{1, 2}`, `set()`, `frozenset({1, 2})`, `S({1})` for a subclass.
fn repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (s, _) = margs(vm, args, kw, true, "__repr__", 0, 0)?;
    let cls = cls_of(s);
    let name = vm.class_name(cls).to_string();
    let plain = cls == vm.ty(Ty::Set);
    if set_len(vm, s) == 0 { return Ok(vm.new_str(&format!("{name}()"))); }
    let Some(_g) = ReprGuard::enter(s) else { return Ok(vm.new_str(&format!("{name}(...)"))) };
    vm.check_stack()?;
    // Elements are held by the set while their reprs run.
    let items = ordered_items(vm, s).0;
    let mut body = String::from("{");
    for i in 0..obj::<ListL>(items).len {
        if i > 0 { body.push_str(", "); }
        let x = list_slice(items)[i];
        body.push_str(&vm.repr_string(x)?);
    }
    body.push('}');
    let out = if plain { body } else { format!("{name}({body})") };
    Ok(vm.new_str(&out))
}

pub fn init(vm: &mut Vm) {
    let fs = vm.ty(Ty::FrozenSet);
    vm.add_static(fs, "__new__", frozenset_new, false);
    vm.add_ty_method(Ty::Set, "__init__", set_init);
    for t in [Ty::Set, Ty::FrozenSet] {
        vm.add_ty_method(t, "copy", copy);
        vm.add_ty_method(t, "union", union);
        vm.add_ty_method(t, "intersection", intersection);
        vm.add_ty_method(t, "difference", difference);
        vm.add_ty_method(t, "symmetric_difference", symmetric_difference);
        vm.add_ty_method(t, "issubset", issubset);
        vm.add_ty_method(t, "issuperset", issuperset);
        vm.add_ty_method(t, "isdisjoint", isdisjoint);
        vm.add_ty_method(t, "__len__", len);
        vm.add_ty_method(t, "__contains__", contains);
        vm.add_ty_method(t, "__iter__", iter);
        vm.add_ty_method(t, "__repr__", repr);
        vm.add_ty_method(t, "__or__", |vm, a, k| binop(vm, a, k, BinOp::Or, false, "__or__"));
        vm.add_ty_method(t, "__and__", |vm, a, k| binop(vm, a, k, BinOp::And, false, "__and__"));
        vm.add_ty_method(t, "__sub__", |vm, a, k| binop(vm, a, k, BinOp::Sub, false, "__sub__"));
        vm.add_ty_method(t, "__xor__", |vm, a, k| binop(vm, a, k, BinOp::Xor, false, "__xor__"));
        vm.add_ty_method(t, "__ror__", |vm, a, k| binop(vm, a, k, BinOp::Or, true, "__ror__"));
        vm.add_ty_method(t, "__rand__", |vm, a, k| binop(vm, a, k, BinOp::And, true, "__rand__"));
        vm.add_ty_method(t, "__rsub__", |vm, a, k| binop(vm, a, k, BinOp::Sub, true, "__rsub__"));
        vm.add_ty_method(t, "__rxor__", |vm, a, k| binop(vm, a, k, BinOp::Xor, true, "__rxor__"));
        vm.add_ty_method(t, "__eq__", |vm, a, k| richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
        vm.add_ty_method(t, "__ne__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
        vm.add_ty_method(t, "__lt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Lt, "__lt__"));
        vm.add_ty_method(t, "__le__", |vm, a, k| richcmp(vm, a, k, CmpOp::Le, "__le__"));
        vm.add_ty_method(t, "__gt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Gt, "__gt__"));
        vm.add_ty_method(t, "__ge__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ge, "__ge__"));
    }
    let t = Ty::Set;
    vm.add_ty_method(t, "add", add);
    vm.add_ty_method(t, "discard", discard);
    vm.add_ty_method(t, "remove", remove);
    vm.add_ty_method(t, "pop", pop);
    vm.add_ty_method(t, "clear", clear);
    vm.add_ty_method(t, "update", update);
    vm.add_ty_method(t, "intersection_update", intersection_update);
    vm.add_ty_method(t, "difference_update", difference_update);
    vm.add_ty_method(t, "symmetric_difference_update", symmetric_difference_update);
    vm.add_ty_method(t, "__ior__", |vm, a, k| ibinop(vm, a, k, BinOp::Or, "__ior__"));
    vm.add_ty_method(t, "__iand__", |vm, a, k| ibinop(vm, a, k, BinOp::And, "__iand__"));
    vm.add_ty_method(t, "__isub__", |vm, a, k| ibinop(vm, a, k, BinOp::Sub, "__isub__"));
    vm.add_ty_method(t, "__ixor__", |vm, a, k| ibinop(vm, a, k, BinOp::Xor, "__ixor__"));
    let d = obj::<ClassL>(vm.ty(t)).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE);
    vm.add_ty_method(Ty::FrozenSet, "__hash__", hash);
}
