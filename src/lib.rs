//! skiff: a virtual machine for Python 3.11 with Stackless tasklets.
//!
//! This package wires the crates together: it picks the collector named by
//! the configuration, creates the VM, installs the standard library, and runs
//! scripts. The CLI (`src/main.rs`) is a thin layer over [`run_file`],
//! [`run_source`] and [`disassemble_file`].

use skiff_gc::GcConfig;
use skiff_vm::heap::{kind_of, Kind, str_ref};
use skiff_vm::{Exc, Value, Vm, VmConfig};

/// The collectors this binary knows.
/// `barriercheck` is mark-sweep plus a checker that fails when a store skips
/// the write barrier (for tests).
pub const GC_PLUGINS: &[&str] = &["marksweep", "boehm", "barriercheck"];

/// Start-up configuration.
#[derive(Clone, Debug)]
pub struct Config {
    pub gc: String,
    pub gc_config: GcConfig,
    pub argv: Vec<String>,
    pub path: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { gc: "marksweep".into(), gc_config: GcConfig::default(), argv: vec![String::new()], path: vec![] }
    }
}

impl Config {
    /// Applies `SKIFF_GC`, `SKIFF_GC_STRESS` and `SKIFF_GC_VERIFY` from the environment.
    pub fn apply_env(&mut self) -> Result<(), String> {
        if let Ok(g) = std::env::var("SKIFF_GC") { if !g.is_empty() { self.gc = g; } }
        if let Ok(s) = std::env::var("SKIFF_GC_STRESS") {
            if !s.is_empty() {
                let n: u64 = s.parse().map_err(|_| format!("SKIFF_GC_STRESS must be a positive integer, got '{s}'"))?;
                if n == 0 { return Err("SKIFF_GC_STRESS must be a positive integer, got '0'".into()); }
                self.gc_config.stress = Some(n);
            }
        }
        if let Ok(v) = std::env::var("SKIFF_GC_VERIFY") { self.gc_config.verify = v == "1"; }
        Ok(())
    }
}

/// Creates the collector named in `config`.
pub fn make_gc(config: &Config) -> Result<Box<dyn skiff_gc::GcPlugin>, String> {
    match config.gc.as_str() {
        "marksweep" => Ok(Box::new(skiff_gc::marksweep::MarkSweep::new(config.gc_config.clone()))),
        "barriercheck" => Ok(Box::new(skiff_gc::barriercheck::BarrierCheck::new(config.gc_config.clone()))),
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

/// Whether `v` is a str (for embedders).
pub fn is_str(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Str }
/// The contents of a str value (for embedders).
pub fn as_str<'a>(v: Value) -> &'a str { str_ref(v) }
