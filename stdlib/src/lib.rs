//! skiff-stdlib: the `builtins` module's functions and the native modules
//! (`sys`, `math`, `time`, `gc`, `stackless`). `install(vm)` registers them all.

pub mod builtins;
pub mod sys;
pub mod math;
pub mod time;
pub mod gc;
pub mod stackless;
pub mod random_native;

use skiff_vm::{PyResult, Ty, Value, Vm};

/// `cls[args]` for the builtin generic classes: `types.GenericAlias(cls, args)`.
fn class_getitem(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let types = vm.import_module("types")?;
    let d = vm.module_dict(types);
    let ga = vm.dict_get_by_name(d, "GenericAlias").expect("types.GenericAlias is defined");
    let (cls, item) = (args[0], args.get(1).copied().unwrap_or(Value::NONE));
    vm.call(ga, &[cls, item])
}

/// The pure-Python modules of `stdlib/lib/` (see build.rs). Set
/// `SKIFF_LIB_DIR=stdlib/lib` to load them from the source tree instead,
/// without rebuilding.
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Installs the builtins and registers the native modules with the VM.
pub fn install(vm: &mut Vm) {
    builtins::init(vm);
    vm.register_native_module("sys", sys::init);
    vm.register_native_module("math", math::init);
    vm.register_native_module("time", time::init);
    vm.register_native_module("gc", gc::init);
    vm.register_native_module("stackless", stackless::init);
    vm.register_native_module("_random", random_native::init);
    for &(name, source) in bundled::BUNDLED { vm.register_bundled_module(name, source); }
    // `list[int]` and friends: types.GenericAlias (bundled types.py).
    for t in [Ty::List, Ty::Dict, Ty::Tuple, Ty::Set, Ty::FrozenSet, Ty::Type] {
        let c = vm.ty(t);
        vm.add_static(c, "__class_getitem__", class_getitem, true);
    }
}
