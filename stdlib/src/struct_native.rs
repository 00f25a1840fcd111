//! The `_struct` module: the format parser, packing and unpacking behind the
//! pure-Python `struct` module (stdlib/lib/struct.py), which adds the
//! `Struct` class and `iter_unpack` on top.
//!
//! Formats follow CPython 3.11 on x86-64 Linux (little-endian, LP64):
//! - `@` (the default) uses native sizes and alignment: `l`, `L`, `n`, `N`,
//!   `P` are 8 bytes and every code is aligned to its own size;
//! - `=` and `<` are little-endian, `>` and `!` big-endian, with standard
//!   sizes (`l` is 4 bytes) and no alignment; `n`, `N`, `P` are refused.
//!
//! Range errors copy a quirk of CPython: at start-up it swaps the native
//! packers into the little-endian table wherever the sizes agree (all
//! integer codes but `l`/`L`), so `<h` reports "short format requires ..."
//! like `@h` while `>h` reports "'h' format requires ...". `Mode::NativeFns`
//! and `Mode::StdFns` below name those two families of messages.
//!
//! `struct.error` is created here (an Exception subclass whose `__module__`
//! is `struct`) and stored as `_struct.error`; natives look it up in the
//! module when they raise it.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::names::N;
use skiff_vm::types::float::as_f64;
use skiff_vm::types::int::index_bigint;
use skiff_vm::{Exc, NativeFn, PyErr, PyResult, Ty, Value, Vm};

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let ns = vm.new_dict();
    let m = vm.new_str("struct");
    vm.dict_set_str(ns, "__module__", m);
    let exc = vm.exc_type(Exc::Exception);
    let bases = vm.new_tuple(&[exc]);
    let ty = vm.ty(Ty::Type);
    let error = vm.new_class(ty, "error", bases, ns)?;
    vm.dict_set_str(d, "error", error);
    let fns: &[(&str, NativeFn)] = &[
        ("calcsize", s_calcsize), ("pack", s_pack), ("unpack", s_unpack), ("pack_into", s_pack_into),
        ("unpack_from", s_unpack_from), ("_count", s_count),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    Ok(())
}

/// A `struct.error` with message `msg`.
fn struct_error(vm: &mut Vm, msg: &str) -> PyErr {
    let m = match vm.import_module("_struct") { Ok(m) => m, Err(e) => return e };
    let d = vm.module_dict(m);
    let cls = vm.dict_get_by_name(d, "error").unwrap_or_else(|| vm.exc_type(Exc::Exception));
    let s = vm.new_str(msg);
    let args = vm.new_tuple(&[s]);
    vm.new_exc_args(cls, args)
}

// -- formats ---------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Order { Native, Little, Big }

/// One code of a format with its repeat count and where it starts.
struct Item { code: u8, count: usize, offset: usize, size: usize }

struct Format { order: Order, items: Vec<Item>, size: usize, nargs: usize }

/// The size of a code (None: not a format character) and its native alignment.
fn code_size(code: u8, order: Order) -> Option<(usize, usize)> {
    let native = order == Order::Native;
    let size = match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => if native { 8 } else { 4 },
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    };
    Some((size, if native { size } else { 1 }))
}

fn parse(fmt: &[u8]) -> Result<Format, String> {
    let (order, body) = match fmt.first() {
        Some(b'@') => (Order::Native, &fmt[1..]),
        Some(b'=') | Some(b'<') => (Order::Little, &fmt[1..]),
        Some(b'>') | Some(b'!') => (Order::Big, &fmt[1..]),
        _ => (Order::Native, fmt),
    };
    let too_long = || "total struct size too long".to_string();
    let mut items = Vec::new();
    let (mut size, mut nargs) = (0usize, 0usize);
    let mut i = 0;
    while i < body.len() {
        let mut c = body[i];
        i += 1;
        if c.is_ascii_whitespace() { continue; }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = (c - b'0') as usize;
            loop {
                let Some(&d) = body.get(i) else { return Err("repeat count given without format specifier".into()) };
                i += 1;
                if !d.is_ascii_digit() { c = d; break; }
                count = count.checked_mul(10).and_then(|n| n.checked_add((d - b'0') as usize)).ok_or_else(too_long)?;
            }
        }
        let (isize_, align) = code_size(c, order).ok_or_else(|| "bad char in struct format".to_string())?;
        match c {
            b's' | b'p' => nargs += 1,
            b'x' => {}
            _ => nargs += count,
        }
        if align > 1 && size > 0 { size = size.checked_add((align - size % align) % align).ok_or_else(too_long)?; }
        let total = count.checked_mul(isize_).ok_or_else(too_long)?;
        items.push(Item { code: c, count, offset: size, size: isize_ });
        size = size.checked_add(total).filter(|&s| s <= isize::MAX as usize).ok_or_else(too_long)?;
    }
    Ok(Format { order, items, size, nargs })
}

/// The format argument: a str or bytes.
fn format_arg(vm: &mut Vm, v: Value) -> PyResult<Format> {
    let text: Vec<u8> = if vm.is_str(v) {
        str_bytes(v).to_vec()
    } else if v.is_ref() && kind_of(v) == Kind::Bytes {
        bytes_slice(v).to_vec()
    } else {
        let tn = vm.type_name(v);
        return Err(vm.new_exc(Exc::TypeError, &format!("Struct() argument 1 must be a str or bytes object, not {tn}")));
    };
    if text.contains(&0) { return Err(struct_error(vm, "embedded null character")); }
    parse(&text).map_err(|m| struct_error(vm, &m))
}

// -- packing ---------------------------------------------------------------------

/// The integer value of a packing argument (ints and `__index__`); None
/// when it does not fit in an i128.
fn int_arg(vm: &mut Vm, v: Value) -> PyResult<Option<i128>> {
    if !vm.is_int_like(v) {
        let cls = vm.type_of(v);
        if vm.lookup_type(cls, vm.n(N::index)).is_none() {
            return Err(struct_error(vm, "required argument is not an integer"));
        }
    }
    let b: BigInt = index_bigint(vm, v)?;
    Ok(b.to_i128())
}

/// Range-checks integer `x` for `code` and returns its two's-complement bits.
fn check_int(code: u8, order: Order, size: usize, x: Option<i128>) -> Result<u64, String> {
    const OOR: &str = "argument out of range";
    let as_i64 = |x: Option<i128>| x.filter(|&v| v >= i64::MIN as i128 && v <= i64::MAX as i128).ok_or_else(|| OOR.to_string());
    let as_u64 = |x: Option<i128>| x.filter(|&v| v >= 0 && v <= u64::MAX as i128).ok_or_else(|| OOR.to_string());
    let native_fns = order == Order::Native || (order == Order::Little && !matches!(code, b'l' | b'L'));
    let v: i128 = match code {
        b'b' | b'B' | b'h' | b'H' if native_fns || matches!(code, b'b' | b'B') => {
            let v = as_i64(x)?;
            let (lo, hi, name) = match code { b'b' => (-128, 127, "byte"), b'B' => (0, 255, "ubyte"), b'h' => (-32768, 32767, "short"), _ => (0, 65535, "ushort") };
            if v < lo || v > hi { return Err(format!("{name} format requires {lo} <= number <= {hi}")); }
            v
        }
        b'i' if native_fns => {
            let v = as_i64(x)?;
            if v < i32::MIN as i128 || v > i32::MAX as i128 { return Err(format!("'i' format requires {} <= number <= {}", i32::MIN, i32::MAX)); }
            v
        }
        b'I' if native_fns => {
            let v = as_u64(x)?;
            if v > u32::MAX as i128 { return Err(format!("'I' format requires 0 <= number <= {}", u32::MAX)); }
            v
        }
        b'l' | b'q' | b'n' if native_fns => as_i64(x)?,
        b'L' | b'Q' | b'N' if native_fns => as_u64(x)?,
        b'P' => as_i64(x).or_else(|_| as_u64(x))?,
        b'h' | b'i' | b'l' => {
            let v = as_i64(x)?;
            let hi = (1i128 << (size * 8 - 1)) - 1;
            if v < -hi - 1 || v > hi { return Err(format!("'{}' format requires {} <= number <= {hi}", code as char, -hi - 1)); }
            v
        }
        b'H' | b'I' | b'L' => {
            let v = as_u64(x)?;
            let hi = (1i128 << (size * 8)) - 1;
            if v > hi { return Err(format!("'{}' format requires 0 <= number <= {hi}", code as char)); }
            v
        }
        b'q' => as_i64(x).map_err(|_| "int too large to convert".to_string())?,
        _ => as_u64(x).map_err(|_| "int too large to convert".to_string())?,
    };
    Ok(v as u64)
}

fn put(out: &mut [u8], bits: u64, order: Order) {
    let n = out.len();
    for (k, b) in out.iter_mut().enumerate() {
        let shift = if order == Order::Big { (n - 1 - k) * 8 } else { k * 8 };
        *b = (bits >> shift) as u8;
    }
}

fn get(buf: &[u8], order: Order) -> u64 {
    let n = buf.len();
    let mut v = 0u64;
    for (k, &b) in buf.iter().enumerate() {
        let shift = if order == Order::Big { (n - 1 - k) * 8 } else { k * 8 };
        v |= (b as u64) << shift;
    }
    v
}

/// The float value of a packing argument (`PyFloat_AsDouble`).
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    let is_float = v.is_ref() && kind_of(v) == Kind::Float;
    if !is_float && !vm.is_int_like(v) {
        let cls = vm.type_of(v);
        if vm.lookup_type(cls, vm.n(N::float_)).is_none() && vm.lookup_type(cls, vm.n(N::index)).is_none() {
            return Err(struct_error(vm, "required argument is not a float"));
        }
    }
    as_f64(vm, v)
}

/// `frexp` for finite nonzero `x`: (m, e) with 0.5 <= |m| < 1 and x = m * 2**e.
fn frexp(x: f64) -> (f64, i32) {
    let (mut x, mut adj) = (x, 0);
    if x.abs() < f64::MIN_POSITIVE { x *= 2f64.powi(64); adj = -64; }
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e + adj)
}

/// IEEE binary16 bits of `x`, rounded half to even (CPython's `PyFloat_Pack2`).
fn pack_half(x: f64) -> Option<u16> {
    let sign = x.is_sign_negative() as u16;
    if x == 0.0 { return Some(sign << 15); }
    if x.is_infinite() { return Some((sign << 15) | (0x1f << 10)); }
    if x.is_nan() { return Some((sign << 15) | (0x1f << 10) | 512); }
    let (f, e) = frexp(x.abs());
    let (mut f, mut e) = (f * 2.0, e - 1);
    if e >= 16 { return None; }
    if e < -25 { f = 0.0; e = 0; }
    else if e < -14 { f *= 2f64.powi(14 + e); e = 0; }
    else { e += 15; f -= 1.0; }
    f *= 1024.0;
    let mut bits = f as u16;
    let rem = f - bits as f64;
    if rem > 0.5 || (rem == 0.5 && bits % 2 == 1) {
        bits += 1;
        if bits == 1024 {
            bits = 0;
            e += 1;
            if e == 31 { return None; }
        }
    }
    Some(bits | ((e as u16) << 10) | (sign << 15))
}

fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15 == 1;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if f == 0.0 { f64::INFINITY } else { f64::NAN }
    } else if e == 0 {
        f / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if sign { -x } else { x }
}

/// Packs `args` by `fmt` into `out` (zeroed, `fmt.size` bytes long).
fn pack_args(vm: &mut Vm, fmt: &Format, args: &[Value], out: &mut [u8]) -> PyResult<()> {
    let mut ai = 0;
    for it in &fmt.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = args[ai];
                ai += 1;
                let Some(data) = (if v.is_ref() && matches!(kind_of(v), Kind::Bytes | Kind::ByteArray) { vm.bytes_like(v) } else { None }) else {
                    return Err(struct_error(vm, &format!("argument for '{}' must be a bytes object", it.code as char)));
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1);
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                    dst[0] = n.min(255) as u8;
                }
            }
            code => {
                for k in 0..it.count {
                    let v = args[ai];
                    ai += 1;
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    match code {
                        b'c' => {
                            let one = if v.is_ref() && kind_of(v) == Kind::Bytes { Some(bytes_slice(v)).filter(|b| b.len() == 1) } else { None };
                            let Some(b) = one else { return Err(struct_error(vm, "char format requires a bytes object of length 1")) };
                            dst[0] = b[0];
                        }
                        b'?' => dst[0] = vm.truthy(v)? as u8,
                        b'f' => {
                            let x = float_arg(vm, v)?;
                            let y = x as f32;
                            if fmt.order != Order::Native && y.is_infinite() && x.is_finite() {
                                return Err(vm.new_exc(Exc::OverflowError, "float too large to pack with f format"));
                            }
                            put(dst, y.to_bits() as u64, fmt.order);
                        }
                        b'd' => { let x = float_arg(vm, v)?; put(dst, x.to_bits(), fmt.order); }
                        b'e' => {
                            let x = float_arg(vm, v)?;
                            let Some(h) = pack_half(x) else { return Err(vm.new_exc(Exc::OverflowError, "float too large to pack with e format")) };
                            put(dst, h as u64, fmt.order);
                        }
                        _ => {
                            let x = int_arg(vm, v)?;
                            let bits = check_int(code, fmt.order, it.size, x).map_err(|m| struct_error(vm, &m))?;
                            put(dst, bits, fmt.order);
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn unpack_buf(vm: &mut Vm, fmt: &Format, buf: &[u8]) -> PyResult<Value> {
    // A GC list holds the values made so far (the storage rule).
    let out = vm.new_list_cap(fmt.nargs);
    for it in &fmt.items {
        match it.code {
            b'x' => {}
            b's' => { let v = vm.new_bytes(&buf[it.offset..it.offset + it.count]); vm.list_append(out, v) },
            b'p' => {
                let src = &buf[it.offset..it.offset + it.count];
                let v = if src.is_empty() { vm.new_bytes(&[]) } else {
                    let n = (src[0] as usize).min(it.count - 1);
                    vm.new_bytes(&src[1..1 + n])
                };
                vm.list_append(out, v);
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let src = &buf[at..at + it.size];
                    let raw = get(src, fmt.order);
                    let v = match code {
                        b'c' => vm.new_bytes(src),
                        b'?' => if raw != 0 { Value::TRUE } else { Value::FALSE },
                        b'f' => vm.new_float(f32::from_bits(raw as u32) as f64),
                        b'd' => vm.new_float(f64::from_bits(raw)),
                        b'e' => vm.new_float(unpack_half(raw as u16)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let shift = 64 - it.size * 8;
                            vm.new_int(((raw << shift) as i64) >> shift)
                        }
                        _ => if raw <= i64::MAX as u64 { vm.new_int(raw as i64) } else { vm.new_bigint(BigInt::from(raw)) },
                    };
                    vm.list_append(out, v);
                }
            }
        }
    }
    Ok(vm.new_tuple(list_slice(out)))
}

/// The contents of a bytes-like argument.
fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = vm.buffer_bytes(v) { return Ok(b); }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")))
}

fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

// -- module functions ---------------------------------------------------------------

fn no_kw(vm: &mut Vm, name: &str, p: &ArgParser) -> PyResult<()> {
    if p.kwnames.is_empty() { return Ok(()); }
    Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")))
}

fn s_calcsize(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("calcsize", args, kwnames);
    no_kw(vm, "calcsize", &p)?;
    p.expect(vm, 1, 1)?;
    let f = format_arg(vm, p.pos[0])?;
    Ok(vm.new_int(f.size as i64))
}

/// `_count(fmt)`: the number of values the format packs.
fn s_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("_count", args, kwnames);
    p.expect(vm, 1, 1)?;
    let f = format_arg(vm, p.pos[0])?;
    Ok(vm.new_int(f.nargs as i64))
}

fn s_pack(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("pack", args, kwnames);
    no_kw(vm, "pack", &p)?;
    if p.pos.is_empty() { return Err(vm.new_exc(Exc::TypeError, "pack expected at least 1 argument, got 0")); }
    let f = format_arg(vm, p.pos[0])?;
    let vals = &p.pos[1..];
    if vals.len() != f.nargs {
        return Err(struct_error(vm, &format!("pack expected {} items for packing (got {})", f.nargs, vals.len())));
    }
    let mut out = vec![0u8; f.size];
    pack_args(vm, &f, vals, &mut out)?;
    Ok(vm.new_bytes(&out))
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("pack_into", args, kwnames);
    no_kw(vm, "pack_into", &p)?;
    if p.pos.is_empty() { return Err(vm.new_exc(Exc::TypeError, "pack_into expected at least 1 argument, got 0")); }
    let f = format_arg(vm, p.pos[0])?;
    let rest = &p.pos[1..];
    if rest.len() != f.nargs + 2 {
        let msg = match rest.len() {
            0 => "pack_into expected buffer argument".to_string(),
            1 => "pack_into expected offset argument".to_string(),
            n => format!("pack_into expected {} items for packing (got {})", f.nargs, n - 2),
        };
        return Err(struct_error(vm, &msg));
    }
    let buf = rest[0];
    if !(buf.is_ref() && kind_of(buf) == Kind::ByteArray) {
        let tn = vm.type_name(buf);
        return Err(vm.new_exc(Exc::TypeError, &format!("argument must be read-write bytes-like object, not {tn}")));
    }
    let mut data = vm.bytes_like(buf).unwrap_or_default();
    let len = data.len() as i64;
    let mut offset = index_arg(vm, rest[1])?;
    let size = f.size as i64;
    if offset < 0 {
        if offset + size > 0 { return Err(struct_error(vm, &format!("no space to pack {size} bytes at offset {offset}"))); }
        if offset + len < 0 { return Err(struct_error(vm, &format!("offset {offset} out of range for {len}-byte buffer"))); }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(vm, &format!(
            "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset)));
    }
    let mut out = vec![0u8; f.size];
    pack_args(vm, &f, &rest[2..], &mut out)?;
    let at = offset as usize;
    data[at..at + f.size].copy_from_slice(&out);
    vm.bytearray_set(buf, &data);
    Ok(Value::NONE)
}

fn s_unpack(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("unpack", args, kwnames);
    no_kw(vm, "unpack", &p)?;
    p.expect(vm, 2, 2)?;
    let f = format_arg(vm, p.pos[0])?;
    let data = buffer_arg(vm, p.pos[1])?;
    if data.len() != f.size {
        return Err(struct_error(vm, &format!("unpack requires a buffer of {} bytes", f.size)));
    }
    unpack_buf(vm, &f, &data)
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("unpack_from", args, kwnames);
    p.check_kw(vm, &["buffer", "offset"])?;
    let (Some(fv), Some(bv)) = (p.pos.first().copied(), p.get(1, "buffer")) else {
        return Err(vm.new_exc(Exc::TypeError, "unpack_from() missing required argument 'buffer' (pos 2)"));
    };
    let f = format_arg(vm, fv)?;
    let data = buffer_arg(vm, bv)?;
    let len = data.len() as i64;
    let mut offset = match p.get(2, "offset") { Some(o) => index_arg(vm, o)?, None => 0 };
    let size = f.size as i64;
    if offset < 0 {
        if offset + len < 0 { return Err(struct_error(vm, &format!("offset {offset} out of range for {len}-byte buffer"))); }
        offset += len;
    }
    if len - offset < size {
        return Err(struct_error(vm, &format!(
            "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes at offset {offset} (actual buffer size is {len})",
            size + offset)));
    }
    let at = offset as usize;
    unpack_buf(vm, &f, &data[at..at + f.size])
}
