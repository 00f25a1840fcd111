//! Core container primitives used by the interpreter and by the type
//! methods: list growth, sets (dicts with unused values), slices, ranges,
//! bytes helpers, and subscripting (`o[k]`, `o[k] = v`, `del o[k]`).

use crate::bytecode::{BinOp, CmpOp};
use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};

impl Vm {
    // -- lists ------------------------------------------------------------------

    pub fn list_reserve(&mut self, l: Value, extra: usize) {
        if self.try_list_reserve(l, extra).is_err() {
            out_of_memory("growing a list");
        }
    }
    /// Makes room for `extra` more items, raising MemoryError when the
    /// collector cannot provide the larger item array.
    pub fn try_list_reserve(&mut self, l: Value, extra: usize) -> PyResult<()> {
        let o = obj::<ListL>(l);
        let need = o.len.checked_add(extra).ok_or_else(|| self.new_exc(Exc::MemoryError, ""))?;
        let cap = if o.items.is_null() { 0 } else { obj::<ArrayL>(o.items).cap };
        if need <= cap { return Ok(()); }
        let ncap = (cap + cap / 2 + 4).max(need);
        let na = self.try_new_array(ncap)?;
        let o = obj::<ListL>(l);
        if o.len > 0 { array_copy(o.items, 0, na, 0, o.len); }
        set_field!(l, ListL, items, na);
        Ok(())
    }
    /// Appends for Rust callers that cannot report an error: running out of
    /// memory aborts (see `try_list_append` for Python's `append`).
    #[inline]
    pub fn list_append(&mut self, l: Value, v: Value) {
        if self.try_list_append(l, v).is_err() {
            out_of_memory("growing a list");
        }
    }
    /// `list.append`: MemoryError when the list cannot grow.
    #[inline]
    pub fn try_list_append(&mut self, l: Value, v: Value) -> PyResult<()> {
        let o = obj::<ListL>(l);
        let cap = if o.items.is_null() { 0 } else { obj::<ArrayL>(o.items).cap };
        if o.len == cap { self.try_list_reserve(l, 1)?; }
        let o = obj::<ListL>(l);
        array_set(o.items, o.len, v);
        o.len += 1;
        Ok(())
    }
    /// Appends `items`, which must be on a native stack or in a GC object
    /// (see `Vm::new_tuple`): the reservation may allocate first.
    pub fn list_extend_from_slice(&mut self, l: Value, items: &[Value]) {
        self.list_reserve(l, items.len());
        for &x in items { self.list_append(l, x); }
    }
    pub fn list_extend(&mut self, l: Value, it: Value) -> PyResult<()> {
        if it.is_ref() && !self.is_heap_class(cls_of(it)) {
            match kind_of(it) {
                Kind::List => { self.list_extend_list(l, it); return Ok(()); }
                Kind::Tuple => { let v = tuple_slice(it); self.list_extend_from_slice(l, v); return Ok(()); }
                _ => {}
            }
        }
        if it.is_ref() && kind_of(it) == Kind::Range {
            // CPython preallocates from the length hint: a range too long
            // for memory is a MemoryError at once, not after filling it.
            let n = self.range_len(it)?.max(0) as usize;
            {
                let need = obj::<ListL>(l).len.saturating_add(n);
                let cap = { let o = obj::<ListL>(l); if o.items.is_null() { 0 } else { obj::<ArrayL>(o.items).cap } };
                if need > cap {
                    let na = self.try_new_array(need)?;
                    let o = obj::<ListL>(l);
                    if o.len > 0 { array_copy(o.items, 0, na, 0, o.len); }
                    set_field!(l, ListL, items, na);
                }
            }
        }
        let iter = self.get_iter(it)?;
        while let Some(v) = self.next(iter)? { self.list_append(l, v); }
        Ok(())
    }
    /// Appends the items of the list `src`, which may be `l` itself: the
    /// room is reserved first, then the items are read from `src` (its first
    /// `n` items stay where they are), so no copy of them spans the
    /// allocation.
    pub fn list_extend_list(&mut self, l: Value, src: Value) {
        let n = list_slice(src).len();
        self.list_reserve(l, n);
        for i in 0..n { let x = list_slice(src)[i]; self.list_append(l, x); }
    }
    /// The items of `a` followed by those of `b` (each a list or a tuple)
    /// in a new tuple or list: allocated first, then filled from `a` and `b`.
    pub fn concat_seqs(&self, a: Value, b: Value, tuple: bool) -> Value {
        let items = |s: Value| -> &[Value] { if kind_of(s) == Kind::Tuple { tuple_slice(s) } else { list_slice(s) } };
        let (na, nb) = (items(a).len(), items(b).len());
        if tuple {
            if na + nb == 0 { return self.new_tuple(&[]); }
            let t = self.alloc_tuple(na + nb);
            for (i, &x) in items(a).iter().chain(items(b).iter()).enumerate() { tuple_init(t, i, x); }
            t
        } else {
            let l = self.new_list_cap(na + nb);
            if na + nb > 0 {
                let arr = obj::<ListL>(l).items;
                for (i, &x) in items(a).iter().chain(items(b).iter()).enumerate() { array_set(arr, i, x); }
                obj::<ListL>(l).len = na + nb;
            }
            l
        }
    }
    /// Replaces a list's contents. `items` must be on a native stack or in
    /// a GC object (see `Vm::new_tuple`): the new array is allocated first.
    pub fn list_set_contents(&mut self, l: Value, items: &[Value]) {
        let na = self.new_array(items.len().max(1));
        for (i, &x) in items.iter().enumerate() { array_set(na, i, x); }
        set_field!(l, ListL, items, na);
        obj::<ListL>(l).len = items.len();
    }
    pub fn list_insert(&mut self, l: Value, idx: usize, v: Value) {
        self.list_reserve(l, 1);
        let o = obj::<ListL>(l);
        let n = o.len;
        let idx = idx.min(n);
        array_copy(o.items, idx, o.items, idx + 1, n - idx);
        array_set(o.items, idx, v);
        o.len += 1;
    }
    pub fn list_remove_at(&mut self, l: Value, idx: usize) -> Value {
        let o = obj::<ListL>(l);
        let v = array_get(o.items, idx);
        array_copy(o.items, idx + 1, o.items, idx, o.len - idx - 1);
        o.len -= 1;
        array_set(o.items, o.len, Value::NULL);
        v
    }

    // -- sets ---------------------------------------------------------------------

    pub fn new_set(&mut self, items: &[Value]) -> PyResult<Value> {
        // Sized for the items up front (duplicates only leave room unused).
        let d = self.new_dict_cap(items.len());
        let s = self.alloc(Kind::Set, self.ty(Ty::Set), std::mem::size_of::<SetL>());
        set_field!(s, SetL, dict, d);
        obj::<SetL>(s).hash = -1;
        for &x in items { self.set_add(s, x)?; }
        Ok(s)
    }
    pub fn new_frozenset(&mut self, items: &[Value]) -> PyResult<Value> {
        let s = self.new_set(items)?;
        // SAFETY-free retag: Set and FrozenSet share the layout; the header's
        // TypeInfo is switched through the allocation of a fresh object instead.
        let f = self.alloc(Kind::FrozenSet, self.ty(Ty::FrozenSet), std::mem::size_of::<SetL>());
        let d = obj::<SetL>(s).dict;
        set_field!(f, SetL, dict, d);
        obj::<SetL>(f).hash = -1;
        Ok(f)
    }
    /// The dict key for a set element: sets are unhashable, so `x in set`
    /// with a set `x` looks up the equal frozenset.
    pub fn set_key(&mut self, v: Value) -> PyResult<Value> {
        if v.is_ref() && kind_of(v) == Kind::Set {
            let items = self.set_items(v);
            let f = self.new_frozenset(&items);
            std::hint::black_box(items);
            return f;
        }
        Ok(v)
    }
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let d = obj::<SetL>(s).dict;
        let h = self.hash(v)?;
        self.dict_set_h(d, v, h, Value::NONE)
    }
    /// A snapshot of a set's elements (table order) in a fresh GC list, so
    /// they stay alive and up to date while the caller allocates or runs
    /// Python code.
    pub fn set_items(&self, s: Value) -> crate::iter::Items {
        let n = self.dict_len(obj::<SetL>(s).dict);
        let l = self.new_list_cap(n);
        // Read after the allocation (which runs no Python code).
        let d = obj::<SetL>(s).dict;
        if n > 0 {
            let arr = obj::<ListL>(l).items;
            let mut j = 0;
            for i in 0..self.dict_used(d) {
                if let Some((k, _)) = self.dict_entry(d, i) { array_set(arr, j, k); j += 1; }
            }
            obj::<ListL>(l).len = j;
        }
        crate::iter::Items(l)
    }
    pub fn set_contains(&mut self, s: Value, v: Value) -> PyResult<bool> {
        let d = obj::<SetL>(s).dict;
        let k = self.set_key(v)?;
        Ok(self.dict_get(d, k)?.is_some())
    }
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        if it.is_ref() && matches!(kind_of(it), Kind::Set | Kind::FrozenSet) {
            for x in self.set_items(it) { self.set_add(s, x)?; }
            return Ok(());
        }
        let iter = self.get_iter(it)?;
        while let Some(v) = self.next(iter)? { self.set_add(s, v)?; }
        Ok(())
    }

    /// Set algebra for `| & - ^` on two sets; the result has the left operand's type.
    pub fn set_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        // The result's elements and their hashes, in order, in a GC list
        // (storage rule): `[k0, h0, k1, h1, ...]`.
        let out = self.new_list(&[]);
        // The result's insertion history, from which its iteration order
        // is simulated: `&` and `-` add, as CPython's set_intersection and
        // set_difference do, the elements of the smaller set (of `a`) in
        // CPython's iteration order; `|`, `^` and `-` with a much smaller
        // `b` keep `a`'s own insertion
        // history followed by `b`'s (CPython copies tables and deletes in
        // place there, which the simulation does not model exactly).
        match op {
            BinOp::Or => {
                self.set_filter_into(out, a, None, false)?;
                self.set_filter_into(out, b, None, false)?;
            }
            BinOp::And => {
                let (la, lb) = (self.dict_len(obj::<SetL>(a).dict), self.dict_len(obj::<SetL>(b).dict));
                if lb > la {
                    self.set_filter_into(out, a, Some((b, true)), true)?
                } else {
                    self.set_filter_into(out, b, Some((a, true)), true)?
                }
            }
            BinOp::Sub => {
                // CPython copies a set much larger than `b` and deletes
                // from the copy: `a`'s history is the closer model there.
                let (la, lb) = (self.dict_len(obj::<SetL>(a).dict), self.dict_len(obj::<SetL>(b).dict));
                self.set_filter_into(out, a, Some((b, false)), (la >> 2) <= lb)?
            }
            BinOp::Xor => {
                self.set_filter_into(out, a, Some((b, false)), false)?;
                self.set_filter_into(out, b, Some((a, false)), false)?;
            }
            _ => unreachable!(),
        }
        // Built from the stored hashes: no element is hashed again.
        let n = list_slice(out).len() / 2;
        let d = self.new_dict_cap(n);
        for j in 0..n {
            let (k, h) = (list_slice(out)[2 * j], list_slice(out)[2 * j + 1].int());
            self.dict_set_h(d, k, h, Value::NONE)?;
        }
        let (kind, ty) = if kind_of(a) == Kind::FrozenSet { (Kind::FrozenSet, Ty::FrozenSet) } else { (Kind::Set, Ty::Set) };
        let res = self.alloc(kind, self.ty(ty), std::mem::size_of::<SetL>());
        set_field!(res, SetL, dict, d);
        obj::<SetL>(res).hash = -1;
        if inplace && kind_of(a) == Kind::Set {
            let d = obj::<SetL>(res).dict;
            set_field!(a, SetL, dict, d);
            return Ok(a);
        }
        Ok(res)
    }

    /// Appends to list `out` the elements of set `src` (in CPython's order
    /// with `cpython_order`, else in insertion order) that
    /// are, or with `Some((other, false))` are not, in `other`: all of them
    /// with None; each followed by its stored hash. Walks `src`'s table in
    /// place and probes with the stored hashes.
    fn set_filter_into(&mut self, out: Value, src: Value, test: Option<(Value, bool)>, cpython_order: bool) -> PyResult<()> {
        let order = if cpython_order { crate::types::set::entry_order(self, src) } else { None };
        let mut j = 0;
        // The table may change under a user __eq__: re-read it each time
        // (a stale index finds another entry or none, never bad memory).
        loop {
            let d = obj::<SetL>(src).dict;
            let i = match &order {
                Some(o) => match o.get(j) { Some(&i) => i, None => break },
                None if j < self.dict_used(d) => j,
                None => break,
            };
            j += 1;
            if let Some((k, _)) = self.dict_entry(d, i) {
                let h = self.dict_entry_hash(d, i);
                let keep = match test {
                    None => true,
                    Some((other, want)) => self.dict_get_h(obj::<SetL>(other).dict, k, h)?.is_some() == want,
                };
                if keep {
                    self.list_append(out, k);
                    self.list_append(out, Value::small(h));
                }
            }
        }
        Ok(())
    }
    pub fn set_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let (la, lb) = (self.dict_len(obj::<SetL>(a).dict), self.dict_len(obj::<SetL>(b).dict));
        // Sizes decide first; only then is the one needed subset test run.
        let r = match op {
            CmpOp::Eq => la == lb && self.set_is_subset(a, b)?,
            CmpOp::Ne => !(la == lb && self.set_is_subset(a, b)?),
            CmpOp::Le => la <= lb && self.set_is_subset(a, b)?,
            CmpOp::Lt => la < lb && self.set_is_subset(a, b)?,
            CmpOp::Ge => lb <= la && self.set_is_subset(b, a)?,
            CmpOp::Gt => lb < la && self.set_is_subset(b, a)?,
        };
        Ok(Value::bool(r))
    }

    /// Whether every element of set `a` is in set `b`, walking `a`'s table
    /// in place with the stored hashes (no copies).
    fn set_is_subset(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let da = obj::<SetL>(a).dict;
        let db = obj::<SetL>(b).dict;
        for i in 0..self.dict_used(da) {
            // The table may change under a user __eq__: re-read each time.
            let da = obj::<SetL>(a).dict;
            if i >= self.dict_used(da) { break; }
            let Some((k, _)) = self.dict_entry(da, i) else { continue };
            let h = self.dict_entry_hash(da, i);
            if self.dict_get_h(db, k, h)?.is_none() { return Ok(false); }
        }
        let _ = db;
        Ok(true)
    }
    pub fn dictview_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let items = self.collect_iter(a)?;
        let left = self.new_set(&items)?;
        let right_items = self.collect_iter(b)?;
        let right = self.new_set(&right_items)?;
        self.set_binop(left, right, op, false)
    }

    pub fn dict_update_from(&mut self, d: Value, m: Value) -> PyResult<()> {
        if m.is_ref() && kind_of(m) == Kind::Dict {
            for (k, v) in self.dict_items(m) { self.dict_set(d, k, v)?; }
            return Ok(());
        }
        if self.hasattr_str(m, "keys")? {
            let keys = self.call_method(m, "keys", &[])?;
            let keys = self.collect_list(keys)?;
            // By index from the GC list: getitem and dict_set may allocate.
            let mut i = 0;
            while i < list_slice(keys).len() {
                let k = list_slice(keys)[i];
                let v = self.getitem(m, k)?;
                self.dict_set(d, k, v)?;
                i += 1;
            }
            return Ok(());
        }
        let it = self.get_iter(m)?;
        let mut i = 0;
        while let Some(pair) = self.next(it)? {
            let kv = self.collect_iter(pair).map_err(|_| {
                self.new_exc(Exc::TypeError, &format!("cannot convert dictionary update sequence element #{i} to a sequence"))
            })?;
            if kv.len() != 2 {
                return Err(self.new_exc(Exc::ValueError, &format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
            }
            self.dict_set(d, kv[0], kv[1])?;
            i += 1;
        }
        Ok(())
    }

    // -- slices and ranges ---------------------------------------------------------

    pub fn new_slice(&self, lo: Value, hi: Value, step: Value) -> Value {
        self.new_obj4(Kind::Slice, self.ty(Ty::Slice), [lo, hi, step, Value::NULL])
    }

    /// An index operand: int or `__index__`.
    pub fn index_value(&mut self, v: Value) -> PyResult<Option<i64>> {
        if v.is_int() { return Ok(Some(v.int())); }
        if v.is_bool() { return Ok(Some((v == Value::TRUE) as i64)); }
        if v.is_ref() && kind_of(v) == Kind::BigInt {
            use num_traits::ToPrimitive;
            let b = bigint_ref(v);
            return Ok(Some(b.to_i64().unwrap_or(if num_traits::Signed::is_negative(b) { i64::MIN } else { i64::MAX })));
        }
        let cls = self.type_of(v);
        if let Some(m) = self.lookup_type(cls, self.n(N::index)) {
            let r = self.call(m, &[v])?;
            if !self.is_int_like(r) {
                let tn = self.type_name(r);
                return Err(self.new_exc(Exc::TypeError, &format!("__index__ returned non-int (type {tn})")));
            }
            return self.index_value(r);
        }
        Ok(None)
    }

    /// `slice.indices(len)`: (start, stop, step) clamped as CPython does.
    pub fn slice_indices(&mut self, s: Value, len: i64) -> PyResult<(i64, i64, i64)> {
        let u = self.slice_unpack(s)?;
        Ok(Self::slice_adjust(u, len))
    }

    /// The slice `s`'s start, stop and step as integers (calling
    /// `__index__`, which may run Python code), not yet clamped: CPython's
    /// `PySlice_Unpack`. A caller whose sequence may change size meanwhile
    /// reads its length afterwards and clamps with [`Vm::slice_adjust`].
    pub fn slice_unpack(&mut self, s: Value) -> PyResult<(Option<i64>, Option<i64>, i64)> {
        let (lo, hi, st) = (s4(s, 0), s4(s, 1), s4(s, 2));
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v == Value::NONE { return Ok(None); }
            match vm.index_value(v)? {
                Some(i) => Ok(Some(i)),
                None => Err(vm.new_exc(Exc::TypeError, "slice indices must be integers or None or have an __index__ method")),
            }
        };
        let step = get(self, st)?.unwrap_or(1);
        if step == 0 { return Err(self.new_exc(Exc::ValueError, "slice step cannot be zero")); }
        let lo = get(self, lo)?;
        let hi = get(self, hi)?;
        Ok((lo, hi, step))
    }

    /// Clamps an unpacked slice to a sequence of `len` items
    /// (`PySlice_AdjustIndices`).
    pub fn slice_adjust((lo, hi, step): (Option<i64>, Option<i64>, i64), len: i64) -> (i64, i64, i64) {
        let (def_lo, def_hi) = if step < 0 { (len - 1, -1) } else { (0, len) };
        let clamp = |i: i64, neg_step: bool| -> i64 {
            if i < 0 {
                let j = i + len;
                if j < 0 { if neg_step { -1 } else { 0 } } else { j }
            } else if i >= len { if neg_step { len - 1 } else { len } } else { i }
        };
        let start = match lo { None => def_lo, Some(i) => clamp(i, step < 0) };
        let stop = match hi { None => def_hi, Some(i) => clamp(i, step < 0) };
        (start, stop, step)
    }

    /// Number of items a (clamped) slice selects.
    pub fn slice_count(start: i64, stop: i64, step: i64) -> usize {
        if step > 0 { if stop > start { ((stop - start + step - 1) / step) as usize } else { 0 } }
        else if start > stop { ((start - stop - step - 1) / (-step)) as usize } else { 0 }
    }

    /// The positions selected by a slice over a sequence of length `len`.
    /// `del l[k]` for a slice `k`: the slice is clamped to the list's length
    /// after `__index__` has run (it may resize the list), then the list is
    /// compacted in place (no allocation, so no Rust-side copy of the items).
    pub fn list_del_slice(&mut self, l: Value, k: Value) -> PyResult<()> {
        let u = self.slice_unpack(k)?;
        let len = obj::<ListL>(l).len;
        let (start, stop, step) = Self::slice_adjust(u, len as i64);
        let n = Self::slice_count(start, stop, step);
        if n == 0 { return Ok(()); }
        let mut gone = vec![false; len];
        for j in 0..n { gone[(start + j as i64 * step) as usize] = true; }
        let items = obj::<ListL>(l).items;
        let mut w = 0;
        for (i, &g) in gone.iter().enumerate() {
            if !g { let v = array_get(items, i); array_set(items, w, v); w += 1; }
        }
        for i in w..len { array_set(items, i, Value::NULL); }
        obj::<ListL>(l).len = w;
        Ok(())
    }

    pub fn slice_positions(&mut self, s: Value, len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(s, len as i64)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 { while i < stop { out.push(i as usize); i += step; } }
        else { while i > stop { out.push(i as usize); i += step; } }
        Ok(out)
    }

    pub fn new_range(&mut self, start: Value, stop: Value, step: Value) -> PyResult<Value> {
        Ok(self.new_obj4(Kind::Range, self.ty(Ty::Range), [start, stop, step, Value::NULL]))
    }
    /// Length of a range (as i64; big ranges raise OverflowError).
    pub fn range_len(&mut self, r: Value) -> PyResult<i64> {
        let (a, b, c) = (s4(r, 0), s4(r, 1), s4(r, 2));
        if a.is_int() && b.is_int() && c.is_int() {
            let (a, b, c) = (a.int() as i128, b.int() as i128, c.int() as i128);
            let n = if c > 0 { if b > a { (b - a + c - 1) / c } else { 0 } } else if a > b { (a - b - c - 1) / (-c) } else { 0 };
            return Ok(n as i64);
        }
        let (a, b, c) = (self.as_bigint(a).unwrap(), self.as_bigint(b).unwrap(), self.as_bigint(c).unwrap());
        use num_traits::{Signed, Zero, ToPrimitive};
        let n = if c.is_positive() { if b > a { (&b - &a + &c - 1) / &c } else { num_bigint::BigInt::zero() } }
            else if a > b { (&a - &b - &c - 1) / (-&c) } else { num_bigint::BigInt::zero() };
        n.to_i64().ok_or_else(|| self.new_exc(Exc::OverflowError, "Python int too large to convert to C ssize_t"))
    }
    pub fn range_item(&mut self, r: Value, i: i64) -> PyResult<Value> {
        let (a, c) = (s4(r, 0), s4(r, 2));
        let off = self.binary_op(Value::small(i), c, BinOp::Mul, false)?;
        self.binary_op(a, off, BinOp::Add, false)
    }
    pub fn range_eq(&mut self, x: Value, y: Value) -> bool {
        let (lx, ly) = (self.range_len(x).unwrap_or(-1), self.range_len(y).unwrap_or(-2));
        if lx != ly { return false; }
        if lx == 0 { return true; }
        let sx = s4(x, 0); let sy = s4(y, 0);
        if !self.eq(sx, sy).unwrap_or(false) { return false; }
        if lx == 1 { return true; }
        self.eq(s4(x, 2), s4(y, 2)).unwrap_or(false)
    }
    pub fn range_contains(&mut self, r: Value, v: Value) -> PyResult<bool> {
        if !self.is_int_like(v) {
            let it = self.get_iter(r)?;
            while let Some(x) = self.next(it)? { if self.eq(x, v)? { return Ok(true); } }
            return Ok(false);
        }
        let (a, b, c) = (self.as_bigint(s4(r, 0)).unwrap(), self.as_bigint(s4(r, 1)).unwrap(), self.as_bigint(s4(r, 2)).unwrap());
        let x = self.as_bigint(v).unwrap();
        use num_traits::{Signed, Zero};
        let inside = if c.is_positive() { x >= a && x < b } else { x <= a && x > b };
        Ok(inside && ((&x - &a) % &c).is_zero())
    }

    // -- bytes -------------------------------------------------------------------------

    /// The contents of a bytes or bytearray.
    pub fn bytes_like(&self, v: Value) -> Option<Vec<u8>> {
        if !v.is_ref() { return None; }
        match kind_of(v) {
            Kind::Bytes => Some(bytes_slice(v).to_vec()),
            Kind::ByteArray => {
                let o = obj::<ByteArrayL>(v);
                Some(raw_array_bytes(o.data)[..o.len].to_vec())
            }
            _ => None,
        }
    }
    /// The bytes of any object with CPython's buffer protocol that skiff
    /// has: bytes, bytearray, and `array.array` (its items' raw machine
    /// bytes). For consumers of a buffer (`bytes(x)`, `bytearray.extend`,
    /// `join`, `struct.unpack`, `int.from_bytes`); comparisons and
    /// concatenation keep `bytes_like`, since an array is not bytes there.
    pub fn buffer_bytes(&self, v: Value) -> Option<Vec<u8>> {
        if v.is_ref() && matches!(kind_of(v), Kind::TypedArray | Kind::TypedArraySub) {
            let o = obj::<TypedArrayL>(v);
            let n = o.len * o.itemsize as usize;
            return Some(raw_array_bytes(o.data)[..n].to_vec());
        }
        self.bytes_like(v)
    }
    pub fn new_bytearray(&mut self, b: &[u8]) -> Value {
        let v = self.alloc(Kind::ByteArray, self.ty(Ty::ByteArray), std::mem::size_of::<ByteArrayL>());
        self.bytearray_set(v, b);
        v
    }
    pub fn bytearray_set(&mut self, v: Value, b: &[u8]) {
        let raw = self.new_raw_array(b.len().max(8));
        raw_array_bytes(raw)[..b.len()].copy_from_slice(b);
        set_field!(v, ByteArrayL, data, raw);
        obj::<ByteArrayL>(v).len = b.len();
    }

    // -- subscripts -----------------------------------------------------------------------

    fn seq_index(&mut self, k: Value, len: usize, what: &str) -> PyResult<usize> {
        let Some(i) = self.index_value(k)? else {
            let tn = self.type_name(k);
            let w = if what.is_empty() { "byte" } else { what };
            return Err(self.new_exc(Exc::TypeError, &format!("{w} indices must be integers or slices, not {tn}")));
        };
        if k.is_ref() && kind_of(k) == Kind::BigInt && num_traits::ToPrimitive::to_i64(bigint_ref(k)).is_none() {
            return Err(self.new_exc(Exc::IndexError, "cannot fit 'int' into an index-sized integer"));
        }
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            let w = if what == "str" { "string" } else { what };
            let msg = if w.is_empty() { "index out of range".to_string() } else { format!("{w} index out of range") };
            return Err(self.new_exc(Exc::IndexError, &msg));
        }
        Ok(j as usize)
    }

    pub fn getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        if o.is_ref() && !self.is_heap_class(cls_of(o)) {
            let is_slice = k.is_ref() && kind_of(k) == Kind::Slice;
            match kind_of(o) {
                Kind::List => {
                    if is_slice {
                        // Clamped to the length after `__index__`, which may
                        // resize the list.
                        let u = self.slice_unpack(k)?;
                        let (start, stop, step) = Self::slice_adjust(u, obj::<ListL>(o).len as i64);
                        let n = Self::slice_count(start, stop, step);
                        let l = self.new_list_cap(n);
                        if n > 0 {
                            let dst = obj::<ListL>(l).items;
                            let src = obj::<ListL>(o).items;
                            if step == 1 {
                                array_copy(src, start as usize, dst, 0, n);
                            } else {
                                for j in 0..n { array_set(dst, j, array_get(src, (start + j as i64 * step) as usize)); }
                            }
                            obj::<ListL>(l).len = n;
                        }
                        return Ok(l);
                    }
                    let i = self.seq_index(k, obj::<ListL>(o).len, "list")?;
                    // `__index__` may have shrunk the list meanwhile.
                    return match list_slice(o).get(i) {
                        Some(&v) => Ok(v),
                        None => Err(self.new_exc(Exc::IndexError, "list index out of range")),
                    };
                }
                Kind::Tuple => {
                    let len = obj::<TupleL>(o).len;
                    if is_slice {
                        let (start, stop, step) = self.slice_indices(k, len as i64)?;
                        let n = Self::slice_count(start, stop, step);
                        if n == len && step == 1 && cls_of(o) == self.ty(Ty::Tuple) { return Ok(o); }
                        let t = self.alloc_tuple(n);
                        for j in 0..n { tuple_init(t, j, tuple_slice(o)[(start + j as i64 * step) as usize]); }
                        return Ok(if n == 0 { self.new_tuple(&[]) } else { t });
                    }
                    let i = self.seq_index(k, len, "tuple")?;
                    return Ok(tuple_slice(o)[i]);
                }
                Kind::Str => return crate::strfmt::str_getitem(self, o, k),
                Kind::Dict => {
                    if let Some(v) = self.dict_get(o, k)? { return Ok(v); }
                    return Err(self.key_error(k));
                }
                Kind::Bytes | Kind::ByteArray => {
                    let data: &[u8] = if kind_of(o) == Kind::Bytes { bytes_slice(o) } else {
                        let bo = obj::<ByteArrayL>(o);
                        &raw_array_bytes(bo.data)[..bo.len]
                    };
                    if is_slice {
                        let pos = self.slice_positions(k, data.len())?;
                        let v: Vec<u8> = pos.iter().map(|&i| data[i]).collect();
                        return Ok(if kind_of(o) == Kind::Bytes { self.new_bytes(&v) } else { self.new_bytearray(&v) });
                    }
                    let what = if kind_of(o) == Kind::Bytes { "" } else { "bytearray" };
                    let i = self.seq_index(k, data.len(), what)?;
                    return Ok(Value::small(data[i] as i64));
                }
                _ => {}
            }
        }
        // Instances of the native array.array itself (types/array.rs).
        if o.is_ref() && kind_of(o) == Kind::TypedArray { return crate::types::array::getitem(self, o, k); }
        let cls = self.type_of(o);
        if let Some(m) = self.lookup_type(cls, self.n(N::getitem)) {
            return self.call(m, &[o, k]);
        }
        if self.is_class(o) {
            if let Some(m) = self.lookup_type(o, self.n(N::class_getitem)) {
                let b = self.bind_descriptor(m, o, o)?;
                return self.call(b, &[k]);
            }
            let cn = self.class_name(o).to_string();
            return Err(self.new_exc(Exc::TypeError, &format!("type '{cn}' is not subscriptable")));
        }
        let tn = self.type_name(o);
        Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object is not subscriptable")))
    }

    pub fn setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        if o.is_ref() && !self.is_heap_class(cls_of(o)) {
            match kind_of(o) {
                Kind::List => {
                    let len = obj::<ListL>(o).len;
                    if k.is_ref() && kind_of(k) == Kind::Slice {
                        return self.list_set_slice(o, k, v);
                    }
                    let i = self.seq_index(k, len, "list").map_err(|e| {
                        if self.exc_matches(e, Exc::IndexError) { self.new_exc(Exc::IndexError, "list assignment index out of range") } else { e }
                    })?;
                    array_set(obj::<ListL>(o).items, i, v);
                    return Ok(());
                }
                Kind::Dict => return self.dict_set(o, k, v),
                _ => {}
            }
        }
        if o.is_ref() && kind_of(o) == Kind::TypedArray { return crate::types::array::setitem(self, o, k, v); }
        let cls = self.type_of(o);
        if let Some(m) = self.lookup_type(cls, self.n(N::setitem)) {
            self.call(m, &[o, k, v])?;
            return Ok(());
        }
        let tn = self.type_name(o);
        Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object does not support item assignment")))
    }

    fn list_set_slice(&mut self, l: Value, k: Value, v: Value) -> PyResult<()> {
        // The replacement items, as a list or tuple we can index (a copy
        // when the source is the list itself, or an arbitrary iterable).
        let src = if v.is_ref() && v != l && matches!(kind_of(v), Kind::List | Kind::Tuple) { v } else {
            self.collect_list(v).map_err(|e| {
                if self.exc_matches(e, Exc::TypeError) { self.new_exc(Exc::TypeError, "can only assign an iterable") } else { e }
            })?
        };
        let item = |i: usize| if kind_of(src) == Kind::List { list_slice(src)[i] } else { tuple_slice(src)[i] };
        let m = if kind_of(src) == Kind::List { obj::<ListL>(src).len } else { obj::<TupleL>(src).len };
        // `__index__` may run Python code that resizes the list: clamp to
        // the length after it (nothing below runs Python code before the
        // stores).
        let u = self.slice_unpack(k)?;
        let len = obj::<ListL>(l).len;
        let (start, stop, step) = Self::slice_adjust(u, len as i64);
        if step == 1 {
            let start = (start as usize).min(len);
            let stop = (stop.max(0) as usize).clamp(start, len);
            let removed = stop - start;
            if m == removed {
                for j in 0..m { array_set(obj::<ListL>(l).items, start + j, item(j)); }
                return Ok(());
            }
            let new_len = len - removed + m;
            let na = self.new_array(new_len.max(1));
            let old = obj::<ListL>(l).items;
            if start > 0 { array_copy(old, 0, na, 0, start); }
            for j in 0..m { array_set(na, start + j, item(j)); }
            if len > stop { array_copy(old, stop, na, start + m, len - stop); }
            set_field!(l, ListL, items, na);
            obj::<ListL>(l).len = new_len;
            std::hint::black_box(src);
            return Ok(());
        }
        let n = Self::slice_count(start, stop, step);
        if n != m {
            return Err(self.new_exc(Exc::ValueError, &format!(
                "attempt to assign sequence of size {m} to extended slice of size {n}")));
        }
        for j in 0..n { array_set(obj::<ListL>(l).items, (start + j as i64 * step) as usize, item(j)); }
        std::hint::black_box(src);
        Ok(())
    }

    pub fn delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        if o.is_ref() && !self.is_heap_class(cls_of(o)) {
            match kind_of(o) {
                Kind::List => {
                    let len = obj::<ListL>(o).len;
                    if k.is_ref() && kind_of(k) == Kind::Slice {
                        return self.list_del_slice(o, k);
                    }
                    let i = self.seq_index(k, len, "list").map_err(|e| {
                        if self.exc_matches(e, Exc::IndexError) { self.new_exc(Exc::IndexError, "list assignment index out of range") } else { e }
                    })?;
                    self.list_remove_at(o, i);
                    return Ok(());
                }
                Kind::Dict => {
                    if self.dict_del(o, k)?.is_none() { return Err(self.key_error(k)); }
                    return Ok(());
                }
                _ => {}
            }
        }
        if o.is_ref() && kind_of(o) == Kind::TypedArray { return crate::types::array::setitem(self, o, k, Value::NULL); }
        let cls = self.type_of(o);
        if let Some(m) = self.lookup_type(cls, self.n(N::delitem)) {
            self.call(m, &[o, k])?;
            return Ok(());
        }
        let tn = self.type_name(o);
        if k.is_ref() && kind_of(k) == Kind::Slice && tn == "tuple" {
            return Err(self.new_exc(Exc::TypeError, "'tuple' object does not support item deletion"));
        }
        Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object doesn't support item deletion")))
    }
}
