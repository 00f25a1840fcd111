//! skiff-stdlib: the `builtins` module's functions and the native modules
//! (`sys`, `math`, `time`, `gc`, `stackless`). `install(vm)` registers them all.

pub mod builtins;
pub mod sys;
pub mod math;
pub mod time;
pub mod gc;
pub mod stackless;

use skiff_vm::Vm;

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
    for &(name, source) in bundled::BUNDLED { vm.register_bundled_module(name, source); }
}
