//! `array.array`: typed arrays of numbers and characters, after CPython
//! 3.11's `Modules/arraymodule.c`, with its conversions, error messages,
//! growth policy (so `__sizeof__` agrees) and pickle format.
//!
//! Layout (heap.rs `TypedArrayL`): a header, `attrs`, the item count `len`,
//! the typecode `tc` with its `itemsize`, and `data`, a RawArray holding
//! the items as native machine values (f64 for 'd', i32 for 'i', a 4-byte
//! code point for 'u', ...), so the collector never looks inside it:
//!
//! ```text
//!  TypedArrayL                          RawArrayL (no references)
//!  +------------------+                 +------------------+
//!  | ObjHead          |                 | ObjHead          |
//!  | attrs            |                 | cap (bytes)      |
//!  | len (items)      |                 | item 0 | item 1 | ... | spare
//!  | data ------------------------->    +------------------+
//!  | alloc (items)    |
//!  | tc | itemsize    |
//!  +------------------+
//! ```
//!
//! `alloc` is CPython's `allocated`, kept by CPython's rules so that
//! `__sizeof__` agrees; the storage may be larger (`cap / itemsize`): where
//! CPython's `realloc` would grow a block in place, a moving heap must copy,
//! so growth past the storage goes to at least 1.5 times it, and the
//! repeated small over-allocations of a long run of appends cost no copy.
//! `data` is NULL when nothing was ever allocated (CPython's NULL
//! `ob_item`). Replacing `data` goes through the barrier (`set_field!`);
//! the item bytes need none.
//!
//! Two kinds share the layout. **Invariant:** `Kind::TypedArray` objects
//! are instances of the native `array.array` class itself, and only they
//! take the VM's subscript fast paths (containers.rs); instances of
//! Python subclasses are `Kind::TypedArraySub` and go through the special
//! methods, so a subclass's `__getitem__` override is honoured. `__new__`
//! picks the kind from the class it is given.
//!
//! The class carries the `HEAP` flag although it is native: the VM's
//! operators consult special methods only for heap classes, and the
//! sequence operators (`+`, `*`, `+=`, `*=`) are Python functions that the
//! bundled `array.py` attaches to the class, each a one-line call of a
//! native here (`_concat`, `_mul`, `_rmul`, `_iconcat`, `_imul`). Native
//! dunders would not do: for builtin functions the VM substitutes its own
//! builtin arithmetic, which knows nothing of arrays.
//!
//! Python code (`__index__`, `__float__`, `__eq__`, iteration) may run in
//! the middle of an operation and resize the array, so no slice of the item
//! bytes is held across a call or an allocation: lengths and slices are
//! re-read afterwards, as in CPython.

use crate::bytecode::CmpOp;
use crate::heap::*;
use crate::numeric::Num;
use crate::object::cf;
use crate::ops::num_compare;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyErr, PyResult, Ty, Vm};
use super::str::{no_kw, one_arg};
use num_traits::ToPrimitive;

/// The typecodes, in CPython's order (`array.typecodes`).
pub const TYPECODES: &str = "bBuhHiIlLqQfd";

/// `sizeof(arrayobject)` in CPython 3.11 (64-bit), for `__sizeof__`.
const CPY_ARRAY_SIZE: usize = 64;

/// The module the classes and the helpers live in (see `init_module`).
const MODULE: &str = "_array";

fn itemsize_of(tc: u8) -> Option<usize> {
    Some(match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'u' | b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Access to an array's fields and items

/// Whether `v` is an array (of the native class or a subclass).
#[inline]
pub fn is_array(v: Value) -> bool {
    v.is_ref() && matches!(kind_of(v), Kind::TypedArray | Kind::TypedArraySub)
}
#[inline]
fn tc_of(a: Value) -> u8 { obj::<TypedArrayL>(a).tc as u8 }
#[inline]
fn isz(a: Value) -> usize { obj::<TypedArrayL>(a).itemsize as usize }
#[inline]
fn len_of(a: Value) -> usize { obj::<TypedArrayL>(a).len }
/// CPython's `allocated`.
#[inline]
fn capacity(a: Value) -> usize { obj::<TypedArrayL>(a).alloc }
/// How many items the storage really holds (at least `capacity`).
fn storage_items(a: Value) -> usize {
    let o = obj::<TypedArrayL>(a);
    if o.data.is_null() { 0 } else { obj::<RawArrayL>(o.data).cap / o.itemsize as usize }
}
/// The bytes of the `len` items. Valid until the next allocation or call
/// into Python code (either may replace the storage).
#[inline]
fn bytes<'a>(a: Value) -> &'a mut [u8] {
    let o = obj::<TypedArrayL>(a);
    let n = o.len * o.itemsize as usize;
    &mut raw_array_bytes(o.data)[..n]
}

/// Item `i` of `d` (items of `sz` bytes) as raw bits, zero-extended.
#[inline(always)]
fn read_bits(d: &[u8], sz: usize, i: usize) -> u64 {
    match sz {
        1 => d[i] as u64,
        2 => u16::from_ne_bytes([d[2 * i], d[2 * i + 1]]) as u64,
        4 => u32::from_ne_bytes(d[4 * i..4 * i + 4].try_into().unwrap()) as u64,
        _ => u64::from_ne_bytes(d[8 * i..8 * i + 8].try_into().unwrap()),
    }
}
#[inline(always)]
fn write_bits(d: &mut [u8], sz: usize, i: usize, bits: u64) {
    match sz {
        1 => d[i] = bits as u8,
        2 => d[2 * i..2 * i + 2].copy_from_slice(&(bits as u16).to_ne_bytes()),
        4 => d[4 * i..4 * i + 4].copy_from_slice(&(bits as u32).to_ne_bytes()),
        _ => d[8 * i..8 * i + 8].copy_from_slice(&bits.to_ne_bytes()),
    }
}

/// An item, decoded from its bits.
#[derive(Clone, Copy)]
enum Item { Int(i64), UInt(u64), Float(f64), Char(u32) }

#[inline(always)]
fn decode(tc: u8, bits: u64) -> Item {
    match tc {
        b'b' => Item::Int(bits as u8 as i8 as i64),
        b'h' => Item::Int(bits as u16 as i16 as i64),
        b'i' => Item::Int(bits as u32 as i32 as i64),
        b'l' | b'q' => Item::Int(bits as i64),
        b'B' | b'H' | b'I' => Item::Int(bits as i64),
        b'L' | b'Q' => Item::UInt(bits),
        b'f' => Item::Float(f32::from_bits(bits as u32) as f64),
        b'd' => Item::Float(f64::from_bits(bits)),
        _ => Item::Char(bits as u32),
    }
}

fn item_at(a: Value, i: usize) -> Item { decode(tc_of(a), read_bits(bytes(a), isz(a), i)) }

impl Item {
    /// The item as a number (None for a character).
    fn num(self) -> Option<Num> {
        Some(match self {
            Item::Int(i) => Num::Int(i),
            Item::UInt(u) => match i64::try_from(u) { Ok(i) => Num::Int(i), Err(_) => Num::Big(u.into()) },
            Item::Float(f) => Num::Float(f),
            Item::Char(_) => return None,
        })
    }
}

/// A 'u' item as a one-character str: CPython's `chr()` errors; skiff's
/// strings hold no surrogates, so those become U+FFFD as `chr()` makes them.
fn char_value(vm: &mut Vm, c: u32) -> PyResult {
    if c > 0x10ffff { return Err(vm.new_exc(Exc::ValueError, "chr() arg not in range(0x110000)")); }
    let ch = char::from_u32(c).unwrap_or('\u{fffd}');
    let mut buf = [0u8; 4];
    Ok(vm.new_str(ch.encode_utf8(&mut buf)))
}

fn box_item(vm: &mut Vm, it: Item) -> PyResult {
    Ok(match it {
        Item::Int(i) => vm.new_int(i),
        Item::UInt(u) => match i64::try_from(u) { Ok(i) => vm.new_int(i), Err(_) => vm.new_bigint(u.into()) },
        Item::Float(f) => vm.new_float(f),
        Item::Char(c) => return char_value(vm, c),
    })
}

/// Item `i` (in bounds) as a Python value.
#[inline]
fn get(vm: &mut Vm, a: Value, i: usize) -> PyResult {
    let (tc, sz) = (tc_of(a), isz(a));
    let bits = read_bits(bytes(a), sz, i);
    if tc == b'd' { return Ok(vm.new_float(f64::from_bits(bits))); }
    box_item(vm, decode(tc, bits))
}

// ---------------------------------------------------------------------------
// Conversions of stored values, with CPython's checks and messages

fn overflow(vm: &mut Vm, msg: &str) -> PyErr { vm.new_exc(Exc::OverflowError, msg) }

/// An int, or `__index__` (`operator.index`), as i128, saturated far
/// outside every C range checked below.
fn index_i128(vm: &mut Vm, v: Value) -> PyResult<i128> {
    if v.is_int() { return Ok(v.int() as i128); }
    let b = if v.is_ref() && kind_of(v) == Kind::BigInt { bigint_ref(v).clone() } else { super::int::index_bigint(vm, v)? };
    Ok(b.to_i128().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i128::MIN } else { i128::MAX }))
}

/// `PyLong_AsLong`.
fn as_long(vm: &mut Vm, v: Value) -> PyResult<i128> {
    let x = index_i128(vm, v)?;
    if x < i64::MIN as i128 || x > i64::MAX as i128 {
        return Err(overflow(vm, "Python int too large to convert to C long"));
    }
    Ok(x)
}

/// The range checks of `PyArg_Parse`'s integer formats.
fn in_range(vm: &mut Vm, x: i128, lo: i128, hi: i128, what: &str) -> PyResult<i128> {
    if x < lo { return Err(overflow(vm, &format!("{what} is less than minimum"))); }
    if x > hi { return Err(overflow(vm, &format!("{what} is greater than maximum"))); }
    Ok(x)
}

/// `PyLong_AsUnsignedLong` after `__index__`.
fn as_unsigned_long(vm: &mut Vm, v: Value) -> PyResult<i128> {
    let x = index_i128(vm, v)?;
    if x < 0 { return Err(overflow(vm, "can't convert negative value to unsigned int")); }
    if x > u64::MAX as i128 { return Err(overflow(vm, "Python int too large to convert to C unsigned long")); }
    Ok(x)
}

/// `PyFloat_AsDouble`: floats as they are, then ints, `__float__`, `__index__`.
fn as_double(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_int() { return Ok(v.int() as f64); }
    if v.is_ref() && kind_of(v) == Kind::Float { return Ok(float_val(v)); }
    super::float::as_f64(vm, v)
}

/// The bits to store for `v` in an array of typecode `tc`, or the error
/// CPython's `setitem` for that typecode raises.
fn to_bits(vm: &mut Vm, tc: u8, v: Value) -> PyResult<u64> {
    const I16: (i128, i128) = (i16::MIN as i128, i16::MAX as i128);
    const I32: (i128, i128) = (i32::MIN as i128, i32::MAX as i128);
    Ok(match tc {
        b'd' => as_double(vm, v)?.to_bits(),
        // Out-of-range values become infinities, like C's cast.
        b'f' => (as_double(vm, v)? as f32).to_bits() as u64,
        b'b' => {
            let x = as_long(vm, v)?;
            let x = in_range(vm, x, I16.0, I16.1, "signed short integer")?;
            in_range(vm, x, -128, 127, "signed char")? as u64
        }
        b'B' => { let x = as_long(vm, v)?; in_range(vm, x, 0, 255, "unsigned byte integer")? as u64 }
        b'h' => { let x = as_long(vm, v)?; in_range(vm, x, I16.0, I16.1, "signed short integer")? as u64 }
        b'H' => {
            let x = as_long(vm, v)?;
            let x = in_range(vm, x, I32.0, I32.1, "signed integer")?;
            in_range(vm, x, 0, 65535, "unsigned short")? as u64
        }
        b'i' => { let x = as_long(vm, v)?; in_range(vm, x, I32.0, I32.1, "signed integer")? as u64 }
        b'I' => { let x = as_unsigned_long(vm, v)?; in_range(vm, x, 0, u32::MAX as i128, "unsigned int")? as u64 }
        b'l' => as_long(vm, v)? as u64,
        b'L' => as_unsigned_long(vm, v)? as u64,
        b'q' => {
            let x = index_i128(vm, v)?;
            if x < i64::MIN as i128 || x > i64::MAX as i128 { return Err(overflow(vm, "int too big to convert")); }
            x as u64
        }
        b'Q' => {
            let x = index_i128(vm, v)?;
            if x < 0 { return Err(overflow(vm, "can't convert negative int to unsigned")); }
            if x > u64::MAX as i128 { return Err(overflow(vm, "int too big to convert")); }
            x as u64
        }
        _ => {
            if v.is_ref() && kind_of(v) == Kind::Str && obj::<StrL>(v).nchars == 1 {
                str_ref(v).chars().next().unwrap() as u64
            } else {
                return Err(vm.new_exc(Exc::TypeError, "array item must be unicode character"));
            }
        }
    })
}

/// `to_bits` with the common cases first: a float into 'd', a small int
/// into an integer type it fits.
#[inline(always)]
fn convert(vm: &mut Vm, tc: u8, v: Value) -> PyResult<u64> {
    if tc == b'd' && v.is_ref() && kind_of(v) == Kind::Float { return Ok(float_val(v).to_bits()); }
    if v.is_int() {
        let i = v.int();
        let fits = match tc {
            b'i' => i32::try_from(i).is_ok(),
            b'l' | b'q' => true,
            b'B' => (0..256).contains(&i),
            b'd' => return Ok((i as f64).to_bits()),
            _ => false,
        };
        if fits { return Ok(i as u64); }
    }
    to_bits(vm, tc, v)
}

// ---------------------------------------------------------------------------
// Allocation and resizing

/// The native `array.array` class at the root of `cls`'s layout: the class
/// with the array layout none of whose bases has it.
fn is_root_class(vm: &Vm, cls: Value) -> bool {
    vm.layout_of(cls) == Kind::TypedArray
        && tuple_slice(obj::<ClassL>(cls).bases).iter().all(|&b| vm.layout_of(b) != Kind::TypedArray)
}

/// The native `array.array` class an array's class derives from: what
/// slices, copies, `+` and `*` return (CPython's `state->ArrayType`).
fn base_class(vm: &Vm, a: Value) -> Value {
    let cls = cls_of(a);
    if kind_of(a) == Kind::TypedArray { return cls; }
    tuple_slice(obj::<ClassL>(cls).mro).iter().copied().find(|&c| is_root_class(vm, c)).unwrap_or(cls)
}

fn memory_error(vm: &mut Vm) -> PyErr { vm.new_exc(Exc::MemoryError, "") }

/// Storage for `n` items of `sz` bytes, or MemoryError (CPython raises it
/// when `malloc` fails; the VM's plain allocation would abort).
fn new_storage(vm: &mut Vm, n: usize, sz: usize) -> PyResult {
    let Some(cap) = n.checked_mul(sz) else { return Err(memory_error(vm)) };
    let size = cap.checked_add(std::mem::size_of::<RawArrayL>());
    let raw = vm.try_alloc(Kind::RawArray, Value::NULL, size)?;
    obj::<RawArrayL>(raw).cap = cap;
    Ok(raw)
}

/// A new array of `n` zero items (CPython's `newarrayobject`: exactly `n`
/// allocated). `cls` is the native class or a subclass of it.
fn new_array(vm: &mut Vm, cls: Value, tc: u8, n: usize) -> PyResult {
    let sz = itemsize_of(tc).expect("a valid typecode");
    let kind = if is_root_class(vm, cls) { Kind::TypedArray } else { Kind::TypedArraySub };
    let a = vm.alloc(kind, cls, std::mem::size_of::<TypedArrayL>());
    {
        let o = obj::<TypedArrayL>(a);
        o.tc = tc as u32;
        o.itemsize = sz as u32;
    }
    if n > 0 {
        let raw = new_storage(vm, n, sz)?;
        set_field!(a, TypedArrayL, data, raw);
        obj::<TypedArrayL>(a).len = n;
        obj::<TypedArrayL>(a).alloc = n;
    }
    Ok(a)
}

/// A new array of the native class holding items `start, start+step, ...`
/// (`n` of them) of `a`.
fn slice_copy(vm: &mut Vm, a: Value, start: usize, step: i64, n: usize) -> PyResult {
    let cls = base_class(vm, a);
    let r = new_array(vm, cls, tc_of(a), n)?;
    let sz = isz(a);
    if n > 0 {
        let (src, dst) = (bytes(a), bytes(r));
        if step == 1 {
            dst.copy_from_slice(&src[start * sz..(start + n) * sz]);
        } else {
            for j in 0..n {
                let i = (start as i64 + j as i64 * step) as usize;
                dst[j * sz..(j + 1) * sz].copy_from_slice(&src[i * sz..(i + 1) * sz]);
            }
        }
    }
    Ok(r)
}

/// CPython's `array_resize`: sets the length to `newsize`, keeping the
/// first items. `alloc` follows CPython's over-allocation (appends from
/// empty allocate 4, 8, 16, 25, 34, 44, 54, 65, ... items), changed only
/// when it is too small or more than 16 items too large; the storage is
/// replaced only when it is too small (then by at least 1.5 times its
/// size) or when a shrink leaves most of it unused.
fn resize(vm: &mut Vm, a: Value, newsize: usize) -> PyResult<()> {
    let (len, sz) = (len_of(a), isz(a));
    if capacity(a) >= newsize && len < newsize.saturating_add(16) && !obj::<TypedArrayL>(a).data.is_null() {
        obj::<TypedArrayL>(a).len = newsize;
        return Ok(());
    }
    if newsize == 0 {
        set_field!(a, TypedArrayL, data, Value::NULL);
        let o = obj::<TypedArrayL>(a);
        o.len = 0;
        o.alloc = 0;
        return Ok(());
    }
    let Some(alloc) = (newsize >> 4).checked_add(if len < 8 { 3 } else { 7 } + newsize) else { return Err(memory_error(vm)) };
    let have = storage_items(a);
    if alloc > have || alloc < have / 4 {
        let items = if alloc > have { alloc.max(have + have / 2) } else { alloc };
        let raw = new_storage(vm, items, sz).or_else(|_| new_storage(vm, alloc, sz))?;
        let keep = len.min(newsize) * sz;
        if keep > 0 {
            let old = obj::<TypedArrayL>(a).data;
            raw_array_bytes(raw)[..keep].copy_from_slice(&raw_array_bytes(old)[..keep]);
        }
        set_field!(a, TypedArrayL, data, raw);
    }
    let o = obj::<TypedArrayL>(a);
    o.len = newsize;
    o.alloc = alloc;
    Ok(())
}

/// Appends `more` (whole items of `a`'s type) in one resize.
fn push_bytes(vm: &mut Vm, a: Value, more: &[u8]) -> PyResult<()> {
    let (n, sz) = (len_of(a), isz(a));
    if more.is_empty() { return Ok(()); }
    resize(vm, a, n + more.len() / sz)?;
    bytes(a)[n * sz..].copy_from_slice(more);
    Ok(())
}

/// Appends one converted value (CPython's `ins1` at the end).
fn append_value(vm: &mut Vm, a: Value, v: Value) -> PyResult<()> {
    let bits = convert(vm, tc_of(a), v)?;
    let n = len_of(a);
    resize(vm, a, n + 1)?;
    write_bits(bytes(a), isz(a), n, bits);
    Ok(())
}

/// `array_iter_extend`: appends every item of an iterable, converting each.
fn extend_iter(vm: &mut Vm, a: Value, src: Value) -> PyResult<()> {
    if src.is_ref() && !vm.is_heap_class(cls_of(src)) && matches!(kind_of(src), Kind::List | Kind::Tuple) {
        // By index, re-reading the sequence: conversions may run Python code.
        let mut i = 0;
        loop {
            let v = match kind_of(src) {
                Kind::List => match list_slice(src).get(i) { Some(&v) => v, None => break },
                _ => match tuple_slice(src).get(i) { Some(&v) => v, None => break },
            };
            append_value(vm, a, v)?;
            i += 1;
        }
        return Ok(());
    }
    let it = vm.get_iter(src)?;
    while let Some(v) = vm.next(it)? { append_value(vm, a, v)?; }
    Ok(())
}

// ---------------------------------------------------------------------------
// Subscripts (called by the VM's fast paths and by the special methods)

fn index_error(vm: &mut Vm, msg: &str) -> PyErr { vm.new_exc(Exc::IndexError, msg) }

/// An index operand as CPython's `PyNumber_AsSsize_t(k, IndexError)`, or
/// None when `k` has no `__index__`.
fn subscript_index(vm: &mut Vm, k: Value) -> PyResult<Option<i64>> {
    if k.is_ref() && kind_of(k) == Kind::BigInt && bigint_ref(k).to_i64().is_none() {
        return Err(index_error(vm, "cannot fit 'int' into an index-sized integer"));
    }
    vm.index_value(k)
}

#[inline]
fn is_slice(k: Value) -> bool { k.is_ref() && kind_of(k) == Kind::Slice }

/// `a[k]`.
#[inline]
pub fn getitem(vm: &mut Vm, a: Value, k: Value) -> PyResult {
    if k.is_int() {
        let n = len_of(a) as i64;
        let i = k.int();
        let j = if i < 0 { i + n } else { i };
        if j >= 0 && j < n { return get(vm, a, j as usize); }
        return Err(index_error(vm, "array index out of range"));
    }
    if is_slice(k) {
        let u = vm.slice_unpack(k)?;
        let (start, stop, step) = Vm::slice_adjust(u, len_of(a) as i64);
        let n = Vm::slice_count(start, stop, step);
        return slice_copy(vm, a, start.max(0) as usize, step, n);
    }
    let Some(i) = subscript_index(vm, k)? else {
        return Err(vm.new_exc(Exc::TypeError, "array indices must be integers"));
    };
    let n = len_of(a) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n { return Err(index_error(vm, "array index out of range")); }
    get(vm, a, j as usize)
}

/// `a[k] = v`, or `del a[k]` when `v` is NULL (CPython's `array_ass_subscr`).
#[inline]
pub fn setitem(vm: &mut Vm, a: Value, k: Value, v: Value) -> PyResult<()> {
    if k.is_int() && !v.is_null() {
        let n = len_of(a) as i64;
        let i = k.int();
        let j = if i < 0 { i + n } else { i };
        if j >= 0 && j < n {
            let bits = convert(vm, tc_of(a), v)?;
            // The conversion may have run Python code that shrank the array.
            if (j as usize) < len_of(a) {
                write_bits(bytes(a), isz(a), j as usize, bits);
                return Ok(());
            }
        }
        return Err(index_error(vm, "array assignment index out of range"));
    }
    let (start, stop, step, slicelength) = if is_slice(k) {
        let u = vm.slice_unpack(k)?;
        let (start, stop, step) = Vm::slice_adjust(u, len_of(a) as i64);
        (start, stop, step, Vm::slice_count(start, stop, step))
    } else {
        let Some(i) = subscript_index(vm, k)? else {
            return Err(vm.new_exc(Exc::TypeError, "array indices must be integers"));
        };
        let n = len_of(a) as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n { return Err(index_error(vm, "array assignment index out of range")); }
        if !v.is_null() {
            let bits = convert(vm, tc_of(a), v)?;
            if (j as usize) >= len_of(a) { return Err(index_error(vm, "array assignment index out of range")); }
            write_bits(bytes(a), isz(a), j as usize, bits);
            return Ok(());
        }
        (j, j + 1, 1, 1)
    };
    if v.is_null() { return del_slice(vm, a, start, step, slicelength); }
    if !is_array(v) {
        let tn = vm.type_name(v);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only assign array (not \"{tn}\") to array slice")));
    }
    // `a[i:j] = a`: assign a copy.
    let other = if v == a { slice_copy(vm, a, 0, 1, len_of(a))? } else { v };
    if tc_of(other) != tc_of(a) { return Err(bad_argument(vm)); }
    let needed = len_of(other);
    let sz = isz(a);
    let mut stop = stop;
    // For `a[2:1] = ...` the insertion point is `start`.
    if (step > 0 && stop < start) || (step < 0 && stop > start) { stop = start; }
    if step == 1 {
        let (start, stop) = (start as usize, stop as usize);
        let n = len_of(a);
        if slicelength > needed {
            bytes(a).copy_within(stop * sz..n * sz, (start + needed) * sz);
            resize(vm, a, n + needed - slicelength)?;
        } else if slicelength < needed {
            resize(vm, a, n + needed - slicelength)?;
            let m = len_of(a);
            bytes(a).copy_within(stop * sz..(m - needed + slicelength) * sz, (start + needed) * sz);
        }
        if needed > 0 {
            let src = &bytes(other)[..needed * sz];
            bytes(a)[start * sz..(start + needed) * sz].copy_from_slice(src);
        }
        return Ok(());
    }
    if needed == 0 { return del_slice(vm, a, start, step, slicelength); }
    if needed != slicelength {
        return Err(vm.new_exc(Exc::ValueError, &format!(
            "attempt to assign array of size {needed} to extended slice of size {slicelength}")));
    }
    let (src, dst) = (bytes(other), bytes(a));
    for j in 0..needed {
        let i = (start + j as i64 * step) as usize;
        dst[i * sz..(i + 1) * sz].copy_from_slice(&src[j * sz..(j + 1) * sz]);
    }
    Ok(())
}

/// Deletes the `slicelength` items `start, start+step, ...` (clamped).
fn del_slice(vm: &mut Vm, a: Value, start: i64, step: i64, slicelength: usize) -> PyResult<()> {
    if slicelength == 0 { return Ok(()); }
    let (n, sz) = (len_of(a), isz(a));
    // Normalise to a positive step over ascending positions.
    let (first, step) = if step < 0 { (start + step * (slicelength as i64 - 1), -step) } else { (start, step) };
    let (first, step) = (first as usize, step as usize);
    let d = bytes(a);
    let mut w = first;
    let mut next_gone = first;
    let mut gone = 0;
    for r in first..n {
        if gone < slicelength && r == next_gone {
            gone += 1;
            next_gone += step;
            continue;
        }
        d.copy_within(r * sz..(r + 1) * sz, w * sz);
        w += 1;
    }
    resize(vm, a, n - slicelength)
}

/// `PyErr_BadArgument()`.
fn bad_argument(vm: &mut Vm) -> PyErr { vm.new_exc(Exc::TypeError, "bad argument type for built-in operation") }

// ---------------------------------------------------------------------------
// Comparison of items

/// `a[i] == v` (CPython's `PyObject_RichCompareBool(a[i], v, Py_EQ)`),
/// without boxing the item when `v` is a builtin number or str.
fn item_eq(vm: &mut Vm, a: Value, i: usize, v: Value) -> PyResult<bool> {
    let it = item_at(a, i);
    let builtin = !v.is_ref() || !vm.is_heap_class(cls_of(v));
    if builtin {
        match it {
            Item::Char(c) => {
                if v.is_ref() && kind_of(v) == Kind::Str {
                    return Ok(obj::<StrL>(v).nchars == 1 && str_ref(v).chars().next() == char::from_u32(c));
                }
            }
            _ => {
                if let (Some(x), Some(y)) = (it.num(), vm.as_num(v)) { return Ok(num_compare(&x, &y, CmpOp::Eq)); }
            }
        }
    }
    let x = box_item(vm, it)?;
    vm.eq(x, v)
}

/// `x op y` for two items: natively when both are numbers or both
/// characters, else through the boxed values.
fn items_compare(vm: &mut Vm, x: Item, y: Item, op: CmpOp) -> PyResult<bool> {
    match (x, y) {
        (Item::Char(p), Item::Char(q)) => Ok(crate::ops::cmp_result(p.cmp(&q), op)),
        (Item::Char(_), _) | (_, Item::Char(_)) => {
            let (xv, yv) = (box_item(vm, x)?, box_item(vm, y)?);
            let r = vm.compare(xv, yv, op)?;
            vm.truthy(r)
        }
        _ => Ok(num_compare(&x.num().unwrap(), &y.num().unwrap(), op)),
    }
}

/// CPython's `array_richcompare`.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult {
    if !is_array(a) || !is_array(b) { return Ok(Value::NOT_IMPLEMENTED); }
    if len_of(a) != len_of(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    // The first index where the items differ; lengths are re-read, as an
    // item comparison may run Python code.
    let mut i = 0;
    while i < len_of(a) && i < len_of(b) {
        let (x, y) = (item_at(a, i), item_at(b, i));
        if !items_compare(vm, x, y, CmpOp::Eq)? {
            return Ok(match op {
                CmpOp::Eq => Value::FALSE,
                CmpOp::Ne => Value::TRUE,
                _ => Value::bool(items_compare(vm, x, y, op)?),
            });
        }
        i += 1;
    }
    let (na, nb) = (len_of(a), len_of(b));
    Ok(Value::bool(crate::ops::cmp_result(na.cmp(&nb), op)))
}

// ---------------------------------------------------------------------------
// repr

fn repr_string(vm: &mut Vm, a: Value) -> PyResult<String> {
    let name = str_ref(obj::<ClassL>(cls_of(a)).name).to_string();
    let tc = tc_of(a) as char;
    let n = len_of(a);
    if n == 0 { return Ok(format!("{name}('{tc}')")); }
    if tc == 'u' {
        let s = to_unicode(vm, a)?;
        let r = vm.repr_string(s)?;
        return Ok(format!("{name}('{tc}', {r})"));
    }
    let mut out = format!("{name}('{tc}', [");
    for i in 0..n {
        if i > 0 { out.push_str(", "); }
        match item_at(a, i) {
            Item::Int(x) => out.push_str(&x.to_string()),
            Item::UInt(x) => out.push_str(&x.to_string()),
            Item::Float(f) => out.push_str(&crate::numeric::float_repr(f)),
            Item::Char(_) => unreachable!("only 'u' arrays hold characters"),
        }
    }
    out.push_str("])");
    Ok(out)
}

/// The contents of a 'u' array as a str (CPython's `tounicode`).
fn to_unicode(vm: &mut Vm, a: Value) -> PyResult {
    let mut s = String::with_capacity(len_of(a));
    for i in 0..len_of(a) {
        let Item::Char(c) = item_at(a, i) else { unreachable!("a 'u' array") };
        if c > 0x10ffff {
            return Err(vm.new_exc(Exc::ValueError, &format!("character U+{c:x} is not in range [U+0000; U+10ffff]")));
        }
        s.push(char::from_u32(c).unwrap_or('\u{fffd}'));
    }
    Ok(vm.new_str(&s))
}

// ---------------------------------------------------------------------------
// Argument helpers

/// `self` of a method, with CPython's descriptor error.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&a) if is_array(a) => Ok(a),
        Some(&v) => {
            let tn = vm.type_name(v);
            // Slot wrappers and method descriptors word it differently.
            let slot = name.starts_with("__") && !matches!(name, "__copy__" | "__deepcopy__" | "__reduce_ex__" | "__sizeof__");
            let msg = if slot {
                format!("descriptor '{name}' requires a 'array.array' object but received a '{tn}'")
            } else {
                format!("descriptor '{name}' for 'array.array' objects doesn't apply to a '{tn}' object")
            };
            Err(vm.new_exc(Exc::TypeError, &msg))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method array.{name}() needs an argument"))),
    }
}

/// Whether a call passed keyword arguments (`kwnames` non-empty).
#[inline]
fn has_kw(kwnames: Value) -> bool { !kwnames.is_null() && !tuple_slice(kwnames).is_empty() }

/// METH_NOARGS. (Messages are only formatted on the error path: these
/// checks run on every call of `append`, `__len__`, ...)
#[inline]
fn noargs(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<Value> {
    let a = this(vm, args, name)?;
    if has_kw(kwnames) { no_kw(vm, kwnames, &format!("array.{name}"))?; }
    if args.len() != 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("array.{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(a)
}

/// METH_O.
#[inline]
fn onearg(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<(Value, Value)> {
    let a = this(vm, args, name)?;
    if args.len() != 2 || has_kw(kwnames) { one_arg(vm, args, kwnames, &format!("array.{name}"))?; }
    Ok((a, args[1]))
}

/// Argument Clinic, positional-only: "NAME expected N arguments, got M".
fn clinic(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, min: usize, max: usize) -> PyResult<Value> {
    let a = this(vm, args, name)?;
    if has_kw(kwnames) { no_kw(vm, kwnames, &format!("array.{name}"))?; }
    let n = args.len() - 1;
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max && n != min {
        format!("{name} expected {min} argument{}, got {n}", s(min))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", s(min))
    } else if n > max {
        format!("{name} expected at most {max} argument{}, got {n}", s(max))
    } else {
        return Ok(a);
    };
    Err(vm.new_exc(Exc::TypeError, &msg))
}

/// Argument Clinic methods with a defining class (`extend`, `fromfile`,
/// `__reduce_ex__`): "NAME() takes exactly N positional argument(s) (M given)".
fn clinic_exact(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, n: usize) -> PyResult<Value> {
    let a = this(vm, args, name)?;
    no_kw(vm, kwnames, name)?;
    if args.len() - 1 != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes exactly {n} positional argument{s} ({} given)", args.len() - 1)));
    }
    Ok(a)
}

/// A `Py_ssize_t` argument (`n` format).
fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> { super::str::index_arg(vm, v) }

// ---------------------------------------------------------------------------
// Construction

/// `array(typecode[, initializer])` for class `cls` (CPython's `array_new`).
fn construct(vm: &mut Vm, cls: Value, tcv: Value, initial: Option<Value>) -> PyResult {
    let tc = match tcv {
        v if v.is_ref() && kind_of(v) == Kind::Str && obj::<StrL>(v).nchars == 1 => str_ref(v).chars().next().unwrap(),
        v => {
            // getargs.c names None itself, anything else by its type.
            let tn = if v == Value::NONE { "None".to_string() } else { vm.type_name(v) };
            return Err(vm.new_exc(Exc::TypeError, &format!("array() argument 1 must be a unicode character, not {tn}")));
        }
    };
    let is_str = |v: Value| v.is_ref() && kind_of(v) == Kind::Str;
    if let Some(init) = initial {
        if tc != 'u' {
            if is_str(init) {
                return Err(vm.new_exc(Exc::TypeError, &format!("cannot use a str to initialize an array with typecode '{tc}'")));
            }
            if is_array(init) && tc_of(init) == b'u' {
                return Err(vm.new_exc(Exc::TypeError, &format!("cannot use a unicode array to initialize an array with typecode '{tc}'")));
            }
        }
    }
    // Anything but a list, tuple, bytes-like, str (for 'u') or array of
    // the same typecode is iterated (its iterator is made first, so a
    // non-iterable fails before a bad typecode does).
    let mut iter_src = None;
    let mut initial = initial;
    if let Some(init) = initial {
        let direct = init.is_ref() && match kind_of(init) {
            Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray => true,
            Kind::Str => tc == 'u',
            Kind::TypedArray | Kind::TypedArraySub => tc_of(init) as char == tc,
            _ => false,
        };
        if !direct {
            iter_src = Some(vm.get_iter(init)?);
            initial = None;
        }
    }
    let tcb = tc as u32;
    if tcb > 0x7f || itemsize_of(tcb as u8).is_none() {
        return Err(vm.new_exc(Exc::ValueError, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)"));
    }
    let tc = tcb as u8;
    let a = match initial {
        Some(init) if matches!(kind_of(init), Kind::List | Kind::Tuple) => {
            let n = if kind_of(init) == Kind::List { list_slice(init).len() } else { tuple_slice(init).len() };
            let a = new_array(vm, cls, tc, n)?;
            for i in 0..n {
                let v = if kind_of(init) == Kind::List {
                    match list_slice(init).get(i) { Some(&v) => v, None => return Err(index_error(vm, "list index out of range")) }
                } else { tuple_slice(init)[i] };
                let bits = convert(vm, tc, v)?;
                write_bits(bytes(a), isz(a), i, bits);
            }
            a
        }
        Some(init) if matches!(kind_of(init), Kind::Bytes | Kind::ByteArray) => {
            let a = new_array(vm, cls, tc, 0)?;
            frombytes_value(vm, a, init)?;
            a
        }
        Some(init) if kind_of(init) == Kind::Str => {
            // Exactly as many items as characters, as CPython allocates.
            let a = new_array(vm, cls, tc, obj::<StrL>(init).nchars)?;
            let d = bytes(a);
            for (i, c) in str_ref(init).chars().enumerate() { write_bits(d, 4, i, c as u64); }
            a
        }
        Some(init) => {
            let n = len_of(init);
            let a = new_array(vm, cls, tc, n)?;
            if n > 0 { bytes(a).copy_from_slice(&bytes(init)[..n * isz(a)]); }
            a
        }
        None => new_array(vm, cls, tc, 0)?,
    };
    if let Some(it) = iter_src {
        while let Some(v) = vm.next(it)? { append_value(vm, a, v)?; }
    }
    Ok(a)
}

/// Appends the characters of the str `s` to the 'u' array `a`.
fn push_str(vm: &mut Vm, a: Value, s: Value) -> PyResult<()> {
    let mut buf = Vec::with_capacity(obj::<StrL>(s).nchars * 4);
    for c in str_ref(s).chars() { buf.extend_from_slice(&(c as u32).to_ne_bytes()); }
    push_bytes(vm, a, &buf)
}

/// `array.__new__(cls, typecode[, initializer])`.
fn a_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let nkw = if kwnames.is_null() { 0 } else { tuple_slice(kwnames).len() };
    let Some(&cls) = args.first() else {
        return Err(vm.new_exc(Exc::TypeError, "array.array.__new__(): not enough arguments"));
    };
    if !vm.is_class(cls) {
        let tn = vm.type_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("array.array.__new__(X): X is not a type object ({tn})")));
    }
    if vm.layout_of(cls) != Kind::TypedArray {
        let cn = vm.class_name(cls).to_string();
        return Err(vm.new_exc(Exc::TypeError, &format!("array.array.__new__({cn}): {cn} is not a subtype of array.array")));
    }
    // Keywords are refused unless a subclass's own `__init__` takes them
    // (they are not passed on to the array).
    if nkw > 0 {
        let init = vm.lookup_type(cls, vm.n(crate::names::N::init));
        if is_root_class(vm, cls) || init == Some(vm.object_init_fn()) {
            return Err(vm.new_exc(Exc::TypeError, "array.array() takes no keyword arguments"));
        }
    }
    let pos = &args[1..args.len() - nkw];
    match pos.len() {
        0 => Err(vm.new_exc(Exc::TypeError, "array() takes at least 1 argument (0 given)")),
        1 | 2 => construct(vm, cls, pos[0], pos.get(1).copied()),
        n => Err(vm.new_exc(Exc::TypeError, &format!("array() takes at most 2 arguments ({n} given)"))),
    }
}

// ---------------------------------------------------------------------------
// Special methods

fn a_len(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "__len__")?;
    Ok(Value::small(len_of(a) as i64))
}

fn a_getitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, k) = onearg(vm, args, kwnames, "__getitem__")?;
    getitem(vm, a, k)
}

fn a_setitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = this(vm, args, "__setitem__")?;
    if has_kw(kwnames) { no_kw(vm, kwnames, "array.__setitem__")?; }
    if args.len() != 3 {
        // (sic: CPython's wrapper names no function here)
        return Err(vm.new_exc(Exc::TypeError, &format!(" expected 2 arguments, got {}", args.len() - 1)));
    }
    setitem(vm, a, args[1], args[2])?;
    Ok(Value::NONE)
}

fn a_delitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, k) = onearg(vm, args, kwnames, "__delitem__")?;
    setitem(vm, a, k, Value::NULL)?;
    Ok(Value::NONE)
}

fn a_contains(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, v) = onearg(vm, args, kwnames, "__contains__")?;
    let mut i = 0;
    while i < len_of(a) {
        if item_eq(vm, a, i, v)? { return Ok(Value::TRUE); }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn a_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "__repr__")?;
    let s = repr_string(vm, a)?;
    Ok(vm.new_str(&s))
}

fn cmp_method(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, op: CmpOp) -> PyResult {
    let (a, b) = onearg(vm, args, kwnames, name)?;
    richcompare(vm, a, b, op)
}
fn a_eq(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__eq__", CmpOp::Eq) }
fn a_ne(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__ne__", CmpOp::Ne) }
fn a_lt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__lt__", CmpOp::Lt) }
fn a_le(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__le__", CmpOp::Le) }
fn a_gt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__gt__", CmpOp::Gt) }
fn a_ge(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { cmp_method(vm, a, k, "__ge__", CmpOp::Ge) }

thread_local! {
    /// Where the VM running on this thread keeps the `arrayiterator` class:
    /// its `version_base` (unique to each VM) and the class's index in its
    /// immortal list. The list is a precise root that a moving collector
    /// updates, so the class is read from it on each use; another VM finds
    /// the class through the module instead.
    static ITER_CLASS: std::cell::Cell<(u64, usize)> = const { std::cell::Cell::new((u64::MAX, 0)) };
}

/// The `arrayiterator` class, without an import on the common path.
fn iterator_class(vm: &mut Vm) -> PyResult {
    let (base, idx) = ITER_CLASS.with(|c| c.get());
    if base == vm.r.version_base {
        if let Some(&c) = vm.r.immortal.borrow().get(idx) { return Ok(c); }
    }
    module_attr(vm, "arrayiterator")
}

fn a_iter(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "__iter__")?;
    let cls = iterator_class(vm)?;
    Ok(vm.new_obj4(Kind::ArrayIter, cls, [a, Value::small(0), Value::NULL, Value::NULL]))
}

fn a_sizeof(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "__sizeof__")?;
    Ok(vm.new_int((CPY_ARRAY_SIZE + capacity(a) * isz(a)) as i64))
}

fn a_copy(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "__copy__")?;
    slice_copy(vm, a, 0, 1, len_of(a))
}

fn a_deepcopy(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, _memo) = onearg(vm, args, kwnames, "__deepcopy__")?;
    slice_copy(vm, a, 0, 1, len_of(a))
}

/// The machine format code of a typecode on this host (CPython's
/// `typecode_to_mformat_code`).
fn mformat_of(tc: u8) -> i64 {
    let le = cfg!(target_endian = "little");
    let pick = |little: i64| if le { little } else { little + 1 };
    match tc {
        b'b' => 1,
        b'B' => 0,
        b'u' => pick(20),
        b'h' => pick(4),
        b'H' => pick(2),
        b'i' => pick(8),
        b'I' => pick(6),
        b'l' | b'q' => pick(12),
        b'L' | b'Q' => pick(10),
        b'f' => pick(14),
        _ => pick(16),
    }
}

/// `__reduce_ex__(protocol)`: `(cls, (typecode, list), dict)` before
/// protocol 3, `(_array_reconstructor, (cls, typecode, mformat, bytes), dict)`
/// from it on.
fn a_reduce_ex(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic_exact(vm, args, kwnames, "__reduce_ex__", 1)?;
    let p = args[1];
    if !vm.is_int_like(p) {
        return Err(vm.new_exc(Exc::TypeError, "__reduce_ex__ argument should be an integer"));
    }
    let protocol = vm.as_i64(p).unwrap_or(i64::MAX);
    let dict = if kind_of(a) == Kind::TypedArraySub {
        let d = obj::<TypedArrayL>(a).attrs;
        if d.is_null() { vm.new_dict() } else { d }
    } else { Value::NONE };
    let cls = cls_of(a);
    let tcs = vm.new_str(&(tc_of(a) as char).to_string());
    if protocol < 3 {
        let l = tolist(vm, a)?;
        let inner = vm.new_tuple(&[tcs, l]);
        return Ok(vm.new_tuple(&[cls, inner, dict]));
    }
    let data = bytes(a).to_vec();
    let b = vm.new_bytes(&data);
    let f = module_attr(vm, "_array_reconstructor")?;
    let inner = vm.new_tuple(&[cls, tcs, Value::small(mformat_of(tc_of(a))), b]);
    Ok(vm.new_tuple(&[f, inner, dict]))
}

// ---------------------------------------------------------------------------
// Methods

fn a_append(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, v) = onearg(vm, args, kwnames, "append")?;
    append_value(vm, a, v)?;
    Ok(Value::NONE)
}

/// `array_do_extend`: arrays of the same typecode by copy, anything else
/// item by item.
fn extend(vm: &mut Vm, a: Value, src: Value) -> PyResult<()> {
    if !is_array(src) { return extend_iter(vm, a, src); }
    if tc_of(src) != tc_of(a) {
        return Err(vm.new_exc(Exc::TypeError, "can only extend with array of same kind"));
    }
    let (n, m, sz) = (len_of(a), len_of(src), isz(a));
    resize(vm, a, n + m)?;
    // `src` may be `a` itself: its first `m` items are still in place.
    if m > 0 {
        let d = obj::<TypedArrayL>(src).data;
        let tmp = raw_array_bytes(d)[..m * sz].to_vec();
        bytes(a)[n * sz..].copy_from_slice(&tmp);
    }
    Ok(())
}

fn a_extend(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic_exact(vm, args, kwnames, "extend", 1)?;
    extend(vm, a, args[1])?;
    Ok(Value::NONE)
}

fn a_insert(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic(vm, args, kwnames, "insert", 2, 2)?;
    let i = ssize_arg(vm, args[1])?;
    let bits = convert(vm, tc_of(a), args[2])?;
    let (n, sz) = (len_of(a), isz(a));
    let w = if i < 0 { (i + n as i64).max(0) as usize } else { (i as usize).min(n) };
    resize(vm, a, n + 1)?;
    let d = bytes(a);
    d.copy_within(w * sz..n * sz, (w + 1) * sz);
    write_bits(d, sz, w, bits);
    Ok(Value::NONE)
}

fn a_pop(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic(vm, args, kwnames, "pop", 0, 1)?;
    let i = match args.get(1) { Some(&v) => ssize_arg(vm, v)?, None => -1 };
    let n = len_of(a);
    if n == 0 { return Err(index_error(vm, "pop from empty array")); }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 { return Err(index_error(vm, "pop index out of range")); }
    let v = get(vm, a, j as usize)?;
    del_slice(vm, a, j, 1, 1)?;
    Ok(v)
}

fn a_remove(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, v) = onearg(vm, args, kwnames, "remove")?;
    let mut i = 0;
    while i < len_of(a) {
        if item_eq(vm, a, i, v)? {
            if i < len_of(a) { del_slice(vm, a, i as i64, 1, 1)?; }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(vm.new_exc(Exc::ValueError, "array.remove(x): x not in array"))
}

/// A `start`/`stop` argument of `index` (`_PyEval_SliceIndexNotNone`).
fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => Err(vm.new_exc(Exc::TypeError, "slice indices must be integers or have an __index__ method")),
    }
}

fn a_index(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic(vm, args, kwnames, "index", 1, 3)?;
    let v = args[1];
    let mut start = match args.get(2) { Some(&s) => slice_index_arg(vm, s)?, None => 0 };
    let mut stop = match args.get(3) { Some(&s) => slice_index_arg(vm, s)?, None => i64::MAX };
    let n = len_of(a) as i64;
    if start < 0 { start = (start + n).max(0); }
    if stop < 0 { stop += n; }
    let mut i = start;
    while i < stop && i < len_of(a) as i64 {
        if item_eq(vm, a, i as usize, v)? { return Ok(Value::small(i)); }
        i += 1;
    }
    Err(vm.new_exc(Exc::ValueError, "array.index(x): x not in array"))
}

fn a_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, v) = onearg(vm, args, kwnames, "count")?;
    let (mut i, mut c) = (0, 0);
    while i < len_of(a) {
        if item_eq(vm, a, i, v)? { c += 1; }
        i += 1;
    }
    Ok(Value::small(c))
}

fn a_reverse(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "reverse")?;
    let (n, sz) = (len_of(a), isz(a));
    let d = bytes(a);
    for i in 0..n / 2 {
        let j = n - 1 - i;
        for k in 0..sz { d.swap(i * sz + k, j * sz + k); }
    }
    Ok(Value::NONE)
}

fn a_byteswap(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "byteswap")?;
    let sz = isz(a);
    for chunk in bytes(a).chunks_exact_mut(sz) { chunk.reverse(); }
    Ok(Value::NONE)
}

fn a_buffer_info(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "buffer_info")?;
    let d = obj::<TypedArrayL>(a).data;
    let addr = if d.is_null() { 0 } else { identity(d) + std::mem::size_of::<RawArrayL>() };
    let (p, n) = (vm.new_int(addr as i64), Value::small(len_of(a) as i64));
    Ok(vm.new_tuple(&[p, n]))
}

/// A new list of the items.
fn tolist(vm: &mut Vm, a: Value) -> PyResult {
    let n = len_of(a);
    let l = vm.new_list_cap(n);
    let mut i = 0;
    while i < n.min(len_of(a)) {
        let v = get(vm, a, i)?;
        let items = obj::<ListL>(l).items;
        array_set(items, i, v);
        obj::<ListL>(l).len = i + 1;
        i += 1;
    }
    Ok(l)
}

fn a_tolist(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "tolist")?;
    tolist(vm, a)
}

fn a_fromlist(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, l) = onearg(vm, args, kwnames, "fromlist")?;
    if !(l.is_ref() && kind_of(l) == Kind::List) {
        return Err(vm.new_exc(Exc::TypeError, "arg must be list"));
    }
    let (old, n) = (len_of(a), list_slice(l).len());
    if n == 0 { return Ok(Value::NONE); }
    resize(vm, a, old + n)?;
    for i in 0..n {
        // The list is re-read after each conversion, which may run Python code.
        let v = list_slice(l)[i];
        let r = convert(vm, tc_of(a), v).and_then(|bits| {
            if list_slice(l).len() != n {
                return Err(vm.new_exc(Exc::RuntimeError, "list changed size during iteration"));
            }
            Ok(bits)
        });
        match r {
            Ok(bits) => {
                let at = (len_of(a) + i).checked_sub(n);
                if let Some(at) = at { write_bits(bytes(a), isz(a), at, bits); }
            }
            Err(e) => { resize(vm, a, old)?; return Err(e); }
        }
    }
    Ok(Value::NONE)
}

fn a_tobytes(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "tobytes")?;
    let data = bytes(a).to_vec();
    Ok(vm.new_bytes(&data))
}

/// Appends the bytes of a bytes-like `buf` (CPython's `frombytes`, whose
/// buffer must have 1-byte items).
fn frombytes_value(vm: &mut Vm, a: Value, buf: Value) -> PyResult<()> {
    let data = if is_array(buf) {
        if isz(buf) != 1 { return Err(vm.new_exc(Exc::TypeError, "a bytes-like object is required")); }
        Some(bytes(buf).to_vec())
    } else { vm.bytes_like(buf) };
    let Some(data) = data else {
        let tn = vm.type_name(buf);
        return Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")));
    };
    if data.len() % isz(a) != 0 {
        return Err(vm.new_exc(Exc::ValueError, "bytes length not a multiple of item size"));
    }
    push_bytes(vm, a, &data)
}

fn a_frombytes(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, b) = onearg(vm, args, kwnames, "frombytes")?;
    frombytes_value(vm, a, b)?;
    Ok(Value::NONE)
}

fn a_fromunicode(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, s) = onearg(vm, args, kwnames, "fromunicode")?;
    if !vm.is_str(s) {
        let tn = vm.type_name(s);
        return Err(vm.new_exc(Exc::TypeError, &format!("fromunicode() argument must be str, not {tn}")));
    }
    if tc_of(a) != b'u' {
        return Err(vm.new_exc(Exc::ValueError, "fromunicode() may only be called on unicode type arrays"));
    }
    push_str(vm, a, s)?;
    Ok(Value::NONE)
}

fn a_tounicode(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = noargs(vm, args, kwnames, "tounicode")?;
    if tc_of(a) != b'u' {
        return Err(vm.new_exc(Exc::ValueError, "tounicode() may only be called on unicode type arrays"));
    }
    to_unicode(vm, a)
}

fn a_fromfile(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let a = clinic_exact(vm, args, kwnames, "fromfile", 2)?;
    let (f, n) = (args[1], ssize_arg(vm, args[2])?);
    if n < 0 { return Err(vm.new_exc(Exc::ValueError, "negative count")); }
    let Some(nbytes) = (n as usize).checked_mul(isz(a)).filter(|&b| b <= isize::MAX as usize) else { return Err(memory_error(vm)) };
    let nb = vm.new_int(nbytes as i64);
    let b = vm.call_method(f, "read", &[nb])?;
    if !(b.is_ref() && kind_of(b) == Kind::Bytes) {
        return Err(vm.new_exc(Exc::TypeError, "read() didn't return bytes"));
    }
    let short = bytes_slice(b).len() != nbytes;
    frombytes_value(vm, a, b)?;
    if short { return Err(vm.new_exc(Exc::EOFError, "read() didn't return enough bytes")); }
    Ok(Value::NONE)
}

fn a_tofile(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, f) = onearg(vm, args, kwnames, "tofile")?;
    const BLOCK: usize = 64 * 1024;
    let total = len_of(a) * isz(a);
    let mut off = 0;
    while off < total {
        let end = (off + BLOCK).min(len_of(a) * isz(a));
        if end <= off { break; }
        let chunk = bytes(a)[off..end].to_vec();
        let b = vm.new_bytes(&chunk);
        vm.call_method(f, "write", &[b])?;
        off = end;
    }
    Ok(Value::NONE)
}

fn g_typecode(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let a = this(vm, args, "typecode")?;
    Ok(vm.new_str(&(tc_of(a) as char).to_string()))
}

fn g_itemsize(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let a = this(vm, args, "itemsize")?;
    Ok(Value::small(isz(a) as i64))
}

// ---------------------------------------------------------------------------
// Sequence operators (called by the Python dunders array.py attaches)

/// A heap class's reflected operator `name` on `other`, tried first as
/// CPython's number slots are (`a * X()` calls `X.__rmul__` before the
/// sequence repeat): Some(result) unless absent or NotImplemented.
fn try_reflected(vm: &mut Vm, other: Value, a: Value, name: &str) -> PyResult<Option<Value>> {
    if !other.is_ref() || is_array(other) || !vm.is_heap_class(cls_of(other)) { return Ok(None); }
    let cls = cls_of(other);
    let Some(m) = vm.lookup_type_str(cls, name) else { return Ok(None) };
    // A builtin's number methods answer NotImplemented for arrays.
    if vm.is_builtin_fn(m) { return Ok(None); }
    let r = vm.call(m, &[other, a])?;
    Ok(if r == Value::NOT_IMPLEMENTED { None } else { Some(r) })
}

/// A repeat count: `__index__`, or None when `n` has none.
fn repeat_count(vm: &mut Vm, n: Value) -> PyResult<Option<i64>> {
    if n.is_ref() && kind_of(n) == Kind::BigInt && bigint_ref(n).to_i64().is_none() {
        return Err(vm.new_exc(Exc::OverflowError, "cannot fit 'int' into an index-sized integer"));
    }
    vm.index_value(n)
}

/// The type's name as CPython's `tp_name` spells it in messages: the
/// native class is `array.array`.
fn tp_name(vm: &Vm, v: Value) -> String {
    if v.is_ref() && kind_of(v) == Kind::TypedArray { "array.array".into() } else { vm.type_name(v) }
}

fn not_int_count(vm: &mut Vm, n: Value) -> PyErr {
    let tn = tp_name(vm, n);
    vm.new_exc(Exc::TypeError, &format!("can't multiply sequence by non-int of type '{tn}'"))
}

/// `a * n` (CPython's `array_repeat`).
fn repeat(vm: &mut Vm, a: Value, n: Value) -> PyResult {
    let Some(n) = repeat_count(vm, n)? else { return Err(not_int_count(vm, n)) };
    let n = n.max(0) as usize;
    let (m, sz) = (len_of(a), isz(a));
    let Some(total) = m.checked_mul(n).filter(|t| t.checked_mul(sz).is_some()) else { return Err(memory_error(vm)) };
    let cls = base_class(vm, a);
    let r = new_array(vm, cls, tc_of(a), total)?;
    if total > 0 {
        let dst = bytes(r);
        dst[..m * sz].copy_from_slice(bytes(a));
        fill_repeat(dst, m * sz);
    }
    Ok(r)
}

/// Repeats `d[..unit]` over all of `d` (whose length is a multiple of
/// `unit`) by doubling copies, as CPython's `_PyBytes_Repeat` does.
fn fill_repeat(d: &mut [u8], unit: usize) {
    let mut done = unit;
    while done < d.len() {
        let n = done.min(d.len() - done);
        d.copy_within(..n, done);
        done += n;
    }
}

fn two_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Value)> {
    if args.len() != 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name} expected 2 arguments, got {}", args.len())));
    }
    let a = this(vm, args, name)?;
    Ok((a, args[1]))
}

/// `_array._mul(a, n)`: `a * n`.
fn m_mul(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let (a, n) = two_args(vm, args, "_mul")?;
    if let Some(r) = try_reflected(vm, n, a, "__rmul__")? { return Ok(r); }
    repeat(vm, a, n)
}

/// `_array._rmul(a, n)`: `n * a` (the left operand's `__mul__` has had its
/// turn). A builtin sequence on the left is repeated by `a`, which is no
/// count: CPython's error names `a`'s type then.
fn m_rmul(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let (a, n) = two_args(vm, args, "_rmul")?;
    if n.is_ref() && matches!(kind_of(n), Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple) {
        return Err(not_int_count(vm, a));
    }
    repeat(vm, a, n)
}

/// `_array._concat(a, b)`: `a + b` (CPython's `array_concat`).
fn m_concat(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let (a, b) = two_args(vm, args, "_concat")?;
    if !is_array(b) {
        if let Some(r) = try_reflected(vm, b, a, "__radd__")? { return Ok(r); }
        let tn = vm.type_name(b);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only append array (not \"{tn}\") to array")));
    }
    if tc_of(a) != tc_of(b) { return Err(bad_argument(vm)); }
    let (na, nb, sz) = (len_of(a), len_of(b), isz(a));
    let cls = base_class(vm, a);
    let r = new_array(vm, cls, tc_of(a), na + nb)?;
    let d = bytes(r);
    d[..na * sz].copy_from_slice(bytes(a));
    d[na * sz..].copy_from_slice(&bytes(b)[..nb * sz]);
    Ok(r)
}

/// `_array._iconcat(a, b)`: `a += b`.
fn m_iconcat(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let (a, b) = two_args(vm, args, "_iconcat")?;
    if !is_array(b) {
        if let Some(r) = try_reflected(vm, b, a, "__radd__")? { return Ok(r); }
        let tn = vm.type_name(b);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only extend array with array (not \"{tn}\")")));
    }
    extend(vm, a, b)?;
    Ok(a)
}

/// `_array._imul(a, n)`: `a *= n` (CPython's `array_inplace_repeat`).
fn m_imul(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let (a, nv) = two_args(vm, args, "_imul")?;
    if let Some(r) = try_reflected(vm, nv, a, "__rmul__")? { return Ok(r); }
    let Some(n) = repeat_count(vm, nv)? else { return Err(not_int_count(vm, nv)) };
    let (m, sz) = (len_of(a), isz(a));
    if m > 0 && n != 1 {
        let n = n.max(0) as usize;
        let Some(total) = m.checked_mul(n).filter(|t| t.checked_mul(sz).is_some()) else { return Err(memory_error(vm)) };
        resize(vm, a, total)?;
        if total > 0 { fill_repeat(bytes(a), m * sz); }
    }
    Ok(a)
}

// ---------------------------------------------------------------------------
// _array_reconstructor (the pickle format of protocol 3 and later)

/// (size, signed, big-endian) of the integer machine format codes 0..=13.
fn int_mformat(code: i64) -> Option<(usize, bool, bool)> {
    Some(match code {
        0 => (1, false, false), 1 => (1, true, false),
        2 => (2, false, false), 3 => (2, false, true), 4 => (2, true, false), 5 => (2, true, true),
        6 => (4, false, false), 7 => (4, false, true), 8 => (4, true, false), 9 => (4, true, true),
        10 => (8, false, false), 11 => (8, false, true), 12 => (8, true, false), 13 => (8, true, true),
        _ => return None,
    })
}

fn m_reconstructor(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_kw(vm, kwnames, "_array_reconstructor")?;
    if args.len() != 4 {
        return Err(vm.new_exc(Exc::TypeError, &format!("_array_reconstructor expected 4 arguments, got {}", args.len())));
    }
    let (cls, tcv, codev, items) = (args[0], args[1], args[2], args[3]);
    if !vm.is_class(cls) {
        let tn = vm.type_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("first argument must be a type object, not {tn}")));
    }
    if vm.layout_of(cls) != Kind::TypedArray {
        let cn = vm.class_name(cls).to_string();
        return Err(vm.new_exc(Exc::TypeError, &format!("{cn} is not a subtype of array.array")));
    }
    let tc = match tcv {
        v if v.is_ref() && kind_of(v) == Kind::Str && obj::<StrL>(v).nchars == 1 => str_ref(v).chars().next().unwrap(),
        v => {
            let tn = if v == Value::NONE { "None".to_string() } else { vm.type_name(v) };
            return Err(vm.new_exc(Exc::TypeError, &format!("_array_reconstructor() argument 2 must be a unicode character, not {tn}")));
        }
    };
    if !tc.is_ascii() || itemsize_of(tc as u8).is_none() {
        return Err(vm.new_exc(Exc::ValueError, "second argument must be a valid type code"));
    }
    let tc = tc as u8;
    let code = match vm.as_i64(codev) {
        Some(c) if vm.is_int_like(codev) => c,
        _ => {
            let tn = vm.type_name(codev);
            return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if !(0..=21).contains(&code) {
        return Err(vm.new_exc(Exc::ValueError, "third argument must be a valid machine format code."));
    }
    if !(items.is_ref() && kind_of(items) == Kind::Bytes) {
        let tn = vm.type_name(items);
        return Err(vm.new_exc(Exc::TypeError, &format!("fourth argument should be bytes, not {tn}")));
    }
    let tcs = vm.new_str(&(tc as char).to_string());
    // The host's own format: the bytes are the items.
    if code == mformat_of(tc) { return construct(vm, cls, tcs, Some(items)); }
    let data = bytes_slice(items).to_vec();
    // CPython's table of format sizes (which gives UTF-16 4 bytes and
    // UTF-32 8: the check is stricter than the decoding).
    let unit = match code { 0 | 1 => 1, 2..=5 => 2, 6..=9 | 14 | 15 | 18 | 19 => 4, _ => 8 };
    if data.len() % unit != 0 {
        return Err(vm.new_exc(Exc::ValueError, "string length not a multiple of item size"));
    }
    match code {
        14..=17 => {
            // A list of the floats, given to the constructor with the
            // typecode asked for (which converts or refuses them).
            let (w, be) = (if code < 16 { 4 } else { 8 }, code % 2 == 1);
            let l = vm.new_list_cap(data.len() / w);
            for c in data.chunks_exact(w) {
                let f = match (w, be) {
                    (4, false) => f32::from_le_bytes(c.try_into().unwrap()) as f64,
                    (4, true) => f32::from_be_bytes(c.try_into().unwrap()) as f64,
                    (_, false) => f64::from_le_bytes(c.try_into().unwrap()),
                    (_, true) => f64::from_be_bytes(c.try_into().unwrap()),
                };
                let fv = vm.new_float(f);
                vm.list_append(l, fv);
            }
            construct(vm, cls, tcs, Some(l))
        }
        18..=21 => {
            let s = match code {
                18 | 19 => {
                    let units: Vec<u16> = data.chunks_exact(2).map(|c| {
                        let b = [c[0], c[1]];
                        if code == 18 { u16::from_le_bytes(b) } else { u16::from_be_bytes(b) }
                    }).collect();
                    String::from_utf16_lossy(&units)
                }
                _ => data.chunks_exact(4).map(|c| {
                    let b = [c[0], c[1], c[2], c[3]];
                    let u = if code == 20 { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) };
                    char::from_u32(u).unwrap_or('\u{fffd}')
                }).collect(),
            };
            let sv = vm.new_str(&s);
            let u = vm.new_str("u");
            construct(vm, cls, u, Some(sv))
        }
        _ => {
            let (size, signed, be) = int_mformat(code).expect("0..=13");
            // The last integer typecode of that size and signedness.
            let tc = b"bBhHiIlLqQ".iter().copied()
                .filter(|&t| itemsize_of(t) == Some(size) && t.is_ascii_lowercase() == signed)
                .last().expect("every size has a typecode");
            // Same size as the format: each item's bytes in host order.
            let mut host = Vec::with_capacity(data.len());
            for c in data.chunks_exact(size) {
                let swap = be != cfg!(target_endian = "big");
                if swap { host.extend(c.iter().rev()); } else { host.extend_from_slice(c); }
            }
            let a = new_array(vm, cls, tc, host.len() / size)?;
            bytes(a).copy_from_slice(&host);
            Ok(a)
        }
    }
}

// ---------------------------------------------------------------------------
// The iterator (Kind::ArrayIter: s[0] the array, NULL once exhausted;
// s[1] the next index)

/// `next()` of an array iterator: None when exhausted.
pub fn iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let a = s4(it, 0);
    if a.is_null() { return Ok(None); }
    let i = s4(it, 1).int() as usize;
    if i < len_of(a) {
        obj::<Obj4L>(it).s[1] = Value::small(i as i64 + 1);
        return get(vm, a, i).map(Some);
    }
    set_s4(it, 0, Value::NULL);
    Ok(None)
}

fn this_iter(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::ArrayIter => Ok(v),
        _ => Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' requires an 'array.arrayiterator' object"))),
    }
}

fn it_iter(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult { this_iter(vm, args, "__iter__") }

fn it_next(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let it = this_iter(vm, args, "__next__")?;
    match iter_next(vm, it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn it_reduce(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let it = this_iter(vm, args, "__reduce__")?;
    let b = vm.r.builtins.get();
    let f = vm.dict_get_by_name(b, "iter").expect("builtins.iter exists");
    let a = s4(it, 0);
    if a.is_null() {
        let empty = vm.new_tuple(&[]);
        let inner = vm.new_tuple(&[empty]);
        return Ok(vm.new_tuple(&[f, inner]));
    }
    let inner = vm.new_tuple(&[a]);
    let idx = s4(it, 1);
    Ok(vm.new_tuple(&[f, inner, idx]))
}

fn it_setstate(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let it = this_iter(vm, args, "__setstate__")?;
    let state = one_arg(vm, args, kwnames, "arrayiterator.__setstate__")?;
    let i = ssize_arg(vm, state)?;
    let a = s4(it, 0);
    if !a.is_null() {
        let i = i.clamp(0, len_of(a) as i64);
        obj::<Obj4L>(it).s[1] = Value::small(i);
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// The module

/// An attribute of the native module (the iterator class, the reconstructor).
fn module_attr(vm: &mut Vm, name: &str) -> PyResult {
    let m = vm.import_module(MODULE)?;
    let d = vm.module_dict(m);
    match vm.dict_get_by_name(d, name) {
        Some(v) => Ok(v),
        None => Err(vm.new_exc(Exc::ImportError, &format!("cannot import name '{name}' from '{MODULE}'"))),
    }
}

const DOC: &str = "array(typecode [, initializer]) -> array\n\n\
Return a new array whose items are restricted by typecode, and\n\
initialized from the optional initializer value, which must be a list,\n\
string or iterable over elements of the appropriate type.\n\n\
Arrays represent basic values and behave very much like lists, except\n\
the type of objects stored in them is constrained. The type is specified\n\
at object creation time by using a type code, which is a single character.";

/// Fills the `_array` module: the `array` class (also `ArrayType`), its
/// iterator class, `typecodes`, `_array_reconstructor`, and the natives
/// behind the sequence operators (see the module docs).
pub fn init_module(vm: &mut Vm, d: Value) -> PyResult<()> {
    let object = vm.ty(Ty::Object);
    let cls = vm.new_native_class("array", object, Kind::TypedArray, "array");
    // HEAP: see the module docs. SLOTS_ONLY: its instances have no
    // `__dict__`, so a subclass that declares `__slots__` has none either.
    obj::<ClassL>(cls).flags |= cf::HEAP | cf::SLOTS_ONLY;
    let methods: &[(&str, NativeFn)] = &[
        ("__len__", a_len), ("__getitem__", a_getitem), ("__setitem__", a_setitem), ("__delitem__", a_delitem),
        ("__contains__", a_contains), ("__iter__", a_iter), ("__repr__", a_repr),
        ("__eq__", a_eq), ("__ne__", a_ne), ("__lt__", a_lt), ("__le__", a_le), ("__gt__", a_gt), ("__ge__", a_ge),
        ("__copy__", a_copy), ("__deepcopy__", a_deepcopy), ("__reduce_ex__", a_reduce_ex), ("__sizeof__", a_sizeof),
        ("append", a_append), ("buffer_info", a_buffer_info), ("byteswap", a_byteswap), ("count", a_count),
        ("extend", a_extend), ("frombytes", a_frombytes), ("fromfile", a_fromfile), ("fromlist", a_fromlist),
        ("fromunicode", a_fromunicode), ("index", a_index), ("insert", a_insert), ("pop", a_pop),
        ("remove", a_remove), ("reverse", a_reverse), ("tobytes", a_tobytes), ("tofile", a_tofile),
        ("tolist", a_tolist), ("tounicode", a_tounicode),
    ];
    for &(name, f) in methods { vm.add_method(cls, name, f); }
    vm.add_static(cls, "__new__", a_new, false);
    vm.add_getset(cls, "typecode", g_typecode, None);
    vm.add_getset(cls, "itemsize", g_itemsize, None);
    let cd = obj::<ClassL>(cls).dict;
    vm.dict_set_str(cd, "__hash__", Value::NONE);
    let doc = vm.new_str(DOC);
    vm.dict_set_str(cd, "__doc__", doc);
    let module = vm.new_str("array");
    vm.dict_set_str(cd, "__module__", module);
    vm.invalidate_class(cls);

    let it = vm.new_native_class("arrayiterator", object, Kind::Instance, "array");
    let it_methods: &[(&str, NativeFn)] = &[
        ("__iter__", it_iter), ("__next__", it_next), ("__reduce__", it_reduce), ("__setstate__", it_setstate),
    ];
    for &(name, f) in it_methods { vm.add_method(it, name, f); }
    vm.immortalize(it);
    let idx = vm.r.immortal.borrow().len() - 1;
    ITER_CLASS.with(|c| c.set((vm.r.version_base, idx)));

    vm.dict_set_str(d, "array", cls);
    vm.dict_set_str(d, "ArrayType", cls);
    vm.dict_set_str(d, "arrayiterator", it);
    let tcs = vm.new_str(TYPECODES);
    vm.dict_set_str(d, "typecodes", tcs);
    let fns: &[(&str, NativeFn)] = &[
        ("_array_reconstructor", m_reconstructor), ("_concat", m_concat), ("_iconcat", m_iconcat),
        ("_mul", m_mul), ("_rmul", m_rmul), ("_imul", m_imul),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_matches_cpython() {
        // What CPython 3.11's `__sizeof__` shows for appends from empty
        // (its source comment, "0, 4, 8, 16, 25, 34, 46, 56, ...", is stale).
        let mut alloc = 0usize;
        let mut seen = vec![];
        for len in 0..60usize {
            let newsize = len + 1;
            if alloc < newsize {
                alloc = (newsize >> 4) + if len < 8 { 3 } else { 7 } + newsize;
                seen.push(alloc);
            }
        }
        assert_eq!(seen, [4, 8, 16, 25, 34, 44, 54, 65]);
    }

    #[test]
    fn items_round_trip_through_bits() {
        let mut d = [0u8; 16];
        write_bits(&mut d, 2, 1, (-2i16) as u16 as u64);
        assert!(matches!(decode(b'h', read_bits(&d, 2, 1)), Item::Int(-2)));
        write_bits(&mut d, 8, 1, 1.5f64.to_bits());
        assert!(matches!(decode(b'd', read_bits(&d, 8, 1)), Item::Float(f) if f == 1.5));
        write_bits(&mut d, 4, 0, u32::MAX as u64);
        assert!(matches!(decode(b'I', read_bits(&d, 4, 0)), Item::Int(4294967295)));
        assert!(matches!(decode(b'i', read_bits(&d, 4, 0)), Item::Int(-1)));
    }
}
