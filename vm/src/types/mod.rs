//! Methods of the builtin types, registered on their classes at start-up.
//! One file per family; each exposes `init(vm)`.

pub mod fmtspec;
pub mod str;
pub mod bytes;
pub mod list;
pub mod tuple;
pub mod dict;
pub mod set;
pub mod int;
pub mod float;
pub mod descr;
pub mod iters;
pub mod misc;
pub mod complex;
pub mod complex_ops;
/// `array.array`: made when skiff-stdlib's `_array` module is first
/// imported (`array::init_module`), not at start-up.
pub mod array;

use crate::vm::Vm;

/// Registers every builtin type's methods.
pub fn init(vm: &mut Vm) {
    str::init(vm);
    bytes::init(vm);
    list::init(vm);
    tuple::init(vm);
    dict::init(vm);
    set::init(vm);
    int::init(vm);
    float::init(vm);
    descr::init(vm);
    iters::init(vm);
    misc::init(vm);
    complex::init(vm);
}
