//! int and float arithmetic with CPython's semantics: 63-bit small ints that
//! overflow into big integers, floor division and modulo, CPython's numeric
//! hash (so `hash(1) == hash(1.0)`), and float repr.

use crate::bytecode::BinOp;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero, One, Pow};

/// CPython's hash modulus, 2**61 - 1.
pub const HASH_MODULUS: i64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314159;

/// A number operand, after unwrapping bools and ints.
#[derive(Clone, Debug)]
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Vm {
    /// The numeric value of an int, bool, big int or float (including
    /// subclasses, whose kind is the same), or None.
    #[inline]
    pub fn as_num(&self, v: Value) -> Option<Num> {
        if v.is_int() { return Some(Num::Int(v.int())); }
        if v == Value::TRUE { return Some(Num::Int(1)); }
        if v == Value::FALSE { return Some(Num::Int(0)); }
        if v.is_ref() {
            match kind_of(v) {
                Kind::Float => return Some(Num::Float(float_val(v))),
                Kind::BigInt => return Some(Num::Big(bigint_ref(v).clone())),
                _ => {}
            }
        }
        None
    }
    /// The integer value of an int or bool as BigInt, or None.
    pub fn as_bigint(&self, v: Value) -> Option<BigInt> {
        match self.as_num(v)? { Num::Int(i) => Some(BigInt::from(i)), Num::Big(b) => Some(b), Num::Float(_) => None }
    }
    /// The value of an int or bool as i64 if it fits.
    #[inline]
    pub fn as_i64(&self, v: Value) -> Option<i64> {
        if v.is_int() { return Some(v.int()); }
        match self.as_num(v)? { Num::Int(i) => Some(i), Num::Big(b) => b.to_i64(), Num::Float(_) => None }
    }
    pub fn is_int_like(&self, v: Value) -> bool {
        v.is_int() || v.is_bool() || (v.is_ref() && kind_of(v) == Kind::BigInt)
    }
    pub fn num_to_value(&self, n: Num) -> Value {
        match n { Num::Int(i) => self.new_int(i), Num::Big(b) => self.new_bigint(b), Num::Float(f) => self.new_float(f) }
    }
    /// float(x) for an int operand; OverflowError when too large.
    pub fn big_to_f64(&mut self, b: &BigInt) -> PyResult<f64> {
        let f = b.to_f64().unwrap_or(f64::INFINITY);
        if f.is_infinite() {
            return Err(self.new_exc(Exc::OverflowError, "int too large to convert to float"));
        }
        Ok(f)
    }
    fn num_f64(&mut self, n: &Num) -> PyResult<f64> {
        match n { Num::Int(i) => Ok(*i as f64), Num::Big(b) => self.big_to_f64(b), Num::Float(f) => Ok(*f) }
    }

    /// Arithmetic on two numbers; Ok(None) when the operator does not apply
    /// (NotImplemented).
    pub fn num_binop(&mut self, a: Num, b: Num, op: BinOp) -> PyResult<Option<Value>> {
        use Num::*;
        match (&a, &b) {
            (Int(x), Int(y)) => return self.int_binop_i64(*x, *y, op).map(Some),
            (Float(_), _) | (_, Float(_)) => {
                if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul) {
                    return Ok(None);
                }
                let x = self.num_f64(&a)?;
                let y = self.num_f64(&b)?;
                return self.float_binop(x, y, op).map(Some);
            }
            _ => {}
        }
        // A big and a machine int: num-bigint's scalar operations (no
        // conversion of the small operand, single-limb multiply).
        match (a, b, op) {
            (Big(x), Int(y), BinOp::Add) => return Ok(Some(self.new_bigint(x + y))),
            (Big(x), Int(y), BinOp::Sub) => return Ok(Some(self.new_bigint(x - y))),
            (Big(x), Int(y), BinOp::Mul) => return Ok(Some(self.new_bigint(x * y))),
            (Int(x), Big(y), BinOp::Add) => return Ok(Some(self.new_bigint(y + x))),
            (Int(x), Big(y), BinOp::Sub) => return Ok(Some(self.new_bigint(x - y))),
            (Int(x), Big(y), BinOp::Mul) => return Ok(Some(self.new_bigint(y * x))),
            (a, b, op) => {
                let x = match a { Int(i) => BigInt::from(i), Big(b) => b, Float(_) => unreachable!() };
                let y = match b { Int(i) => BigInt::from(i), Big(b) => b, Float(_) => unreachable!() };
                self.big_binop(x, y, op)
            }
        }
    }

    pub fn int_binop_i64(&mut self, x: i64, y: i64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 { return Err(self.new_exc(Exc::ZeroDivisionError, "integer division or modulo by zero")); }
                x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
            }
            BinOp::Mod => {
                if y == 0 { return Err(self.new_exc(Exc::ZeroDivisionError, "integer modulo by zero")); }
                Some(x.mod_floor(&y))
            }
            BinOp::TrueDiv => {
                if y == 0 { return Err(self.new_exc(Exc::ZeroDivisionError, "division by zero")); }
                return Ok(self.new_float(int_true_div(&BigInt::from(x), &BigInt::from(y))));
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::LShift => {
                if y < 0 { return Err(self.new_exc(Exc::ValueError, "negative shift count")); }
                if y < 63 && x.abs() < (1i64 << (62 - y.min(62))) { Some(x << y) } else { None }
            }
            BinOp::RShift => {
                if y < 0 { return Err(self.new_exc(Exc::ValueError, "negative shift count")); }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(self.new_exc(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
                    }
                    return self.float_binop(x as f64, y as f64, BinOp::Pow);
                }
                if y <= u32::MAX as i64 { x.checked_pow(y as u32) } else { None }
            }
            BinOp::MatMul => {
                return Err(self.new_exc(Exc::TypeError, "unsupported operand type(s) for @: 'int' and 'int'"));
            }
        };
        match r.and_then(Value::try_small) {
            Some(v) => Ok(v),
            None => match self.big_binop(BigInt::from(x), BigInt::from(y), op)? {
                Some(v) => Ok(v),
                None => unreachable!("int op on ints is always implemented"),
            },
        }
    }

    pub fn big_binop(&mut self, x: BigInt, y: BigInt, op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv => {
                if y.is_zero() { return Err(self.new_exc(Exc::ZeroDivisionError, "integer division or modulo by zero")); }
                x.div_floor(&y)
            }
            BinOp::Mod => {
                if y.is_zero() { return Err(self.new_exc(Exc::ZeroDivisionError, "integer modulo by zero")); }
                x.mod_floor(&y)
            }
            BinOp::TrueDiv => {
                if y.is_zero() { return Err(self.new_exc(Exc::ZeroDivisionError, "division by zero")); }
                let f = int_true_div(&x, &y);
                if f.is_infinite() {
                    return Err(self.new_exc(Exc::OverflowError, "integer division result too large for a float"));
                }
                return Ok(Some(self.new_float(f)));
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::LShift => {
                if y.is_negative() { return Err(self.new_exc(Exc::ValueError, "negative shift count")); }
                if x.is_zero() { return Ok(Some(Value::small(0))); }
                // CPython: OverflowError when the shift in 30-bit digits does
                // not fit a ssize_t, MemoryError for any other huge shift.
                if (&y / BigInt::from(30)).to_i64().is_none() {
                    return Err(self.new_exc(Exc::OverflowError, "too many digits in integer"));
                }
                let s = y.to_usize().filter(|&s| s <= 1 << 32).ok_or_else(|| self.new_exc(Exc::MemoryError, ""))?;
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() { return Err(self.new_exc(Exc::ValueError, "negative shift count")); }
                match y.to_usize() {
                    Some(s) => x >> s,
                    None => if x.is_negative() { BigInt::from(-1) } else { BigInt::zero() },
                }
            }
            BinOp::Pow => {
                if y.is_negative() {
                    if x.is_zero() {
                        return Err(self.new_exc(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
                    }
                    let (fx, fy) = (self.big_to_f64(&x)?, self.big_to_f64(&y)?);
                    return self.float_binop(fx, fy, BinOp::Pow).map(Some);
                }
                if x.is_zero() || x.is_one() { return Ok(Some(self.new_bigint(x))); }
                if x == BigInt::from(-1) {
                    return Ok(Some(Value::small(if y.is_even() { 1 } else { -1 })));
                }
                let e = y.to_u32().filter(|&e| (e as u64) * x.bits() < (1 << 32))
                    .ok_or_else(|| self.new_exc(Exc::MemoryError, ""))?;
                Pow::pow(x, e)
            }
            BinOp::MatMul => return Ok(None),
        };
        Ok(Some(self.new_bigint(r)))
    }

    pub fn float_binop(&mut self, x: f64, y: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 { return Err(self.new_exc(Exc::ZeroDivisionError, "float division by zero")); }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 { return Err(self.new_exc(Exc::ZeroDivisionError, "float floor division by zero")); }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 { return Err(self.new_exc(Exc::ZeroDivisionError, "float modulo")); }
                float_divmod(x, y).1
            }
            BinOp::Pow => return self.float_pow(x, y),
            _ => unreachable!("bit ops are filtered out before"),
        };
        Ok(self.new_float(r))
    }

    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.new_exc(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
            // A negative number to a fractional power is complex (CPython's
            // float_pow hands it to complex_pow).
            use crate::types::complex_ops::{complex_pow, C};
            return complex_pow(self, C::new(x, 0.0), C::new(y, 0.0));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_exc(Exc::OverflowError, "(34, 'Numerical result out of range')"));
        }
        Ok(self.new_float(r))
    }

    /// hash() of a number, CPython's algorithm.
    pub fn num_hash(&self, n: &Num) -> i64 {
        match n {
            Num::Int(i) => hash_i64(*i),
            Num::Big(b) => hash_bigint(b),
            Num::Float(f) => hash_f64(*f),
        }
    }
}

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap();
    let h = if b.is_negative() { -r } else { r };
    if h == -1 { -2 } else { h }
}

/// CPython's `_Py_HashDouble` (without the NaN identity hash: NaN hashes to 0).
pub fn hash_f64(v: f64) -> i64 {
    if !v.is_finite() {
        return if v.is_infinite() { if v > 0.0 { HASH_INF } else { -HASH_INF } } else { 0 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 { sign = -1; m = -m; }
    let mut x: u64 = 0;
    const BITS: i32 = 61;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS as u64) | (x >> (BITS - 28));
        m *= 268435456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS as u64 { x -= HASH_MODULUS as u64; }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x = ((x << e) & HASH_MODULUS as u64) | (x >> (BITS - e));
    let h = (x as i64) * sign;
    if h == -1 { -2 } else { h }
}

/// Decomposes `v` into mantissa in [0.5, 1) and exponent.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() { return (v, 0); }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Python's float divmod: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m += y; div -= 1.0; }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 { f += 1.0; }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Correctly rounded int / int.
pub fn int_true_div(x: &BigInt, y: &BigInt) -> f64 {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) { return a as f64 / b as f64; }
    }
    // Scale so the quotient has 64+ significant bits, then round via f64.
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    let shift = b.bits() as i64 - a.bits() as i64 + 66;
    let (n, d) = if shift > 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = n.div_rem(&d);
    let mut q = q;
    if !r.is_zero() { q = (q << 1usize) | BigInt::one(); } else { q <<= 1usize; }
    let f = q.to_f64().unwrap_or(f64::INFINITY);
    let res = f * 2f64.powi(-(shift as i32) - 1);
    let res = if res == 0.0 && f != 0.0 { ldexp_big(&q, -(shift as i32) - 1) } else { res };
    if neg { -res } else { res }
}

fn ldexp_big(q: &BigInt, e: i32) -> f64 {
    let bits = q.bits() as i32;
    let top = q >> ((bits - 60).max(0) as usize);
    let f = top.to_f64().unwrap();
    let mut r = f;
    let mut ee = e + (bits - 60).max(0);
    while ee < -1000 { r *= 2f64.powi(-1000); ee += 1000; }
    r * 2f64.powi(ee)
}

/// `repr(float)`: the shortest string that round-trips, in Python's layout.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() { return "nan".into(); }
    if f.is_infinite() { return if f > 0.0 { "inf".into() } else { "-inf".into() }; }
    if f == 0.0 { return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() }; }
    // Rust's `{:e}` prints the shortest round-trip digit count; when several
    // strings of that length round-trip, CPython picks the correctly rounded
    // one (ties to even), which `{:.*e}` gives.
    let shortest = format!("{:e}", f);
    let ndigits = shortest.split('e').next().unwrap().chars().filter(|c| c.is_ascii_digit()).count();
    let rounded = format!("{:.*e}", ndigits.saturating_sub(1), f);
    let s = if rounded.parse::<f64>().ok() == Some(f) { rounded } else { shortest };
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg { out.push('-'); }
    let nd = digits.len() as i32;
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            if nd <= exp + 1 {
                out.push_str(&digits);
                for _ in 0..(exp + 1 - nd) { out.push('0'); }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..(exp + 1) as usize]);
                out.push('.');
                out.push_str(&digits[(exp + 1) as usize..]);
            }
        } else {
            out.push_str("0.");
            for _ in 0..(-exp - 1) { out.push('0'); }
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if nd > 1 { out.push('.'); out.push_str(&digits[1..]); }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `x // y` for two big ints of the same sign whose quotient is below
/// 2**53, found from the operands' top 128 bits alone, without dividing
/// (num-bigint's Burnikel-Ziegler division allocates at every level of its
/// recursion, which dominates code such as pidigits where every quotient is
/// one decimal digit). None when the quotient is larger, the signs differ,
/// or the top bits leave it undecided (about one case in two thousand).
pub fn small_floor_quotient(x: &BigInt, y: &BigInt) -> Option<i64> {
    use num_bigint::Sign;
    if x.sign() == Sign::NoSign || y.sign() == Sign::NoSign || x.sign() != y.sign() { return None; }
    let (mx, my) = (x.magnitude(), y.magnitude());
    let (bx, by) = (mx.bits(), my.bits());
    if bx < by { return Some(0); }
    if bx - by > 53 { return None; }
    // Shift both right by `s` so that y keeps its top 64 bits; x then fits
    // in 64 + 53 bits.
    let s = by.saturating_sub(64);
    let top = |m: &num_bigint::BigUint| -> u128 {
        let (i, sh) = ((s / 64) as usize, (s % 64) as u32);
        let d = |k: usize| m.iter_u64_digits().nth(k).unwrap_or(0) as u128;
        let w = d(i) | d(i + 1) << 64;
        // (m >> s) fits in 128 bits (checked above), so what the shifts
        // drop off the top is zero.
        if sh == 0 { w } else { w >> sh | d(i + 2) << (128 - sh) }
    };
    let (xh, yh) = (top(mx), top(my));
    if yh == 0 { return None; }
    let q_hi = xh / yh;
    if s == 0 {
        // Nothing was shifted out: the quotient is exact.
        return i64::try_from(q_hi).ok();
    }
    // x / y lies strictly between xh / (yh + 1) and (xh + 1) / yh.
    let q_lo = xh / (yh + 1);
    if q_lo != q_hi { return None; }
    i64::try_from(q_hi).ok()
}
