//! `pickle.loads` on arbitrary bytes: it must return or raise a Python
//! exception, never panic, crash, hang or run out of memory (issue 6,
//! "Hardening"; tests/pickle_hardening.rs replays the same seeds and
//! regressions without libFuzzer).
//!
//! One VM per fuzzing thread, made on first use (a VM is not `Send`), with
//! tests/pickle_corpus/ on `sys.path` so the seeds' `corpus_defs` globals
//! resolve. After each input that made tasklets the target collects, so a
//! loaded tasklet that is killed when lost (which runs its frames) shows
//! up with the input that made it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use skiff_vm::{Value, Vm};
use std::cell::RefCell;

/// The VM and, at indices `loads` and `collect` of its immortal list (a
/// precise root, which a moving collector updates; a `Value` kept in this
/// struct would go stale at the first minor collection), the two functions.
struct Target {
    vm: Box<Vm>,
    loads: usize,
    collect: usize,
}

impl Target {
    fn func(&self, i: usize) -> Value {
        self.vm.r.immortal.borrow()[i]
    }
}

thread_local! {
    static TARGET: RefCell<Option<Target>> = const { RefCell::new(None) };
}

fn setup() -> Target {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/pickle_corpus");
    let mut config = skiff::Config::default();
    config.path = vec![corpus.to_string()];
    let mut vm = skiff::new_vm(&config).expect("create a VM");
    let get = |vm: &mut Vm, module: &str, name: &str| {
        let r = vm.import_module(module).and_then(|m| vm.getattr_str(m, name));
        match r {
            Ok(v) => v,
            Err(e) => panic!("fuzz target setup: {}", vm.format_exception_only(e.0)),
        }
    };
    let loads = get(&mut vm, "pickle", "loads");
    let collect = get(&mut vm, "gc", "collect");
    get(&mut vm, "stackless", "tasklet");
    get(&mut vm, "corpus_defs", "Point");
    let mut roots = vm.r.immortal.borrow_mut();
    roots.push(loads);
    roots.push(collect);
    let (loads, collect) = (roots.len() - 2, roots.len() - 1);
    drop(roots);
    Target { vm, loads, collect }
}

/// Loads `data`; whether that made tasklets. Not inlined, so that what it
/// loaded is left only in dead stack, which `gc.collect()` clears before it
/// scans conservatively.
#[inline(never)]
fn load(t: &mut Target, data: &[u8]) -> bool {
    let before = t.vm.sched.next_id;
    let b = t.vm.new_bytes(data);
    // Ok or a Python exception are both fine; only a panic or a crash is a
    // finding (and a switch instead of an exception, which is a bug).
    let loads = t.func(t.loads);
    if let Err(e) = t.vm.call(loads, &[b]) {
        assert!(!e.is_switch(), "loads returned a tasklet switch");
    }
    t.vm.sched.next_id != before
}

fuzz_target!(|data: &[u8]| {
    TARGET.with(|t| {
        let mut t = t.borrow_mut();
        let t = t.get_or_insert_with(setup);
        if load(t, data) {
            for _ in 0..2 {
                let collect = t.func(t.collect);
                let _ = t.vm.call(collect, &[]);
            }
        }
    });
});
