//! skiff: a virtual machine for Python 3.11 with Stackless tasklets.
//!
//! This package wires the crates together: it picks the collector named by
//! the configuration, creates the VM, installs the standard library, and runs
//! scripts. The CLI (`src/main.rs`) is a thin layer over [`run_file`],
//! [`run_source`] and [`disassemble_file`].

pub mod config;

pub use config::{CliOptions, Config};

use skiff_gc::GcStats;
use skiff_vm::heap::{kind_of, Kind, str_ref};
use skiff_vm::{Exc, Value, Vm, VmConfig};

/// The collectors this binary knows.
/// `barriercheck` is mark-sweep plus a checker that fails when a store skips
/// the write barrier (for tests).
pub const GC_PLUGINS: &[&str] = &["generational", "marksweep", "boehm", "barriercheck"];

/// Creates the collector named in `config`.
pub fn make_gc(config: &Config) -> Result<Box<dyn skiff_gc::GcPlugin>, String> {
    match config.gc.as_str() {
        "generational" => Ok(Box::new(skiff_gc_generational::Generational::with_params(
            config.gc_config.clone(),
            config.gc_params,
        ))),
        "marksweep" => Ok(Box::new(skiff_gc::marksweep::MarkSweep::with_params(config.gc_config.clone(), config.gc_params))),
        "barriercheck" => {
            Ok(Box::new(skiff_gc::barriercheck::BarrierCheck::with_params(config.gc_config.clone(), config.gc_params)))
        }
        "boehm" => Ok(Box::new(skiff_gc_boehm::BoehmGc::new(config.gc_config.clone())?)),
        other => Err(format!("unknown garbage collector '{other}' (valid choices: {})", GC_PLUGINS.join(", "))),
    }
}

/// Creates a VM with the standard library installed and `sys` imported.
pub fn new_vm(config: &Config) -> Result<Box<Vm>, String> {
    let gc = make_gc(config)?;
    let mut vm = Vm::new(gc, VmConfig { argv: config.argv.clone(), path: config.path.clone() });
    skiff_stdlib::install(&mut vm);
    match vm.import_module("sys") {
        Ok(sys) => vm.r.sys.set(sys),
        Err(e) => { vm.print_exception(e.0); return Err("could not initialise sys".into()); }
    }
    Ok(vm)
}

/// Runs `source` as the `__main__` module; returns the process exit code.
pub fn run_source(vm: &mut Vm, source: &str, filename: &str) -> i32 {
    let main = vm.new_module("__main__");
    let d = vm.module_dict(main);
    if filename != "<string>" {
        let f = vm.new_str(filename);
        vm.dict_set_str(d, "__file__", f);
    }
    let modules = vm.r.modules.get();
    let k = vm.new_str("__main__");
    let _ = vm.dict_set(modules, k, main);
    let r = vm.compile_source(source, filename).and_then(|code| vm.exec_code(code, d));
    let code = match r {
        Ok(_) => 0,
        Err(e) => exit_code_for(vm, e.0),
    };
    vm.run_finalizers();
    vm.flush_std();
    code
}

/// Reads and runs a script file.
pub fn run_file(vm: &mut Vm, path: &str) -> i32 {
    // Like CPython 3.9+, the main module's __file__ (and so its traceback
    // entries) use the absolute path, without resolving symlinks.
    let abs = std::path::absolute(path).map(|p| p.to_string_lossy().to_string()).unwrap_or_else(|_| path.to_string());
    let path = abs.as_str();
    match vm.read_source(path) {
        Ok(src) => run_source(vm, &src, path),
        Err(e) => { let c = exit_code_for(vm, e.0); vm.flush_std(); c }
    }
}

/// CPython's handling of an uncaught exception at top level.
pub fn exit_code_for(vm: &mut Vm, e: Value) -> i32 {
    if vm.isinstance(e, vm.exc_type(Exc::SystemExit)) {
        let code = vm.get_exc_attr(e, skiff_vm::names::N::code);
        if code == Value::NONE || code.is_null() { return 0; }
        if let Some(i) = vm.as_i64(code) { return i as i32; }
        let s = vm.str_string(code).unwrap_or_default();
        vm.write_stderr(&format!("{s}\n"));
        return 1;
    }
    vm.print_exception(e);
    1
}

/// `skiff --dis FILE`: a disassembly of every code object.
pub fn disassemble_file(path: &str) -> Result<String, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("skiff: can't open file '{path}': {e}"))?;
    match skiff_vm::compiler::compile_module(&src, path) {
        Ok(unit) => Ok(skiff_vm::dis::disassemble(&unit)),
        Err(e) => Err(format!("  File \"{}\", line {}\n    {}\n{}: {}", e.filename, e.line, e.text.trim(), e.kind, e.message)),
    }
}

/// The summary `SKIFF_GC_STATS=1` prints to stderr at exit, for the plugin
/// `name` with statistics `s`.
pub fn gc_summary(name: &str, s: &GcStats) -> String {
    let ms = |ns: u64| ns as f64 / 1e6;
    let max = s.pause_max_ns.max(s.pauses.max_ns());
    format!(
        "skiff gc stats: plugin {name}\n\
         \x20 collections  {} (minor {}, major {})\n\
         \x20 allocated    {} ({} objects through the plugin; promoted {})\n\
         \x20 pauses       p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms, total {:.3} ms\n\
         \x20 heap         peak {}, now {}, live after last collection {}\n{}",
        s.collections,
        s.minor_collections,
        s.major_collections,
        human_bytes(s.bytes_allocated),
        s.objects_allocated,
        human_bytes(s.bytes_promoted),
        ms(s.pauses.percentile(0.5)),
        ms(s.pauses.percentile(0.99)),
        ms(max),
        ms(s.pause_total_ns),
        human_bytes(s.peak_heap_bytes.max(s.heap_bytes)),
        human_bytes(s.heap_bytes),
        human_bytes(s.live_bytes_after_last),
        if s.minor_pauses.count() > 0 {
            format!(
                "  minor pauses p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms; {} objects pinned\n",
                ms(s.minor_pauses.percentile(0.5)),
                ms(s.minor_pauses.percentile(0.99)),
                ms(s.minor_pauses.max_ns()),
                s.pinned_objects
            )
        } else {
            String::new()
        },
    )
}

/// `n` bytes in B, KiB, MiB or GiB, one decimal above bytes.
fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// Whether `v` is a str (for embedders).
pub fn is_str(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Str }
/// The contents of a str value (for embedders).
pub fn as_str<'a>(v: Value) -> &'a str { str_ref(v) }

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary() {
        let mut s = GcStats { collections: 3, major_collections: 3, bytes_allocated: 5 << 20, objects_allocated: 1000, ..GcStats::default() };
        for ns in [1_000_000, 2_000_000, 4_000_000] {
            s.pauses.record(ns);
            s.pause_total_ns += ns;
            s.pause_max_ns = s.pause_max_ns.max(ns);
        }
        s.heap_bytes = 3 << 20;
        s.peak_heap_bytes = 6 << 20;
        let text = gc_summary("marksweep", &s);
        // p50 is 2 ms rounded up to its histogram bucket's top; p99 is capped
        // at the exact maximum.
        assert_eq!(
            text,
            "skiff gc stats: plugin marksweep\n\
             \x20 collections  3 (minor 0, major 3)\n\
             \x20 allocated    5.0 MiB (1000 objects through the plugin; promoted 0 B)\n\
             \x20 pauses       p50 2.097 ms, p99 4.000 ms, max 4.000 ms, total 7.000 ms\n\
             \x20 heap         peak 6.0 MiB, now 3.0 MiB, live after last collection 0 B\n"
        );
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1536), "1.5 KiB");
    }
}
