//! Insertion-ordered hash tables (CPython's compact dict design): an index
//! table of u32 slots pointing into a dense entries array.
//!
//! ```text
//!  DictL.index   (RawArray of u32, size 2^k):  [EMPTY, 2, DUMMY, 0, EMPTY, 1, ...]
//!  DictL.entries (Array, 3 Values per entry):  [h0, k0, v0, h1, k1, v1, h2, k2, v2, ...]
//! ```
//! A deleted entry keeps its slot with key NULL; the index slot becomes DUMMY.
//! `used` counts entries ever appended since the last resize, `len` the live
//! ones. Hashes are stored as small ints. `version` changes on every mutation
//! (global-lookup caches and iterator checks use it).
//!
//! Keys are compared by identity first, then by hash, then with fast paths for
//! str and int, and finally with `__eq__` (which may run Python code).

use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm, Ty};

/// Hashes are stored in entries as small ints (63 bits): fold any i64 hash
/// into that range. Folding only merges hash values, so lookups stay correct.
#[inline(always)]
fn fold(h: i64) -> i64 { (h << 1) >> 1 }

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_INDEX: usize = 8;

/// Index size (a power of two) and entry capacity for at least `n` live
/// entries.
fn table_size(n: usize) -> (usize, usize) {
    let mut size = MIN_INDEX;
    while size.saturating_mul(2) < n.saturating_mul(3) && size < 1 << 60 { size *= 2; }
    (size, size * 2 / 3)
}

#[inline(always)]
fn index_slots<'a>(d: Value) -> &'a mut [u32] {
    let raw = raw_array_bytes(obj::<DictL>(d).index);
    // SAFETY: the RawArray was allocated with 4 * size bytes, 8-aligned.
    unsafe { std::slice::from_raw_parts_mut(raw.as_mut_ptr() as *mut u32, raw.len() / 4) }
}

#[inline(always)]
fn entry_cap(d: Value) -> usize {
    let e = obj::<DictL>(d).entries;
    if e.is_null() { 0 } else { obj::<ArrayL>(e).cap / 3 }
}

impl Vm {
    pub fn new_dict(&self) -> Value {
        self.alloc(Kind::Dict, self.ty(Ty::Dict), std::mem::size_of::<DictL>())
    }
    pub fn new_dict_cap(&self, n: usize) -> Value {
        let d = self.new_dict();
        if n > 0 {
            let (size, cap) = table_size(n);
            let entries = self.new_array(cap * 3);
            let index = self.new_raw_array(size * 4);
            self.dict_rebuild(d, size, entries, index);
        }
        d
    }

    /// Rebuilds the table with room for at least `n` live entries, raising
    /// MemoryError when the collector cannot provide the larger table.
    fn dict_resize(&mut self, d: Value, n: usize) -> PyResult<()> {
        let (size, cap) = table_size(n);
        let entry_words = cap.checked_mul(3);
        let new_entries = match entry_words { Some(w) => self.try_new_array(w)?, None => return Err(self.new_exc(Exc::MemoryError, "")) };
        let index_bytes = size.checked_mul(4).and_then(|b| b.checked_add(std::mem::size_of::<RawArrayL>()));
        let new_index = self.try_alloc(Kind::RawArray, Value::NULL, index_bytes)?;
        obj::<RawArrayL>(new_index).cap = size * 4;
        self.dict_rebuild(d, size, new_entries, new_index);
        Ok(())
    }

    /// Moves `d`'s live entries into `new_entries` and a fresh index of
    /// `size` slots in `new_index`.
    fn dict_rebuild(&self, d: Value, size: usize, new_entries: Value, new_index: Value) {
        for s in index_slots_of(new_index) { *s = EMPTY; }
        let old = obj::<DictL>(d).entries;
        let used = obj::<DictL>(d).used;
        let mut j = 0;
        let slots = index_slots_of(new_index);
        let mask = size - 1;
        for i in 0..used {
            let k = array_get(old, 3 * i + 1);
            if k.is_null() { continue; }
            let h = array_get(old, 3 * i);
            array_set(new_entries, 3 * j, h);
            array_set(new_entries, 3 * j + 1, k);
            array_set(new_entries, 3 * j + 2, array_get(old, 3 * i + 2));
            let mut p = h.int() as u64 as usize;
            let mut perturb = h.int() as u64;
            let mut idx = p & mask;
            while slots[idx] != EMPTY {
                perturb >>= 5;
                p = p.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1);
                idx = p & mask;
            }
            slots[idx] = j as u32;
            j += 1;
        }
        set_field!(d, DictL, entries, new_entries);
        set_field!(d, DictL, index, new_index);
        let o = obj::<DictL>(d);
        o.used = j;
        o.len = j;
    }

    /// Finds `key` (with hash `h`): Ok((index slot, Some(entry))) or the slot
    /// where it would be inserted.
    fn dict_probe(&mut self, d: Value, key: Value, h: i64) -> PyResult<(usize, Option<usize>)> {
        let h = fold(h);
        let mut free: Option<usize> = None;
        'restart: loop {
            let version = obj::<DictL>(d).version;
            let slots_len = index_slots(d).len();
            let mask = slots_len - 1;
            let mut p = h as u64 as usize;
            let mut perturb = h as u64;
            let mut idx = p & mask;
            loop {
                let s = index_slots(d)[idx];
                if s == EMPTY {
                    return Ok((free.unwrap_or(idx), None));
                }
                if s == DUMMY {
                    if free.is_none() { free = Some(idx); }
                } else {
                    let e = obj::<DictL>(d).entries;
                    let k = array_get(e, 3 * s as usize + 1);
                    if k == key { return Ok((idx, Some(s as usize))); }
                    let eh = array_get(e, 3 * s as usize).int();
                    if eh == h {
                        match key_eq_fast(k, key) {
                            Some(true) => return Ok((idx, Some(s as usize))),
                            Some(false) => {}
                            None => {
                                let eq = self.eq(k, key)?;
                                if obj::<DictL>(d).version != version || index_slots(d).len() != slots_len {
                                    free = None;
                                    continue 'restart;
                                }
                                if eq { return Ok((idx, Some(s as usize))); }
                            }
                        }
                    }
                }
                perturb >>= 5;
                p = p.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1);
                idx = p & mask;
            }
        }
    }

    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        // Hash first, even for an empty dict: unhashable keys must raise.
        let h = self.hash(key)?;
        self.dict_get_h(d, key, h)
    }
    pub fn dict_get_h(&mut self, d: Value, key: Value, h: i64) -> PyResult<Option<Value>> {
        let h = fold(h);
        if obj::<DictL>(d).len == 0 { return Ok(None); }
        match self.dict_probe(d, key, h)? {
            (_, Some(e)) => Ok(Some(array_get(obj::<DictL>(d).entries, 3 * e + 2))),
            _ => Ok(None),
        }
    }
    pub fn dict_set(&mut self, d: Value, key: Value, val: Value) -> PyResult<()> {
        let h = self.hash(key)?;
        self.dict_set_h(d, key, h, val)
    }
    pub fn dict_set_h(&mut self, d: Value, key: Value, h: i64, val: Value) -> PyResult<()> {
        let h = fold(h);
        if obj::<DictL>(d).index.is_null() { self.dict_resize(d, 1)?; }
        let (slot, found) = self.dict_probe(d, key, h)?;
        let o = obj::<DictL>(d);
        if let Some(e) = found {
            array_set(o.entries, 3 * e + 2, val);
            o.version = self.fresh_version();
            return Ok(());
        }
        if o.used >= entry_cap(d) {
            self.dict_resize(d, obj::<DictL>(d).len + 1)?;
            // Slot positions changed: probe again (cannot call __eq__ now: key absent).
            self.dict_insert_new(d, key, h, val);
            return Ok(());
        }
        let o = obj::<DictL>(d);
        let e = o.used;
        array_set(o.entries, 3 * e, Value::small(h));
        array_set(o.entries, 3 * e + 1, key);
        array_set(o.entries, 3 * e + 2, val);
        index_slots(d)[slot] = e as u32;
        o.used += 1;
        o.len += 1;
        o.version = self.fresh_version();
        Ok(())
    }
    /// Inserts a key known to be absent (compares nothing, so runs no
    /// Python code), with room available.
    pub(crate) fn dict_insert_new(&mut self, d: Value, key: Value, h: i64, val: Value) {
        let h = fold(h);
        let slots = index_slots(d);
        let mask = slots.len() - 1;
        let mut p = h as u64 as usize;
        let mut perturb = h as u64;
        let mut idx = p & mask;
        while slots[idx] != EMPTY && slots[idx] != DUMMY {
            perturb >>= 5;
            p = p.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1);
            idx = p & mask;
        }
        let o = obj::<DictL>(d);
        let e = o.used;
        array_set(o.entries, 3 * e, Value::small(h));
        array_set(o.entries, 3 * e + 1, key);
        array_set(o.entries, 3 * e + 2, val);
        slots[idx] = e as u32;
        o.used += 1;
        o.len += 1;
        o.version = self.fresh_version();
    }
    /// Removes `key`; returns its value if it was present.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        if obj::<DictL>(d).len == 0 { return Ok(None); }
        let (slot, found) = self.dict_probe(d, key, h)?;
        let Some(e) = found else { return Ok(None) };
        let o = obj::<DictL>(d);
        let v = array_get(o.entries, 3 * e + 2);
        array_set(o.entries, 3 * e + 1, Value::NULL);
        array_set(o.entries, 3 * e + 2, Value::NULL);
        index_slots(d)[slot] = DUMMY;
        o.len -= 1;
        o.version = self.fresh_version();
        Ok(Some(v))
    }
    pub fn dict_clear(&self, d: Value) {
        let o = obj::<DictL>(d);
        o.entries = Value::NULL;
        o.index = Value::NULL;
        o.len = 0;
        o.used = 0;
        o.version = self.fresh_version();
    }
    /// Lookup by an interned or plain str key without running Python code.
    pub fn dict_get_str(&mut self, d: Value, key: Value) -> Option<Value> {
        if obj::<DictL>(d).len == 0 { return None; }
        let h = self.str_hash(key);
        // str keys never call __eq__ against str keys; a non-str key with the
        // same hash could, so fall back to the general path then.
        self.dict_get_h(d, key, h).unwrap_or(None)
    }
    pub fn dict_set_str(&mut self, d: Value, key: &str, val: Value) {
        let k = self.intern(key);
        let h = self.str_hash(k);
        self.dict_set_h(d, k, h, val).expect("str keys cannot fail");
    }
    pub fn dict_get_by_name(&mut self, d: Value, key: &str) -> Option<Value> {
        let k = self.intern(key);
        self.dict_get_str(d, k)
    }
    pub fn dict_len(&self, d: Value) -> usize { obj::<DictL>(d).len }

    /// Entry `i` (in 0..used) as (key, value), or None if deleted.
    #[inline]
    pub fn dict_entry(&self, d: Value, i: usize) -> Option<(Value, Value)> {
        let o = obj::<DictL>(d);
        if i >= o.used { return None; }
        let k = array_get(o.entries, 3 * i + 1);
        if k.is_null() { return None; }
        Some((k, array_get(o.entries, 3 * i + 2)))
    }
    pub fn dict_used(&self, d: Value) -> usize { obj::<DictL>(d).used }
    /// The stored hash of entry `i` (in 0..used; meaningless for a deleted one).
    #[inline]
    pub fn dict_entry_hash(&self, d: Value, i: usize) -> i64 {
        array_get(obj::<DictL>(d).entries, 3 * i).int()
    }
    /// A snapshot of the live (key, value) pairs in order, held in a fresh
    /// GC list (`[k0, v0, k1, v1, ...]`), so the pairs stay alive and up to
    /// date (a moving collector updates the list) while callers allocate
    /// or run Python code, even if `d` changes meanwhile.
    pub fn dict_items(&self, d: Value) -> DictItems {
        let n = self.dict_len(d);
        let l = self.new_list_cap(2 * n);
        // Entries are read after the allocation, which runs no Python code.
        if n > 0 {
            let arr = obj::<ListL>(l).items;
            let mut j = 0;
            for i in 0..self.dict_used(d) {
                if let Some((k, v)) = self.dict_entry(d, i) {
                    array_set(arr, j, k);
                    array_set(arr, j + 1, v);
                    j += 2;
                }
            }
            obj::<ListL>(l).len = j;
        }
        DictItems(l)
    }
    pub fn dict_copy(&mut self, d: Value) -> Value {
        let n = self.new_dict_cap(self.dict_len(d));
        for i in 0..self.dict_used(d) {
            if let Some((k, v)) = self.dict_entry(d, i) {
                let h = array_get(obj::<DictL>(d).entries, 3 * i).int();
                self.dict_insert_new(n, k, h, v);
            }
        }
        n
    }
    /// Removes and returns the last item.
    pub fn dict_popitem(&mut self, d: Value) -> Option<(Value, Value)> {
        let o = obj::<DictL>(d);
        let mut i = o.used;
        while i > 0 {
            i -= 1;
            if let Some((k, v)) = self.dict_entry(d, i) {
                let _ = self.dict_del(d, k);
                let o = obj::<DictL>(d);
                o.used = i; // entries after i are all deleted
                return Some((k, v));
            }
        }
        None
    }
}

fn index_slots_of<'a>(raw: Value) -> &'a mut [u32] {
    let b = raw_array_bytes(raw);
    // SAFETY: RawArrays are 8-aligned with a length that is a multiple of 4 here.
    unsafe { std::slice::from_raw_parts_mut(b.as_mut_ptr() as *mut u32, b.len() / 4) }
}

/// Equality of two keys with equal hashes when it can be decided without
/// running Python code.
#[inline]
pub fn key_eq_fast(a: Value, b: Value) -> Option<bool> {
    if a == b { return Some(true); }
    if a.is_int() && b.is_int() { return Some(false); }
    if a.is_ref() && b.is_ref() {
        let (ka, kb) = (kind_of(a), kind_of(b));
        if ka == Kind::Str && kb == Kind::Str { return Some(str_bytes(a) == str_bytes(b)); }
        if ka == Kind::Str || kb == Kind::Str {
            // str vs non-str: unequal unless the other is a str subclass instance,
            // which has kind Str as well.
            return Some(false);
        }
    } else if a.is_int() || b.is_int() {
        let other = if a.is_int() { b } else { a };
        if other.is_ref() && kind_of(other) == Kind::Str { return Some(false); }
    }
    None
}

/// The (key, value) pairs of a dict, from [`Vm::dict_items`]: a GC list that
/// this value keeps alive (a conservative root while it is a local).
/// Iterating reads the list by index, so no pair is copied to Rust memory
/// across an allocation.
#[derive(Clone, Copy, Debug)]
pub struct DictItems(pub Value);

impl DictItems {
    pub fn len(&self) -> usize { obj::<ListL>(self.0).len / 2 }
    pub fn is_empty(&self) -> bool { self.len() == 0 }
    /// Pair `i` (in 0..len).
    pub fn get(&self, i: usize) -> (Value, Value) {
        let s = list_slice(self.0);
        (s[2 * i], s[2 * i + 1])
    }
}

/// Iterates the pairs by index while holding the list.
pub struct DictItemsIter { items: DictItems, i: usize }
impl Iterator for DictItemsIter {
    type Item = (Value, Value);
    fn next(&mut self) -> Option<(Value, Value)> {
        if self.i >= self.items.len() { return None; }
        let p = self.items.get(self.i);
        self.i += 1;
        Some(p)
    }
}
impl IntoIterator for DictItems {
    type Item = (Value, Value);
    type IntoIter = DictItemsIter;
    fn into_iter(self) -> DictItemsIter { DictItemsIter { items: self, i: 0 } }
}
