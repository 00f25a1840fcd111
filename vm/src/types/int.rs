//! Methods of the builtin `int` and `bool` classes: construction (`int(x)`,
//! `int(s, base)`, `bool(x)`), the numeric dunders callable explicitly from
//! Python (`(5).__add__(1)`), `bit_length`, `to_bytes`/`from_bytes`, rounding
//! and the read-only attributes `real`, `imag`, `numerator`, `denominator`.
//!
//! Operators written in source (`a + b`) never come here for builtin
//! operands: `Vm::binary_op` computes them directly. These methods exist for
//! explicit calls, for `super()` calls from subclasses, and for the slow path
//! when one operand's class is a Python subclass.
//!
//! Subclasses of `int` (`class PosInt(int)`) are instances of kind `BigInt`
//! whose class is the subclass, even when the value would fit a small int:
//! every arithmetic path reads them through `Vm::as_num`, which looks at the
//! kind, and produces plain ints. They have no attribute storage.
//!
//! The text parser (`parse_int_text`) and the Unicode digit and whitespace
//! tables are shared with `float.rs`.

use crate::bytecode::{BinOp, CmpOp};
use crate::call::ArgParser;
use crate::heap::*;
use crate::numeric;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyErr, PyResult, Ty, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// CPython's default `sys.get_int_max_str_digits()`: decimal conversions of
/// ints with more digits than this raise ValueError.
pub const MAX_STR_DIGITS: usize = 4300;

pub fn init(vm: &mut Vm) {
    let int = vm.ty(Ty::Int);
    vm.add_static(int, "__new__", int_new, false);
    vm.add_static(int, "from_bytes", int_from_bytes, true);
    for &(name, f) in INT_METHODS { vm.add_ty_method(Ty::Int, name, f); }
    for &(name, f, rname, rf) in INT_BINOPS {
        vm.add_ty_method(Ty::Int, name, f);
        vm.add_ty_method(Ty::Int, rname, rf);
    }
    for &(name, f) in INT_COMPARE { vm.add_ty_method(Ty::Int, name, f); }
    add_property(vm, int, "real", |vm, a, _k| { let v = int_self(vm, a, "real")?; Ok(plain_int(vm, v)) });
    add_property(vm, int, "imag", |vm, a, _k| { int_self(vm, a, "imag")?; Ok(Value::small(0)) });
    add_property(vm, int, "numerator", |vm, a, _k| { let v = int_self(vm, a, "numerator")?; Ok(plain_int(vm, v)) });
    add_property(vm, int, "denominator", |vm, a, _k| { int_self(vm, a, "denominator")?; Ok(Value::small(1)) });

    let b = vm.ty(Ty::Bool);
    vm.add_static(b, "__new__", bool_new, false);
    vm.add_ty_method(Ty::Bool, "__repr__", |vm, a, k| {
        if a.is_empty() { return Err(descr_missing_self(vm, "__repr__", "bool")); }
        wrapper_arity(vm, a, k, "__repr__", 0)?;
        match a[0] {
            Value::TRUE => Ok(vm.new_str("True")),
            Value::FALSE => Ok(vm.new_str("False")),
            v => Err(descr_type_error(vm, "__repr__", "bool", v)),
        }
    });
    for &(name, f, rname, rf) in BOOL_BITOPS {
        vm.add_ty_method(Ty::Bool, name, f);
        vm.add_ty_method(Ty::Bool, rname, rf);
    }
}

/// Adds a read-only attribute computed by `getter(self)`.
pub fn add_property(vm: &mut Vm, cls: Value, name: &str, getter: NativeFn) {
    let g = vm.new_builtin(name, getter, Value::NULL);
    let p = vm.new_obj4(Kind::Property, vm.ty(Ty::Property), [g, Value::NULL, Value::NULL, Value::NULL]);
    let d = obj::<ClassL>(cls).dict;
    vm.dict_set_str(d, name, p);
}

// ---------------------------------------------------------------------------
// Argument checking shared by the methods

/// Whether CPython implements `name` as a method descriptor rather than a
/// slot wrapper: the two word their errors about `self` differently.
fn is_method_descr(name: &str) -> bool {
    !name.starts_with("__")
        || matches!(name, "__round__" | "__format__" | "__trunc__" | "__floor__" | "__ceil__" | "__getnewargs__" | "__sizeof__")
}

/// The TypeError for a method of `cls` called on an instance of another type.
pub(crate) fn descr_type_error(vm: &mut Vm, name: &str, cls: &str, got: Value) -> PyErr {
    let tn = vm.type_name(got);
    let msg = if is_method_descr(name) {
        format!("descriptor '{name}' for '{cls}' objects doesn't apply to a '{tn}' object")
    } else {
        format!("descriptor '{name}' requires a '{cls}' object but received a '{tn}'")
    };
    vm.new_exc(Exc::TypeError, &msg)
}

/// The TypeError for a method of `cls` called through the class with no self.
pub(crate) fn descr_missing_self(vm: &mut Vm, name: &str, cls: &str) -> PyErr {
    let msg = if is_method_descr(name) {
        format!("unbound method {cls}.{name}() needs an argument")
    } else {
        format!("descriptor '{name}' of '{cls}' object needs an argument")
    };
    vm.new_exc(Exc::TypeError, &msg)
}

/// `self` of an int method: any int, bool or int subclass instance.
fn int_self(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<Value> {
    match a.first() {
        Some(&v) if vm.is_int_like(v) => Ok(v),
        Some(&v) => Err(descr_type_error(vm, name, "int", v)),
        None => Err(descr_missing_self(vm, name, "int")),
    }
}

/// Arity check of a slot wrapper (`__add__`, `__neg__`, ...): `n` arguments
/// after self, no keywords, with CPython's messages.
pub(crate) fn wrapper_arity(vm: &mut Vm, a: &[Value], k: Value, name: &str, n: usize) -> PyResult<()> {
    if !k.is_null() && !tuple_slice(k).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("wrapper {name}() takes no keyword arguments")));
    }
    let got = a.len().saturating_sub(1);
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("expected {n} argument{s}, got {got}")));
    }
    Ok(())
}

/// Arity check of a method taking no arguments: `int.bit_length() takes no arguments (1 given)`.
pub(crate) fn no_args(vm: &mut Vm, a: &[Value], k: Value, qualname: &str) -> PyResult<()> {
    if !k.is_null() && !tuple_slice(k).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{qualname}() takes no keyword arguments")));
    }
    if a.len() > 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("{qualname}() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(())
}

/// Arity check for `__round__`-style methods: at most `max` arguments after self.
pub(crate) fn at_most(vm: &mut Vm, a: &[Value], k: Value, name: &str, max: usize) -> PyResult<()> {
    if !k.is_null() && !tuple_slice(k).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")));
    }
    let got = a.len().saturating_sub(1);
    if got > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name} expected at most {max} argument{s}, got {got}")));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Conversions

/// The value of an int-like `v` as a plain int: bools and subclass instances
/// become exact ints, plain ints are returned as they are.
pub fn plain_int(vm: &Vm, v: Value) -> Value {
    if v.is_int() { return v; }
    if v.is_bool() { return Value::small((v == Value::TRUE) as i64); }
    if cls_of(v) == vm.ty(Ty::Int) { return v; }
    vm.new_bigint(bigint_ref(v).clone())
}

/// The BigInt value of an int-like `v`.
pub(crate) fn big_of(v: Value) -> BigInt {
    if v.is_int() { return BigInt::from(v.int()); }
    if v.is_bool() { return BigInt::from((v == Value::TRUE) as i64); }
    bigint_ref(v).clone()
}

/// `operator.index(v)` as a BigInt: ints and bools directly, other objects
/// through `__index__` (which must return an int).
pub fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if vm.is_int_like(v) { return Ok(big_of(v)); }
    let cls = vm.type_of(v);
    if let Some(m) = vm.lookup_type(cls, vm.n(crate::names::N::index)) {
        let r = vm.call(m, &[v])?;
        if vm.is_int_like(r) { return Ok(big_of(r)); }
        let tn = vm.type_name(r);
        return Err(vm.new_exc(Exc::TypeError, &format!("__index__ returned non-int (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
}

/// `operator.index(v)` clamped to i64 (as CPython's `PyNumber_AsSsize_t`
/// with no overflow exception does).
pub(crate) fn index_clamped(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let b = index_bigint(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

/// An instance of the int subclass `cls` holding `val`. Its kind is BigInt
/// whatever the magnitude (see the module docs).
fn new_int_subclass(vm: &mut Vm, cls: Value, val: BigInt) -> Value {
    // Allocate a genuine big int, then swap in the value: the assignment
    // drops the placeholder digits, so nothing leaks.
    let v = vm.new_bigint(BigInt::one() << 64usize);
    *obj::<BigIntL>(v).val = val;
    set_field!(v, ObjHead, cls, cls);
    v
}

/// Decimal text of an int, refusing more than `MAX_STR_DIGITS` digits as CPython does.
pub fn int_to_decimal(vm: &mut Vm, b: &BigInt) -> PyResult<String> {
    let limit_err = |vm: &mut Vm| vm.new_exc(Exc::ValueError, &format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"));
    // 2**14300 has more than 4300 digits: refuse before converting at all.
    if b.bits() > 14300 { return Err(limit_err(vm)); }
    let s = b.to_string();
    let ndigits = s.len() - b.is_negative() as usize;
    if ndigits > MAX_STR_DIGITS { return Err(limit_err(vm)); }
    Ok(s)
}

// ---------------------------------------------------------------------------
// Text parsing (shared with float.rs)

/// Code points of the digit zero of every Unicode decimal-digit block (each
/// block holds the digits 0-9 in order), as of Unicode 14 (CPython 3.11).
const UNICODE_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0,
    0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0,
    0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// `str.isspace()` for one character.
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The decimal value of a Unicode decimal digit.
fn unicode_decimal(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = UNICODE_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 { return None; }
    let d = cp - UNICODE_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// Numeric text as CPython's parsers see it: surrounding whitespace removed
/// and Unicode decimal digits and spaces replaced by ASCII. None when some
/// other non-ASCII character remains (the text cannot be a number).
pub(crate) fn numeric_ascii(s: &str) -> Option<String> {
    let t = s.trim_matches(py_isspace);
    if t.is_ascii() { return Some(t.to_string()); }
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if c.is_ascii() { out.push(c); }
        else if let Some(d) = unicode_decimal(c) { out.push(char::from(b'0' + d as u8)); }
        else if py_isspace(c) { out.push(' '); }
        else { return None; }
    }
    Some(out)
}

/// Why `int(text, base)` failed.
pub(crate) enum IntParseError {
    Invalid,
    /// More than `MAX_STR_DIGITS` digits in a base that is not a power of two.
    TooLong(usize),
}

/// Parses `int(text, base)` for `base` 0 or 2..=36, after `numeric_ascii`.
pub(crate) fn parse_int_text(t: &str, base: u32) -> Result<BigInt, IntParseError> {
    use IntParseError::*;
    let b = t.as_bytes();
    let mut i = 0;
    let neg = match b.first() { Some(b'-') => { i = 1; true } Some(b'+') => { i = 1; false } _ => false };
    let rest = &b[i..];
    let lower2 = |s: &[u8]| -> [u8; 2] { [s.first().map_or(0, |c| c.to_ascii_lowercase()), s.get(1).map_or(0, |c| c.to_ascii_lowercase())] };
    let mut base = base;
    let mut body = rest;
    let mut had_prefix = false;
    let prefix_base = match lower2(rest) { [b'0', b'x'] => 16, [b'0', b'o'] => 8, [b'0', b'b'] => 2, _ => 0 };
    if base == 0 {
        if prefix_base != 0 {
            base = prefix_base;
            body = &rest[2..];
            had_prefix = true;
        } else {
            base = 10;
            // Base 0 rejects leading zeros ("010") but accepts "0", "00", "0_0".
            if rest.first() == Some(&b'0') && rest.iter().any(|&c| c != b'0' && c != b'_') {
                return Err(Invalid);
            }
        }
    } else if prefix_base != 0 && prefix_base == base {
        body = &rest[2..];
        had_prefix = true;
    }
    // A single underscore may follow the prefix; otherwise underscores only
    // separate digits.
    if had_prefix && body.first() == Some(&b'_') { body = &body[1..]; }
    if body.is_empty() { return Err(Invalid); }
    let mut digits = Vec::with_capacity(body.len());
    let mut prev_digit = false;
    for (j, &c) in body.iter().enumerate() {
        if c == b'_' {
            if !prev_digit || j + 1 == body.len() { return Err(Invalid); }
            prev_digit = false;
            continue;
        }
        let d = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            _ => return Err(Invalid),
        };
        if d >= base { return Err(Invalid); }
        digits.push(d as u8);
        prev_digit = true;
    }
    if !base.is_power_of_two() && digits.len() > MAX_STR_DIGITS {
        return Err(TooLong(digits.len()));
    }
    let mag = num_bigint::BigUint::from_radix_be(&digits, base).ok_or(Invalid)?;
    Ok(BigInt::from_biguint(if neg { Sign::Minus } else { Sign::Plus }, mag))
}

/// `repr(v)` cut to 200 characters, as CPython's `%.200R` does in messages.
pub(crate) fn short_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let r = vm.repr_string(v)?;
    Ok(match r.char_indices().nth(200) { Some((i, _)) => r[..i].to_string(), None => r })
}

/// `int(text, base)` for a str, bytes or bytearray `v` (`base` 0 or 2..=36,
/// shown as given in the error message).
fn int_from_text(vm: &mut Vm, v: Value, base: u32) -> PyResult<Value> {
    let text = match kind_of(v) {
        Kind::Str => numeric_ascii(str_ref(v)),
        _ => {
            let raw = vm.bytes_like(v).unwrap_or_default();
            std::str::from_utf8(&raw).ok().filter(|s| s.is_ascii()).and_then(numeric_ascii)
        }
    };
    let res = match text { Some(t) => parse_int_text(&t, base), None => Err(IntParseError::Invalid) };
    match res {
        Ok(b) => Ok(vm.new_bigint(b)),
        Err(IntParseError::TooLong(n)) => Err(vm.new_exc(Exc::ValueError, &format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"))),
        Err(IntParseError::Invalid) => {
            let r = short_repr(vm, v)?;
            Err(vm.new_exc(Exc::ValueError, &format!("invalid literal for int() with base {base}: {r}")))
        }
    }
}

fn is_text_kind(v: Value) -> bool {
    v.is_ref() && matches!(kind_of(v), Kind::Str | Kind::Bytes | Kind::ByteArray)
}

/// `int(x)` with no base: CPython's `PyNumber_Long`.
pub fn int_of(vm: &mut Vm, x: Value) -> PyResult<Value> {
    let heap = x.is_ref() && vm.is_heap_class(cls_of(x));
    if !heap {
        if vm.is_int_like(x) { return Ok(plain_int(vm, x)); }
        if x.is_ref() && kind_of(x) == Kind::Float { return crate::types::float::float_to_int(vm, float_val(x).trunc()); }
        if is_text_kind(x) { return int_from_text(vm, x, 10); }
    } else {
        let cls = cls_of(x);
        use crate::names::N;
        if let Some(m) = vm.lookup_type(cls, vm.n(N::int_)) {
            let r = vm.call(m, &[x])?;
            if vm.is_int_like(r) { return Ok(plain_int(vm, r)); }
            let tn = vm.type_name(r);
            return Err(vm.new_exc(Exc::TypeError, &format!("__int__ returned non-int (type {tn})")));
        }
        if let Some(m) = vm.lookup_type(cls, vm.n(N::index)) {
            let r = vm.call(m, &[x])?;
            if vm.is_int_like(r) { return Ok(plain_int(vm, r)); }
            let tn = vm.type_name(r);
            return Err(vm.new_exc(Exc::TypeError, &format!("__index__ returned non-int (type {tn})")));
        }
        if let Some(m) = vm.lookup_type(cls, vm.n(N::trunc)) {
            let r = vm.call(m, &[x])?;
            if vm.is_int_like(r) { return Ok(plain_int(vm, r)); }
            let cls_r = vm.type_of(r);
            if vm.lookup_type(cls_r, vm.n(N::index)).is_none() {
                let tn = vm.type_name(r);
                return Err(vm.new_exc(Exc::TypeError, &format!("__trunc__ returned non-Integral (type {tn})")));
            }
            let b = index_bigint(vm, r)?;
            return Ok(vm.new_bigint(b));
        }
        if is_text_kind(x) { return int_from_text(vm, x, 10); }
    }
    let tn = vm.type_name(x);
    Err(vm.new_exc(Exc::TypeError, &format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
}

/// `int.__new__(cls, x=0, /, base=10)`.
fn int_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("int", args, kwnames);
    let Some(&cls) = p.pos.first() else {
        return Err(vm.new_exc(Exc::TypeError, "int.__new__(): not enough arguments"));
    };
    check_new_cls(vm, cls, Ty::Int)?;
    if cls == vm.ty(Ty::Bool) {
        return Err(vm.new_exc(Exc::TypeError, "int.__new__(bool) is not safe, use bool.__new__()"));
    }
    for &k in p.kwnames {
        let ks = str_ref(k);
        if ks != "base" {
            return Err(vm.new_exc(Exc::TypeError, &format!("'{ks}' is an invalid keyword argument for int()")));
        }
    }
    let given = args.len() - 1;
    if given > 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("int() takes at most 2 arguments ({given} given)")));
    }
    let x = p.pos.get(1).copied();
    let base_arg = p.get(2, "base");
    if p.pos.len() > 2 && p.kw("base").is_some() {
        return Err(vm.new_exc(Exc::TypeError, "argument for int() given by name ('base') and position (2)"));
    }
    let val = match (x, base_arg) {
        (None, None) => Value::small(0),
        (None, Some(_)) => return Err(vm.new_exc(Exc::TypeError, "int() missing string argument")),
        (Some(x), None) => int_of(vm, x)?,
        (Some(x), Some(b)) => {
            let base = index_clamped(vm, b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.new_exc(Exc::ValueError, "int() base must be >= 2 and <= 36, or 0"));
            }
            if !is_text_kind(x) {
                return Err(vm.new_exc(Exc::TypeError, "int() can't convert non-string with explicit base"));
            }
            int_from_text(vm, x, base as u32)?
        }
    };
    if cls == vm.ty(Ty::Int) { return Ok(val); }
    let b = big_of(val);
    Ok(new_int_subclass(vm, cls, b))
}

/// Checks the `cls` argument of `T.__new__(cls, ...)`.
pub(crate) fn check_new_cls(vm: &mut Vm, cls: Value, t: Ty) -> PyResult<()> {
    let tn = t.py_name();
    if !vm.is_class(cls) {
        let got = vm.type_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("{tn}.__new__(X): X is not a type object ({got})")));
    }
    if !vm.is_subclass(cls, vm.ty(t)) {
        let cn = vm.class_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("{tn}.__new__({cn}): {cn} is not a subtype of {tn}")));
    }
    Ok(())
}

/// `bool.__new__(cls, x=False, /)`.
fn bool_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("bool", args, kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "bool() takes no keyword arguments"));
    }
    let Some(&cls) = p.pos.first() else {
        return Err(vm.new_exc(Exc::TypeError, "bool.__new__(): not enough arguments"));
    };
    check_new_cls(vm, cls, Ty::Bool)?;
    match p.pos.len() - 1 {
        0 => Ok(Value::FALSE),
        1 => { let t = vm.truthy(p.pos[1])?; Ok(Value::bool(t)) }
        n => Err(vm.new_exc(Exc::TypeError, &format!("bool expected at most 1 argument, got {n}"))),
    }
}

// ---------------------------------------------------------------------------
// Methods

const INT_METHODS: &[(&str, NativeFn)] = &[
    ("bit_length", |vm, a, k| {
        let v = int_self(vm, a, "bit_length")?;
        no_args(vm, a, k, "int.bit_length")?;
        Ok(vm.new_int(big_of(v).magnitude().bits() as i64))
    }),
    ("bit_count", |vm, a, k| {
        let v = int_self(vm, a, "bit_count")?;
        no_args(vm, a, k, "int.bit_count")?;
        let n: u64 = big_of(v).magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
        Ok(vm.new_int(n as i64))
    }),
    ("conjugate", |vm, a, k| {
        let v = int_self(vm, a, "conjugate")?;
        no_args(vm, a, k, "int.conjugate")?;
        Ok(plain_int(vm, v))
    }),
    ("as_integer_ratio", |vm, a, k| {
        let v = int_self(vm, a, "as_integer_ratio")?;
        no_args(vm, a, k, "int.as_integer_ratio")?;
        let n = plain_int(vm, v);
        Ok(vm.new_tuple(&[n, Value::small(1)]))
    }),
    ("to_bytes", int_to_bytes),
    ("__neg__", |vm, a, k| {
        let v = int_self(vm, a, "__neg__")?;
        wrapper_arity(vm, a, k, "__neg__", 0)?;
        Ok(vm.new_bigint(-big_of(v)))
    }),
    ("__pos__", |vm, a, k| { let v = int_self(vm, a, "__pos__")?; wrapper_arity(vm, a, k, "__pos__", 0)?; Ok(plain_int(vm, v)) }),
    ("__abs__", |vm, a, k| {
        let v = int_self(vm, a, "__abs__")?;
        wrapper_arity(vm, a, k, "__abs__", 0)?;
        Ok(vm.new_bigint(big_of(v).abs()))
    }),
    ("__invert__", |vm, a, k| {
        let v = int_self(vm, a, "__invert__")?;
        wrapper_arity(vm, a, k, "__invert__", 0)?;
        Ok(vm.new_bigint(!big_of(v)))
    }),
    ("__bool__", |vm, a, k| {
        let v = int_self(vm, a, "__bool__")?;
        wrapper_arity(vm, a, k, "__bool__", 0)?;
        Ok(Value::bool(!big_of(v).is_zero()))
    }),
    ("__int__", |vm, a, k| { let v = int_self(vm, a, "__int__")?; wrapper_arity(vm, a, k, "__int__", 0)?; Ok(plain_int(vm, v)) }),
    ("__index__", |vm, a, k| { let v = int_self(vm, a, "__index__")?; wrapper_arity(vm, a, k, "__index__", 0)?; Ok(plain_int(vm, v)) }),
    ("__trunc__", |vm, a, k| { let v = int_self(vm, a, "__trunc__")?; no_args(vm, a, k, "int.__trunc__")?; Ok(plain_int(vm, v)) }),
    ("__floor__", |vm, a, k| { let v = int_self(vm, a, "__floor__")?; no_args(vm, a, k, "int.__floor__")?; Ok(plain_int(vm, v)) }),
    ("__ceil__", |vm, a, k| { let v = int_self(vm, a, "__ceil__")?; no_args(vm, a, k, "int.__ceil__")?; Ok(plain_int(vm, v)) }),
    ("__float__", |vm, a, k| {
        let v = int_self(vm, a, "__float__")?;
        wrapper_arity(vm, a, k, "__float__", 0)?;
        let f = vm.big_to_f64(&big_of(v))?;
        Ok(vm.new_float(f))
    }),
    ("__round__", int_round),
    ("__hash__", |vm, a, k| {
        let v = int_self(vm, a, "__hash__")?;
        wrapper_arity(vm, a, k, "__hash__", 0)?;
        let h = numeric::hash_bigint(&big_of(v));
        Ok(vm.new_int(h))
    }),
    ("__repr__", |vm, a, k| {
        let v = int_self(vm, a, "__repr__")?;
        wrapper_arity(vm, a, k, "__repr__", 0)?;
        let s = int_to_decimal(vm, &big_of(v))?;
        Ok(vm.new_str(&s))
    }),
    ("__format__", |vm, a, k| {
        let v = int_self(vm, a, "__format__")?;
        format_number(vm, a, k, v, "int")
    }),
    ("__divmod__", |vm, a, k| int_divmod(vm, a, k, false)),
    ("__rdivmod__", |vm, a, k| int_divmod(vm, a, k, true)),
    ("__getnewargs__", |vm, a, k| {
        let v = int_self(vm, a, "__getnewargs__")?;
        no_args(vm, a, k, "int.__getnewargs__")?;
        let n = plain_int(vm, v);
        Ok(vm.new_tuple(&[n]))
    }),
];

/// `__format__(spec)` of an int or float `v` (shared with float.rs).
pub(crate) fn format_number(vm: &mut Vm, a: &[Value], k: Value, v: Value, tyname: &str) -> PyResult {
    if (!k.is_null() && !tuple_slice(k).is_empty()) || a.len() != 2 {
        let n = a.len().saturating_sub(1);
        return Err(vm.new_exc(Exc::TypeError, &format!("{tyname}.__format__() takes exactly one argument ({n} given)")));
    }
    let spec = a[1];
    if !vm.is_str(spec) {
        let tn = vm.type_name(spec);
        return Err(vm.new_exc(Exc::TypeError, &format!("__format__() argument must be str, not {tn}")));
    }
    // An empty spec means str(self), which a subclass may override.
    if str_ref(spec).is_empty() { return vm.to_str(v); }
    let plain = if v.is_ref() && vm.is_heap_class(cls_of(v)) {
        match kind_of(v) {
            Kind::Float => vm.new_float(float_val(v)),
            _ => plain_int(vm, v),
        }
    } else { v };
    let spec_s = str_ref(spec).to_string();
    match crate::types::fmtspec::format_builtin(vm, plain, &spec_s)? {
        Some(s) => Ok(vm.new_str(&s)),
        None => vm.to_str(v),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = int_self(vm, args, "to_bytes")?;
    let p = ArgParser::new("to_bytes", args, kwnames);
    for &k in p.kwnames {
        let ks = str_ref(k);
        if !["length", "byteorder", "signed"].contains(&ks) {
            return Err(vm.new_exc(Exc::TypeError, &format!("'{ks}' is an invalid keyword argument for to_bytes()")));
        }
    }
    if p.pos.len() > 3 {
        return Err(vm.new_exc(Exc::TypeError, &format!("to_bytes() takes at most 2 positional arguments ({} given)", p.pos.len() - 1)));
    }
    let length = match p.get(1, "length") { Some(l) => index_clamped(vm, l)?, None => 1 };
    if length < 0 {
        return Err(vm.new_exc(Exc::ValueError, "length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, p.get(2, "byteorder"), "to_bytes")?;
    let signed = match p.kw("signed") { Some(s) => vm.truthy(s)?, None => false };
    let x = big_of(v);
    if !signed && x.is_negative() {
        return Err(vm.new_exc(Exc::OverflowError, "can't convert negative int to unsigned"));
    }
    // -1 fits in zero bytes as CPython sees it: the sign extension of nothing.
    let needed_bits = if x.is_zero() || (signed && x == BigInt::from(-1)) { 0 } else if signed {
        (if x.is_negative() { !&x } else { x.clone() }).bits() + 1
    } else { x.bits() };
    let length = length as u64;
    if needed_bits > length.saturating_mul(8) {
        return Err(vm.new_exc(Exc::OverflowError, "int too big to convert"));
    }
    if length > (1 << 34) { return Err(vm.new_exc(Exc::MemoryError, "")); }
    let unsigned = if x.is_negative() { x + (BigInt::one() << (8 * length as usize)) } else { x };
    let (_, mag) = unsigned.to_bytes_be();
    let mag: &[u8] = if unsigned.is_zero() { &[] } else { &mag };
    let mut out = vec![0u8; length as usize - mag.len()];
    out.extend_from_slice(mag);
    if little { out.reverse(); }
    Ok(vm.new_bytes(&out))
}

/// The `byteorder` argument of to_bytes/from_bytes: true for 'little'.
fn byteorder_arg(vm: &mut Vm, v: Option<Value>, fname: &str) -> PyResult<bool> {
    let Some(v) = v else { return Ok(false) };
    if !vm.is_str(v) {
        let tn = vm.type_name(v);
        return Err(vm.new_exc(Exc::TypeError, &format!("{fname}() argument 'byteorder' must be str, not {tn}")));
    }
    match str_ref(v) {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.new_exc(Exc::ValueError, "byteorder must be either 'little' or 'big'")),
    }
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a classmethod).
fn int_from_bytes(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("from_bytes", args, kwnames);
    let cls = p.pos[0];
    for &k in p.kwnames {
        let ks = str_ref(k);
        if !["bytes", "byteorder", "signed"].contains(&ks) {
            return Err(vm.new_exc(Exc::TypeError, &format!("'{ks}' is an invalid keyword argument for from_bytes()")));
        }
    }
    if p.pos.len() > 3 {
        return Err(vm.new_exc(Exc::TypeError, &format!("from_bytes() takes at most 2 positional arguments ({} given)", p.pos.len() - 1)));
    }
    let Some(src) = p.get(1, "bytes") else {
        return Err(vm.new_exc(Exc::TypeError, "from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, p.get(2, "byteorder"), "from_bytes")?;
    let signed = match p.kw("signed") { Some(s) => vm.truthy(s)?, None => false };
    let mut data = bytes_of(vm, src)?;
    if little { data.reverse(); }
    let val = if signed { BigInt::from_signed_bytes_be(&data) } else { BigInt::from_bytes_be(Sign::Plus, &data) };
    let r = vm.new_bigint(val);
    if cls == vm.ty(Ty::Int) { return Ok(r); }
    vm.call(cls, &[r])
}

/// `bytes(src)` for from_bytes: bytes-like objects, `__bytes__`, or an
/// iterable of ints in range(256); str and int are refused.
fn bytes_of(vm: &mut Vm, src: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.buffer_bytes(src) { return Ok(b.to_vec()); }
    let cls = vm.type_of(src);
    if let Some(m) = vm.lookup_type(cls, vm.n(crate::names::N::bytes)) {
        let r = vm.call(m, &[src])?;
        if r.is_ref() && kind_of(r) == Kind::Bytes { return Ok(bytes_slice(r).to_vec()); }
        let tn = vm.type_name(r);
        return Err(vm.new_exc(Exc::TypeError, &format!("__bytes__ returned non-bytes (type {tn})")));
    }
    if vm.is_str(src) || vm.is_int_like(src) {
        let tn = vm.type_name(src);
        return Err(vm.new_exc(Exc::TypeError, &format!("cannot convert '{tn}' object to bytes")));
    }
    let it = match vm.get_iter(src) {
        Ok(it) => it,
        Err(e) if vm.exc_matches(e, Exc::TypeError) => {
            let tn = vm.type_name(src);
            return Err(vm.new_exc(Exc::TypeError, &format!("cannot convert '{tn}' object to bytes")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.next(it)? {
        let b = index_bigint(vm, x)?;
        match b.to_u8() {
            Some(byte) => out.push(byte),
            None => return Err(vm.new_exc(Exc::ValueError, "bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

/// `int.__round__(ndigits=None)`: ints round to themselves unless ndigits is
/// negative, then to a multiple of 10**-ndigits, ties to even.
fn int_round(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = int_self(vm, args, "__round__")?;
    at_most(vm, args, kwnames, "__round__", 1)?;
    let Some(&nd) = args.get(1) else { return Ok(plain_int(vm, v)) };
    let nd = index_clamped(vm, nd)?;
    if nd >= 0 { return Ok(plain_int(vm, v)); }
    let x = big_of(v);
    let k = nd.unsigned_abs();
    // 10**k > 2*|x| once k exceeds the digit count by one: the result is 0.
    if k > x.bits() * 30103 / 100000 + 2 { return Ok(Value::small(0)); }
    let pow = num_traits::pow(BigInt::from(10), k as usize);
    let q = round_half_even_div(&x, &pow);
    Ok(vm.new_bigint(q * pow))
}

/// `round(n / d)` with ties to even, for `d > 0`.
pub(crate) fn round_half_even_div(n: &BigInt, d: &BigInt) -> BigInt {
    let (mut q, r) = n.div_mod_floor(d);
    let twice: BigInt = r << 1usize;
    if twice > *d || (twice == *d && q.is_odd()) { q += 1; }
    q
}

fn int_divmod(vm: &mut Vm, args: &[Value], kwnames: Value, reflected: bool) -> PyResult {
    let v = int_self(vm, args, if reflected { "__rdivmod__" } else { "__divmod__" })?;
    wrapper_arity(vm, args, kwnames, if reflected { "__rdivmod__" } else { "__divmod__" }, 1)?;
    let o = args[1];
    if !vm.is_int_like(o) { return Ok(Value::NOT_IMPLEMENTED); }
    let (x, y) = if reflected { (o, v) } else { (v, o) };
    let (bx, by) = (big_of(x), big_of(y));
    if by.is_zero() {
        return Err(vm.new_exc(Exc::ZeroDivisionError, "integer division or modulo by zero"));
    }
    let (q, r) = bx.div_mod_floor(&by);
    let (q, r) = (vm.new_bigint(q), vm.new_bigint(r));
    Ok(vm.new_tuple(&[q, r]))
}

// ---------------------------------------------------------------------------
// Binary operators

fn int_binop(vm: &mut Vm, args: &[Value], kwnames: Value, op: BinOp, reflected: bool) -> PyResult {
    let (name, rname, _) = op.dunders();
    let v = int_self(vm, args, if reflected { rname } else { name })?;
    if op == BinOp::Pow {
        if let Some(m) = pow_arity(vm, args, kwnames, if reflected { rname } else { name })? {
            let o = args[1];
            if !vm.is_int_like(o) || !vm.is_int_like(m) { return Ok(Value::NOT_IMPLEMENTED); }
            let (b, e) = if reflected { (o, v) } else { (v, o) };
            return int_pow_mod(vm, &big_of(b), &big_of(e), &big_of(m));
        }
    } else {
        wrapper_arity(vm, args, kwnames, if reflected { rname } else { name }, 1)?;
    }
    let o = args[1];
    if !vm.is_int_like(o) { return Ok(Value::NOT_IMPLEMENTED); }
    let (x, y) = if reflected { (o, v) } else { (v, o) };
    Ok(vm.builtin_binop(x, y, op, false)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

/// Arity check of `__pow__`/`__rpow__(other, mod=None)`; the modulus when one is given.
pub(crate) fn pow_arity(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<Option<Value>> {
    if !kwnames.is_null() && !tuple_slice(kwnames).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("wrapper {name}() takes no keyword arguments")));
    }
    let got = args.len().saturating_sub(1);
    if got == 0 { return Err(vm.new_exc(Exc::TypeError, " expected at least 1 argument, got 0")); }
    if got > 2 { return Err(vm.new_exc(Exc::TypeError, &format!(" expected at most 2 arguments, got {got}"))); }
    Ok(args.get(2).copied().filter(|&m| m != Value::NONE))
}

/// `pow(b, e, m)` for ints, with CPython's errors.
pub fn int_pow_mod(vm: &mut Vm, b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.new_exc(Exc::ValueError, "pow() 3rd argument cannot be 0"));
    }
    if m.abs().is_one() { return Ok(Value::small(0)); }
    let r = if e.is_negative() {
        let inv = b.mod_floor(&m.abs()).modinv(&m.abs())
            .ok_or_else(|| vm.new_exc(Exc::ValueError, "base is not invertible for the given modulus"))?;
        inv.modpow(&-e, m)
    } else {
        b.modpow(e, m)
    };
    Ok(vm.new_bigint(r))
}

macro_rules! binop_table {
    ($table:ident, $imp:ident; $($f:ident, $rf:ident, $op:ident, $name:literal, $rname:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { $imp(vm, a, k, BinOp::$op, false) }
            fn $rf(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { $imp(vm, a, k, BinOp::$op, true) }
        )*
        /// (name, method, reflected name, reflected method) for each operator.
        const $table: &[(&str, NativeFn, &str, NativeFn)] = &[ $( ($name, $f, $rname, $rf), )* ];
    };
}
pub(crate) use binop_table;

binop_table! { INT_BINOPS, int_binop;
    int_add, int_radd, Add, "__add__", "__radd__";
    int_sub, int_rsub, Sub, "__sub__", "__rsub__";
    int_mul, int_rmul, Mul, "__mul__", "__rmul__";
    int_truediv, int_rtruediv, TrueDiv, "__truediv__", "__rtruediv__";
    int_floordiv, int_rfloordiv, FloorDiv, "__floordiv__", "__rfloordiv__";
    int_mod, int_rmod, Mod, "__mod__", "__rmod__";
    int_pow, int_rpow, Pow, "__pow__", "__rpow__";
    int_lshift, int_rlshift, LShift, "__lshift__", "__rlshift__";
    int_rshift, int_rrshift, RShift, "__rshift__", "__rrshift__";
    int_and, int_rand, And, "__and__", "__rand__";
    int_or, int_ror, Or, "__or__", "__ror__";
    int_xor, int_rxor, Xor, "__xor__", "__rxor__";
}

/// bool's `&`, `|`, `^`: a bool when both operands are bools, else int's.
fn bool_bitop(vm: &mut Vm, args: &[Value], kwnames: Value, op: BinOp, reflected: bool) -> PyResult {
    if args.len() == 2 && args[0].is_bool() && args[1].is_bool() && (kwnames.is_null() || tuple_slice(kwnames).is_empty()) {
        let (x, y) = (args[0] == Value::TRUE, args[1] == Value::TRUE);
        return Ok(Value::bool(match op { BinOp::And => x & y, BinOp::Or => x | y, _ => x ^ y }));
    }
    int_binop(vm, args, kwnames, op, reflected)
}

binop_table! { BOOL_BITOPS, bool_bitop;
    bool_and, bool_rand, And, "__and__", "__rand__";
    bool_or, bool_ror, Or, "__or__", "__ror__";
    bool_xor, bool_rxor, Xor, "__xor__", "__rxor__";
}

// ---------------------------------------------------------------------------
// Comparisons

fn int_compare(vm: &mut Vm, args: &[Value], kwnames: Value, op: CmpOp) -> PyResult {
    let v = int_self(vm, args, op.dunders().0)?;
    wrapper_arity(vm, args, kwnames, op.dunders().0, 1)?;
    let o = args[1];
    if !vm.is_int_like(o) { return Ok(Value::NOT_IMPLEMENTED); }
    let (Some(x), Some(y)) = (vm.as_num(v), vm.as_num(o)) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(Value::bool(crate::ops::num_compare(&x, &y, op)))
}

macro_rules! compare_table {
    ($table:ident, $imp:ident; $($f:ident, $op:ident, $name:literal;)*) => {
        $( fn $f(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { $imp(vm, a, k, CmpOp::$op) } )*
        const $table: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}
pub(crate) use compare_table;

compare_table! { INT_COMPARE, int_compare;
    int_lt, Lt, "__lt__"; int_le, Le, "__le__"; int_eq, Eq, "__eq__";
    int_ne, Ne, "__ne__"; int_gt, Gt, "__gt__"; int_ge, Ge, "__ge__";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, base: u32) -> Option<String> {
        parse_int_text(text, base).ok().map(|b| b.to_string())
    }

    #[test]
    fn parse_int_text_follows_python_grammar() {
        let cases: &[(&str, u32, Option<&str>)] = &[
            ("123", 10, Some("123")), ("-0", 10, Some("0")), ("+7", 10, Some("7")), ("1_000", 10, Some("1000")),
            ("ff", 16, Some("255")), ("0xff", 16, Some("255")), ("0x_1f", 16, Some("31")), ("0xff", 0, Some("255")),
            ("0o17", 0, Some("15")), ("0b101", 0, Some("5")), ("00", 0, Some("0")), ("0_0", 0, Some("0")),
            ("z", 36, Some("35")), ("-99999999999999999999", 10, Some("-99999999999999999999")),
            ("010", 0, None), ("0_1", 0, None), ("_1", 10, None), ("1_", 10, None), ("1__0", 10, None),
            ("0x", 16, None), ("0x__1", 16, None), ("9", 8, None), ("0x10", 10, None), ("1.5", 10, None),
            ("", 10, None), ("12a", 10, None),
        ];
        for &(text, base, want) in cases {
            assert_eq!(parse(text, base).as_deref(), want, "int({text:?}, {base})");
        }
        assert!(matches!(parse_int_text(&"1".repeat(4301), 10), Err(IntParseError::TooLong(4301))));
        assert!(parse_int_text(&"1".repeat(5000), 16).is_ok());
    }

    #[test]
    fn numeric_ascii_maps_unicode_digits_and_spaces() {
        assert_eq!(numeric_ascii("\u{a0}١٢٣\u{2003}").as_deref(), Some("123"));
        assert_eq!(numeric_ascii("１２").as_deref(), Some("12"));
        assert_eq!(numeric_ascii("1\u{1c}"), Some("1".to_string()));
        assert_eq!(numeric_ascii("½"), None);
    }

    #[test]
    fn round_half_even_div_breaks_ties_to_even() {
        let r = |n: i64, d: i64| round_half_even_div(&BigInt::from(n), &BigInt::from(d)).to_i64().unwrap();
        assert_eq!((r(25, 10), r(15, 10), r(-25, 10), r(26, 10), r(-26, 10), r(149, 100)), (2, 2, -2, 3, -3, 1));
    }
}
