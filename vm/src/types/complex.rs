//! Methods of the builtin `complex` class: construction (`complex(re, im)`
//! from numbers, from text such as `'(1-2j)'`, and from objects with
//! `__complex__`, `__float__` or `__index__`), `repr` and `format` in
//! CPython's layout, hashing compatible with int and float, equality with
//! the other numbers, and the arithmetic dunders.
//!
//! The arithmetic itself lives in `complex_ops.rs`, which `Vm::builtin_binop`
//! also calls, so operators written in source (`z * 2`) never come here; the
//! dunders below serve explicit calls, `super()` and Python subclasses.
//! Instances of a complex subclass are Complex objects whose class is the
//! subclass (they have no attribute storage, as with float subclasses);
//! every operation on them produces plain complex numbers.
//!
//! Error messages follow CPython 3.11, which distinguishes slot wrappers
//! (`__add__`: "descriptor '__add__' requires a 'complex' object but
//! received a 'int'") from ordinary methods and attributes (`conjugate`,
//! `real`: "descriptor 'conjugate' for 'complex' objects doesn't apply to a
//! 'int' object").

use crate::bytecode::{BinOp, CmpOp};
use crate::heap::*;
use crate::names::N;
use crate::numeric;
use crate::types::complex_ops::{self as ops, C};
use crate::types::fmtspec;
use crate::types::int::{binop_table, compare_table};
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyResult, Ty, Vm};

pub fn init(vm: &mut Vm) {
    let cls = vm.ty(Ty::Complex);
    vm.add_static(cls, "__new__", complex_new, false);
    for &(name, f) in COMPLEX_METHODS { vm.add_ty_method(Ty::Complex, name, f); }
    for &(name, f, rname, rf) in COMPLEX_BINOPS {
        vm.add_ty_method(Ty::Complex, name, f);
        vm.add_ty_method(Ty::Complex, rname, rf);
    }
    for &(name, f) in COMPLEX_COMPARE { vm.add_ty_method(Ty::Complex, name, f); }
    add_property(vm, cls, "real", |vm, a, _k| {
        let z = method_self(vm, a, "real")?;
        Ok(vm.new_float(z.re))
    });
    add_property(vm, cls, "imag", |vm, a, _k| {
        let z = method_self(vm, a, "imag")?;
        Ok(vm.new_float(z.im))
    });
}

/// Adds a read-only attribute computed by `getter(self)`.
fn add_property(vm: &mut Vm, cls: Value, name: &str, getter: NativeFn) {
    let g = vm.new_builtin(name, getter, Value::NULL);
    let p = vm.new_obj4(Kind::Property, vm.ty(Ty::Property), [g, Value::NULL, Value::NULL, Value::NULL]);
    vm.dict_set_str(obj::<ClassL>(cls).dict, name, p);
}

// ---------------------------------------------------------------------------
// Argument checking

/// `self` of a slot wrapper (`__add__`, `__neg__`, `__eq__`, ...).
fn slot_self(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<C> {
    match a.first() {
        Some(&v) if ops::is_complex(v) => Ok(ops::parts(v)),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' requires a 'complex' object but received a '{tn}'")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' of 'complex' object needs an argument"))),
    }
}

/// `self` of an ordinary method or attribute getter (`conjugate`, `real`).
fn method_self(vm: &mut Vm, a: &[Value], name: &str) -> PyResult<C> {
    match a.first() {
        Some(&v) if ops::is_complex(v) => Ok(ops::parts(v)),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' for 'complex' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method complex.{name}() needs an argument"))),
    }
}

fn has_kw(k: Value) -> bool { !k.is_null() && !tuple_slice(k).is_empty() }

/// Arity of a slot wrapper: exactly `n` arguments after self, no keywords.
fn wrapper_arity(vm: &mut Vm, a: &[Value], k: Value, name: &str, n: usize) -> PyResult<()> {
    if has_kw(k) {
        return Err(vm.new_exc(Exc::TypeError, &format!("wrapper {name}() takes no keyword arguments")));
    }
    let got = a.len().saturating_sub(1);
    if got != n {
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("expected {n} argument{s}, got {got}")));
    }
    Ok(())
}

/// Arity of `__pow__`/`__rpow__(other, mod=None)`; the modulus when one
/// other than None is given. (CPython's messages start with a space.)
fn pow_arity(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<Option<Value>> {
    if has_kw(k) {
        return Err(vm.new_exc(Exc::TypeError, &format!("wrapper {name}() takes no keyword arguments")));
    }
    let got = a.len().saturating_sub(1);
    if got == 0 { return Err(vm.new_exc(Exc::TypeError, " expected at least 1 argument, got 0")); }
    if got > 2 { return Err(vm.new_exc(Exc::TypeError, &format!(" expected at most 2 arguments, got {got}"))); }
    Ok(a.get(2).copied().filter(|&m| m != Value::NONE))
}

/// Arity of a method taking no arguments (`conjugate`).
fn no_args(vm: &mut Vm, a: &[Value], k: Value, name: &str) -> PyResult<()> {
    if has_kw(k) {
        return Err(vm.new_exc(Exc::TypeError, &format!("complex.{name}() takes no keyword arguments")));
    }
    if a.len() > 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("complex.{name}() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Construction

/// `complex.__new__(cls, real=0, imag=0)`: CPython's `complex_new_impl`.
fn complex_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let kwn: &[Value] = if kwnames.is_null() { &[] } else { tuple_slice(kwnames) };
    let npos = args.len() - kwn.len();
    let Some(&cls) = args[..npos].first() else {
        return Err(vm.new_exc(Exc::TypeError, "complex.__new__(): not enough arguments"));
    };
    check_cls(vm, cls)?;
    let given = args.len() - 1;
    if given > 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("complex() takes at most 2 arguments ({given} given)")));
    }
    let mut real = args.get(1).copied().filter(|_| npos > 1);
    let mut imag = args.get(2).copied().filter(|_| npos > 2);
    for (j, &k) in kwn.iter().enumerate() {
        let v = args[npos + j];
        let (slot, pos) = match str_ref(k) {
            "real" => (&mut real, 1),
            "imag" => (&mut imag, 2),
            other => {
                return Err(vm.new_exc(Exc::TypeError, &format!("'{other}' is an invalid keyword argument for complex()")));
            }
        };
        if slot.is_some() {
            let name = str_ref(k);
            return Err(vm.new_exc(Exc::TypeError, &format!(
                "argument for complex() given by name ('{name}') and position ({pos})")));
        }
        *slot = Some(v);
    }
    let z = complex_from_args(vm, cls, real, imag)?;
    match z {
        New::Same(v) => Ok(v),
        New::Parts(c) => Ok(new_complex_of_class(vm, cls, c)),
    }
}

/// `cls` must be complex or a subclass (`complex.__new__(int)` is an error).
fn check_cls(vm: &mut Vm, cls: Value) -> PyResult<()> {
    if !vm.is_class(cls) {
        let got = vm.type_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("complex.__new__(X): X is not a type object ({got})")));
    }
    if !vm.is_subclass(cls, vm.ty(Ty::Complex)) {
        let cn = vm.class_name(cls);
        return Err(vm.new_exc(Exc::TypeError, &format!("complex.__new__({cn}): {cn} is not a subtype of complex")));
    }
    Ok(())
}

/// What `complex(...)` produces: the argument itself, or new parts.
enum New {
    Same(Value),
    Parts(C),
}

/// A complex of class `cls` (complex itself or a subclass).
fn new_complex_of_class(vm: &mut Vm, cls: Value, z: C) -> Value {
    let v = vm.new_complex(z.re, z.im);
    if cls != vm.ty(Ty::Complex) { set_field!(v, ObjHead, cls, cls); }
    v
}

/// The body of `complex_new_impl`: `real + imag*1j`, where either part may
/// itself be complex.
fn complex_from_args(vm: &mut Vm, cls: Value, real: Option<Value>, imag: Option<Value>) -> PyResult<New> {
    let r = real.unwrap_or(Value::small(0));
    let exact = |vm: &Vm, v: Value| ops::is_complex(v) && cls_of(v) == vm.ty(Ty::Complex);
    if exact(vm, r) && imag.is_none() && cls == vm.ty(Ty::Complex) {
        return Ok(New::Same(r));
    }
    if vm.is_str(r) {
        if imag.is_some() {
            return Err(vm.new_exc(Exc::TypeError, "complex() can't take second arg if first is a string"));
        }
        return complex_from_text(vm, r).map(New::Parts);
    }
    if let Some(i) = imag {
        if vm.is_str(i) {
            return Err(vm.new_exc(Exc::TypeError, "complex() second arg can't be a string"));
        }
    }
    let r = complex_dunder(vm, r)?.unwrap_or(r);
    if !is_number(vm, r) {
        let tn = vm.type_name(r);
        return Err(vm.new_exc(Exc::TypeError, &format!(
            "complex() first argument must be a string or a number, not '{tn}'")));
    }
    if let Some(i) = imag {
        if !is_number(vm, i) {
            let tn = vm.type_name(i);
            return Err(vm.new_exc(Exc::TypeError, &format!("complex() second argument must be a number, not '{tn}'")));
        }
    }
    // `cr` and `ci` are the parts of `r` and `i` viewed as complex numbers.
    let cr = if ops::is_complex(r) { ops::parts(r) } else { C::new(crate::types::float::float_of(vm, r)?, 0.0) };
    let ci = match imag {
        None => C::new(0.0, 0.0),
        Some(i) if ops::is_complex(i) => ops::parts(i),
        Some(i) => C::new(crate::types::float::float_of(vm, i)?, 0.0),
    };
    // real + imag*1j, written out so that signed zeros come out as in CPython.
    let mut re = cr.re;
    let mut im = if imag.is_none() { cr.im } else { ci.re };
    if imag.is_some_and(ops::is_complex) { re -= ci.im; }
    if ops::is_complex(r) && imag.is_some() { im += cr.im; }
    Ok(New::Parts(C::new(re, im)))
}

/// `v.__complex__()` when `type(v)` defines it; the result must be a
/// complex (CPython also accepts, with a DeprecationWarning, a subclass).
fn complex_dunder(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let cls = vm.type_of(v);
    let Some(m) = vm.lookup_type(cls, vm.n(N::complex)) else { return Ok(None) };
    let r = vm.call(m, &[v])?;
    if !ops::is_complex(r) {
        let tn = vm.type_name(r);
        return Err(vm.new_exc(Exc::TypeError, &format!("__complex__ returned non-complex (type {tn})")));
    }
    Ok(Some(r))
}

/// Whether `complex()` accepts `v` as a number: a complex, or anything with
/// `__float__` or `__index__` (ints, bools and floats included).
fn is_number(vm: &mut Vm, v: Value) -> bool {
    if ops::is_operand(vm, v) { return true; }
    let cls = vm.type_of(v);
    vm.lookup_type(cls, vm.n(N::float_)).is_some() || vm.lookup_type(cls, vm.n(N::index)).is_some()
}

/// `complex(s)` for a str: ValueError "complex() arg is a malformed string",
/// or for misplaced underscores CPython's generic message.
fn complex_from_text(vm: &mut Vm, s: Value) -> PyResult<C> {
    let text = ascii_text(str_ref(s));
    match parse_complex(&text) {
        Ok(z) => Ok(z),
        Err(TextError::Malformed) => Err(vm.new_exc(Exc::ValueError, "complex() arg is a malformed string")),
        Err(TextError::Underscore) => {
            let r = vm.repr_string(s)?;
            Err(vm.new_exc(Exc::ValueError, &format!("could not convert string to complex: {r}")))
        }
    }
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode decimal
/// digits become ASCII digits, Unicode spaces become ' ', and any other
/// non-ASCII character becomes '?' (which no number contains).
fn ascii_text(s: &str) -> String {
    if s.is_ascii() { return s.to_string(); }
    let mut out = String::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() { out.push(c); continue; }
        // `numeric_ascii` maps one decimal digit to ASCII, trims a lone space
        // to nothing, and rejects everything else.
        match crate::types::int::numeric_ascii(c.encode_utf8(&mut buf)) {
            Some(d) if d.is_empty() => out.push(' '),
            Some(d) => out.push_str(&d),
            None => out.push('?'),
        }
    }
    out
}

#[derive(Debug, PartialEq, Eq)]
enum TextError {
    Malformed,
    Underscore,
}

/// Parses complex text (already ASCII): underscores are allowed only
/// between digits (`_Py_string_to_number_with_underscores`), then the forms
/// `<float>`, `<float>j`, `<float><signed-float>j`, `<float><sign>j`,
/// `<sign>j` and `j`, optionally in parentheses, with surrounding ASCII
/// whitespace (`complex_from_string_inner`).
fn parse_complex(text: &str) -> Result<C, TextError> {
    let stripped;
    let b = if text.contains('_') {
        stripped = strip_underscores(text.as_bytes())?;
        &stripped[..]
    } else {
        text.as_bytes()
    };
    let n = b.len();
    let space = |c: Option<&u8>| matches!(c, Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c'));
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let mut i = 0;
    while space(b.get(i)) { i += 1; }
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        while space(b.get(i)) { i += 1; }
    }
    let (mut x, mut y) = (0.0, 0.0);
    match parse_float_prefix(b, i) {
        Some((z, end)) => {
            i = end;
            match b.get(i) {
                Some(&s @ (b'+' | b'-')) => {
                    x = z;
                    match parse_float_prefix(b, i) {
                        Some((w, end)) => { y = w; i = end; }
                        None => { y = if s == b'+' { 1.0 } else { -1.0 }; i += 1; }
                    }
                    if !is_j(b.get(i)) { return Err(TextError::Malformed); }
                    i += 1;
                }
                c if is_j(c) => { y = z; i += 1; }
                _ => x = z,
            }
        }
        None => {
            if let Some(&s @ (b'+' | b'-')) = b.get(i) {
                y = if s == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(b.get(i)) { return Err(TextError::Malformed); }
            i += 1;
        }
    }
    while space(b.get(i)) { i += 1; }
    if bracket {
        if b.get(i) != Some(&b')') { return Err(TextError::Malformed); }
        i += 1;
        while space(b.get(i)) { i += 1; }
    }
    if i != n { return Err(TextError::Malformed); }
    Ok(C::new(x, y))
}

/// Removes underscores that sit between two digits; any other underscore
/// (or an embedded NUL alongside one) is an error.
fn strip_underscores(b: &[u8]) -> Result<Vec<u8>, TextError> {
    let mut out = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == 0 { return Err(TextError::Underscore); }
        if c == b'_' {
            if !prev.is_ascii_digit() { return Err(TextError::Underscore); }
        } else {
            if prev == b'_' && !c.is_ascii_digit() { return Err(TextError::Underscore); }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' { return Err(TextError::Underscore); }
    Ok(out)
}

/// The longest float at `b[i..]` as `PyOS_string_to_double` reads it with
/// an end pointer: an optional sign, then digits with an optional point and
/// exponent (an exponent without digits is not consumed), or `inf`,
/// `infinity` or `nan` in any case. Returns the value and the end offset;
/// overflow gives an infinity, as CPython's call here asks for.
fn parse_float_prefix(b: &[u8], start: usize) -> Option<(f64, usize)> {
    let mut i = start;
    let neg = match b.get(i) {
        Some(b'-') => { i += 1; true }
        Some(b'+') => { i += 1; false }
        _ => false,
    };
    let body = i;
    let digits = |i: &mut usize| { let s = *i; while b.get(*i).is_some_and(u8::is_ascii_digit) { *i += 1; } *i - s };
    let mut nd = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        let save = i;
        i += 1;
        nd += digits(&mut i);
        if nd == 0 { i = save; }
    }
    if nd == 0 {
        // Not a decimal number: perhaps an infinity or a NaN.
        let rest = &b[body..];
        let starts = |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
        let (v, len) = if starts("infinity") {
            (f64::INFINITY, 8)
        } else if starts("inf") {
            (f64::INFINITY, 3)
        } else if starts("nan") {
            (f64::NAN, 3)
        } else {
            return None;
        };
        return Some((if neg { -v } else { v }, body + len));
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) { j += 1; }
        if digits(&mut j) > 0 { i = j; }
    }
    // The scanned text is ASCII and follows Rust's float grammar.
    let s = std::str::from_utf8(&b[start..i]).ok()?;
    s.parse::<f64>().ok().map(|v| (v, i))
}

// ---------------------------------------------------------------------------
// repr, format, hash

/// One part of a complex repr: float repr rules, but integral values
/// without `.0` (CPython formats with `'r'` and no `Py_DTSF_ADD_DOT_0`).
fn repr_part(x: f64) -> String {
    let s = numeric::float_repr(x);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// `repr(complex(re, im))`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+nanj)`. The
/// real part is left out (with the parentheses) when it is +0.0.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", repr_part(im));
    }
    let im_s = repr_part(im);
    let sign = if im_s.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{im_s}j)", repr_part(re))
}

/// CPython's `complex_hash`: `hash(re) + 1000003 * hash(im)` in wrapping
/// unsigned arithmetic, so `hash(x + 0j) == hash(x)` for real `x`.
pub fn complex_hash(z: C) -> i64 {
    const HASH_IMAG: u64 = 1000003;
    let hr = numeric::hash_f64(z.re) as u64;
    let hi = numeric::hash_f64(z.im) as u64;
    let h = hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64;
    if h == -1 { -2 } else { h }
}

/// `complex.__format__(spec)`.
fn complex_format_method(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let z = method_self(vm, a, "__format__")?;
    if has_kw(k) {
        return Err(vm.new_exc(Exc::TypeError, "complex.__format__() takes no keyword arguments"));
    }
    if a.len() != 2 {
        let n = a.len() - 1;
        return Err(vm.new_exc(Exc::TypeError, &format!("complex.__format__() takes exactly one argument ({n} given)")));
    }
    let spec = a[1];
    if !vm.is_str(spec) {
        let tn = vm.type_name(spec);
        return Err(vm.new_exc(Exc::TypeError, &format!("__format__() argument must be str, not {tn}")));
    }
    // An empty spec means str(self), which a subclass may override.
    if str_ref(spec).is_empty() { return vm.to_str(a[0]); }
    let tn = vm.type_name(a[0]);
    let spec = str_ref(spec).to_string();
    let s = format_complex(vm, z, &spec, &tn)?;
    Ok(vm.new_str(&s))
}

/// CPython's `format_complex_internal`: each part formatted as a float
/// (`e f g` and upper-case forms, `n` as `g`; no type means repr-style with
/// the real part and parentheses only when the real part is not +0.0), the
/// imaginary part always signed unless it stands alone, then padding of the
/// whole. Zero padding and `=` alignment are refused.
fn format_complex(vm: &mut Vm, z: C, spec: &str, tn: &str) -> PyResult<String> {
    let f = fmtspec::parse_spec(vm, spec, None, tn)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => {
            let n = t as u32;
            let code = if n > 32 && n < 128 { t.to_string() } else { format!("\\x{n:x}") };
            return Err(vm.new_exc(Exc::ValueError, &format!("Unknown format code '{code}' for object of type '{tn}'")));
        }
    }
    if f.fill == '0' {
        return Err(vm.new_exc(Exc::ValueError, "Zero padding is not allowed in complex format specifier"));
    }
    if f.align == Some('=') {
        return Err(vm.new_exc(Exc::ValueError, "'=' alignment flag is not allowed in complex format specifier"));
    }
    let re_is_pos_zero = z.re == 0.0 && z.re.is_sign_positive();
    let (mut ty, default_precision, skip_re, parens) = match f.ty {
        None => ('r', 0, re_is_pos_zero, !re_is_pos_zero),
        Some('n') => ('g', 6, false, false),
        Some(t) => (t, 6, false, false),
    };
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' { ty = 'g'; }
            p
        }
    };
    let re = format_part(z.re, ty, precision, f.alt, f.no_neg_0);
    let im = format_part(z.im, ty, precision, f.alt, f.no_neg_0);
    let re_s = signed_number(re, f.sign, f.grouping);
    let im_s = signed_number(im, if skip_re { f.sign } else { Some('+') }, f.grouping);
    let mut body = String::new();
    if parens { body.push('('); }
    if !skip_re { body.push_str(&re_s); }
    body.push_str(&im_s);
    body.push('j');
    if parens { body.push(')'); }
    let len = body.chars().count();
    if len >= f.width { return Ok(body); }
    let total = f.width - len;
    let left = match f.align { Some('<') => 0, Some('^') => total / 2, _ => total };
    let fill = |n: usize| std::iter::repeat(f.fill).take(n).collect::<String>();
    Ok(format!("{}{body}{}", fill(left), fill(total - left)))
}

/// One part as `PyOS_double_to_string(x, ty, precision, flags)` gives it:
/// (negative, text without the sign).
fn format_part(x: f64, ty: char, precision: usize, alt: bool, no_neg_0: bool) -> (bool, String) {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let body = if x.is_finite() {
        let s = fmtspec::float_digits(x.abs(), ty.to_ascii_lowercase(), precision, alt, false);
        if neg && no_neg_0 && s.chars().take_while(|&c| c != 'e').all(|c| c == '0' || c == '.') {
            neg = false;
        }
        s
    } else if x.is_nan() {
        "nan".to_string()
    } else {
        "inf".to_string()
    };
    (neg, if upper { body.to_uppercase() } else { body })
}

/// A formatted part with its sign (`-`, or what the `sign` option asks for)
/// and its integer digits grouped when the spec has `,` or `_`.
fn signed_number((neg, body): (bool, String), sign: Option<char>, grouping: Option<char>) -> String {
    let sign = if neg { "-" } else {
        match sign { Some('+') => "+", Some(' ') => " ", _ => "" }
    };
    let split = body.bytes().position(|c| !c.is_ascii_digit()).unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    let digits = match grouping {
        Some(sep) => fmtspec::group_digits(digits, 0, Some((sep, 3))),
        None => digits.to_string(),
    };
    format!("{sign}{digits}{rest}")
}

// ---------------------------------------------------------------------------
// Methods

const COMPLEX_METHODS: &[(&str, NativeFn)] = &[
    ("conjugate", |vm, a, k| {
        let z = method_self(vm, a, "conjugate")?;
        no_args(vm, a, k, "conjugate")?;
        Ok(vm.new_complex(z.re, -z.im))
    }),
    ("__complex__", |vm, a, k| {
        let z = method_self(vm, a, "__complex__")?;
        no_args(vm, a, k, "__complex__")?;
        if cls_of(a[0]) == vm.ty(Ty::Complex) { return Ok(a[0]); }
        Ok(vm.new_complex(z.re, z.im))
    }),
    ("__getnewargs__", |vm, a, k| {
        let z = method_self(vm, a, "__getnewargs__")?;
        no_args(vm, a, k, "__getnewargs__")?;
        let (re, im) = (vm.new_float(z.re), vm.new_float(z.im));
        Ok(vm.new_tuple(&[re, im]))
    }),
    ("__format__", complex_format_method),
    ("__repr__", |vm, a, k| {
        let z = slot_self(vm, a, "__repr__")?;
        wrapper_arity(vm, a, k, "__repr__", 0)?;
        Ok(vm.new_str(&complex_repr(z.re, z.im)))
    }),
    ("__hash__", |vm, a, k| {
        let z = slot_self(vm, a, "__hash__")?;
        wrapper_arity(vm, a, k, "__hash__", 0)?;
        Ok(vm.new_int(complex_hash(z)))
    }),
    ("__bool__", |vm, a, k| {
        let z = slot_self(vm, a, "__bool__")?;
        wrapper_arity(vm, a, k, "__bool__", 0)?;
        Ok(Value::bool(z.re != 0.0 || z.im != 0.0))
    }),
    ("__neg__", |vm, a, k| {
        let z = slot_self(vm, a, "__neg__")?;
        wrapper_arity(vm, a, k, "__neg__", 0)?;
        Ok(vm.new_complex(-z.re, -z.im))
    }),
    ("__pos__", |vm, a, k| {
        let z = slot_self(vm, a, "__pos__")?;
        wrapper_arity(vm, a, k, "__pos__", 0)?;
        if cls_of(a[0]) == vm.ty(Ty::Complex) { return Ok(a[0]); }
        Ok(vm.new_complex(z.re, z.im))
    }),
    ("__abs__", |vm, a, k| {
        let z = slot_self(vm, a, "__abs__")?;
        wrapper_arity(vm, a, k, "__abs__", 0)?;
        match ops::abs(z) {
            Ok(r) => Ok(vm.new_float(r)),
            Err(_) => Err(vm.new_exc(Exc::OverflowError, "absolute value too large")),
        }
    }),
];

/// `__add__`, `__radd__`, ... : NotImplemented unless the other operand is
/// an int, bool, float or complex.
fn complex_binop(vm: &mut Vm, args: &[Value], kwnames: Value, op: BinOp, reflected: bool) -> PyResult {
    let (name, rname, _) = op.dunders();
    let name = if reflected { rname } else { name };
    slot_self(vm, args, name)?;
    let modulus = if op == BinOp::Pow {
        pow_arity(vm, args, kwnames, name)?
    } else {
        wrapper_arity(vm, args, kwnames, name, 1)?;
        None
    };
    let other = args[1];
    if !ops::is_operand(vm, other) { return Ok(Value::NOT_IMPLEMENTED); }
    let (x, y) = if reflected { (other, args[0]) } else { (args[0], other) };
    if modulus.is_some() {
        // CPython converts both operands (which may overflow) before refusing.
        ops::to_complex(vm, x)?;
        ops::to_complex(vm, y)?;
        return Err(vm.new_exc(Exc::ValueError, "complex modulo"));
    }
    Ok(ops::complex_binop(vm, x, y, op)?.unwrap_or(Value::NOT_IMPLEMENTED))
}

binop_table! { COMPLEX_BINOPS, complex_binop;
    complex_add, complex_radd, Add, "__add__", "__radd__";
    complex_sub, complex_rsub, Sub, "__sub__", "__rsub__";
    complex_mul, complex_rmul, Mul, "__mul__", "__rmul__";
    complex_truediv, complex_rtruediv, TrueDiv, "__truediv__", "__rtruediv__";
    complex_pow, complex_rpow, Pow, "__pow__", "__rpow__";
}

/// `__eq__` and `__ne__` against numbers; every ordering is NotImplemented
/// (so `1j < 1` raises TypeError).
fn complex_compare(vm: &mut Vm, args: &[Value], kwnames: Value, op: CmpOp) -> PyResult {
    let name = op.dunders().0;
    slot_self(vm, args, name)?;
    wrapper_arity(vm, args, kwnames, name, 1)?;
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) { return Ok(Value::NOT_IMPLEMENTED); }
    match ops::complex_eq(vm, args[0], args[1]) {
        Some(eq) => Ok(Value::bool(eq == (op == CmpOp::Eq))),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

compare_table! { COMPLEX_COMPARE, complex_compare;
    complex_lt, Lt, "__lt__"; complex_le, Le, "__le__"; complex_eq, Eq, "__eq__";
    complex_ne, Ne, "__ne__"; complex_gt, Gt, "__gt__"; complex_ge, Ge, "__ge__";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_forms() {
        let p = |s: &str| parse_complex(s).map(|z| (z.re, z.im));
        assert_eq!(p("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(p(" (1-2j) "), Ok((1.0, -2.0)));
        assert_eq!(p("j"), Ok((0.0, 1.0)));
        assert_eq!(p("-j"), Ok((0.0, -1.0)));
        assert_eq!(p("1-J"), Ok((1.0, -1.0)));
        assert_eq!(p("-1.5e3j"), Ok((0.0, -1500.0)));
        assert_eq!(p("1_0j"), Ok((0.0, 10.0)));
        assert_eq!(p("1__0j"), Err(TextError::Underscore));
        assert_eq!(p("1e"), Err(TextError::Malformed));
        assert_eq!(p("1+2"), Err(TextError::Malformed));
        assert_eq!(p("(1+2j"), Err(TextError::Malformed));
        assert_eq!(p(""), Err(TextError::Malformed));
    }

    #[test]
    fn repr_layout() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(1.5, 0.0), "(1.5+0j)");
        assert_eq!(complex_repr(0.0, f64::INFINITY), "infj");
        assert_eq!(complex_repr(f64::NAN, f64::NAN), "(nan+nanj)");
    }

    #[test]
    fn hash_matches_cpython() {
        assert_eq!(complex_hash(C::new(1.0, 2.0)), 2000007);
        assert_eq!(complex_hash(C::new(-1.0, 0.0)), -2);
        assert_eq!(complex_hash(C::new(0.5, 0.5)), 4611686018427387904);
    }
}
