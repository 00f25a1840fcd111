//! `Value`: one 64-bit word for every Python value.
//!
//! ```text
//!   ...............................xxx000   heap reference (address of a Header), non-zero
//!   ...............................xxxxx1   small int: value << 1 | 1 (63-bit, sign-extended)
//!   0b0000_0010                              None
//!   0b0000_0110                              False
//!   0b0000_1010                              True
//!   0b0000_1110                              NotImplemented
//!   0b0001_0010                              Ellipsis
//!   0                                        NULL: "no value" (empty local, missing argument)
//! ```
//!
//! Heap references are raw, 8-byte-aligned addresses stored as they are, so a
//! conservative scan of a native stack sees them (DESIGN.md, "Values and
//! objects"). Small integers overflow into boxed big integers; floats are boxed.

use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

pub const SMALL_MAX: i64 = (1 << 62) - 1;
pub const SMALL_MIN: i64 = -(1 << 62);

impl Value {
    pub const NULL: Value = Value(0);
    pub const NONE: Value = Value(0b0010);
    pub const FALSE: Value = Value(0b0110);
    pub const TRUE: Value = Value(0b1010);
    pub const NOT_IMPLEMENTED: Value = Value(0b1110);
    pub const ELLIPSIS: Value = Value(0b1_0010);

    #[inline(always)]
    pub fn is_null(self) -> bool { self.0 == 0 }
    #[inline(always)]
    pub fn is_ref(self) -> bool { self.0 != 0 && self.0 & 7 == 0 }
    #[inline(always)]
    pub fn is_int(self) -> bool { self.0 & 1 == 1 }
    #[inline(always)]
    pub fn is_none(self) -> bool { self.0 == Self::NONE.0 }
    #[inline(always)]
    pub fn is_bool(self) -> bool { self.0 == Self::TRUE.0 || self.0 == Self::FALSE.0 }

    /// A small int; the caller guarantees `SMALL_MIN <= i <= SMALL_MAX`.
    #[inline(always)]
    pub fn small(i: i64) -> Value {
        debug_assert!((SMALL_MIN..=SMALL_MAX).contains(&i));
        Value(((i << 1) | 1) as u64)
    }
    /// A small int if `i` fits, else None.
    #[inline(always)]
    pub fn try_small(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) { Some(Value::small(i)) } else { None }
    }
    /// The integer of a small int (undefined for other values).
    #[inline(always)]
    pub fn int(self) -> i64 { (self.0 as i64) >> 1 }
    #[inline(always)]
    pub fn bool(b: bool) -> Value { if b { Value::TRUE } else { Value::FALSE } }
    /// The raw address of a heap reference.
    #[inline(always)]
    pub fn addr(self) -> usize { self.0 as usize }
    #[inline(always)]
    pub fn from_addr(a: usize) -> Value { Value(a as u64) }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_int() { write!(f, "Int({})", self.int()) }
        else if self.is_null() { write!(f, "NULL") }
        else if *self == Value::NONE { write!(f, "None") }
        else if *self == Value::TRUE { write!(f, "True") }
        else if *self == Value::FALSE { write!(f, "False") }
        else { write!(f, "Ref({:#x})", self.0) }
    }
}
