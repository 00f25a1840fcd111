//! Methods of the builtin `float` class: construction (`float(x)` from
//! numbers, strings and objects with `__float__`/`__index__`), the numeric
//! dunders callable explicitly from Python, correctly rounded `round(x, n)`,
//! `hex`/`fromhex`, `as_integer_ratio`, and the attributes `real` and `imag`.
//!
//! As with int, operators written in source never come here for builtin
//! operands (`Vm::binary_op` computes them); these methods serve explicit
//! calls, `super()` and Python subclasses. Instances of a float subclass are
//! Float objects whose class is the subclass.
//!
//! Exactness: everything that turns an exact binary or decimal value into a
//! double (`round`, `fromhex`, `math.ldexp`) goes through [`ldexp_exact`] or
//! Rust's correctly rounded decimal parser, so results match CPython's
//! `dtoa.c` bit for bit.

use crate::bytecode::{BinOp, CmpOp};
use crate::call::ArgParser;
use crate::heap::*;
use crate::names::N;
use crate::numeric::{self, Num};
use crate::types::int::{
    at_most, binop_table, check_new_cls, compare_table, descr_missing_self, descr_type_error, format_number, index_clamped,
    no_args, numeric_ascii, pow_arity, round_half_even_div, wrapper_arity,
};
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyResult, Ty, Vm};
use num_bigint::{BigInt, BigUint};
use num_traits::{ToPrimitive, Zero};

pub fn init(vm: &mut Vm) {
    let float = vm.ty(Ty::Float);
    vm.add_static(float, "__new__", float_new, false);
    vm.add_static(float, "fromhex", float_fromhex, true);
    vm.add_static(float, "__getformat__", |vm, a, k| {
        let p = ArgParser::new("__getformat__", a, k);
        if p.pos.len() != 2 || !p.kwnames.is_empty() {
            let n = a.len().saturating_sub(1);
            return Err(vm.new_exc(Exc::TypeError, &format!("float.__getformat__() takes exactly one argument ({n} given)")));
        }
        let t = p.pos[1];
        if !vm.is_str(t) {
            let tn = vm.type_name(t);
            return Err(vm.new_exc(Exc::TypeError, &format!("__getformat__() argument must be str, not {tn}")));
        }
        match str_ref(t) {
            "double" | "float" => Ok(vm.new_str("IEEE, little-endian")),
            _ => Err(vm.new_exc(Exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'")),
        }
    }, true);
    for &(name, f) in FLOAT_METHODS { vm.add_ty_method(Ty::Float, name, f); }
    for &(name, f, rname, rf) in FLOAT_BINOPS {
        vm.add_ty_method(Ty::Float, name, f);
        vm.add_ty_method(Ty::Float, rname, rf);
    }
    for &(name, f) in FLOAT_COMPARE { vm.add_ty_method(Ty::Float, name, f); }
    crate::types::int::add_property(vm, float, "real", |vm, a, _k| {
        let x = float_self(vm, a, "real")?;
        Ok(vm.new_float(x))
    });
    crate::types::int::add_property(vm, float, "imag", |vm, a, _k| {
        float_self(vm, a, "imag")?;
        Ok(vm.new_float(0.0))
    });
}

/// The value of `self` for a float method (floats and float subclasses).
fn float_self(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<f64> {
    match a.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::Float => Ok(float_val(v)),
        Some(&v) => Err(descr_type_error(vm, name, "float", v)),
        None => Err(descr_missing_self(vm, name, "float")),
    }
}

fn is_float(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Float }

// ---------------------------------------------------------------------------
// Conversions

/// The int of an integral float: OverflowError for infinities, ValueError
/// for NaN, as `int(x)` raises them.
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() { return Err(vm.new_exc(Exc::ValueError, "cannot convert float NaN to integer")); }
    if f.is_infinite() { return Err(vm.new_exc(Exc::OverflowError, "cannot convert float infinity to integer")); }
    if f.abs() < 4e18 { return Ok(vm.new_int(f as i64)); }
    let b = num_traits::FromPrimitive::from_f64(f).unwrap_or_else(BigInt::zero);
    Ok(vm.new_bigint(b))
}

/// CPython's `PyFloat_AsDouble`: floats (and subclasses) directly, ints
/// exactly rounded, then `__float__` and `__index__`; TypeError
/// "must be real number, not X" otherwise.
pub fn as_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if is_float(v) { return Ok(float_val(v)); }
    if let Some(n) = vm.as_num(v) {
        return match n { Num::Int(i) => Ok(i as f64), Num::Big(b) => vm.big_to_f64(&b), Num::Float(f) => Ok(f) };
    }
    match float_dunders(vm, v)? {
        Some(f) => Ok(f),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("must be real number, not {tn}")))
        }
    }
}

/// `__float__`, then `__index__`, of an object; None when it has neither.
fn float_dunders(vm: &mut Vm, v: Value) -> PyResult<Option<f64>> {
    let cls = vm.type_of(v);
    if let Some(m) = vm.lookup_type(cls, vm.n(N::float_)) {
        let r = vm.call(m, &[v])?;
        if is_float(r) { return Ok(Some(float_val(r))); }
        let (tn, rn) = (vm.type_name(v), vm.type_name(r));
        return Err(vm.new_exc(Exc::TypeError, &format!("{tn}.__float__ returned non-float (type {rn})")));
    }
    if vm.lookup_type(cls, vm.n(N::index)).is_some() {
        let b = crate::types::int::index_bigint(vm, v)?;
        return vm.big_to_f64(&b).map(Some);
    }
    Ok(None)
}

/// `float(x)`: CPython's `PyNumber_Float`.
pub fn float_of(vm: &mut Vm, x: Value) -> PyResult<f64> {
    let heap = x.is_ref() && vm.is_heap_class(cls_of(x));
    if !heap {
        if let Some(n) = vm.as_num(x) {
            return match n { Num::Int(i) => Ok(i as f64), Num::Big(b) => vm.big_to_f64(&b), Num::Float(f) => Ok(f) };
        }
    } else if let Some(f) = float_dunders(vm, x)? {
        return Ok(f);
    }
    if x.is_ref() && matches!(kind_of(x), Kind::Str | Kind::Bytes | Kind::ByteArray) {
        return float_from_text(vm, x);
    }
    let tn = vm.type_name(x);
    Err(vm.new_exc(Exc::TypeError, &format!("float() argument must be a string or a real number, not '{tn}'")))
}

fn float_from_text(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let text = match kind_of(v) {
        Kind::Str => numeric_ascii(str_ref(v)),
        _ => {
            let raw = vm.bytes_like(v).unwrap_or_default();
            std::str::from_utf8(&raw).ok().filter(|s| s.is_ascii()).and_then(numeric_ascii)
        }
    };
    if let Some(f) = text.as_deref().and_then(parse_float_text) { return Ok(f); }
    let r = vm.repr_string(v)?;
    Err(vm.new_exc(Exc::ValueError, &format!("could not convert string to float: {r}")))
}

/// Parses trimmed ASCII float text as `float()` does: an optional sign, then
/// `inf`, `infinity` or `nan` in any case, or a decimal number whose digit
/// groups may contain single underscores between digits.
pub fn parse_float_text(t: &str) -> Option<f64> {
    let b = t.as_bytes();
    let (neg, body) = match b.first() { Some(b'-') => (true, &t[1..]), Some(b'+') => (false, &t[1..]), _ => (false, t) };
    let special = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(f) = special { return Some(if neg { -f } else { f }); }
    let bb = body.as_bytes();
    let mut clean = String::with_capacity(bb.len() + 1);
    if neg { clean.push('-'); }
    let mut i = 0;
    // One group of digits with single underscores between them; returns its digit count.
    let digits = |i: &mut usize, clean: &mut String| -> Option<usize> {
        let mut n = 0;
        while *i < bb.len() {
            let c = bb[*i];
            if c.is_ascii_digit() {
                clean.push(c as char);
                n += 1;
                *i += 1;
            } else if c == b'_' && n > 0 && bb.get(*i + 1).is_some_and(|d| d.is_ascii_digit()) {
                *i += 1;
            } else if c == b'_' {
                return None;
            } else {
                break;
            }
        }
        Some(n)
    };
    let int_digits = digits(&mut i, &mut clean)?;
    let mut frac_digits = 0;
    if bb.get(i) == Some(&b'.') {
        clean.push('.');
        i += 1;
        frac_digits = digits(&mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 { return None; }
    if matches!(bb.get(i), Some(b'e' | b'E')) {
        clean.push('e');
        i += 1;
        if let Some(&s @ (b'+' | b'-')) = bb.get(i) { clean.push(s as char); i += 1; }
        if digits(&mut i, &mut clean)? == 0 { return None; }
    }
    if i != bb.len() { return None; }
    clean.parse::<f64>().ok()
}

/// Splits a finite `x` into an integer mantissa and a power of two:
/// `|x| == m * 2**e` with `m < 2**53`.
pub fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) }
}

/// `2**k` for `-1074 <= k <= 1023`, exactly.
fn pow2(k: i64) -> f64 {
    if k >= -1022 { f64::from_bits(((k + 1023) as u64) << 52) } else { f64::from_bits(1u64 << (k + 1074)) }
}

/// `m * 2**e` correctly rounded to a double (ties to even), including
/// subnormal results; infinity when it overflows.
pub fn ldexp_exact(m: &BigUint, e: i64) -> f64 {
    if m.is_zero() { return 0.0; }
    let nbits = m.bits() as i64;
    let top = nbits.saturating_add(e);
    if top > 1024 { return f64::INFINITY; }
    if top < -1080 { return 0.0; }
    let lsb = (top - 53).max(-1074);
    let shift = lsb - e;
    let q = if shift <= 0 {
        (m << (-shift) as usize).to_u64().unwrap_or(u64::MAX)
    } else {
        let s = shift as u64;
        let mut q = (m >> s as usize).to_u64().unwrap_or(u64::MAX);
        let half = m.bit(s - 1);
        let rest = m.trailing_zeros().is_some_and(|tz| tz < s - 1);
        if half && (rest || q & 1 == 1) { q += 1; }
        q
    };
    (q as f64) * pow2(lsb)
}

// ---------------------------------------------------------------------------
// Construction

/// `float.__new__(cls, x=0.0, /)`.
fn float_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("float", args, kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, "float() takes no keyword arguments"));
    }
    let Some(&cls) = p.pos.first() else {
        return Err(vm.new_exc(Exc::TypeError, "float.__new__(): not enough arguments"));
    };
    check_new_cls(vm, cls, Ty::Float)?;
    let n = p.pos.len() - 1;
    if n > 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("float expected at most 1 argument, got {n}")));
    }
    let x = p.pos.get(1).copied();
    if cls == vm.ty(Ty::Float) {
        if let Some(x) = x {
            if is_float(x) && cls_of(x) == cls { return Ok(x); }
        }
    }
    let f = match x { Some(x) => float_of(vm, x)?, None => 0.0 };
    new_float_of_class(vm, cls, f)
}

/// A float of class `cls` (float itself or a subclass).
fn new_float_of_class(vm: &mut Vm, cls: Value, f: f64) -> PyResult {
    let v = vm.new_float(f);
    if cls != vm.ty(Ty::Float) { set_field!(v, ObjHead, cls, cls); }
    Ok(v)
}

/// `float.fromhex(s)` (a classmethod).
fn float_fromhex(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("fromhex", args, kwnames);
    if p.pos.len() != 2 || !p.kwnames.is_empty() {
        let n = args.len().saturating_sub(1);
        return Err(vm.new_exc(Exc::TypeError, &format!("float.fromhex() takes exactly one argument ({n} given)")));
    }
    let (cls, s) = (p.pos[0], p.pos[1]);
    if !vm.is_str(s) {
        return Err(vm.new_exc(Exc::TypeError, "bad argument type for built-in operation"));
    }
    let f = match parse_hex_float(str_ref(s)) {
        Ok(f) => f,
        Err(true) => return Err(vm.new_exc(Exc::OverflowError, "hexadecimal value too large to represent as a float")),
        Err(false) => return Err(vm.new_exc(Exc::ValueError, "invalid hexadecimal floating-point string")),
    };
    let r = vm.new_float(f);
    if cls == vm.ty(Ty::Float) { return Ok(r); }
    vm.call(cls, &[r])
}

/// Parses `float.fromhex` text; `Err(true)` on overflow, `Err(false)` when invalid.
fn parse_hex_float(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
    let (neg, body) = match t.as_bytes().first() { Some(b'-') => (true, &t[1..]), Some(b'+') => (false, &t[1..]), _ => (false, t) };
    let sign = |f: f64| if neg { -f } else { f };
    match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(sign(f64::INFINITY)),
        "nan" => return Ok(sign(f64::NAN)),
        _ => {}
    }
    let b = body.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && (b[1] == b'x' || b[1] == b'X') { i = 2; }
    let mut digits: Vec<u8> = Vec::new();
    let mut nfrac: i64 = 0;
    while i < b.len() && b[i].is_ascii_hexdigit() { digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8); i += 1; }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_hexdigit() {
            digits.push((b[i] as char).to_digit(16).unwrap_or(0) as u8);
            nfrac += 1;
            i += 1;
        }
    }
    if digits.is_empty() { return Err(false); }
    let mut exp: i64 = 0;
    if i < b.len() && (b[i] == b'p' || b[i] == b'P') {
        i += 1;
        let eneg = match b.get(i) { Some(b'-') => { i += 1; true } Some(b'+') => { i += 1; false } _ => false };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = (exp * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start { return Err(false); }
        if eneg { exp = -exp; }
    }
    if i != b.len() { return Err(false); }
    let m = BigUint::from_radix_be(&digits, 16).ok_or(false)?;
    let f = ldexp_exact(&m, exp - 4 * nfrac);
    if f.is_infinite() { return Err(true); }
    Ok(sign(f))
}

/// `float.hex()` in CPython's layout: `0x1.8000000000000p+1`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() { return "nan".into(); }
    if x.is_infinite() { return if x > 0.0 { "inf".into() } else { "-inf".into() }; }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 { return format!("{sign}0x0.0p+0"); }
    let (m, e) = decompose(x);
    let (lead, frac, exp) = if m >> 52 == 1 { (1, m & ((1 << 52) - 1), e + 52) } else { (0, m, -1022) };
    let es = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{es}{}", exp.abs())
}

// ---------------------------------------------------------------------------
// Rounding

/// `round(x, ndigits)` for finite non-zero `x`: the exact decimal value of
/// `x` rounded to `ndigits` digits after the point (ties to even), then
/// correctly rounded back to a double. None when the result overflows.
pub fn round_decimal(x: f64, ndigits: i64) -> Option<f64> {
    let (m, e) = decompose(x.abs());
    // Common case without big integers: m * 10**ndigits / 2**-e in 128 bits.
    if (0..=22).contains(&ndigits) && (-127..=0).contains(&e) {
        let num = m as u128 * 10u128.pow(ndigits as u32);
        let s = (-e) as u32;
        let mut q = if s == 0 { num } else { num >> s };
        if s > 0 {
            let rem = num & ((1u128 << s) - 1);
            let half = 1u128 << (s - 1);
            if rem > half || (rem == half && q & 1 == 1) { q += 1; }
        }
        let r: f64 = format!("{q}e-{ndigits}").parse().ok()?;
        return Some(r.copysign(x));
    }
    let mut num = BigInt::from(m);
    let mut den = BigInt::from(1);
    let p10 = num_traits::pow(BigInt::from(10), ndigits.unsigned_abs() as usize);
    if ndigits >= 0 { num *= p10; } else { den *= p10; }
    if e >= 0 { num <<= e as usize; } else { den <<= (-e) as usize; }
    let q = round_half_even_div(&num, &den);
    let r: f64 = format!("{q}e{}", -ndigits).parse().ok()?;
    if r.is_infinite() { return None; }
    Some(r.copysign(x))
}

fn float_round(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let x = float_self(vm, args, "__round__")?;
    at_most(vm, args, kwnames, "__round__", 1)?;
    let nd = match args.get(1) { Some(&v) if v != Value::NONE => v, _ => return float_to_int(vm, x.round_ties_even()) };
    let nd = index_clamped(vm, nd)?;
    // Beyond these, every double is already rounded (or rounds to zero).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    let r = if !x.is_finite() || x == 0.0 || nd > NDIGITS_MAX {
        x
    } else if nd < NDIGITS_MIN {
        0.0f64.copysign(x)
    } else {
        match round_decimal(x, nd) {
            Some(r) => r,
            None => return Err(vm.new_exc(Exc::OverflowError, "rounded value too large to represent")),
        }
    };
    Ok(vm.new_float(r))
}

// ---------------------------------------------------------------------------
// Methods

const FLOAT_METHODS: &[(&str, NativeFn)] = &[
    ("is_integer", |vm, a, k| {
        let x = float_self(vm, a, "is_integer")?;
        no_args(vm, a, k, "float.is_integer")?;
        Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
    }),
    ("as_integer_ratio", |vm, a, k| {
        let x = float_self(vm, a, "as_integer_ratio")?;
        no_args(vm, a, k, "float.as_integer_ratio")?;
        if x.is_infinite() { return Err(vm.new_exc(Exc::OverflowError, "cannot convert Infinity to integer ratio")); }
        if x.is_nan() { return Err(vm.new_exc(Exc::ValueError, "cannot convert NaN to integer ratio")); }
        let (mut m, mut e) = decompose(x);
        if m != 0 {
            let tz = m.trailing_zeros() as i32;
            m >>= tz;
            e += tz;
        } else {
            e = 0;
        }
        let mut n = BigInt::from(m);
        if x < 0.0 { n = -n; }
        let mut d = BigInt::from(1);
        if e >= 0 { n <<= e as usize; } else { d <<= (-e) as usize; }
        let (n, d) = (vm.new_bigint(n), vm.new_bigint(d));
        Ok(vm.new_tuple(&[n, d]))
    }),
    ("hex", |vm, a, k| {
        let x = float_self(vm, a, "hex")?;
        no_args(vm, a, k, "float.hex")?;
        Ok(vm.new_str(&float_hex(x)))
    }),
    ("conjugate", |vm, a, k| {
        let x = float_self(vm, a, "conjugate")?;
        no_args(vm, a, k, "float.conjugate")?;
        Ok(vm.new_float(x))
    }),
    ("__neg__", |vm, a, k| { let x = float_self(vm, a, "__neg__")?; wrapper_arity(vm, a, k, "__neg__", 0)?; Ok(vm.new_float(-x)) }),
    ("__pos__", |vm, a, k| { let x = float_self(vm, a, "__pos__")?; wrapper_arity(vm, a, k, "__pos__", 0)?; Ok(vm.new_float(x)) }),
    ("__abs__", |vm, a, k| { let x = float_self(vm, a, "__abs__")?; wrapper_arity(vm, a, k, "__abs__", 0)?; Ok(vm.new_float(x.abs())) }),
    ("__bool__", |vm, a, k| { let x = float_self(vm, a, "__bool__")?; wrapper_arity(vm, a, k, "__bool__", 0)?; Ok(Value::bool(x != 0.0)) }),
    ("__float__", |vm, a, k| {
        float_self(vm, a, "__float__")?;
        wrapper_arity(vm, a, k, "__float__", 0)?;
        if cls_of(a[0]) == vm.ty(Ty::Float) { return Ok(a[0]); }
        Ok(vm.new_float(float_val(a[0])))
    }),
    ("__int__", |vm, a, k| { let x = float_self(vm, a, "__int__")?; wrapper_arity(vm, a, k, "__int__", 0)?; float_to_int(vm, x.trunc()) }),
    ("__trunc__", |vm, a, k| { let x = float_self(vm, a, "__trunc__")?; no_args(vm, a, k, "float.__trunc__")?; float_to_int(vm, x.trunc()) }),
    ("__floor__", |vm, a, k| { let x = float_self(vm, a, "__floor__")?; no_args(vm, a, k, "float.__floor__")?; float_to_int(vm, x.floor()) }),
    ("__ceil__", |vm, a, k| { let x = float_self(vm, a, "__ceil__")?; no_args(vm, a, k, "float.__ceil__")?; float_to_int(vm, x.ceil()) }),
    ("__round__", float_round),
    ("__hash__", |vm, a, k| {
        let x = float_self(vm, a, "__hash__")?;
        wrapper_arity(vm, a, k, "__hash__", 0)?;
        Ok(vm.new_int(numeric::hash_f64(x)))
    }),
    ("__repr__", |vm, a, k| {
        let x = float_self(vm, a, "__repr__")?;
        wrapper_arity(vm, a, k, "__repr__", 0)?;
        Ok(vm.new_str(&numeric::float_repr(x)))
    }),
    ("__format__", |vm, a, k| {
        float_self(vm, a, "__format__")?;
        format_number(vm, a, k, a[0], "float")
    }),
    ("__getnewargs__", |vm, a, k| {
        let x = float_self(vm, a, "__getnewargs__")?;
        no_args(vm, a, k, "float.__getnewargs__")?;
        let f = vm.new_float(x);
        Ok(vm.new_tuple(&[f]))
    }),
    ("__divmod__", |vm, a, k| float_divmod(vm, a, k, false)),
    ("__rdivmod__", |vm, a, k| float_divmod(vm, a, k, true)),
];

/// The other operand of a float operator as a double; None for NotImplemented.
fn other_f64(vm: &mut Vm, o: Value) -> PyResult<Option<f64>> {
    match vm.as_num(o) {
        Some(Num::Float(f)) => Ok(Some(f)),
        Some(Num::Int(i)) => Ok(Some(i as f64)),
        Some(Num::Big(b)) => vm.big_to_f64(&b).map(Some),
        None => Ok(None),
    }
}

fn float_divmod(vm: &mut Vm, args: &[Value], kwnames: Value, reflected: bool) -> PyResult {
    let v = float_self(vm, args, if reflected { "__rdivmod__" } else { "__divmod__" })?;
    wrapper_arity(vm, args, kwnames, if reflected { "__rdivmod__" } else { "__divmod__" }, 1)?;
    let Some(o) = other_f64(vm, args[1])? else { return Ok(Value::NOT_IMPLEMENTED) };
    let (x, y) = if reflected { (o, v) } else { (v, o) };
    if y == 0.0 { return Err(vm.new_exc(Exc::ZeroDivisionError, "float divmod()")); }
    let (q, r) = numeric::float_divmod(x, y);
    let (q, r) = (vm.new_float(q), vm.new_float(r));
    Ok(vm.new_tuple(&[q, r]))
}

fn float_binop(vm: &mut Vm, args: &[Value], kwnames: Value, op: BinOp, reflected: bool) -> PyResult {
    let (name, rname, _) = op.dunders();
    float_self(vm, args, if reflected { rname } else { name })?;
    let modulus = if op == BinOp::Pow { pow_arity(vm, args, kwnames, if reflected { rname } else { name })? } else { wrapper_arity(vm, args, kwnames, if reflected { rname } else { name }, 1)?; None };
    let o = args[1];
    if vm.as_num(o).is_none() { return Ok(Value::NOT_IMPLEMENTED); }
    if modulus.is_some() {
        return Err(vm.new_exc(Exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers"));
    }
    let (x, y) = if reflected { (o, args[0]) } else { (args[0], o) };
    Ok(vm.builtin_binop(x, y, op, false)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

binop_table! { FLOAT_BINOPS, float_binop;
    float_add, float_radd, Add, "__add__", "__radd__";
    float_sub, float_rsub, Sub, "__sub__", "__rsub__";
    float_mul, float_rmul, Mul, "__mul__", "__rmul__";
    float_truediv, float_rtruediv, TrueDiv, "__truediv__", "__rtruediv__";
    float_floordiv, float_rfloordiv, FloorDiv, "__floordiv__", "__rfloordiv__";
    float_mod, float_rmod, Mod, "__mod__", "__rmod__";
    float_pow, float_rpow, Pow, "__pow__", "__rpow__";
}

fn float_compare(vm: &mut Vm, args: &[Value], kwnames: Value, op: CmpOp) -> PyResult {
    let names = op.dunders();
    let x = float_self(vm, args, names.0)?;
    wrapper_arity(vm, args, kwnames, names.0, 1)?;
    let Some(y) = vm.as_num(args[1]) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(Value::bool(crate::ops::num_compare(&Num::Float(x), &y, op)))
}

compare_table! { FLOAT_COMPARE, float_compare;
    float_lt, Lt, "__lt__"; float_le, Le, "__le__"; float_eq, Eq, "__eq__";
    float_ne, Ne, "__ne__"; float_gt, Gt, "__gt__"; float_ge, Ge, "__ge__";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_float_text_follows_python_grammar() {
        let cases: &[(&str, Option<f64>)] = &[
            ("1.5", Some(1.5)), ("-2.25", Some(-2.25)), (".5", Some(0.5)), ("5.", Some(5.0)),
            ("1E-3", Some(0.001)), ("1_000.5", Some(1000.5)), ("1e1_0", Some(1e10)),
            ("+inf", Some(f64::INFINITY)), ("-Infinity", Some(f64::NEG_INFINITY)), ("1e500", Some(f64::INFINITY)),
            ("1_.5", None), ("1._5", None), ("_1", None), ("1__0", None), ("1e", None), ("1e+", None),
            (".", None), ("", None), ("--1", None), ("0x10", None), ("infinit", None), ("1.2.3", None),
        ];
        for &(text, want) in cases {
            assert_eq!(parse_float_text(text), want, "{text:?}");
        }
        assert!(parse_float_text("-nan").is_some_and(f64::is_nan));
    }

    #[test]
    fn ldexp_exact_rounds_once_ties_to_even() {
        let b = |n: u64| BigUint::from(n);
        assert_eq!(ldexp_exact(&b(3), -1), 1.5);
        assert_eq!(ldexp_exact(&b(1), -1075), 0.0); // half the smallest subnormal: tie to even
        assert_eq!(ldexp_exact(&b(3), -1076), 5e-324); // 0.75 of it rounds up
        assert_eq!(ldexp_exact(&b(3), -1075), 1e-323); // 1.5 of it: tie to even (2)
        assert_eq!(ldexp_exact(&((BigUint::from(1u64) << 53usize) + 1u32), 0), 9007199254740992.0);
        assert_eq!(ldexp_exact(&((BigUint::from(1u64) << 53usize) + 3u32), 0), 9007199254740996.0);
        assert_eq!(ldexp_exact(&b(1), 1024), f64::INFINITY);
        assert_eq!(ldexp_exact(&((BigUint::from(1u64) << 53usize) - 1u32), 971), f64::MAX);
    }

    #[test]
    fn round_decimal_uses_the_exact_binary_value() {
        let cases: &[(f64, i64, f64)] = &[
            (2.675, 2, 2.67), (0.125, 2, 0.12), (0.375, 2, 0.38), (1.005, 2, 1.0), (2.5, 0, 2.0),
            (3.5, 0, 4.0), (1234.5678, -2, 1200.0), (1250.0, -2, 1200.0), (1350.0, -2, 1400.0),
            (-0.0001, 2, -0.0), (9.995, 2, 9.99), (1e300, 2, 1e300),
        ];
        for &(x, n, want) in cases {
            let got = round_decimal(x, n).unwrap();
            assert!(got == want && got.is_sign_negative() == want.is_sign_negative(), "round({x}, {n}) = {got}");
        }
        assert_eq!(round_decimal(1.7976931348623157e308, -308), None);
    }

    #[test]
    fn hex_and_fromhex_round_trip() {
        let cases: &[(f64, &str)] = &[
            (2.5, "0x1.4000000000000p+1"), (1.0, "0x1.0000000000000p+0"), (-0.1, "-0x1.999999999999ap-4"),
            (0.0, "0x0.0p+0"), (-0.0, "-0x0.0p+0"), (5e-324, "0x0.0000000000001p-1022"),
            (f64::MAX, "0x1.fffffffffffffp+1023"), (f64::NEG_INFINITY, "-inf"),
        ];
        for &(x, text) in cases {
            assert_eq!(float_hex(x), text);
            assert_eq!(parse_hex_float(text).map(f64::to_bits), Ok(x.to_bits()), "{text}");
        }
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p1023"), Err(true));
        assert_eq!(parse_hex_float("0x1p"), Err(false));
        assert_eq!(parse_hex_float("  -0X1.8P+1 "), Ok(-3.0));
        assert_eq!(parse_hex_float("0x1.00000000000018p0"), Ok(1.0000000000000004));
    }
}
