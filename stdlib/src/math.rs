//! The `math` module (not written yet).

use skiff_vm::{PyResult, Value, Vm};

pub fn init(vm: &mut Vm, module_dict: Value) -> PyResult<()> {
    let _ = (vm, module_dict);
    Ok(())
}
