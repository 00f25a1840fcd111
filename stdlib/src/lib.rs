//! skiff-stdlib: the `builtins` module's functions and the native modules
//! (`sys`, `math`, `time`, `gc`, `stackless`). `install(vm)` registers them all.

pub mod builtins;
pub mod sys;
pub mod math;
pub mod time;
pub mod gc;
pub mod stackless;
pub mod random_native;
pub mod os_native;
pub mod struct_native;
pub mod pickle;

use skiff_vm::{PyResult, Ty, Value, Vm};

fn types_attr(vm: &mut Vm, name: &str) -> PyResult {
    let types = vm.import_module("types")?;
    let d = vm.module_dict(types);
    Ok(vm.dict_get_by_name(d, name).expect("defined in the bundled types.py"))
}

/// `X | Y` where X is a class: `types.UnionType` when Y is a class, None or
/// a union; NotImplemented otherwise (so Y's `__ror__` may answer).
fn type_or(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = types_attr(vm, "_union_or")?;
    vm.call(f, &[args[0], args.get(1).copied().unwrap_or(Value::NONE)])
}

fn type_ror(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = types_attr(vm, "_union_or")?;
    vm.call(f, &[args.get(1).copied().unwrap_or(Value::NONE), args[0]])
}

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
    vm.register_native_module("_os", os_native::init);
    vm.register_native_module("_struct", struct_native::init);
    vm.register_native_module("_pickle", pickle::init);
    vm.register_native_module("_array", skiff_vm::types::array::init_module);
    for &(name, source) in bundled::BUNDLED { vm.register_bundled_module(name, source); }
    // `list[int]` and friends: types.GenericAlias (bundled types.py).
    for t in [Ty::List, Ty::Dict, Ty::Tuple, Ty::Set, Ty::FrozenSet, Ty::Type] {
        let c = vm.ty(t);
        vm.add_static(c, "__class_getitem__", class_getitem, true);
    }
    // `int | None`: types.UnionType.
    let t = vm.ty(Ty::Type);
    vm.add_method(t, "__or__", type_or);
    vm.add_method(t, "__ror__", type_ror);
}
