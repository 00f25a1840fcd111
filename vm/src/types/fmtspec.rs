//! The format-spec mini-language (`format(v, spec)`, f-strings,
//! `str.format`) and `%`-formatting, for int (small and big), bool, float and
//! str, with CPython 3.11's layout rules and error messages.
//!
//! The pieces follow CPython's `Python/formatter_unicode.c` and
//! `Python/pystrtod.c`:
//!
//! * [`parse_spec`] reads `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`;
//! * [`float_digits`] turns a finite float into a digit string in one of the
//!   modes `e`, `f`, `g` and `r` (repr), using Rust's correctly rounded
//!   formatting for the digits and CPython's `format_float_short` for layout;
//! * [`finish_number`] adds sign, prefix, grouping and padding (CPython's
//!   `calc_number_widths` + `fill_number`), including zero padding that
//!   inserts separators (`format(1234, '09,')` is `'0,001,234'`).
//!
//! `%`-formatting ([`percent_format`]) reuses the float digit generation and
//! mirrors `PyUnicode_Format`'s argument bookkeeping (a single non-tuple
//! argument, mappings for `%(key)s`, and its exact errors).

use crate::heap::*;
use crate::names::N;
use crate::numeric::Num;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Widths and precisions above this raise MemoryError instead of trying to
/// build a gigantic string.
const MAX_WIDTH: usize = 1 << 30;

/// A parsed standard format specifier.
#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; None means the type's default.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alt: bool,
    pub width: usize,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; None when omitted and the type has no default.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool { matches!(c, '<' | '>' | '^' | '=') }

/// Reads decimal digits at `*pos`; None when there are none.
fn get_integer(vm: &mut Vm, s: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut acc: usize = 0;
    while *pos < s.len() && s[*pos].is_ascii_digit() {
        let d = s[*pos] as usize - '0' as usize;
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.new_exc(Exc::ValueError, "Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(acc) })
}

fn code_repr(c: char) -> String {
    let n = c as u32;
    if n > 32 && n < 128 { c.to_string() } else { format!("\\x{n:x}") }
}

/// Parses a standard format spec. `default_ty` is the type used when none
/// is given (`s` for str, `d` for int, None for float); `tn` names the type
/// of the value for error messages.
pub fn parse_spec(vm: &mut Vm, spec: &str, default_ty: Option<char>, tn: &str) -> PyResult<FormatSpec> {
    let s: Vec<char> = spec.chars().collect();
    let n = s.len();
    let default_align = if default_ty == Some('s') { '<' } else { '>' };
    let mut f = FormatSpec { fill: ' ', align: None, sign: None, no_neg_0: false, alt: false, width: 0,
                             grouping: None, precision: None, ty: default_ty };
    let mut pos = 0;
    let mut fill_given = false;
    if n >= 2 && is_align(s[1]) {
        f.fill = s[0];
        f.align = Some(s[1]);
        fill_given = true;
        pos = 2;
    } else if n >= 1 && is_align(s[0]) {
        f.align = Some(s[0]);
        pos = 1;
    }
    if pos < n && matches!(s[pos], '+' | '-' | ' ') { f.sign = Some(s[pos]); pos += 1; }
    if pos < n && s[pos] == 'z' { f.no_neg_0 = true; pos += 1; }
    if pos < n && s[pos] == '#' { f.alt = true; pos += 1; }
    if !fill_given && pos < n && s[pos] == '0' {
        f.fill = '0';
        if f.align.is_none() && default_align == '>' { f.align = Some('='); }
        pos += 1;
    }
    if let Some(w) = get_integer(vm, &s, &mut pos)? { f.width = w; }
    if pos < n && s[pos] == ',' { f.grouping = Some(','); pos += 1; }
    if pos < n && s[pos] == '_' {
        if f.grouping.is_some() {
            return Err(vm.new_exc(Exc::ValueError, "Cannot specify both ',' and '_'."));
        }
        f.grouping = Some('_');
        pos += 1;
    }
    if pos < n && s[pos] == ',' && f.grouping == Some('_') {
        return Err(vm.new_exc(Exc::ValueError, "Cannot specify both ',' and '_'."));
    }
    if pos < n && s[pos] == '.' {
        pos += 1;
        match get_integer(vm, &s, &mut pos)? {
            Some(p) => f.precision = Some(p),
            None => return Err(vm.new_exc(Exc::ValueError, "Format specifier missing precision")),
        }
    }
    if n - pos > 1 {
        return Err(vm.new_exc(Exc::ValueError, &format!("Invalid format specifier '{spec}' for object of type '{tn}'")));
    }
    if n - pos == 1 { f.ty = Some(s[pos]); }
    if let Some(g) = f.grouping {
        match f.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
            Some(t) => {
                return Err(vm.new_exc(Exc::ValueError, &format!("Cannot specify '{g}' with '{}'.", code_repr(t))));
            }
        }
    }
    if f.width > MAX_WIDTH || f.precision.map_or(false, |p| p > MAX_WIDTH) {
        return Err(vm.new_exc(Exc::MemoryError, ""));
    }
    Ok(f)
}

fn unknown_code(vm: &mut Vm, t: char, tn: &str) -> crate::vm::PyErr {
    vm.new_exc(Exc::ValueError, &format!("Unknown format code '{}' for object of type '{tn}'", code_repr(t)))
}

/// Pads `body` (already complete) to the spec's width with its fill and
/// alignment (`default` when none was given).
fn pad(body: &str, f: &FormatSpec, default: char) -> String {
    let len = body.chars().count();
    if len >= f.width { return body.to_string(); }
    let total = f.width - len;
    let (l, r) = match f.align.unwrap_or(default) {
        '<' => (0, total),
        '^' => (total / 2, total - total / 2),
        _ => (total, 0),
    };
    let mut out = String::with_capacity(body.len() + total * f.fill.len_utf8());
    for _ in 0..l { out.push(f.fill); }
    out.push_str(body);
    for _ in 0..r { out.push(f.fill); }
    out
}

/// Inserts the separator `sep` every `group` digits of `digits` (ASCII),
/// padding with leading zeros until the result is at least `min_width`
/// characters (CPython's `_PyUnicode_InsertThousandsGrouping`).
pub fn group_digits(digits: &str, min_width: isize, sep: Option<(char, usize)>) -> String {
    let d = digits.as_bytes();
    // No digits (inf, nan): nothing to group or zero-pad; the caller's
    // '=' padding supplies any fill.
    if d.is_empty() { return String::new(); }
    let mut remaining = d.len() as isize;
    let mut min_width = min_width.max(0);
    let Some((sep, group)) = sep else {
        let l = remaining.max(min_width).max(1);
        let mut out = "0".repeat((l - remaining).max(0) as usize);
        out.push_str(digits);
        return out;
    };
    let group = group as isize;
    // Pieces are produced right to left.
    let mut pieces: Vec<String> = Vec::new();
    loop {
        let l = group.min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        let mut piece = "0".repeat(n_zeros as usize);
        piece.push_str(&digits[(remaining - n_chars) as usize..remaining as usize]);
        pieces.push(piece);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 { break; }
        min_width -= 1;
    }
    pieces.reverse();
    pieces.join(&sep.to_string())
}

/// Lays out a number: `sign`, `prefix` (`0x`...), integer `digits` (to be
/// grouped), and `rest` (fraction, exponent, `%`), padded per the spec.
/// `groupable` is false for inf/nan, which are zero-padded but never grouped.
fn finish_number(f: &FormatSpec, neg: bool, prefix: &str, digits: &str, rest: &str, group_size: usize, groupable: bool) -> String {
    let sign = if neg { "-" } else {
        match f.sign { Some('+') => "+", Some(' ') => " ", _ => "" }
    };
    let align = f.align.unwrap_or('>');
    let fixed = sign.len() + prefix.len() + rest.chars().count();
    let min_width = if f.fill == '0' && align == '=' { f.width as isize - fixed as isize } else { 0 };
    let sep = match (f.grouping, groupable) { (Some(c), true) => Some((c, group_size)), _ => None };
    let grouped = group_digits(digits, min_width, sep);
    let body_len = fixed + grouped.len();
    let padn = f.width.saturating_sub(body_len);
    let fill: String = std::iter::repeat(f.fill).take(padn).collect();
    match align {
        '<' => format!("{sign}{prefix}{grouped}{rest}{fill}"),
        '^' => {
            let l: String = std::iter::repeat(f.fill).take(padn / 2).collect();
            let r: String = std::iter::repeat(f.fill).take(padn - padn / 2).collect();
            format!("{l}{sign}{prefix}{grouped}{rest}{r}")
        }
        '=' => format!("{sign}{prefix}{fill}{grouped}{rest}"),
        _ => format!("{fill}{sign}{prefix}{grouped}{rest}"),
    }
}

// ---------------------------------------------------------------------------
// Float digit generation

/// Digits and decimal-point position of a finite, non-negative float:
/// value = 0.DIGITS * 10**decpt. Trailing zeros are stripped; zero is "0"
/// with decpt 1 (like `_Py_dg_dtoa`).
fn dtoa(a: f64, mode: char, ndigits: usize) -> (String, i64) {
    if a == 0.0 { return ("0".into(), 1); }
    match mode {
        'f' => {
            let s = format!("{:.*}", ndigits, a);
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let all: String = format!("{ip}{fp}");
            let lead = all.bytes().take_while(|&b| b == b'0').count();
            let digits = all[lead..].trim_end_matches('0');
            if digits.is_empty() { return ("0".into(), 1); }
            (digits.to_string(), ip.len() as i64 - lead as i64)
        }
        _ => {
            // 'r': shortest round-trip digits; 'e'/'g': `ndigits` significant digits.
            let s = if mode == 'r' { format!("{:e}", a) } else { format!("{:.*e}", ndigits.max(1) - 1, a) };
            let (m, e) = s.split_once('e').unwrap();
            let exp: i64 = e.parse().unwrap();
            let digits: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
            let digits = digits.trim_end_matches('0');
            let digits = if digits.is_empty() { "0" } else { digits };
            (digits.to_string(), exp + 1)
        }
    }
}

/// CPython's `format_float_short` for a finite non-negative float: mode
/// `e`, `f`, `g` or `r`; `alt` keeps trailing zeros/point; `add_dot_0`
/// makes integral results end in `.0`. The exponent letter is lowercase.
pub fn float_digits(a: f64, mode: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    let (precision, dmode, nd) = match mode {
        'e' => (precision + 1, 'e', precision + 1),
        'f' => (precision, 'f', precision),
        'g' => { let p = precision.max(1); (p, 'g', p) }
        _ => (0, 'r', 0),
    };
    let (digits, mut decpt) = dtoa(a, dmode, nd);
    let digits_len = digits.len() as i64;
    let mut vend = digits_len;
    let mut use_exp = false;
    match mode {
        'e' => { use_exp = true; vend = precision as i64; }
        'f' => { vend = decpt + precision as i64; }
        'g' => {
            let lim = if add_dot_0 { precision as i64 - 1 } else { precision as i64 };
            if decpt <= -4 || decpt > lim { use_exp = true; }
            if alt { vend = precision as i64; }
        }
        _ => { if decpt <= -4 || decpt > 16 { use_exp = true; } }
    }
    let mut exp = 0;
    if use_exp { exp = decpt - 1; decpt = 1; }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let mut out = String::new();
    let zeros = |out: &mut String, n: i64| { for _ in 0..n.max(0) { out.push('0'); } };
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - digits_len);
    }
    if out.ends_with('.') && !alt { out.pop(); }
    if use_exp {
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// Formats a float for presentation type `ty` (`e E f F g G %` or `r` for
/// repr-like); returns (negative, body) where body has no sign.
fn float_body(v: f64, ty: char, precision: Option<usize>, alt: bool, no_neg_0: bool) -> (bool, String) {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    let mut neg = v.is_sign_negative() && !v.is_nan();
    if !v.is_finite() || (ty == '%' && !(v * 100.0).is_finite()) {
        let s = if v.is_nan() { "nan" } else { "inf" };
        let s = if upper { s.to_uppercase() } else { s.to_string() };
        let s = if ty == '%' { s + "%" } else { s };
        return (neg, s);
    }
    let a = v.abs();
    let mut body = match ty {
        'r' => match precision {
            None => float_digits(a, 'r', 0, alt, true),
            Some(p) => float_digits(a, 'g', p, alt, true),
        },
        '%' => float_digits(a * 100.0, 'f', precision.unwrap_or(6), alt, false) + "%",
        _ => float_digits(a, ty.to_ascii_lowercase(), precision.unwrap_or(6), alt, false),
    };
    if upper { body = body.to_uppercase(); }
    if neg && no_neg_0 && body.chars().take_while(|c| *c != 'e' && *c != 'E').all(|c| c == '0' || c == '.' || c == '%') {
        neg = false;
    }
    (neg, body)
}

/// Splits a formatted float body into its leading integer digits and the rest.
fn split_digits(body: &str) -> (&str, &str) {
    let i = body.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(i)
}

fn format_float_spec(f: &FormatSpec, v: f64) -> String {
    let ty = match f.ty { None => 'r', Some('n') => 'g', Some(t) => t };
    let (neg, body) = float_body(v, ty, f.precision, f.alt, f.no_neg_0);
    let (digits, rest) = split_digits(&body);
    finish_number(f, neg, "", digits, rest, 3, v.is_finite())
}

/// An int formatted with an integer presentation type (`b c d o x X n`).
fn format_int_spec(vm: &mut Vm, f: &FormatSpec, v: &BigInt) -> PyResult<String> {
    if f.precision.is_some() {
        return Err(vm.new_exc(Exc::ValueError, "Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(vm.new_exc(Exc::ValueError, "Negative zero coercion (z) not allowed in integer format specifier"));
    }
    let ty = f.ty.unwrap_or('d');
    if ty == 'c' {
        if f.sign.is_some() {
            return Err(vm.new_exc(Exc::ValueError, "Sign not allowed with integer format specifier 'c'"));
        }
        if f.alt {
            return Err(vm.new_exc(Exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        // Lone surrogates cannot live in a UTF-8 str; they become U+FFFD.
        let Some(c) = v.to_u32().filter(|&n| n < 0x110000).map(|n| char::from_u32(n).unwrap_or('\u{fffd}')) else {
            return Err(vm.new_exc(Exc::OverflowError, "%c arg not in range(0x110000)"));
        };
        return Ok(pad(&c.to_string(), f, '>'));
    }
    let (radix, prefix, group) = match ty {
        'b' => (2, "0b", 4), 'o' => (8, "0o", 4), 'x' => (16, "0x", 4), 'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = v.magnitude().to_str_radix(radix);
    if ty == 'X' { digits = digits.to_uppercase(); }
    let prefix = if f.alt { prefix } else { "" };
    let group = if f.grouping == Some(',') { 3 } else { group };
    Ok(finish_number(f, v.is_negative(), prefix, &digits, "", group, true))
}

fn format_str_spec(vm: &mut Vm, f: &FormatSpec, s: &str) -> PyResult<String> {
    if let Some(sg) = f.sign {
        let msg = if sg == ' ' { "Space not allowed in string format specifier" } else { "Sign not allowed in string format specifier" };
        return Err(vm.new_exc(Exc::ValueError, msg));
    }
    if f.no_neg_0 {
        return Err(vm.new_exc(Exc::ValueError, "Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alt {
        return Err(vm.new_exc(Exc::ValueError, "Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Some('=') {
        return Err(vm.new_exc(Exc::ValueError, "'=' alignment not allowed in string format specifier"));
    }
    let body: &str = match f.precision {
        Some(p) => match s.char_indices().nth(p) { Some((i, _)) => &s[..i], None => s },
        None => s,
    };
    Ok(pad(body, f, '<'))
}

/// The integer value of an int-like value (int, bool, big int).
fn int_of(vm: &Vm, v: Value) -> Option<BigInt> {
    vm.as_bigint(v)
}

/// `format(v, spec)` for builtin values; Ok(None) when `v` is not a builtin
/// kind this handles.
pub fn format_builtin(vm: &mut Vm, v: Value, spec: &str) -> PyResult<Option<String>> {
    if spec.is_empty() {
        return Ok(Some(vm.str_string(v)?));
    }
    if vm.is_int_like(v) {
        let tn = vm.type_name(v);
        let f = parse_spec(vm, spec, Some('d'), &tn)?;
        let b = int_of(vm, v).unwrap_or_default();
        return match f.ty {
            Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_spec(vm, &f, &b).map(Some),
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                let x = vm.big_to_f64(&b)?;
                Ok(Some(format_float_spec(&f, x)))
            }
            Some(t) => Err(unknown_code(vm, t, &tn)),
            None => format_int_spec(vm, &f, &b).map(Some),
        };
    }
    if !v.is_ref() { return Ok(None); }
    match kind_of(v) {
        Kind::Float => {
            let tn = vm.type_name(v);
            let f = parse_spec(vm, spec, None, &tn)?;
            match f.ty {
                None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => Ok(Some(format_float_spec(&f, float_val(v)))),
                Some(t) => Err(unknown_code(vm, t, &tn)),
            }
        }
        Kind::Str => {
            let tn = vm.type_name(v);
            let f = parse_spec(vm, spec, Some('s'), &tn)?;
            match f.ty {
                Some('s') | None => format_str_spec(vm, &f, str_ref(v)).map(Some),
                Some(t) => Err(unknown_code(vm, t, &tn)),
            }
        }
        _ => Ok(None),
    }
}

// ---------------------------------------------------------------------------
// %-formatting

/// Argument bookkeeping of `PyUnicode_Format`: `args` is the current
/// argument source, `argidx`/`arglen` follow CPython (a non-tuple argument
/// has arglen -1 and argidx -2).
struct PctArgs {
    args: Value,
    arglen: i64,
    argidx: i64,
    dict: Value,
}

impl PctArgs {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            self.argidx += 1;
            if self.arglen < 0 { return Ok(self.args); }
            return Ok(tuple_slice(self.args)[(self.argidx - 1) as usize]);
        }
        Err(vm.new_exc(Exc::TypeError, "not enough arguments for format string"))
    }
}

/// Whether `%`-formatting treats `v` as a mapping (CPython: has
/// `__getitem__`, and is neither a tuple nor a str).
fn pct_is_mapping(vm: &mut Vm, v: Value) -> bool {
    if v.is_ref() {
        match kind_of(v) {
            Kind::Tuple | Kind::Str => return false,
            Kind::Dict | Kind::List | Kind::Bytes | Kind::ByteArray | Kind::Range => return true,
            _ => {}
        }
    } else {
        return false;
    }
    let cls = vm.type_of(v);
    vm.lookup_type(cls, vm.n(N::getitem)).is_some()
}

/// An integer for `%d`-style conversions: ints as they are, floats
/// truncated, other objects through `__int__`/`__index__`.
fn pct_int(vm: &mut Vm, v: Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = vm.as_bigint(v) { return Ok(b); }
    let tn = vm.type_name(v);
    let index_only = matches!(conv, 'x' | 'X' | 'o');
    if v.is_ref() && kind_of(v) == Kind::Float && !index_only {
        let f = float_val(v);
        if f.is_nan() { return Err(vm.new_exc(Exc::ValueError, "cannot convert float NaN to integer")); }
        if f.is_infinite() { return Err(vm.new_exc(Exc::OverflowError, "cannot convert float infinity to integer")); }
        return Ok(num_bigint::BigInt::from_f64_trunc(f));
    }
    let cls = vm.type_of(v);
    let names: &[N] = if index_only { &[N::index] } else { &[N::int_, N::index] };
    for &n in names {
        if let Some(m) = vm.lookup_type(cls, vm.n(n)) {
            let r = vm.call(m, &[v])?;
            if let Some(b) = vm.as_bigint(r) { return Ok(b); }
            let rn = vm.type_name(r);
            let dn = n.as_str();
            return Err(vm.new_exc(Exc::TypeError, &format!("{dn} returned non-int (type {rn})")));
        }
    }
    let msg = if index_only {
        format!("%{conv} format: an integer is required, not {tn}")
    } else {
        format!("%{conv} format: a real number is required, not {tn}")
    };
    Err(vm.new_exc(Exc::TypeError, &msg))
}

/// A float for `%e`-style conversions.
fn pct_float(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_num(v) {
        Some(Num::Float(f)) => return Ok(f),
        Some(Num::Int(i)) => return Ok(i as f64),
        Some(Num::Big(b)) => return vm.big_to_f64(&b),
        None => {}
    }
    let cls = vm.type_of(v);
    for n in [N::float_, N::index] {
        if let Some(m) = vm.lookup_type(cls, vm.n(n)) {
            let r = vm.call(m, &[v])?;
            match vm.as_num(r) {
                Some(Num::Float(f)) if n == N::float_ => return Ok(f),
                Some(Num::Int(i)) if n == N::index => return Ok(i as f64),
                Some(Num::Big(b)) if n == N::index => return vm.big_to_f64(&b),
                _ => {
                    let rn = vm.type_name(r);
                    return Err(vm.new_exc(Exc::TypeError, &format!("{}() returned non-float (type {rn})", n.as_str())));
                }
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("must be real number, not {tn}")))
}

trait FromF64Trunc { fn from_f64_trunc(f: f64) -> Self; }
impl FromF64Trunc for BigInt {
    fn from_f64_trunc(f: f64) -> BigInt {
        use num_traits::FromPrimitive;
        BigInt::from_f64(f.trunc()).unwrap_or_default()
    }
}

/// Pads a converted `%` field: `-` left-justifies; `0` (numbers only)
/// inserts zeros after the sign and prefix.
fn pct_pad(body_sign: &str, prefix: &str, body: &str, width: usize, left: bool, zero: bool) -> String {
    let len = body_sign.chars().count() + prefix.chars().count() + body.chars().count();
    if len >= width { return format!("{body_sign}{prefix}{body}"); }
    let n = width - len;
    if left {
        format!("{body_sign}{prefix}{body}{}", " ".repeat(n))
    } else if zero {
        format!("{body_sign}{prefix}{}{body}", "0".repeat(n))
    } else {
        format!("{}{body_sign}{prefix}{body}", " ".repeat(n))
    }
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let out = percent_core(vm, &chars, args, false)?;
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// `fmt % args` for bytes (PEP 461): `%s`/`%b` insert bytes-like objects
/// (or `__bytes__`), `%r`/`%a` insert `ascii()`, `%c` takes a byte.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    percent_core(vm, &chars, args, true)
}

/// The contents for a bytes-mode `%s`/`%b` argument.
fn pct_bytes_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_like(v) { return Ok(b); }
    let cls = vm.type_of(v);
    if let Some(m) = vm.lookup_type_str(cls, "__bytes__") {
        let r = vm.call(m, &[v])?;
        if let Some(b) = vm.bytes_like(r) { return Ok(b); }
        let tn = vm.type_name(r);
        return Err(vm.new_exc(Exc::TypeError, &format!("__bytes__ returned non-bytes (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'")))
}

/// The shared `%` engine; `fmt` holds chars (bytes mapped 1:1 in bytes
/// mode) and the result is UTF-8 (str mode) or raw bytes.
fn percent_core(vm: &mut Vm, chars: &[char], args: Value, bytes_mode: bool) -> PyResult<Vec<u8>> {
    let is_tuple = args.is_ref() && kind_of(args) == Kind::Tuple;
    let mut st = PctArgs {
        args,
        arglen: if is_tuple { tuple_slice(args).len() as i64 } else { -1 },
        argidx: if is_tuple { 0 } else { -2 },
        dict: Value::NULL,
    };
    if !is_tuple && pct_is_mapping(vm, args) { st.dict = args; }
    let n = chars.len();
    let mut out: Vec<u8> = Vec::with_capacity(n + 16);
    let push_char = |out: &mut Vec<u8>, c: char| {
        if bytes_mode { out.push(c as u32 as u8); } else { let mut b = [0u8; 4]; out.extend_from_slice(c.encode_utf8(&mut b).as_bytes()); }
    };
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c != '%' { push_char(&mut out, c); i += 1; continue; }
        i += 1;
        if i >= n { return Err(vm.new_exc(Exc::ValueError, "incomplete format")); }
        if chars[i] == '%' { out.push(b'%'); i += 1; continue; }
        // Mapping key.
        if chars[i] == '(' {
            if st.dict.is_null() {
                return Err(vm.new_exc(Exc::TypeError, "format requires a mapping"));
            }
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < n && depth > 0 {
                if chars[i] == ')' { depth -= 1; } else if chars[i] == '(' { depth += 1; }
                i += 1;
            }
            if depth > 0 { return Err(vm.new_exc(Exc::ValueError, "incomplete format key")); }
            let k = if bytes_mode {
                let key: Vec<u8> = chars[start..i - 1].iter().map(|&c| c as u32 as u8).collect();
                vm.new_bytes(&key)
            } else {
                let key: String = chars[start..i - 1].iter().collect();
                vm.new_str(&key)
            };
            let v = vm.getitem(st.dict, k)?;
            st.args = v;
            st.arglen = -1;
            st.argidx = -2;
        }
        // Flags.
        let (mut left, mut plus, mut space, mut alt, mut zero) = (false, false, false, false, false);
        while i < n {
            match chars[i] {
                '-' => left = true,
                '+' => plus = true,
                ' ' => space = true,
                '#' => alt = true,
                '0' => zero = true,
                _ => break,
            }
            i += 1;
        }
        // Width.
        let mut width: usize = 0;
        if i < n && chars[i] == '*' {
            let w = st.next(vm)?;
            let Some(w) = vm.as_i64(w).filter(|_| vm.is_int_like(w)) else {
                return Err(vm.new_exc(Exc::TypeError, "* wants int"));
            };
            if w < 0 { left = true; }
            width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < n && chars[i].is_ascii_digit() {
                width = width.checked_mul(10).and_then(|x| x.checked_add(chars[i] as usize - '0' as usize))
                    .filter(|&x| x <= i32::MAX as usize)
                    .ok_or_else(|| vm.new_exc(Exc::ValueError, "width too big"))?;
                i += 1;
            }
        }
        // Precision.
        let mut prec: Option<usize> = None;
        if i < n && chars[i] == '.' {
            i += 1;
            if i < n && chars[i] == '*' {
                let p = st.next(vm)?;
                let Some(p) = vm.as_i64(p).filter(|_| vm.is_int_like(p)) else {
                    return Err(vm.new_exc(Exc::TypeError, "* wants int"));
                };
                prec = Some(p.max(0) as usize);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    p = p.checked_mul(10).and_then(|x| x.checked_add(chars[i] as usize - '0' as usize))
                        .filter(|&x| x <= i32::MAX as usize)
                        .ok_or_else(|| vm.new_exc(Exc::ValueError, "precision too big"))?;
                    i += 1;
                }
                prec = Some(p);
            }
        }
        if width > MAX_WIDTH || prec.map_or(false, |p| p > MAX_WIDTH) {
            return Err(vm.new_exc(Exc::MemoryError, ""));
        }
        // Length modifiers are accepted and ignored.
        while i < n && matches!(chars[i], 'h' | 'l' | 'L') { i += 1; }
        if i >= n { return Err(vm.new_exc(Exc::ValueError, "incomplete format")); }
        let conv = chars[i];
        let conv_index = i;
        i += 1;
        let arg = st.next(vm)?;
        let sign_of = |neg: bool| -> &'static str {
            if neg { "-" } else if plus { "+" } else if space { " " } else { "" }
        };
        match conv {
            's' | 'b' if bytes_mode => {
                let mut b = pct_bytes_arg(vm, arg)?;
                if let Some(p) = prec { b.truncate(p); }
                let pad = width.saturating_sub(b.len());
                if !left { out.extend(std::iter::repeat(b' ').take(pad)); }
                out.extend_from_slice(&b);
                if left { out.extend(std::iter::repeat(b' ').take(pad)); }
            }
            'r' | 'a' if bytes_mode => {
                let r = vm.ascii(arg)?;
                let mut b = str_ref(r).as_bytes().to_vec();
                if let Some(p) = prec { b.truncate(p); }
                out.extend_from_slice(pct_pad("", "", std::str::from_utf8(&b).unwrap_or(""), width, left, false).as_bytes());
            }
            'c' if bytes_mode => {
                let byte = if let Some(b) = vm.bytes_like(arg).filter(|b| b.len() == 1) {
                    b[0]
                } else if vm.is_int_like(arg) || vm.index_value(arg)?.is_some() {
                    match vm.index_value(arg)?.filter(|c| (0..256).contains(c)) {
                        Some(c) if !(arg.is_ref() && kind_of(arg) == Kind::BigInt) => c as u8,
                        _ => return Err(vm.new_exc(Exc::OverflowError, "%c arg not in range(256)")),
                    }
                } else {
                    return Err(vm.new_exc(Exc::TypeError, "%c requires an integer in range(256) or a single byte"));
                };
                let pad = width.saturating_sub(1);
                if !left { out.extend(std::iter::repeat(b' ').take(pad)); }
                out.push(byte);
                if left { out.extend(std::iter::repeat(b' ').take(pad)); }
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str_string(arg)?,
                    'r' => vm.repr_string(arg)?,
                    _ => { let r = vm.ascii(arg)?; str_ref(r).to_string() }
                };
                let s = match prec { Some(p) => s.chars().take(p).collect(), None => s };
                out.extend_from_slice(pct_pad("", "", &s, width, left, false).as_bytes());
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let v = pct_int(vm, arg, conv)?;
                let (radix, pre) = match conv { 'x' => (16, "0x"), 'X' => (16, "0X"), 'o' => (8, "0o"), _ => (10, "") };
                let mut digits = v.magnitude().to_str_radix(radix);
                if conv == 'X' { digits = digits.to_uppercase(); }
                if let Some(p) = prec {
                    if digits.len() < p { digits = "0".repeat(p - digits.len()) + &digits; }
                }
                let pre = if alt { pre } else { "" };
                out.extend_from_slice(pct_pad(sign_of(v.is_negative()), pre, &digits, width, left, zero).as_bytes());
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = pct_float(vm, arg)?;
                let (neg, body) = float_body(x, conv, Some(prec.unwrap_or(6)), alt, false);
                out.extend_from_slice(pct_pad(sign_of(neg), "", &body, width, left, zero).as_bytes());
            }
            'c' => {
                let ch = if vm.is_str(arg) {
                    let s = str_ref(arg);
                    let mut it = s.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => return Err(vm.new_exc(Exc::TypeError, "%c requires int or char")),
                    }
                } else {
                    let iv = if vm.is_int_like(arg) { vm.as_bigint(arg) } else {
                        let cls = vm.type_of(arg);
                        match vm.lookup_type(cls, vm.n(N::index)) {
                            Some(m) => { let r = vm.call(m, &[arg])?; vm.as_bigint(r) }
                            None => None,
                        }
                    };
                    let Some(iv) = iv else {
                        return Err(vm.new_exc(Exc::TypeError, "%c requires int or char"));
                    };
                    match iv.to_u32().filter(|&c| c < 0x110000) {
                        Some(c) => char::from_u32(c).unwrap_or('\u{fffd}'),
                        None => return Err(vm.new_exc(Exc::OverflowError, "%c arg not in range(0x110000)")),
                    }
                };
                out.extend_from_slice(pct_pad("", "", &ch.to_string(), width, left, false).as_bytes());
            }
            _ => {
                let code = conv as u32;
                let shown = if (32..127).contains(&code) { conv } else { '?' };
                return Err(vm.new_exc(Exc::ValueError, &format!(
                    "unsupported format character '{shown}' (0x{code:x}) at index {conv_index}")));
            }
        }
    }
    if st.argidx < st.arglen && st.dict.is_null() {
        let what = if bytes_mode { "bytes" } else { "string" };
        return Err(vm.new_exc(Exc::TypeError, &format!("not all arguments converted during {what} formatting")));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_digits_match_cpython() {
        let cases: &[(f64, char, usize, bool, bool, &str)] = &[
            (1234.5678, 'f', 2, false, false, "1234.57"),
            (1234.5678, 'e', 6, false, false, "1.234568e+03"),
            (1234.5678, 'g', 6, false, false, "1234.57"),
            (1e-5, 'g', 6, false, false, "1e-05"),
            (1e-5, 'g', 6, true, false, "1.00000e-05"),
            (1e5, 'g', 6, false, true, "1e+05"),
            (100.0, 'g', 3, false, true, "1e+02"),
            (99.0, 'g', 3, false, true, "99.0"),
            (1e16, 'r', 0, false, true, "1e+16"),
            (1e15, 'r', 0, false, true, "1000000000000000.0"),
            (0.0001, 'r', 0, false, true, "0.0001"),
            (2.5, 'f', 0, false, false, "2"),
            (2.5, 'f', 0, true, false, "2."),
            (0.0, 'g', 6, true, false, "0.00000"),
            (0.0, 'e', 6, false, false, "0.000000e+00"),
            (5e-324, 'g', 3, false, true, "4.94e-324"),
            (0.1, 'f', 30, false, false, "0.100000000000000005551115123126"),
            (1e22, 'f', 0, false, false, "10000000000000000000000"),
        ];
        for &(v, m, p, alt, d0, want) in cases {
            assert_eq!(float_digits(v, m, p, alt, d0), want, "{v} {m} {p}");
        }
    }

    #[test]
    fn grouping_pads_with_zeros() {
        assert_eq!(group_digits("1234", 9, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234", 8, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("1234567", 0, Some((',', 3))), "1,234,567");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
