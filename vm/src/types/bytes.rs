//! Methods of the builtin `bytes` and `bytearray` types: constructors,
//! decoding, hex, searching/splitting/stripping (ASCII semantics), repr, and
//! bytearray's mutators.
//!
//! Most methods are shared: each reads `self` as a byte vector (a copy, so
//! running Python code in between cannot invalidate it) and builds its
//! result with the receiver's type: `bytearray.upper()` is a bytearray,
//! `bytes.split()` a list of bytes. A bytearray is mutated by replacing its
//! contents through `vm.bytearray_set`.

use crate::bytecode::CmpOp;
use std::borrow::Cow;
use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyErr, PyResult, Ty, Vm};
use super::str::{adjust_indices, check_kw_args, check_positional, check_tuple_args, index_arg, no_kw, one_arg, slice_arg};

pub fn init(vm: &mut Vm) {
    let shared: &[(&str, NativeFn)] = &[
        ("decode", b_decode), ("hex", b_hex), ("join", b_join), ("split", b_split), ("rsplit", b_rsplit),
        ("replace", b_replace), ("find", b_find), ("rfind", b_rfind), ("index", b_index), ("rindex", b_rindex),
        ("count", b_count), ("startswith", b_startswith), ("endswith", b_endswith),
        ("strip", b_strip), ("lstrip", b_lstrip), ("rstrip", b_rstrip),
        ("upper", b_upper), ("lower", b_lower), ("title", b_title), ("capitalize", b_capitalize),
        ("swapcase", b_swapcase), ("isalnum", b_isalnum), ("isalpha", b_isalpha), ("isdigit", b_isdigit),
        ("islower", b_islower), ("isupper", b_isupper), ("isspace", b_isspace), ("istitle", b_istitle),
        ("isascii", b_isascii), ("partition", b_partition), ("rpartition", b_rpartition),
        ("splitlines", b_splitlines), ("center", b_center), ("ljust", b_ljust), ("rjust", b_rjust),
        ("zfill", b_zfill), ("expandtabs", b_expandtabs), ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix), ("translate", b_translate),
        ("__len__", b_len), ("__getitem__", b_getitem), ("__iter__", b_iter), ("__contains__", b_contains),
        ("__repr__", b_repr), ("__str__", b_repr), ("__add__", b_add), ("__mul__", b_mul), ("__rmul__", b_mul),
        ("__mod__", b_mod), ("__eq__", b_eq), ("__ne__", b_ne), ("__lt__", b_lt), ("__le__", b_le),
        ("__gt__", b_gt), ("__ge__", b_ge),
    ];
    for &(name, f) in shared {
        vm.add_ty_method(Ty::Bytes, name, f);
        vm.add_ty_method(Ty::ByteArray, name, f);
    }
    vm.add_ty_method(Ty::Bytes, "__hash__", b_hash);
    vm.add_ty_method(Ty::Bytes, "__bytes__", b_bytes);
    vm.add_ty_method(Ty::Bytes, "__getnewargs__", b_getnewargs);
    let ba: &[(&str, NativeFn)] = &[
        ("append", ba_append), ("extend", ba_extend), ("pop", ba_pop), ("insert", ba_insert),
        ("remove", ba_remove), ("reverse", ba_reverse), ("clear", ba_clear), ("copy", ba_copy),
        ("__setitem__", ba_setitem), ("__delitem__", ba_delitem), ("__iadd__", ba_iadd),
        ("__imul__", ba_imul), ("__alloc__", ba_alloc),
    ];
    for &(name, f) in ba { vm.add_ty_method(Ty::ByteArray, name, f); }
    // bytearray is mutable and so unhashable.
    let bac = vm.ty(Ty::ByteArray);
    let d = obj::<ClassL>(bac).dict;
    vm.dict_set_str(d, "__hash__", Value::NONE);
    for t in [Ty::Bytes, Ty::ByteArray] {
        let c = vm.ty(t);
        vm.add_static(c, "__new__", b_new, false);
        vm.add_static(c, "fromhex", b_fromhex, true);
        vm.add_static(c, "maketrans", b_maketrans, false);
    }
}

// ---------------------------------------------------------------------------
// Helpers

/// `self` of a bytes/bytearray method: (contents, is_bytearray). Bytes are
/// immutable and held by the caller, so they are borrowed; a bytearray is
/// copied, because Python code run by the method (`__index__`, iteration)
/// could resize it.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Cow<'static, [u8]>, bool)> {
    match args.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::Bytes => Ok((Cow::Borrowed(bytes_slice(v)), false)),
        Some(&v) if v.is_ref() && kind_of(v) == Kind::ByteArray => {
            Ok((Cow::Owned(vm.bytes_like(v).unwrap_or_default()), true))
        }
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' for 'bytes' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method bytes.{name}() needs an argument"))),
    }
}

/// The receiver's type name for messages ("bytes" or "bytearray").
fn tyname(ba: bool) -> &'static str { if ba { "bytearray" } else { "bytes" } }

/// A result of the receiver's type.
fn mk(vm: &mut Vm, ba: bool, data: &[u8]) -> Value {
    if ba { vm.new_bytearray(data) } else { vm.new_bytes(data) }
}

/// A list of results of the receiver's type.
/// A list of new bytes (or bytearrays) for `parts`, slices of `src`. The
/// slices may sit in a Rust Vec, which the collector does not scan, so
/// `src` (when it borrows a bytes object) is kept in a live local until the
/// end: the conservative scan pins the object while the parts are copied.
fn mk_list(vm: &mut Vm, ba: bool, src: &[u8], parts: &[&[u8]]) -> Value {
    let l = vm.new_list_cap(parts.len());
    for p in parts {
        let b = mk(vm, ba, p);
        vm.list_append(l, b);
    }
    std::hint::black_box(src);
    l
}

fn noargs(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<(Cow<'static, [u8]>, bool)> {
    let r = this(vm, args, name)?;
    let q = format!("{}.{name}", tyname(r.1));
    no_kw(vm, kwnames, &q)?;
    if args.len() != 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("{q}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(r)
}

/// A bytes-like argument or "a bytes-like object is required" TypeError.
fn need_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match vm.bytes_like(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A byte value (0..=255) from an int-like, with CPython's errors.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = match vm.index_value(v)? {
        Some(i) => i,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if !(0..256).contains(&i) || (v.is_ref() && kind_of(v) == Kind::BigInt) {
        return Err(vm.new_exc(Exc::ValueError, "byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn is_ws(b: u8) -> bool { matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') }

fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() { return Some(0); }
    if needle.len() > hay.len() { return None; }
    hay.windows(needle.len()).position(|w| w == needle)
}
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() { return Some(hay.len()); }
    if needle.len() > hay.len() { return None; }
    hay.windows(needle.len()).rposition(|w| w == needle)
}
/// Non-overlapping occurrences of `needle` in `hay` (byte offsets).
fn occurrences(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle { out.push(i); i += needle.len(); } else { i += 1; }
    }
    out
}

// ---------------------------------------------------------------------------
// repr

/// `repr()` of bytes contents: `b'...'` with CPython's escapes.
pub fn bytes_repr(b: &[u8]) -> String { bytes_repr_q(b, false) }

/// `bytes_repr`, escaping `'` even inside double quotes when
/// `always_escape_single` (bytearray's repr does).
fn bytes_repr_q(b: &[u8], always_escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote || (always_escape_single && c == b'\'') => { out.push('\\'); out.push(c as char); }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

fn b_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = noargs(vm, args, kwnames, "__repr__")?;
    let r = bytes_repr_q(&b, ba);
    let s = if ba {
        let cls = cls_of(args[0]);
        let name = vm.class_name(cls).to_string();
        format!("{name}({r})")
    } else { r };
    Ok(vm.new_str(&s))
}

// ---------------------------------------------------------------------------
// Constructors

/// The contents for `bytes(x)`/`bytearray(x)` with one argument and no
/// encoding.
fn bytes_from_object(vm: &mut Vm, x: Value, ba: bool) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.buffer_bytes(x) { return Ok(b); }
    if vm.is_str(x) {
        return Err(vm.new_exc(Exc::TypeError, "string argument without an encoding"));
    }
    if !ba {
        let cls = vm.type_of(x);
        if let Some(m) = vm.lookup_type_str(cls, "__bytes__") {
            let r = vm.call(m, &[x])?;
            if !(r.is_ref() && kind_of(r) == Kind::Bytes) {
                let tn = vm.type_name(r);
                return Err(vm.new_exc(Exc::TypeError, &format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return Ok(bytes_slice(r).to_vec());
        }
    }
    if let Some(n) = vm.index_value(x)? {
        if x.is_ref() && kind_of(x) == Kind::BigInt && n > 0 {
            return Err(vm.new_exc(Exc::OverflowError, "cannot fit 'int' into an index-sized integer"));
        }
        if n < 0 { return Err(vm.new_exc(Exc::ValueError, "negative count")); }
        if n > 1 << 34 { return Err(vm.new_exc(Exc::MemoryError, "")); }
        return Ok(vec![0; n as usize]);
    }
    if !vm.is_iterable(x) {
        let tn = vm.type_name(x);
        return Err(vm.new_exc(Exc::TypeError, &format!("cannot convert '{tn}' object to {}", tyname(ba))));
    }
    let items = vm.collect_list(x)?;
    let mut out = Vec::with_capacity(list_slice(items).len());
    let mut i = 0;
    while i < list_slice(items).len() {
        let v = list_slice(items)[i];
        match byte_value(vm, v) {
            Ok(b) => out.push(b),
            Err(e) if vm.exc_matches(e, Exc::ValueError) => {
                return Err(vm.new_exc(Exc::ValueError, "bytes must be in range(0, 256)"));
            }
            Err(e) => return Err(e),
        }
        i += 1;
    }
    std::hint::black_box(items);
    Ok(out)
}

fn b_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("bytes", args, kwnames);
    let Some(&cls) = p.pos.first() else {
        return Err(vm.new_exc(Exc::TypeError, "bytes.__new__(): not enough arguments"));
    };
    let ba = vm.is_class(cls) && vm.is_subclass(cls, vm.ty(Ty::ByteArray));
    let name = tyname(ba);
    if !vm.is_class(cls) || !(ba || vm.is_subclass(cls, vm.ty(Ty::Bytes))) {
        return Err(vm.new_exc(Exc::TypeError, "bytes.__new__(X): X is not a subtype of bytes"));
    }
    let rest = ArgParser { name, pos: &p.pos[1..], kwnames: p.kwnames, kwvals: p.kwvals };
    check_kw_args(vm, &rest, name, &["source", "encoding", "errors"])?;
    let source = rest.get(0, "source");
    let encoding = rest.get(1, "encoding");
    let errors = rest.get(2, "errors");
    for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(v) = v {
            if !vm.is_str(v) {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("{name}() argument '{what}' must be str, not {tn}")));
            }
        }
    }
    let data = match source {
        None => {
            if encoding.is_some() || errors.is_some() {
                let msg = if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" };
                return Err(vm.new_exc(Exc::TypeError, msg));
            }
            Vec::new()
        }
        Some(s) if vm.is_str(s) => {
            let Some(enc) = encoding else {
                return Err(vm.new_exc(Exc::TypeError, "string argument without an encoding"));
            };
            let err = errors.map(str_ref).unwrap_or("strict");
            super::str::encode_str(vm, s, str_ref(enc), err)?
        }
        Some(s) => {
            if encoding.is_some() || errors.is_some() {
                let msg = if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" };
                return Err(vm.new_exc(Exc::TypeError, msg));
            }
            if !ba && s.is_ref() && kind_of(s) == Kind::Bytes && cls_of(s) == vm.ty(Ty::Bytes) && cls == vm.ty(Ty::Bytes) {
                return Ok(s);
            }
            bytes_from_object(vm, s, ba)?
        }
    };
    let v = mk(vm, ba, &data);
    if cls != vm.ty(if ba { Ty::ByteArray } else { Ty::Bytes }) {
        set_field!(v, ObjHead, cls, cls);
    }
    Ok(v)
}

fn b_fromhex(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    // A classmethod: args[0] is the class.
    let cls = args[0];
    let s = one_arg(vm, args, kwnames, "fromhex")?;
    if !vm.is_str(s) {
        let tn = vm.type_name(s);
        return Err(vm.new_exc(Exc::TypeError, &format!("fromhex() argument must be str, not {tn}")));
    }
    let chars: Vec<char> = str_ref(s).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let hexval = |c: char| c.to_digit(16);
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() { i += 1; continue; }
        let Some(hi) = hexval(chars[i]) else {
            return Err(vm.new_exc(Exc::ValueError, &format!("non-hexadecimal number found in fromhex() arg at position {i}")));
        };
        let lo = chars.get(i + 1).and_then(|&c| hexval(c));
        let Some(lo) = lo else {
            return Err(vm.new_exc(Exc::ValueError, &format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let ba = vm.is_class(cls) && vm.is_subclass(cls, vm.ty(Ty::ByteArray));
    let v = mk(vm, ba, &out);
    if vm.is_class(cls) && cls != vm.ty(Ty::Bytes) && cls != vm.ty(Ty::ByteArray) {
        return vm.call(cls, &[v]);
    }
    Ok(v)
}

fn b_maketrans(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_kw(vm, kwnames, "maketrans")?;
    check_positional(vm, "maketrans", args.len(), 2, 2)?;
    let from = need_bytes(vm, args[0])?;
    let to = need_bytes(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.new_exc(Exc::ValueError, "maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.iter().zip(to.iter()) { table[*a as usize] = *b; }
    Ok(vm.new_bytes(&table))
}

// ---------------------------------------------------------------------------
// Decoding

/// `bytes.decode(encoding, errors)`.
pub(crate) fn decode_bytes(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = super::str::codec_of(encoding) else {
        return Err(vm.new_exc(Exc::LookupError, &format!("unknown encoding: {encoding}")));
    };
    match codec {
        "utf-8" | "utf-8-sig" => {
            let data = if codec == "utf-8-sig" { data.strip_prefix(&[0xef, 0xbb, 0xbf][..]).unwrap_or(data) } else { data };
            decode_utf8(vm, data, codec, errors)
        }
        "ascii" | "latin-1" => {
            let limit = if codec == "ascii" { 128 } else { 256 };
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if (b as u32) < limit { out.push(b as char); continue; }
                match errors {
                    "strict" => {
                        let reason = format!("ordinal not in range({limit})");
                        let msg = format!("'{codec}' codec can't decode byte 0x{b:02x} in position {i}: {reason}");
                        return Err(decode_error(vm, codec, data, i, i + 1, &reason, &msg));
                    }
                    "ignore" => {}
                    "replace" | "surrogateescape" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                    _ => return Err(vm.new_exc(Exc::LookupError, &format!("unknown error handler name '{errors}'"))),
                }
            }
            Ok(out)
        }
        "cp1252" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                let c = if (0x80..0xa0).contains(&b) {
                    char::from_u32(super::str::CP1252_HIGH[b as usize - 0x80] as u32).filter(|&c| c != '\0')
                } else { Some(b as char) };
                match (c, errors) {
                    (Some(c), _) => out.push(c),
                    (None, "strict") => {
                        let reason = "character maps to <undefined>";
                        let msg = format!("'charmap' codec can't decode byte 0x{b:02x} in position {i}: {reason}");
                        return Err(decode_error(vm, "charmap", data, i, i + 1, reason, &msg));
                    }
                    (None, "ignore") => {}
                    (None, "replace" | "surrogateescape") => out.push('\u{fffd}'),
                    (None, "backslashreplace") => out.push_str(&format!("\\x{b:02x}")),
                    (None, _) => return Err(vm.new_exc(Exc::LookupError, &format!("unknown error handler name '{errors}'"))),
                }
            }
            Ok(out)
        }
        "utf-16" | "utf-16-le" | "utf-16-be" => {
            let (mut be, mut body) = (codec == "utf-16-be", data);
            if codec == "utf-16" {
                if body.starts_with(&[0xff, 0xfe]) { body = &body[2..]; }
                else if body.starts_with(&[0xfe, 0xff]) { body = &body[2..]; be = true; }
            }
            if body.len() % 2 == 1 && errors == "strict" {
                let n = data.len();
                let msg = format!("'{codec}' codec can't decode byte 0x{:02x} in position {}: truncated data", data[n - 1], n - 1);
                return Err(decode_error(vm, codec, data, n - 1, n, "truncated data", &msg));
            }
            let units: Vec<u16> = body.chunks_exact(2).map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) }).collect();
            match String::from_utf16(&units) {
                Ok(s) => Ok(s),
                Err(_) if errors != "strict" => Ok(String::from_utf16_lossy(&units)),
                Err(_) => {
                    let msg = format!("'{codec}' codec can't decode bytes: illegal UTF-16 surrogate");
                    Err(decode_error(vm, codec, data, 0, data.len(), "illegal UTF-16 surrogate", &msg))
                }
            }
        }
        _ => {
            let (mut be, mut body) = (codec == "utf-32-be", data);
            if codec == "utf-32" {
                if body.starts_with(&[0xff, 0xfe, 0, 0]) { body = &body[4..]; }
                else if body.starts_with(&[0, 0, 0xfe, 0xff]) { body = &body[4..]; be = true; }
            }
            let mut out = String::new();
            for (k, c) in body.chunks(4).enumerate() {
                let ch = if c.len() == 4 {
                    let n = if be { u32::from_be_bytes([c[0], c[1], c[2], c[3]]) } else { u32::from_le_bytes([c[0], c[1], c[2], c[3]]) };
                    char::from_u32(n)
                } else { None };
                match ch {
                    Some(ch) => out.push(ch),
                    None if errors == "strict" => {
                        let pos = data.len() - body.len() + 4 * k;
                        let reason = if c.len() < 4 { "truncated data" } else { "code point not in range(0x110000)" };
                        let msg = format!("'{codec}' codec can't decode bytes in position {}-{}: {reason}", pos, pos + c.len() - 1);
                        return Err(decode_error(vm, codec, data, pos, pos + c.len(), reason, &msg));
                    }
                    None if errors == "ignore" => {}
                    None => out.push('\u{fffd}'),
                }
            }
            Ok(out)
        }
    }
}

fn decode_error(vm: &mut Vm, codec: &str, data: &[u8], start: usize, end: usize, reason: &str, msg: &str) -> PyErr {
    let obj = vm.new_bytes(data);
    super::str::unicode_error(vm, Exc::UnicodeDecodeError, codec, obj, start, end, reason, msg)
}

fn decode_utf8(vm: &mut Vm, data: &[u8], codec: &str, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut rest = data;
    let mut base = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => { out.push_str(s); return Ok(out); }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad_len = e.error_len().unwrap_or(rest.len() - good);
                let pos = base + good;
                match errors {
                    "strict" => {
                        let first = rest[good];
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if (0xc2..=0xf4).contains(&first) {
                            "invalid continuation byte"
                        } else {
                            "invalid start byte"
                        };
                        let msg = if bad_len == 1 {
                            format!("'{codec}' codec can't decode byte 0x{first:02x} in position {pos}: {reason}")
                        } else {
                            format!("'{codec}' codec can't decode bytes in position {}-{}: {reason}", pos, pos + bad_len - 1)
                        };
                        return Err(decode_error(vm, codec, data, pos, pos + bad_len, reason, &msg));
                    }
                    "ignore" => {}
                    "replace" | "surrogateescape" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for b in &rest[good..good + bad_len] { out.push_str(&format!("\\x{b:02x}")); }
                    }
                    _ => return Err(vm.new_exc(Exc::LookupError, &format!("unknown error handler name '{errors}'"))),
                }
                rest = &rest[good + bad_len..];
                base = pos + bad_len;
            }
        }
    }
}

fn b_decode(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = this(vm, args, "decode")?;
    let full = ArgParser::new("decode", args, kwnames);
    let rest = ArgParser { name: "decode", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "decode", &["encoding", "errors"])?;
    let mut names = ["utf-8", "strict"];
    for (i, key) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = rest.get(i, key) {
            if !vm.is_str(v) {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("decode() argument '{key}' must be str, not {tn}")));
            }
            names[i] = str_ref(v);
        }
    }
    let s = decode_bytes(vm, &b, names[0], names[1])?;
    Ok(vm.new_str(&s))
}

fn b_hex(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = this(vm, args, "hex")?;
    let full = ArgParser::new("hex", args, kwnames);
    let rest = ArgParser { name: "hex", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "hex", &["sep", "bytes_per_sep"])?;
    let sep: Option<char> = match rest.get(0, "sep") {
        None => None,
        Some(v) => {
            let s: Vec<char> = if vm.is_str(v) {
                str_ref(v).chars().collect()
            } else if let Some(bs) = vm.bytes_like(v) {
                bs.iter().map(|&c| c as char).collect()
            } else {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("object of type '{tn}' has no len()")));
            };
            if s.len() != 1 { return Err(vm.new_exc(Exc::ValueError, "sep must be length 1.")); }
            if !s[0].is_ascii() { return Err(vm.new_exc(Exc::ValueError, "sep must be ASCII.")); }
            Some(s[0])
        }
    };
    let per = match rest.get(1, "bytes_per_sep") { None => 1, Some(v) => index_arg(vm, v)? };
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len();
    let group = per.unsigned_abs() as usize;
    for (i, c) in b.iter().enumerate() {
        if let Some(s) = sep {
            if i > 0 && group > 0 {
                // Groups are counted from the right for positive bytes_per_sep.
                let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
                if boundary { out.push(s); }
            }
        }
        out.push_str(&format!("{c:02x}"));
    }
    Ok(vm.new_str(&out))
}

// ---------------------------------------------------------------------------
// Joining, splitting, partitioning

fn b_join(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (sep, ba) = this(vm, args, "join")?;
    let it = one_arg(vm, args, kwnames, &format!("{}.join", tyname(ba)))?;
    let seq = match vm.collect_list(it) {
        Ok(l) => l,
        Err(e) if vm.exc_matches(e, Exc::TypeError) && !vm.is_iterable(it) => {
            return Err(vm.new_exc(Exc::TypeError, "can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, &x) in list_slice(seq).iter().enumerate() {
        let Some(b) = vm.buffer_bytes(x) else {
            let tn = vm.type_name(x);
            return Err(vm.new_exc(Exc::TypeError, &format!("sequence item {i}: expected a bytes-like object, {tn} found")));
        };
        if i > 0 { out.extend_from_slice(&sep); }
        out.extend_from_slice(&b);
    }
    std::hint::black_box(seq);
    Ok(mk(vm, ba, &out))
}

fn split_args(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<(Cow<'static, [u8]>, bool, Option<Vec<u8>>, i64)> {
    let (b, ba) = this(vm, args, name)?;
    let full = ArgParser::new(name, args, kwnames);
    let rest = ArgParser { name, pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, name, &["sep", "maxsplit"])?;
    let sep = match rest.get(0, "sep") {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) => Some(need_bytes(vm, v)?),
    };
    let maxsplit = match rest.get(1, "maxsplit") { None => -1, Some(v) => index_arg(vm, v)? };
    if sep.as_deref() == Some(&[][..]) { return Err(vm.new_exc(Exc::ValueError, "empty separator")); }
    Ok((b, ba, sep, maxsplit))
}

fn b_split(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba, sep, maxsplit) = split_args(vm, args, kwnames, "split")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_ws(b[i]) { i += 1; }
                if i >= b.len() { break; }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit { parts.push(&b[i..]); break; }
                let start = i;
                while i < b.len() && !is_ws(b[i]) { i += 1; }
                parts.push(&b[start..i]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = &b;
            loop {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit { parts.push(rest); break; }
                match find_sub(rest, sep) {
                    Some(i) => { parts.push(&rest[..i]); rest = &rest[i + sep.len()..]; }
                    None => { parts.push(rest); break; }
                }
            }
        }
    }
    Ok(mk_list(vm, ba, &b, &parts))
}

fn b_rsplit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba, sep, maxsplit) = split_args(vm, args, kwnames, "rsplit")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut j = b.len();
            loop {
                while j > 0 && is_ws(b[j - 1]) { j -= 1; }
                if j == 0 { break; }
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit { parts.push(&b[..j]); break; }
                let end = j;
                while j > 0 && !is_ws(b[j - 1]) { j -= 1; }
                parts.push(&b[j..end]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = &b;
            loop {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit { parts.push(rest); break; }
                match rfind_sub(rest, sep) {
                    Some(i) => { parts.push(&rest[i + sep.len()..]); rest = &rest[..i]; }
                    None => { parts.push(rest); break; }
                }
            }
        }
    }
    parts.reverse();
    Ok(mk_list(vm, ba, &b, &parts))
}

fn b_splitlines(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "splitlines")?;
    let full = ArgParser::new("splitlines", args, kwnames);
    let rest = ArgParser { name: "splitlines", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "splitlines", &["keepends"])?;
    let keepends = match rest.get(0, "keepends") { None => false, Some(v) => index_arg(vm, v)? != 0 };
    let mut parts: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && b.get(i + 1) == Some(&b'\n') { end += 1; }
            parts.push(if keepends { &b[start..end] } else { &b[start..i] });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() { parts.push(&b[start..]); }
    Ok(mk_list(vm, ba, &b, &parts))
}

fn partition_impl(vm: &mut Vm, args: &[Value], kwnames: Value, rev: bool) -> PyResult {
    let name = if rev { "rpartition" } else { "partition" };
    let (b, ba) = this(vm, args, name)?;
    let sepv = one_arg(vm, args, kwnames, &format!("{}.{name}", tyname(ba)))?;
    let sep = need_bytes(vm, sepv)?;
    if sep.is_empty() { return Err(vm.new_exc(Exc::ValueError, "empty separator")); }
    let found = if rev { rfind_sub(&b, &sep) } else { find_sub(&b, &sep) };
    let (x, y, z): (&[u8], &[u8], &[u8]) = match found {
        Some(i) => (&b[..i], &sep, &b[i + sep.len()..]),
        None if rev => (&[], &[], &b),
        None => (&b, &[], &[]),
    };
    let x = mk(vm, ba, x);
    let y = mk(vm, ba, y);
    let z = mk(vm, ba, z);
    Ok(vm.new_tuple(&[x, y, z]))
}
fn b_partition(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { partition_impl(vm, a, k, false) }
fn b_rpartition(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { partition_impl(vm, a, k, true) }

// ---------------------------------------------------------------------------
// Searching

/// `sub` of find-like methods: bytes-like or an int byte.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.bytes_like(v) { return Ok(b); }
    if vm.index_value(v)?.is_some() { return Ok(vec![byte_value(vm, v)?]); }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("argument should be integer or bytes-like object, not '{tn}'")))
}

/// (self, sub, start, end) with adjusted indices; None when no match is possible.
fn find_args(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<(Cow<'static, [u8]>, Vec<u8>, i64, i64, bool)> {
    let (b, ba) = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("{}.{name}", tyname(ba)))?; }
    check_tuple_args(vm, name, args.len() - 1, 1, 3)?;
    let sub = sub_arg(vm, args[1])?;
    let start = slice_arg(vm, args.get(2).copied())?;
    let end = slice_arg(vm, args.get(3).copied())?;
    let (st, en) = adjust_indices(start, end, b.len());
    let ok = st <= b.len() as i64 && en >= st;
    Ok((b, sub, st, en, ok))
}

fn find_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, rev: bool) -> PyResult<i64> {
    let (b, sub, st, en, ok) = find_args(vm, args, kwnames, name)?;
    if !ok { return Ok(-1); }
    let hay = &b[st as usize..en as usize];
    let r = if rev { rfind_sub(hay, &sub) } else { find_sub(hay, &sub) };
    Ok(r.map_or(-1, |i| st + i as i64))
}
fn b_find(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { find_impl(vm, a, k, "find", false).map(Value::small) }
fn b_rfind(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { find_impl(vm, a, k, "rfind", true).map(Value::small) }
fn b_index(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    match find_impl(vm, a, k, "index", false)? {
        -1 => Err(vm.new_exc(Exc::ValueError, "subsection not found")),
        i => Ok(Value::small(i)),
    }
}
fn b_rindex(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    match find_impl(vm, a, k, "rindex", true)? {
        -1 => Err(vm.new_exc(Exc::ValueError, "subsection not found")),
        i => Ok(Value::small(i)),
    }
}
fn b_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, sub, st, en, ok) = find_args(vm, args, kwnames, "count")?;
    if !ok { return Ok(Value::small(0)); }
    if sub.is_empty() { return Ok(Value::small(en - st + 1)); }
    Ok(Value::small(occurrences(&b[st as usize..en as usize], &sub).len() as i64))
}

fn affix_match_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, starts: bool) -> PyResult {
    let (b, ba) = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("{}.{name}", tyname(ba)))?; }
    check_tuple_args(vm, name, args.len() - 1, 1, 3)?;
    let start = slice_arg(vm, args.get(2).copied())?;
    let end = slice_arg(vm, args.get(3).copied())?;
    let (st, en) = adjust_indices(start, end, b.len());
    let window: Option<&[u8]> = if st > b.len() as i64 || en < st { None } else { Some(&b[st as usize..en as usize]) };
    let check = |p: &[u8]| -> bool {
        match window { None => false, Some(w) => if starts { w.starts_with(p) } else { w.ends_with(p) } }
    };
    let pat = args[1];
    if let Some(p) = vm.bytes_like(pat) { return Ok(Value::bool(check(&p))); }
    if pat.is_ref() && kind_of(pat) == Kind::Tuple {
        for &p in tuple_slice(pat) {
            let Some(pb) = vm.bytes_like(p) else {
                let tn = vm.type_name(p);
                return Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")));
            };
            if check(&pb) { return Ok(Value::TRUE); }
        }
        return Ok(Value::FALSE);
    }
    let tn = vm.type_name(pat);
    Err(vm.new_exc(Exc::TypeError, &format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")))
}
fn b_startswith(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_match_impl(vm, a, k, "startswith", true) }
fn b_endswith(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_match_impl(vm, a, k, "endswith", false) }

// ---------------------------------------------------------------------------
// Transformations

fn strip_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, left: bool, right: bool) -> PyResult {
    let (b, ba) = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("{}.{name}", tyname(ba)))?; }
    check_positional(vm, name, args.len() - 1, 0, 1)?;
    let set: Option<Vec<u8>> = match args.get(1) {
        None => None,
        Some(&v) if v == Value::NONE => None,
        Some(&v) => Some(need_bytes(vm, v)?),
    };
    let strip = |c: u8| match &set { None => is_ws(c), Some(s) => s.contains(&c) };
    let (mut i, mut j) = (0, b.len());
    if left { while i < j && strip(b[i]) { i += 1; } }
    if right { while j > i && strip(b[j - 1]) { j -= 1; } }
    Ok(mk(vm, ba, &b[i..j]))
}
fn b_strip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "strip", true, true) }
fn b_lstrip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "lstrip", true, false) }
fn b_rstrip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "rstrip", false, true) }

fn b_replace(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "replace")?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("{}.replace", tyname(ba)))?; }
    check_positional(vm, "replace", args.len() - 1, 2, 3)?;
    let old = need_bytes(vm, args[1])?;
    let new = need_bytes(vm, args[2])?;
    let count = match args.get(3) { None => -1, Some(&v) => index_arg(vm, v)? };
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0i64;
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if count < 0 || done < count { out.extend_from_slice(&new); done += 1; }
            out.push(c);
            let _ = i;
        }
        if count < 0 || done < count { out.extend_from_slice(&new); }
    } else {
        let mut i = 0;
        while i < b.len() {
            if (count < 0 || done < count) && b[i..].starts_with(&old) {
                out.extend_from_slice(&new);
                i += old.len();
                done += 1;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    Ok(mk(vm, ba, &out))
}

fn case_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult {
    let (b, ba) = noargs(vm, args, kwnames, name)?;
    let out: Vec<u8> = match name {
        "upper" => b.to_ascii_uppercase(),
        "lower" => b.to_ascii_lowercase(),
        "swapcase" => b.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() }).collect(),
        "capitalize" => b.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
        _ => {
            let mut prev = false;
            b.iter().map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            }).collect()
        }
    };
    Ok(mk(vm, ba, &out))
}
fn b_upper(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_impl(vm, a, k, "upper") }
fn b_lower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_impl(vm, a, k, "lower") }
fn b_title(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_impl(vm, a, k, "title") }
fn b_capitalize(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_impl(vm, a, k, "capitalize") }
fn b_swapcase(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_impl(vm, a, k, "swapcase") }

fn pred_all(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, pred: fn(u8) -> bool) -> PyResult {
    let (b, _) = noargs(vm, args, kwnames, name)?;
    Ok(Value::bool(!b.is_empty() && b.iter().all(|&c| pred(c))))
}
fn b_isalnum(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isalnum", |c| c.is_ascii_alphanumeric()) }
fn b_isalpha(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isalpha", |c| c.is_ascii_alphabetic()) }
fn b_isdigit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isdigit", |c| c.is_ascii_digit()) }
fn b_isspace(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isspace", is_ws) }
fn b_isascii(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let (b, _) = noargs(vm, a, k, "isascii")?;
    Ok(Value::bool(b.is_ascii()))
}
fn b_islower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let (b, _) = noargs(vm, a, k, "islower")?;
    Ok(Value::bool(b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())))
}
fn b_isupper(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let (b, _) = noargs(vm, a, k, "isupper")?;
    Ok(Value::bool(b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())))
}
fn b_istitle(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let (b, _) = noargs(vm, a, k, "istitle")?;
    let (mut cased, mut prev) = (false, false);
    for &c in b.iter() {
        if c.is_ascii_uppercase() {
            if prev { return Ok(Value::FALSE); }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev { return Ok(Value::FALSE); }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}

fn pad_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult {
    let (b, ba) = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("{}.{name}", tyname(ba)))?; }
    check_positional(vm, name, args.len() - 1, 1, 2)?;
    let width = index_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&v) => match vm.bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("{name}() argument 2 must be a byte string of length 1, not {tn}")));
            }
        },
    };
    let len = b.len() as i64;
    if width <= len { return Ok(mk(vm, ba, &b)); }
    if width > 1 << 32 { return Err(vm.new_exc(Exc::MemoryError, "")); }
    let marg = width - len;
    let (l, r) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => { let l = marg / 2 + (marg & width & 1); (l, marg - l) }
    };
    let mut out = vec![fill; l as usize];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat(fill).take(r as usize));
    Ok(mk(vm, ba, &out))
}
fn b_center(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "center") }
fn b_ljust(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "ljust") }
fn b_rjust(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "rjust") }

fn b_zfill(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "zfill")?;
    let w = one_arg(vm, args, kwnames, &format!("{}.zfill", tyname(ba)))?;
    let width = index_arg(vm, w)?;
    if width <= b.len() as i64 { return Ok(mk(vm, ba, &b)); }
    let fill = width as usize - b.len();
    let mut out = Vec::with_capacity(width as usize);
    let body: &[u8] = match b.first() {
        Some(&c @ (b'+' | b'-')) => { out.push(c); &b[1..] }
        _ => &b,
    };
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(body);
    Ok(mk(vm, ba, &out))
}

fn b_expandtabs(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "expandtabs")?;
    let full = ArgParser::new("expandtabs", args, kwnames);
    let rest = ArgParser { name: "expandtabs", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "expandtabs", &["tabsize"])?;
    let tabsize = match rest.get(0, "tabsize") { None => 8, Some(v) => index_arg(vm, v)? };
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0i64;
    for &c in b.iter() {
        match c {
            b'\t' => if tabsize > 0 { let n = tabsize - col % tabsize; out.extend(std::iter::repeat(b' ').take(n as usize)); col += n; },
            b'\n' | b'\r' => { out.push(c); col = 0; }
            _ => { out.push(c); col += 1; }
        }
    }
    Ok(mk(vm, ba, &out))
}

fn affix_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, prefix: bool) -> PyResult {
    let (b, ba) = this(vm, args, name)?;
    let a = one_arg(vm, args, kwnames, &format!("{}.{name}", tyname(ba)))?;
    let a = need_bytes(vm, a)?;
    let r: &[u8] = if prefix { b.strip_prefix(&a[..]).unwrap_or(&b) } else { b.strip_suffix(&a[..]).unwrap_or(&b) };
    Ok(mk(vm, ba, r))
}
fn b_removeprefix(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_impl(vm, a, k, "removeprefix", true) }
fn b_removesuffix(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_impl(vm, a, k, "removesuffix", false) }

fn b_translate(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "translate")?;
    let full = ArgParser::new("translate", args, kwnames);
    let rest = ArgParser { name: "translate", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "translate", &["table", "delete"])?;
    let Some(table) = rest.get(0, "table") else {
        return Err(vm.new_exc(Exc::TypeError, "translate() missing required argument 'table' (pos 1)"));
    };
    let table: Option<Vec<u8>> = if table == Value::NONE { None } else {
        let t = need_bytes(vm, table)?;
        if t.len() != 256 { return Err(vm.new_exc(Exc::ValueError, "translation table must be 256 characters long")); }
        Some(t)
    };
    let delete = match rest.get(1, "delete") { None => Vec::new(), Some(v) => need_bytes(vm, v)? };
    let out: Vec<u8> = b.iter().filter(|c| !delete.contains(c))
        .map(|&c| match &table { Some(t) => t[c as usize], None => c }).collect();
    Ok(mk(vm, ba, &out))
}

// ---------------------------------------------------------------------------
// Dunders

fn b_len(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = noargs(vm, args, kwnames, "__len__")?;
    Ok(Value::small(b.len() as i64))
}

fn b_getitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "__getitem__")?;
    let k = one_arg(vm, args, kwnames, &format!("{}.__getitem__", tyname(ba)))?;
    if k.is_ref() && kind_of(k) == Kind::Slice {
        let pos = vm.slice_positions(k, b.len())?;
        let v: Vec<u8> = pos.iter().map(|&i| b[i]).collect();
        return Ok(mk(vm, ba, &v));
    }
    let i = item_index(vm, k, b.len(), ba, "index out of range")?;
    Ok(Value::small(b[i] as i64))
}

/// Normalises an item index for a sequence of `len` bytes.
fn item_index(vm: &mut Vm, k: Value, len: usize, ba: bool, what: &str) -> PyResult<usize> {
    let Some(i) = vm.index_value(k)? else {
        let tn = vm.type_name(k);
        return Err(vm.new_exc(Exc::TypeError, &format!("{} indices must be integers or slices, not {tn}", if ba { "bytearray" } else { "byte" })));
    };
    if k.is_ref() && kind_of(k) == Kind::BigInt {
        return Err(vm.new_exc(Exc::IndexError, "cannot fit 'int' into an index-sized integer"));
    }
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        let msg = if ba { format!("bytearray {what}") } else { what.to_string() };
        return Err(vm.new_exc(Exc::IndexError, &msg));
    }
    Ok(j as usize)
}

fn b_iter(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    noargs(vm, args, kwnames, "__iter__")?;
    Ok(vm.new_obj4(Kind::BytesIter, vm.ty(Ty::BytesIter), [args[0], Value::small(0), Value::NULL, Value::NULL]))
}

fn b_contains(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "__contains__")?;
    let x = one_arg(vm, args, kwnames, &format!("{}.__contains__", tyname(ba)))?;
    if vm.bytes_like(x).is_none() && vm.index_value(x)?.is_some() {
        let c = byte_value(vm, x)?;
        return Ok(Value::bool(b.contains(&c)));
    }
    let sub = need_bytes(vm, x)?;
    Ok(Value::bool(find_sub(&b, &sub).is_some()))
}

fn b_add(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "__add__")?;
    let mut b = b.into_owned();
    let o = one_arg(vm, args, kwnames, &format!("{}.__add__", tyname(ba)))?;
    let Some(ob) = vm.bytes_like(o) else {
        let tn = vm.type_name(o);
        return Err(vm.new_exc(Exc::TypeError, &format!("can't concat {tn} to {}", vm.type_name(args[0]))));
    };
    b.extend_from_slice(&ob);
    Ok(mk(vm, ba, &b))
}

fn b_mul(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "__mul__")?;
    let n = one_arg(vm, args, kwnames, &format!("{}.__mul__", tyname(ba)))?;
    let n = index_arg(vm, n)?.max(0) as usize;
    if b.len().saturating_mul(n) > 1 << 34 { return Err(vm.new_exc(Exc::MemoryError, "")); }
    Ok(mk(vm, ba, &b.repeat(n)))
}

fn b_mod(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, ba) = this(vm, args, "__mod__")?;
    let a = one_arg(vm, args, kwnames, &format!("{}.__mod__", tyname(ba)))?;
    let r = super::fmtspec::percent_format_bytes(vm, &b, a)?;
    Ok(mk(vm, ba, &r))
}

fn b_hash(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = noargs(vm, args, kwnames, "__hash__")?;
    Ok(vm.new_int(crate::ops::fx_hash_bytes(&b)))
}

fn b_bytes(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = noargs(vm, args, kwnames, "__bytes__")?;
    if cls_of(args[0]) == vm.ty(Ty::Bytes) { return Ok(args[0]); }
    Ok(vm.new_bytes(&b))
}

fn b_getnewargs(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (b, _) = noargs(vm, args, kwnames, "__getnewargs__")?;
    let c = vm.new_bytes(&b);
    Ok(vm.new_tuple(&[c]))
}

fn b_cmp(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, op: CmpOp) -> PyResult {
    let (b, ba) = this(vm, args, name)?;
    let o = one_arg(vm, args, kwnames, &format!("{}.{name}", tyname(ba)))?;
    let Some(ob) = vm.bytes_like(o) else { return Ok(Value::NOT_IMPLEMENTED) };
    Ok(Value::bool(crate::ops::cmp_result(b[..].cmp(&ob[..]), op)))
}
fn b_eq(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__eq__", CmpOp::Eq) }
fn b_ne(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__ne__", CmpOp::Ne) }
fn b_lt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__lt__", CmpOp::Lt) }
fn b_le(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__le__", CmpOp::Le) }
fn b_gt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__gt__", CmpOp::Gt) }
fn b_ge(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { b_cmp(vm, a, k, "__ge__", CmpOp::Ge) }

// ---------------------------------------------------------------------------
// bytearray mutators

/// `self` of a bytearray-only method.
fn check_ba(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) if v.is_ref() && kind_of(v) == Kind::ByteArray => Ok(v),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' for 'bytearray' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method bytearray.{name}() needs an argument"))),
    }
}

/// A copy of a bytearray's contents, after checking `self`.
fn this_ba(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Vec<u8>> {
    let v = check_ba(vm, args, name)?;
    Ok(vm.bytes_like(v).unwrap_or_default())
}

/// The live contents of a bytearray (valid until its storage is replaced).
fn ba_bytes<'a>(v: Value) -> &'a mut [u8] {
    let o = obj::<ByteArrayL>(v);
    let n = o.len;
    &mut raw_array_bytes(o.data)[..n]
}

/// Makes room for `extra` more bytes, growing the storage geometrically
/// so that repeated appends are amortised O(1).
fn ba_reserve(vm: &mut Vm, v: Value, extra: usize) {
    let o = obj::<ByteArrayL>(v);
    let len = o.len;
    let cap = if o.data.is_null() { 0 } else { obj::<RawArrayL>(o.data).cap };
    if len + extra <= cap { return; }
    let ncap = (cap + cap / 2 + 8).max(len + extra);
    let raw = vm.new_raw_array(ncap);
    let old = obj::<ByteArrayL>(v).data;
    if len > 0 { raw_array_bytes(raw)[..len].copy_from_slice(&raw_array_bytes(old)[..len]); }
    set_field!(v, ByteArrayL, data, raw);
}

/// Appends bytes in place.
fn ba_push(vm: &mut Vm, v: Value, more: &[u8]) {
    ba_reserve(vm, v, more.len());
    let o = obj::<ByteArrayL>(v);
    let len = o.len;
    raw_array_bytes(o.data)[len..len + more.len()].copy_from_slice(more);
    o.len = len + more.len();
}

fn ba_append(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "append")?;
    let x = one_arg(vm, args, kwnames, "bytearray.append")?;
    let c = byte_value(vm, x)?;
    ba_push(vm, v, &[c]);
    Ok(Value::NONE)
}

/// The bytes an `extend`/slice assignment source stands for.
fn bytes_of_iterable(vm: &mut Vm, x: Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.buffer_bytes(x) { return Ok(b); }
    if vm.is_str(x) || !vm.is_iterable(x) {
        let tn = vm.type_name(x);
        return Err(vm.new_exc(Exc::TypeError, &what.replace("{}", &tn)));
    }
    let items = vm.collect_list(x)?;
    let mut out = Vec::with_capacity(list_slice(items).len());
    let mut i = 0;
    while i < list_slice(items).len() {
        let v = list_slice(items)[i];
        out.push(byte_value(vm, v)?);
        i += 1;
    }
    std::hint::black_box(items);
    Ok(out)
}

fn ba_extend(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "extend")?;
    let x = one_arg(vm, args, kwnames, "bytearray.extend")?;
    if vm.is_str(x) {
        return Err(vm.new_exc(Exc::TypeError, "expected iterable of integers; got: 'str'"));
    }
    let more = bytes_of_iterable(vm, x, "can't extend bytearray with {}")?;
    ba_push(vm, v, &more);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "pop")?;
    no_kw(vm, kwnames, "bytearray.pop")?;
    check_positional(vm, "pop", args.len() - 1, 0, 1)?;
    let i = match args.get(1) { None => -1, Some(&x) => index_arg(vm, x)? };
    let n = obj::<ByteArrayL>(v).len;
    if n == 0 { return Err(vm.new_exc(Exc::IndexError, "pop from empty bytearray")); }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 { return Err(vm.new_exc(Exc::IndexError, "pop index out of range")); }
    let b = ba_bytes(v);
    let j = j as usize;
    let c = b[j];
    b.copy_within(j + 1.., j);
    obj::<ByteArrayL>(v).len = n - 1;
    Ok(Value::small(c as i64))
}

fn ba_insert(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "insert")?;
    no_kw(vm, kwnames, "bytearray.insert")?;
    check_positional(vm, "insert", args.len() - 1, 2, 2)?;
    let i = index_arg(vm, args[1])?;
    let c = byte_value(vm, args[2])?;
    ba_reserve(vm, v, 1);
    let o = obj::<ByteArrayL>(v);
    let n = o.len as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let raw = raw_array_bytes(o.data);
    raw.copy_within(j..n as usize, j + 1);
    raw[j] = c;
    o.len += 1;
    Ok(Value::NONE)
}

fn ba_remove(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "remove")?;
    let x = one_arg(vm, args, kwnames, "bytearray.remove")?;
    let c = byte_value(vm, x)?;
    let b = ba_bytes(v);
    let Some(i) = b.iter().position(|&y| y == c) else {
        return Err(vm.new_exc(Exc::ValueError, "value not found in bytearray"));
    };
    b.copy_within(i + 1.., i);
    obj::<ByteArrayL>(v).len -= 1;
    Ok(Value::NONE)
}

fn ba_reverse(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "reverse")?;
    no_kw(vm, kwnames, "bytearray.reverse")?;
    check_positional(vm, "reverse", args.len() - 1, 0, 0)?;
    ba_bytes(v).reverse();
    Ok(Value::NONE)
}

fn ba_clear(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "clear")?;
    no_kw(vm, kwnames, "bytearray.clear")?;
    check_positional(vm, "clear", args.len() - 1, 0, 0)?;
    vm.bytearray_set(v, &[]);
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let b = this_ba(vm, args, "copy")?;
    no_kw(vm, kwnames, "bytearray.copy")?;
    check_positional(vm, "copy", args.len() - 1, 0, 0)?;
    Ok(vm.new_bytearray(&b))
}

fn ba_alloc(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "__alloc__")?;
    no_kw(vm, kwnames, "bytearray.__alloc__")?;
    let cap = obj::<ByteArrayL>(v).data;
    let n = if cap.is_null() { 0 } else { obj::<RawArrayL>(cap).cap };
    Ok(Value::small(n as i64))
}

fn ba_iadd(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let v = check_ba(vm, args, "__iadd__")?;
    let o = one_arg(vm, args, kwnames, "bytearray.__iadd__")?;
    let Some(ob) = vm.bytes_like(o) else {
        let tn = vm.type_name(o);
        return Err(vm.new_exc(Exc::TypeError, &format!("can't concat {tn} to bytearray")));
    };
    ba_push(vm, v, &ob);
    Ok(v)
}

fn ba_imul(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let b = this_ba(vm, args, "__imul__")?;
    let n = one_arg(vm, args, kwnames, "bytearray.__imul__")?;
    let n = index_arg(vm, n)?.max(0) as usize;
    if b.len().saturating_mul(n) > 1 << 34 { return Err(vm.new_exc(Exc::MemoryError, "")); }
    vm.bytearray_set(args[0], &b.repeat(n));
    Ok(args[0])
}

fn ba_setitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let this = check_ba(vm, args, "__setitem__")?;
    no_kw(vm, kwnames, "bytearray.__setitem__")?;
    check_positional(vm, "__setitem__", args.len() - 1, 2, 2)?;
    let (k, v) = (args[1], args[2]);
    if k.is_ref() && kind_of(k) == Kind::Slice {
        const MSG: &str = "can assign only bytes, buffers, or iterables of ints in range(0, 256)";
        if vm.is_int_like(v) || vm.is_str(v) { return Err(vm.new_exc(Exc::TypeError, MSG)); }
        let src = bytes_of_iterable(vm, v, MSG)?;
        let mut b = vm.bytes_like(this).unwrap_or_default();
        let (start, stop, step) = vm.slice_indices(k, b.len() as i64)?;
        if step == 1 {
            let (s, e) = (start as usize, stop.max(start) as usize);
            b.splice(s..e, src);
        } else {
            let pos = vm.slice_positions(k, b.len())?;
            if pos.len() != src.len() {
                return Err(vm.new_exc(Exc::ValueError, &format!(
                    "attempt to assign bytes of size {} to extended slice of size {}", src.len(), pos.len())));
            }
            for (j, &i) in pos.iter().enumerate() { b[i] = src[j]; }
        }
        vm.bytearray_set(this, &b);
        return Ok(Value::NONE);
    }
    let n = obj::<ByteArrayL>(this).len;
    let i = item_index(vm, k, n, true, "index out of range")?;
    let c = byte_value(vm, v)?;
    // `__index__` above may have run Python code that shrank the array.
    match ba_bytes(this).get_mut(i) {
        Some(slot) => *slot = c,
        None => return Err(vm.new_exc(Exc::IndexError, "bytearray index out of range")),
    }
    Ok(Value::NONE)
}

fn ba_delitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let mut b = this_ba(vm, args, "__delitem__")?;
    let k = one_arg(vm, args, kwnames, "bytearray.__delitem__")?;
    if k.is_ref() && kind_of(k) == Kind::Slice {
        let pos = vm.slice_positions(k, b.len())?;
        let mut keep = vec![true; b.len()];
        for i in pos { keep[i] = false; }
        let out: Vec<u8> = b.iter().zip(keep).filter(|(_, k)| *k).map(|(&c, _)| c).collect();
        vm.bytearray_set(args[0], &out);
        return Ok(Value::NONE);
    }
    let i = item_index(vm, k, b.len(), true, "index out of range")?;
    b.remove(i);
    vm.bytearray_set(args[0], &b);
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::bytes_repr;

    #[test]
    fn repr_escapes_like_cpython() {
        assert_eq!(bytes_repr(b""), "b''");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"both ' \""), "b'both \\' \"'");
        assert_eq!(bytes_repr(b"\x00\x7f\x80\xff\t\n\r\\"), "b'\\x00\\x7f\\x80\\xff\\t\\n\\r\\\\'");
    }
}
