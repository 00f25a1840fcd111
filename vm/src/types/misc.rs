//! Methods of the builtin `misc` family (not written yet).

use crate::vm::Vm;

pub fn init(vm: &mut Vm) {
    let _ = vm;
}
