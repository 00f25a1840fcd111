//! Complex arithmetic, written as CPython's `Objects/complexobject.c` writes
//! it so that results agree bit for bit: the same operation order in
//! products and quotients (Smith's algorithm for division), the same
//! repeated squaring for small integral exponents (`c_powu`), and the same
//! polar formula for the general power (`_Py_c_pow`).
//!
//! CPython reports failures of these routines through `errno`; here the
//! pure functions return a [`MathErr`] instead, and the `Vm`-facing entry
//! points turn it into CPython's exception:
//!
//! * division by zero (`EDOM` from `_Py_c_quot`): ZeroDivisionError
//!   "complex division by zero" for `/`, "0.0 to a negative or complex
//!   power" for `**`;
//! * a power whose result has an infinite part (`ERANGE`): OverflowError
//!   "complex exponentiation";
//! * `sin`/`cos` of an infinite phase (glibc sets `EDOM`, and CPython then
//!   reports the power as "0.0 to a negative or complex power" too).
//!
//! Mixed operands are converted first, as CPython's `TO_COMPLEX` does: an
//! int or float `x` becomes `x + 0j` (ints through the exact int-to-float
//! conversion, which raises OverflowError when too large), so
//! `inf * 1j` is `(nan+infj)` exactly as in CPython.

use crate::bytecode::BinOp;
use crate::heap::*;
use crate::numeric::Num;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Vm};

/// A complex value as two doubles (CPython's `Py_complex`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

impl C {
    pub const ONE: C = C { re: 1.0, im: 0.0 };
    pub fn new(re: f64, im: f64) -> C { C { re, im } }
}

/// Why a complex routine failed (CPython's `errno` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathErr {
    /// `EDOM`: division by zero, or a power of zero that has no value.
    Domain,
    /// `ERANGE`: the result overflowed.
    Range,
}

// ---------------------------------------------------------------------------
// Pure arithmetic (`_Py_c_sum`, `_Py_c_diff`, `_Py_c_prod`, `_Py_c_quot`,
// `_Py_c_pow`, `c_powu`, `c_powi`, `_Py_c_abs`)

pub fn sum(a: C, b: C) -> C { C::new(a.re + b.re, a.im + b.im) }
pub fn diff(a: C, b: C) -> C { C::new(a.re - b.re, a.im - b.im) }
pub fn prod(a: C, b: C) -> C {
    C::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `a / b` by Smith's algorithm: divide through by whichever part of `b`
/// has the larger magnitude, which avoids spurious overflow.
pub fn quot(a: C, b: C) -> Result<C, MathErr> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 { return Err(MathErr::Domain); }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(C::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(C::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom))
    } else {
        // At least one part of `b` is a NaN.
        Ok(C::new(f64::NAN, f64::NAN))
    }
}

/// `a ** b` in polar form. `Err(Domain)` for zero to a negative or complex
/// power, and where glibc's `sin`/`cos` would set `EDOM` (infinite phase).
pub fn pow_general(a: C, b: C) -> Result<C, MathErr> {
    if b.re == 0.0 && b.im == 0.0 { return Ok(C::ONE); }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 { return Err(MathErr::Domain); }
        return Ok(C::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    if phase.is_infinite() { return Err(MathErr::Domain); }
    Ok(C::new(len * phase.cos(), len * phase.sin()))
}

/// `x ** n` for `n >= 0` by repeated squaring (CPython's `c_powu`).
fn powu(x: C, n: i64) -> C {
    let mut r = C::ONE;
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 { r = prod(r, p); }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `x ** n` for a small integer `n` (CPython's `c_powi`).
fn powi(x: C, n: i64) -> Result<C, MathErr> {
    if n > 0 { Ok(powu(x, n)) } else { quot(C::ONE, powu(x, -n)) }
}

/// `a ** b` as `complex_pow` computes it: exact repeated squaring when `b`
/// is an integer of magnitude at most 100, the polar formula otherwise;
/// `Err(Range)` when a part of the result is infinite.
pub fn pow(a: C, b: C) -> Result<C, MathErr> {
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        powi(a, b.re as i64)?
    } else {
        pow_general(a, b)?
    };
    if p.re.is_infinite() || p.im.is_infinite() { return Err(MathErr::Range); }
    Ok(p)
}

/// `abs(z)`: C99's rule that an infinite part wins over a NaN, else
/// `hypot`; `Err(Range)` when the finite inputs overflow.
pub fn abs(z: C) -> Result<f64, MathErr> {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() { return Ok(z.re.abs()); }
        if z.im.is_infinite() { return Ok(z.im.abs()); }
        return Ok(f64::NAN);
    }
    let r = z.re.hypot(z.im);
    if r.is_finite() { Ok(r) } else { Err(MathErr::Range) }
}

// ---------------------------------------------------------------------------
// Values

/// Whether `v` is a complex (or an instance of a complex subclass).
#[inline]
pub fn is_complex(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Complex }

/// The parts of a complex value (the caller checked `is_complex`).
#[inline]
pub fn parts(v: Value) -> C {
    let o = obj::<ComplexL>(v);
    C::new(o.re, o.im)
}

/// Whether `v` may take part in complex arithmetic: an int, bool, float or
/// complex (subclasses included).
pub fn is_operand(vm: &Vm, v: Value) -> bool {
    is_complex(v) || vm.is_int_like(v) || (v.is_ref() && kind_of(v) == Kind::Float)
}

/// CPython's `TO_COMPLEX`: a complex as it is, an int or float `x` as
/// `x + 0j`; None for other types. Ints too large for a float raise
/// OverflowError.
pub fn to_complex(vm: &mut Vm, v: Value) -> PyResult<Option<C>> {
    if is_complex(v) { return Ok(Some(parts(v))); }
    Ok(match vm.as_num(v) {
        Some(Num::Int(i)) => Some(C::new(i as f64, 0.0)),
        Some(Num::Big(b)) => Some(C::new(vm.big_to_f64(&b)?, 0.0)),
        Some(Num::Float(f)) => Some(C::new(f, 0.0)),
        None => None,
    })
}

/// `a op b` where at least one operand is a complex. Ok(None) when the
/// operator does not apply to complex numbers (`//`, `%`, bit operations,
/// `@`) or the other operand is not a number, so the caller reports
/// CPython's "unsupported operand type(s)" TypeError.
pub fn complex_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow) {
        return Ok(None);
    }
    if !is_operand(vm, a) || !is_operand(vm, b) { return Ok(None); }
    let (Some(x), Some(y)) = (to_complex(vm, a)?, to_complex(vm, b)?) else { return Ok(None) };
    let r = match op {
        BinOp::Add => sum(x, y),
        BinOp::Sub => diff(x, y),
        BinOp::Mul => prod(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Ok(r) => r,
            Err(_) => return Err(vm.new_exc(Exc::ZeroDivisionError, "complex division by zero")),
        },
        _ => return complex_pow(vm, x, y).map(Some),
    };
    Ok(Some(vm.new_complex(r.re, r.im)))
}

/// `a ** b` as a new complex, with CPython's errors. Also serves
/// `float ** float` for a negative base and a non-integral exponent.
pub fn complex_pow(vm: &mut Vm, a: C, b: C) -> PyResult<Value> {
    match pow(a, b) {
        Ok(r) => Ok(vm.new_complex(r.re, r.im)),
        Err(MathErr::Domain) => Err(vm.new_exc(Exc::ZeroDivisionError, "0.0 to a negative or complex power")),
        Err(MathErr::Range) => Err(vm.new_exc(Exc::OverflowError, "complex exponentiation")),
    }
}

/// `a == b` where one operand is a complex: Some(equal) when the other is
/// an int, bool, float or complex, None otherwise (NotImplemented). A
/// complex equals a real number when its imaginary part is zero and its
/// real part equals the number exactly (ints are not rounded to floats).
pub fn complex_eq(vm: &mut Vm, a: Value, b: Value) -> Option<bool> {
    let (z, other) = if is_complex(a) { (parts(a), b) } else { (parts(b), a) };
    if is_complex(other) {
        let w = parts(other);
        return Some(z.re == w.re && z.im == w.im);
    }
    match vm.as_num(other)? {
        Num::Float(f) => Some(z.re == f && z.im == 0.0),
        n => Some(z.im == 0.0 && crate::ops::num_compare(&Num::Float(z.re), &n, crate::bytecode::CmpOp::Eq)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_integer_powers_are_exact() {
        assert_eq!(pow(C::new(1.0, 2.0), C::new(2.0, 0.0)), Ok(C::new(-3.0, 4.0)));
        assert_eq!(pow(C::new(0.0, 0.0), C::new(0.0, 0.0)), Ok(C::ONE));
        assert_eq!(pow(C::new(0.0, 0.0), C::new(-1.0, 0.0)), Err(MathErr::Domain));
    }

    #[test]
    fn negative_base_fractional_power() {
        // CPython: (-8) ** (1/3) == (1.0000000000000002+1.7320508075688772j)
        let r = pow(C::new(-8.0, 0.0), C::new(1.0 / 3.0, 0.0)).unwrap();
        assert_eq!(r, C::new(1.0000000000000002, 1.7320508075688772));
    }

    #[test]
    fn division() {
        assert_eq!(quot(C::new(1.0, 0.0), C::new(0.0, 0.0)), Err(MathErr::Domain));
        assert_eq!(quot(C::new(2.0, 0.0), C::new(0.0, 1.0)), Ok(C::new(0.0, -2.0)));
    }
}
