//! Methods of the builtin `list`, plus the small helpers every container
//! type file shares: receiver checks with CPython's "descriptor ... doesn't
//! apply" messages, argument-count checks, the repr recursion guard, index
//! normalisation and lexicographic sequence comparison.
//!
//! Lists are `ListL` objects (heap.rs); subclass instances have the same
//! layout with a heap class, and every method here works on them too, so no
//! method may delegate back to `vm.getitem`/`vm.setitem` on its receiver (the
//! core would look the dunder up again on the subclass and call us back).
//!
//! `list.sort` detaches the items while it runs, as CPython does: key
//! functions and comparisons see an empty list, and a list that was refilled
//! meanwhile raises "list modified during sort" once the sort finishes.

use crate::bytecode::CmpOp;
use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};
use std::cell::RefCell;

// ---------------------------------------------------------------------------
// Shared helpers (used by tuple.rs, dict.rs, set.rs, descr.rs, iters.rs)

thread_local! {
    /// Addresses of the containers whose repr is being built on this thread
    /// (CPython's `Py_ReprEnter`). Plain addresses, not Values: the objects
    /// are kept alive by the native frames that are printing them, and each
    /// `ReprGuard` (a native-stack local holding the same address) pins its
    /// object for as long as its entry is here, so a moving collector never
    /// moves an object while its address is listed.
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Marks a container as being repr'd until dropped; `enter` returns None when
/// the container is already on the stack (a self-reference: print `[...]`).
pub(crate) struct ReprGuard(usize);

impl ReprGuard {
    pub(crate) fn enter(v: Value) -> Option<ReprGuard> {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if s.contains(&v.addr()) { return None; }
            s.push(v.addr());
            Some(ReprGuard(v.addr()))
        })
    }
}

impl Drop for ReprGuard {
    fn drop(&mut self) {
        REPR_STACK.with(|s| {
            let mut s = s.borrow_mut();
            if let Some(p) = s.iter().rposition(|&a| a == self.0) { s.remove(p); }
        })
    }
}

/// The receiver `args[0]` of a method of class `cls`, checked with `ok`.
pub(crate) fn receiver(vm: &mut Vm, args: &[Value], ok: fn(Kind) -> bool, cls: &str, meth: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if v.is_ref() && ok(kind_of(v)) => Ok(v),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{meth}' for '{cls}' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method {cls}.{meth}() needs an argument"))),
    }
}

/// Receiver and positional arguments of a method that takes no keywords and
/// between `min` and `max` positional arguments, with CPython's messages
/// (`list.append() takes exactly one argument (0 given)`, `pop expected at
/// most 1 argument, got 2`).
pub(crate) fn method_args<'a>(
    vm: &mut Vm, args: &'a [Value], kw: Value, ok: fn(Kind) -> bool, cls: &str, meth: &str, min: usize, max: usize,
) -> PyResult<(Value, &'a [Value])> {
    let this = receiver(vm, args, ok, cls, meth)?;
    let p = ArgParser::new("", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{cls}.{meth}() takes no keyword arguments")));
    }
    // The common case allocates nothing: names are built only for errors.
    if p.pos.len() < min || p.pos.len() > max {
        let name = if min == max && max <= 1 { format!("{cls}.{meth}") } else { meth.to_string() };
        ArgParser { name: &name, pos: p.pos, kwnames: p.kwnames, kwvals: p.kwvals }.expect(vm, min, max)?;
    }
    Ok((this, p.pos))
}

/// `TypeError: NAME expected N argument(s), got M`.
pub(crate) fn expected_args(vm: &mut Vm, name: &str, n: usize, got: usize) -> crate::vm::PyErr {
    let s = if n == 1 { "" } else { "s" };
    vm.new_exc(Exc::TypeError, &format!("{name} expected {n} argument{s}, got {got}"))
}

/// Errors for keywords not in `allowed`, in CPython's getargs style
/// (`'foo' is an invalid keyword argument for sort()`).
pub(crate) fn check_kwnames(vm: &mut Vm, p: &ArgParser, allowed: &[&str], fname: &str) -> PyResult<()> {
    for &k in p.kwnames {
        let ks = str_ref(k);
        if !allowed.contains(&ks) {
            return Err(vm.new_exc(Exc::TypeError, &format!("'{ks}' is an invalid keyword argument for {fname}()")));
        }
    }
    Ok(())
}

/// An integer argument through `__index__` (`'str' object cannot be
/// interpreted as an integer`). Big ints saturate to i64::MIN/MAX.
pub(crate) fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// Like `index_arg` but OverflowError for ints outside i64 (CPython's
/// `Py_ssize_t` conversion).
pub(crate) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_ref() && kind_of(v) == Kind::BigInt && vm.as_i64(v).is_none() {
        return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C ssize_t"));
    }
    index_arg(vm, v)
}

/// The `start`/`stop` arguments of `index()`: slice-style clamping to `0..=len`.
pub(crate) fn search_bounds(vm: &mut Vm, start: Option<Value>, stop: Option<Value>, len: usize) -> PyResult<(usize, usize)> {
    let conv = |vm: &mut Vm, v: Option<Value>, dflt: i64| -> PyResult<usize> {
        let i = match v {
            None => dflt,
            Some(x) => match vm.index_value(x)? {
                Some(i) => i,
                None => return Err(vm.new_exc(Exc::TypeError, "slice indices must be integers or have an __index__ method")),
            },
        };
        let n = len as i64;
        let j = if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
        Ok(j as usize)
    };
    let a = conv(vm, start, 0)?;
    let b = conv(vm, stop, i64::MAX)?;
    Ok((a, b))
}

/// Normalises a subscript for a sequence of length `len`: Ok(index), or the
/// TypeError/IndexError CPython raises (`what` is "list", "tuple", ...;
/// `oor` the IndexError message).
pub(crate) fn seq_index(vm: &mut Vm, k: Value, len: usize, what: &str, oor: &str) -> PyResult<usize> {
    let Some(i) = vm.index_value(k)? else {
        let tn = vm.type_name(k);
        return Err(vm.new_exc(Exc::TypeError, &format!("{what} indices must be integers or slices, not {tn}")));
    };
    if k.is_ref() && kind_of(k) == Kind::BigInt && vm.as_i64(k).is_none() {
        return Err(vm.new_exc(Exc::IndexError, "cannot fit 'int' into an index-sized integer"));
    }
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_exc(Exc::IndexError, oor));
    }
    Ok(j as usize)
}

pub(crate) fn is_slice(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Slice }

/// Lexicographic rich comparison of two sequences read through `items`
/// (re-read at every step, so a sequence mutated by an `__eq__` is never
/// indexed out of bounds), as CPython's list/tuple richcompare.
pub(crate) fn seq_richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp, items: fn(Value) -> &'static [Value]) -> PyResult<Value> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && items(a).len() != items(b).len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    vm.check_stack()?;
    let mut i = 0;
    loop {
        let (xa, xb) = (items(a), items(b));
        if i >= xa.len() || i >= xb.len() { break; }
        let (x, y) = (xa[i], xb[i]);
        if x != y && !vm.eq(x, y)? {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => vm.compare(x, y, op),
            };
        }
        i += 1;
    }
    let (la, lb) = (items(a).len(), items(b).len());
    Ok(Value::bool(crate::ops::cmp_result(la.cmp(&lb), op)))
}

/// The repeat count of `seq * n` (CPython's `sq_repeat` slot wrapper: a
/// non-integer `n` is a TypeError, not NotImplemented). Always Some today;
/// the Option leaves room for callers that want to decline.
pub(crate) fn repeat_count(vm: &mut Vm, n: Value, unit: usize) -> PyResult<Option<usize>> {
    let is_index = vm.is_int_like(n) || {
        let cls = vm.type_of(n);
        vm.lookup_type_str(cls, "__index__").is_some()
    };
    if !is_index {
        let tn = vm.type_name(n);
        return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
    }
    if n.is_ref() && kind_of(n) == Kind::BigInt && vm.as_i64(n).is_none() {
        if num_traits::Signed::is_negative(bigint_ref(n)) { return Ok(Some(0)); }
        return Err(vm.new_exc(Exc::OverflowError, "cannot fit 'int' into an index-sized integer"));
    }
    let k = index_arg(vm, n)?.max(0) as usize;
    if unit.saturating_mul(k) > (1 << 34) {
        return Err(vm.new_exc(Exc::MemoryError, ""));
    }
    Ok(Some(k))
}

fn items_of(v: Value) -> &'static [Value] { list_slice(v) }

// ---------------------------------------------------------------------------
// list

fn is_list(k: Kind) -> bool { k == Kind::List }

fn this(vm: &mut Vm, args: &[Value], meth: &str) -> PyResult<Value> {
    receiver(vm, args, is_list, "list", meth)
}

fn margs<'a>(vm: &mut Vm, args: &'a [Value], kw: Value, meth: &str, min: usize, max: usize) -> PyResult<(Value, &'a [Value])> {
    method_args(vm, args, kw, is_list, "list", meth, min, max)
}

fn list_len(l: Value) -> usize { obj::<ListL>(l).len }

/// Empties a list without allocating.
fn list_clear(l: Value) {
    set_field!(l, ListL, items, Value::NULL);
    obj::<ListL>(l).len = 0;
}

fn init_(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let l = this(vm, args, "__init__")?;
    let p = ArgParser::new("list", &args[1..], kw);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "list() takes no keyword arguments"));
    }
    p.expect(vm, 0, 1)?;
    list_clear(l);
    if let Some(&it) = p.pos.first() {
        vm.list_extend(l, it)?;
    }
    Ok(Value::NONE)
}

fn append(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "append", 1, 1)?;
    vm.try_list_append(l, a[0])?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "extend", 1, 1)?;
    vm.list_extend(l, a[0])?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "insert", 2, 2)?;
    let i = ssize_arg(vm, a[0])?;
    let n = list_len(l) as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    vm.list_insert(l, j as usize, a[1]);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "pop", 0, 1)?;
    let i = match a.first() { Some(&v) => ssize_arg(vm, v)?, None => -1 };
    let n = list_len(l) as i64;
    if n == 0 { return Err(vm.new_exc(Exc::IndexError, "pop from empty list")); }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n { return Err(vm.new_exc(Exc::IndexError, "pop index out of range")); }
    Ok(vm.list_remove_at(l, j as usize))
}

fn remove(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "remove", 1, 1)?;
    let x = a[0];
    let mut i = 0;
    while i < list_len(l) {
        let y = list_slice(l)[i];
        if y == x || vm.eq(y, x)? {
            if i < list_len(l) { vm.list_remove_at(l, i); }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.new_exc(Exc::ValueError, "list.remove(x): x not in list"))
}

fn index(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "index", 1, 3)?;
    let x = a[0];
    let (start, stop) = search_bounds(vm, a.get(1).copied(), a.get(2).copied(), list_len(l))?;
    let mut i = start;
    while i < stop && i < list_len(l) {
        let y = list_slice(l)[i];
        if y == x || vm.eq(y, x)? { return Ok(Value::small(i as i64)); }
        i += 1;
    }
    let r = vm.repr_string(x)?;
    Err(vm.new_exc(Exc::ValueError, &format!("{r} is not in list")))
}

fn count(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "count", 1, 1)?;
    let x = a[0];
    let (mut i, mut n) = (0, 0);
    while i < list_len(l) {
        let y = list_slice(l)[i];
        if y == x || vm.eq(y, x)? { n += 1; }
        i += 1;
    }
    Ok(Value::small(n))
}

fn reverse(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "reverse", 0, 0)?;
    list_slice(l).reverse();
    // The same references, permuted in place: still tell the barrier.
    let arr = obj::<ListL>(l).items;
    if !arr.is_null() { barrier(arr); }
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "copy", 0, 0)?;
    Ok(list_copy(vm, l))
}

fn list_copy(vm: &mut Vm, l: Value) -> Value {
    let n = list_len(l);
    let out = vm.new_list_cap(n);
    // No allocation between here and the end: read the items directly.
    let src = list_slice(l);
    let arr = obj::<ListL>(out).items;
    for (i, &x) in src.iter().enumerate() { array_set(arr, i, x); }
    obj::<ListL>(out).len = n;
    out
}

fn clear(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "clear", 0, 0)?;
    list_clear(l);
    Ok(Value::NONE)
}

fn sort(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let l = this(vm, args, "sort")?;
    let p = ArgParser::new("sort", &args[1..], kw);
    if !p.pos.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "sort() takes no positional arguments"));
    }
    check_kwnames(vm, &p, &["key", "reverse"], "sort")?;
    let key = p.kw("key").filter(|&k| k != Value::NONE);
    let reverse = match p.kw("reverse") { Some(r) => index_arg(vm, r)? != 0, None => false };
    vm.list_sort(l, key, reverse)?;
    Ok(Value::NONE)
}

impl Vm {
    /// `l.sort(key=key, reverse=reverse)`: a stable merge sort using only
    /// `<`, so equal items keep their order (also with `reverse`, as CPython).
    pub fn list_sort(&mut self, l: Value, key: Option<Value>, reverse: bool) -> PyResult<()> {
        let n = list_len(l);
        if n == 0 { return Ok(()); }
        // Detach the items: `arr` (a local, so a native-stack root that the
        // collector also keeps in place) holds them, and the sort reads them
        // from it, never from a Rust copy, since keys and comparisons run
        // Python code. Only the permutation lives in Rust memory.
        let arr = obj::<ListL>(l).items;
        list_clear(l);
        let mut keys_list = Value::NULL;
        let mut err = None;
        if let Some(kf) = key {
            keys_list = self.new_list_cap(n);
            for i in 0..n {
                let v = array_get(arr, i);
                match self.call(kf, &[v]) {
                    Ok(k) => self.list_append(keys_list, k),
                    Err(e) => { err = Some(e); break; }
                }
            }
        }
        let mut perm: Vec<usize> = (0..n).collect();
        if err.is_none() {
            let keys: &[Value] = if keys_list.is_null() { &array_slice(arr)[..n] } else { list_slice(keys_list) };
            if let Err(e) = sort_perm(self, keys, &mut perm, reverse) { err = Some(e); }
        }
        let modified = list_len(l) != 0 || !obj::<ListL>(l).items.is_null();
        // The sorted array: allocated first, then filled from `arr`.
        let sorted = self.new_array(n);
        for (j, &i) in perm.iter().enumerate() { array_set(sorted, j, array_get(arr, i)); }
        set_field!(l, ListL, items, sorted);
        obj::<ListL>(l).len = n;
        std::hint::black_box((arr, keys_list));
        if let Some(e) = err { return Err(e); }
        if modified {
            return Err(self.new_exc(Exc::ValueError, "list modified during sort"));
        }
        Ok(())
    }
}

/// Sorts the permutation `perm` of `keys` (stable). On error `perm` is still
/// a permutation.
fn sort_perm(vm: &mut Vm, keys: &[Value], perm: &mut Vec<usize>, reverse: bool) -> PyResult<()> {
    // Fast paths: homogeneous small ints, exact strs, or non-NaN floats
    // compare without running Python code.
    let str_ty = vm.ty(Ty::Str);
    let float_ty = vm.ty(Ty::Float);
    if keys.iter().all(|k| k.is_int()) {
        if reverse { perm.sort_by(|&a, &b| keys[b].int().cmp(&keys[a].int())); }
        else { perm.sort_by_key(|&a| keys[a].int()); }
        return Ok(());
    }
    if keys.iter().all(|&k| k.is_ref() && kind_of(k) == Kind::Str && cls_of(k) == str_ty) {
        if reverse { perm.sort_by(|&a, &b| str_bytes(keys[b]).cmp(str_bytes(keys[a]))); }
        else { perm.sort_by(|&a, &b| str_bytes(keys[a]).cmp(str_bytes(keys[b]))); }
        return Ok(());
    }
    if keys.iter().all(|&k| k.is_ref() && kind_of(k) == Kind::Float && cls_of(k) == float_ty && !float_val(k).is_nan()) {
        let f = |i: usize| float_val(keys[i]);
        if reverse { perm.sort_by(|&a, &b| f(b).partial_cmp(&f(a)).unwrap()); }
        else { perm.sort_by(|&a, &b| f(a).partial_cmp(&f(b)).unwrap()); }
        return Ok(());
    }
    let mut lt = |vm: &mut Vm, a: usize, b: usize| -> PyResult<bool> {
        if reverse { vm.less_than(keys[b], keys[a]) } else { vm.less_than(keys[a], keys[b]) }
    };
    merge_sort(vm, perm, &mut lt)
}

/// Bottom-up merge sort with insertion-sorted runs; `lt(a, b)` is "a sorts
/// strictly before b". Each merge pass writes into a buffer and only then
/// replaces `perm`, so an error leaves a valid permutation behind.
fn merge_sort(vm: &mut Vm, perm: &mut Vec<usize>, lt: &mut dyn FnMut(&mut Vm, usize, usize) -> PyResult<bool>) -> PyResult<()> {
    const RUN: usize = 16;
    let n = perm.len();
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = perm[i];
            let mut j = i;
            while j > start {
                match lt(vm, x, perm[j - 1]) {
                    Ok(true) => { perm[j] = perm[j - 1]; j -= 1; }
                    Ok(false) => break,
                    Err(e) => { perm[j] = x; return Err(e); }
                }
            }
            perm[j] = x;
        }
    }
    let mut buf = perm.clone();
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid >= hi || !lt(vm, perm[mid], perm[mid - 1])? {
                buf[lo..hi].copy_from_slice(&perm[lo..hi]);
                lo = hi;
                continue;
            }
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                if lt(vm, perm[j], perm[i])? { buf[k] = perm[j]; j += 1; } else { buf[k] = perm[i]; i += 1; }
                k += 1;
            }
            buf[k..k + (mid - i)].copy_from_slice(&perm[i..mid]);
            k += mid - i;
            buf[k..k + (hi - j)].copy_from_slice(&perm[j..hi]);
            lo = hi;
        }
        std::mem::swap(perm, &mut buf);
        width *= 2;
    }
    Ok(())
}

fn len(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "__len__", 0, 0)?;
    Ok(Value::small(list_len(l) as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__getitem__", 1, 1)?;
    let k = a[0];
    if is_slice(k) {
        // Clamped to the length after `__index__` (which may resize the
        // list), read after the new list is allocated.
        let u = vm.slice_unpack(k)?;
        let (start, stop, step) = Vm::slice_adjust(u, list_len(l) as i64);
        let n = Vm::slice_count(start, stop, step);
        let out = vm.new_list_cap(n);
        let (src, arr) = (list_slice(l), obj::<ListL>(out).items);
        for j in 0..n { array_set(arr, j, src[(start + j as i64 * step) as usize]); }
        obj::<ListL>(out).len = n;
        return Ok(out);
    }
    let i = seq_index(vm, k, list_len(l), "list", "list index out of range")?;
    // `__index__` may have shrunk the list meanwhile.
    match list_slice(l).get(i) {
        Some(&v) => Ok(v),
        None => Err(vm.new_exc(Exc::IndexError, "list index out of range")),
    }
}

fn setitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__setitem__", 2, 2)?;
    let (k, v) = (a[0], a[1]);
    if is_slice(k) {
        set_slice(vm, l, k, v)?;
        return Ok(Value::NONE);
    }
    let i = seq_index(vm, k, list_len(l), "list", "list assignment index out of range")?;
    array_set(obj::<ListL>(l).items, i, v);
    Ok(Value::NONE)
}

/// `l[k] = v` for a slice `k`.
fn set_slice(vm: &mut Vm, l: Value, k: Value, v: Value) -> PyResult<()> {
    let u = vm.slice_unpack(k)?;
    let step = u.2;
    let new_items = match vm.collect_list(v) {
        Ok(x) => x,
        Err(e) if vm.exc_matches(e, Exc::TypeError) && !vm.is_iterable(v) => {
            let msg = if step == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" };
            return Err(vm.new_exc(Exc::TypeError, msg));
        }
        Err(e) => return Err(e),
    };
    // `__index__` and iterating `v` may have run Python code that resized
    // the list: clamp to its length now (nothing below runs Python code).
    let len = list_len(l);
    let (start, stop, step) = Vm::slice_adjust(u, len as i64);
    let new = list_slice(new_items);
    if step == 1 {
        let start = (start as usize).min(len);
        let stop = (stop.max(0) as usize).clamp(start, len);
        // The new items array is allocated first, then filled from the two
        // GC lists (no Rust copy of the items spans the allocation).
        let m = new.len();
        let new_len = len - (stop - start) + m;
        let na = vm.new_array(new_len.max(1));
        let cur = obj::<ListL>(l).items;
        if start > 0 { array_copy(cur, 0, na, 0, start); }
        if m > 0 { array_copy(obj::<ListL>(new_items).items, 0, na, start, m); }
        if len > stop { array_copy(cur, stop, na, start + m, len - stop); }
        set_field!(l, ListL, items, na);
        obj::<ListL>(l).len = new_len;
        std::hint::black_box(new_items);
        return Ok(());
    }
    let n = Vm::slice_count(start, stop, step);
    if n != new.len() {
        return Err(vm.new_exc(Exc::ValueError, &format!(
            "attempt to assign sequence of size {} to extended slice of size {n}", new.len())));
    }
    let arr = obj::<ListL>(l).items;
    // Every position is in 0..len: `slice_adjust` clamped to this length.
    for (j, &x) in new.iter().enumerate() { array_set(arr, (start + j as i64 * step) as usize, x); }
    Ok(())
}

fn delitem(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__delitem__", 1, 1)?;
    let k = a[0];
    if is_slice(k) {
        vm.list_del_slice(l, k)?;
        return Ok(Value::NONE);
    }
    let i = seq_index(vm, k, list_len(l), "list", "list assignment index out of range")?;
    vm.list_remove_at(l, i);
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__contains__", 1, 1)?;
    let x = a[0];
    let mut i = 0;
    while i < list_len(l) {
        let y = list_slice(l)[i];
        if y == x || vm.eq(y, x)? { return Ok(Value::TRUE); }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn iter(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "__iter__", 0, 0)?;
    Ok(vm.new_obj4(Kind::ListIter, vm.ty(Ty::ListIter), [l, Value::small(0), Value::NULL, Value::NULL]))
}

fn reversed(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "__reversed__", 0, 0)?;
    let last = list_len(l) as i64 - 1;
    Ok(vm.new_obj4(Kind::Reversed, vm.ty(Ty::ListRevIter), [l, Value::small(last), Value::NULL, Value::NULL]))
}

fn add(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__add__", 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::List) {
        let tn = vm.type_name(o);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only concatenate list (not \"{tn}\") to list")));
    }
    let (na, nb) = (list_len(l), list_len(o));
    let out = vm.new_list_cap(na + nb);
    let arr = obj::<ListL>(out).items;
    for (i, &x) in list_slice(l).iter().chain(list_slice(o).iter()).enumerate() { array_set(arr, i, x); }
    obj::<ListL>(out).len = na + nb;
    Ok(out)
}

fn iadd(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__iadd__", 1, 1)?;
    vm.list_extend(l, a[0])?;
    Ok(l)
}

fn mul(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__mul__", 1, 1)?;
    let n = list_len(l);
    let Some(k) = repeat_count(vm, a[0], n)? else { return Ok(Value::NOT_IMPLEMENTED) };
    let out = vm.new_list_cap(n * k);
    let arr = obj::<ListL>(out).items;
    let src = list_slice(l);
    for r in 0..k {
        for (i, &x) in src.iter().enumerate() { array_set(arr, r * n + i, x); }
    }
    obj::<ListL>(out).len = n * k;
    Ok(out)
}

fn imul(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, a) = margs(vm, args, kw, "__imul__", 1, 1)?;
    let n = list_len(l);
    let Some(k) = repeat_count(vm, a[0], n)? else { return Ok(Value::NOT_IMPLEMENTED) };
    if k == 0 || n == 0 {
        list_clear(l);
        return Ok(l);
    }
    // The new array is allocated first, then filled from the old one (no
    // Python code runs in between, so the list cannot change).
    let na = vm.try_new_array(n * k)?;
    let old = obj::<ListL>(l).items;
    for r in 0..k { array_copy(old, 0, na, r * n, n); }
    set_field!(l, ListL, items, na);
    obj::<ListL>(l).len = n * k;
    Ok(l)
}

fn richcmp(vm: &mut Vm, args: &[Value], kw: Value, op: CmpOp, name: &str) -> PyResult {
    let (l, a) = margs(vm, args, kw, name, 1, 1)?;
    let o = a[0];
    if !(o.is_ref() && kind_of(o) == Kind::List) { return Ok(Value::NOT_IMPLEMENTED); }
    seq_richcompare(vm, l, o, op, items_of)
}

fn repr(vm: &mut Vm, args: &[Value], kw: Value) -> PyResult {
    let (l, _) = margs(vm, args, kw, "__repr__", 0, 0)?;
    let Some(_g) = ReprGuard::enter(l) else { return Ok(vm.new_str("[...]")) };
    vm.check_stack()?;
    let mut s = String::from("[");
    let mut i = 0;
    while i < list_len(l) {
        if i > 0 { s.push_str(", "); }
        let x = list_slice(l)[i];
        s.push_str(&vm.repr_string(x)?);
        i += 1;
    }
    s.push(']');
    Ok(vm.new_str(&s))
}

pub fn init_methods(vm: &mut Vm) {
    let t = Ty::List;
    vm.add_ty_method(t, "__init__", init_);
    vm.add_ty_method(t, "append", append);
    vm.add_ty_method(t, "extend", extend);
    vm.add_ty_method(t, "insert", insert);
    vm.add_ty_method(t, "pop", pop);
    vm.add_ty_method(t, "remove", remove);
    vm.add_ty_method(t, "index", index);
    vm.add_ty_method(t, "count", count);
    vm.add_ty_method(t, "sort", sort);
    vm.add_ty_method(t, "reverse", reverse);
    vm.add_ty_method(t, "copy", copy);
    vm.add_ty_method(t, "clear", clear);
    vm.add_ty_method(t, "__len__", len);
    vm.add_ty_method(t, "__getitem__", getitem);
    vm.add_ty_method(t, "__setitem__", setitem);
    vm.add_ty_method(t, "__delitem__", delitem);
    vm.add_ty_method(t, "__contains__", contains);
    vm.add_ty_method(t, "__iter__", iter);
    vm.add_ty_method(t, "__reversed__", reversed);
    vm.add_ty_method(t, "__add__", add);
    vm.add_ty_method(t, "__iadd__", iadd);
    vm.add_ty_method(t, "__mul__", mul);
    vm.add_ty_method(t, "__rmul__", mul);
    vm.add_ty_method(t, "__imul__", imul);
    vm.add_ty_method(t, "__eq__", |vm, a, k| richcmp(vm, a, k, CmpOp::Eq, "__eq__"));
    vm.add_ty_method(t, "__ne__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ne, "__ne__"));
    vm.add_ty_method(t, "__lt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Lt, "__lt__"));
    vm.add_ty_method(t, "__le__", |vm, a, k| richcmp(vm, a, k, CmpOp::Le, "__le__"));
    vm.add_ty_method(t, "__gt__", |vm, a, k| richcmp(vm, a, k, CmpOp::Gt, "__gt__"));
    vm.add_ty_method(t, "__ge__", |vm, a, k| richcmp(vm, a, k, CmpOp::Ge, "__ge__"));
    vm.add_ty_method(t, "__repr__", repr);
    let d = obj::<ClassL>(vm.ty(t)).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE);
}

pub fn init(vm: &mut Vm) {
    init_methods(vm);
}
