//! The boehm plugin under randomized graph mutation, checked against the
//! mock VM's shadow model (`mock_vm::shadow`), as the other collectors'
//! suites do: thousands of random allocations, links, unlinks, roots that
//! come and go, conservative pins (interior pointers in a buffer reported as
//! a conservative range), finalizable objects handed out and sometimes
//! resurrected, and explicit collections, plain and under stress mode.
//!
//! bdwgc is conservative: a stale word on the stack or in its own data may
//! keep any unreachable object alive, so the runs are not `exact` (no check
//! that every unreachable object was freed or queued). What is checked
//! exactly, after every collection, every explicit `collect` and every drop
//! hook run by a lazy sweep:
//!
//! - every object reachable in the model from the precise roots and the pins
//!   is a live heap object with the right id, kind, length and fields (edges);
//! - no drop hook runs for an object reachable from the roots, the pins or a
//!   registered finalizable object not yet handed out, and none twice;
//! - a finalizable object is handed out at most once, never while reachable,
//!   with FINALIZED set and its subgraph intact; at the end of a run the
//!   queue is drained and the plugin's count of queued objects equals the
//!   number handed out.
//!
//! Drop hooks run while bdwgc sweeps lazily, inside later allocations
//! (`RunOptions::lazy_drops`), and bdwgc is one heap per process, so each run
//! numbers its objects in an id space of its own and ignores the drop hooks
//! of earlier runs' garbage (`RunOptions::id_space`).
//!
//! As in `boehm.rs`, every run happens on one long-lived "gc thread" (bdwgc
//! has one registered mutator), and each test prints a skip message and
//! passes when `libgc.so.1` is missing.
//!
//! The last test is the control: a plugin that hides one precise root from
//! bdwgc must fail a run.

#[path = "../../tests/mock_vm/mod.rs"]
mod mock_vm;
#[path = "gc_thread/mod.rs"]
mod gc_thread;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::channel;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Instant;

use gc_thread::{on_gc_thread, panic_message};
use mock_vm::shadow::{run_random_with, RandomRun, RunOptions, RunSummary};
use skiff_gc::{CollectKind, FastPaths, GcConfig, GcPlugin, GcStats, Header, RootSource, Tracer, TypeInfo};
use skiff_gc_boehm::BoehmGc;

/// Whether bdwgc can be used (on the gc thread); prints why not otherwise.
fn available() -> bool {
    match BoehmGc::new(GcConfig::default()) {
        Ok(_) => true,
        Err(e) => {
            assert!(e.contains("libgc1"), "unexpected error: {e}");
            eprintln!("SKIPPED: {e}; install it with `apt-get install libgc1` to run the boehm tests");
            false
        }
    }
}

fn make(config: GcConfig) -> Box<dyn GcPlugin> {
    Box::new(BoehmGc::new(config).expect("bdwgc is available (checked first)"))
}

/// A fresh id space for each run: bdwgc's heap outlives every plugin, and an
/// earlier run's garbage may be swept (its drop hooks run) during a later run.
fn next_space() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// `base` plus what every boehm run needs.
fn boehm_options(base: RunOptions) -> RunOptions {
    RunOptions { lazy_drops: true, id_space: Some(next_space()), drain_queue: true, ..base }
}

const STEPS: usize = 6000;

/// One non-exact run of `STEPS` steps on the gc thread (see [`run_steps`]).
fn run(seed: u64, config: GcConfig, options: RunOptions) -> RunSummary {
    run_steps(seed, STEPS, config, options)
}

/// One non-exact run on the gc thread, with the checks on its summary that
/// hold whatever bdwgc keeps conservatively.
fn run_steps(seed: u64, steps: usize, config: GcConfig, options: RunOptions) -> RunSummary {
    let (tx, rx) = channel();
    on_gc_thread(move || {
        let options = boehm_options(options);
        let label = format!("seed {seed}, {steps} steps, {config:?}, {options:?}");
        let start = Instant::now();
        let s = run_random_with(&make, RandomRun { seed, steps, exact: false, config }, options);
        eprintln!("{label}: {:.0?}: {s:?}", start.elapsed());
        // Handed out at most once each (checked as they are handed out), and
        // after the final drain every queued object has been handed out.
        assert_eq!(s.finalizers_queued, s.finalized as u64, "{label}: queued and handed out differ: {s:?}");
        // Not exact, but a conservative collector still frees most garbage;
        // these only make sure the run exercised what it should.
        assert!(s.explicit_collections > 100 && s.dropped > 500 && s.finalized > 20, "{label}: {s:?}");
        // Loosely: bdwgc usually keeps only a handful of them.
        assert!(s.unfreed_at_end * 4 <= s.dropped, "{label}: most garbage should be freed: {s:?}");
        let _ = tx.send(s);
    });
    rx.recv().expect("the run reported")
}

/// Mostly explicit collections (bdwgc's own trigger rarely fires on so small
/// a heap), with the default options.
#[test]
fn randomized_mutation() {
    if !on_gc_thread_available() {
        return;
    }
    for seed in 1..=8 {
        run(seed, GcConfig::default(), RunOptions::default());
    }
}

/// Plain nodes without drop hooks (`GC_malloc` rather than the drop kinds:
/// `inline_alloc` falls back to `alloc`, as bdwgc publishes no inline path),
/// identities taken and checked (addresses, which never change), and 40% of
/// the objects finalizable.
#[test]
fn randomized_mutation_plain_nodes_identities_and_many_finalizers() {
    if !on_gc_thread_available() {
        return;
    }
    for seed in 11..=16 {
        let options =
            RunOptions { inline_alloc: true, identities: true, finalizer_percent: Some(40), ..RunOptions::default() };
        let s = run(seed, GcConfig::default(), options);
        assert!(s.finalized > 200, "seed {seed}: {s:?}");
    }
}

/// Stress mode: a collection inside every 7th (then every 3rd) allocation,
/// so that objects die and are swept between the driver's checks. (bdwgc
/// ignores `verify`: it has no heap walk.)
#[test]
fn randomized_mutation_under_stress() {
    if !on_gc_thread_available() {
        return;
    }
    for seed in [4, 5, 31, 32, 33, 34] {
        let s = run(seed, GcConfig { stress: Some(7), verify: true }, RunOptions::default());
        assert!(s.collections > 250 && s.lazy_dropped > 0, "seed {seed}: {s:?}");
    }
    for seed in [6, 35, 36] {
        let options = RunOptions { inline_alloc: true, identities: true, ..RunOptions::default() };
        let s = run(seed, GcConfig { stress: Some(3), verify: false }, options);
        assert!(s.collections > 500 && s.lazy_dropped > 0, "seed {seed}: {s:?}");
    }
}

/// A long run under stress (a collection every 5th allocation) with a
/// quarter of the objects finalizable and large objects now and then.
#[test]
fn randomized_mutation_long_run_under_stress() {
    if !on_gc_thread_available() {
        return;
    }
    let options = RunOptions { identities: true, finalizer_percent: Some(25), ..RunOptions::default() };
    let s = run_steps(41, 20_000, GcConfig { stress: Some(5), verify: false }, options);
    assert!(s.collections > 1500 && s.dropped > 2000 && s.finalized > 300, "{s:?}");
}

/// Whether bdwgc is available, asked on the gc thread (where it must be
/// first created).
fn on_gc_thread_available() -> bool {
    let (tx, rx) = channel();
    on_gc_thread(move || {
        let _ = tx.send(available());
    });
    rx.recv().expect("the gc thread replied")
}

/// A broken plugin for the control: bdwgc, but every collection misses
/// the first precise root slot (the bug of a VM or plugin that forgets a
/// root).
struct LosesFirstRoot(BoehmGc);

/// The VM's roots without precise slot 0.
struct WithoutFirstSlot<'a>(&'a dyn RootSource);

/// Passes every slot on to the real tracer but the first.
struct SkipFirst<'a> {
    inner: &'a mut dyn Tracer,
    seen: usize,
}

impl Tracer for SkipFirst<'_> {
    fn visit(&mut self, slot: *mut u64) {
        self.seen += 1;
        if self.seen > 1 {
            self.inner.visit(slot);
        }
    }
}

impl RootSource for WithoutFirstSlot<'_> {
    fn precise_roots(&self, tracer: &mut dyn Tracer) {
        self.0.precise_roots(&mut SkipFirst { inner: tracer, seen: 0 });
    }

    fn conservative_ranges(&self, visit: &mut dyn FnMut(*const u64, *const u64)) {
        self.0.conservative_ranges(visit);
    }
}

// SAFETY: it forwards to `BoehmGc` and so keeps its contract except point 2
// (it loses a root): on purpose, for the control test only, on mock objects
// that nothing but the test's checks read.
unsafe impl GcPlugin for LosesFirstRoot {
    fn name(&self) -> &'static str {
        "boehm-loses-first-root"
    }

    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        // SAFETY: the caller's guarantees, forwarded.
        unsafe { self.0.alloc(info, size, &WithoutFirstSlot(roots)) }
    }

    fn collect(&self, kind: CollectKind, roots: &dyn RootSource) {
        self.0.collect(kind, &WithoutFirstSlot(roots));
    }

    unsafe fn write_barrier_slow(&self, obj: *mut Header) {
        // SAFETY: the caller's guarantees, forwarded.
        unsafe { self.0.write_barrier_slow(obj) }
    }

    unsafe fn register_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller's guarantees, forwarded.
        unsafe { self.0.register_finalizer(obj) }
    }

    unsafe fn unregister_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller's guarantees, forwarded.
        unsafe { self.0.unregister_finalizer(obj) }
    }

    fn pop_finalizable(&self) -> Option<*mut Header> {
        self.0.pop_finalizable()
    }

    fn is_heap_object(&self, addr: usize) -> bool {
        self.0.is_heap_object(addr)
    }

    fn stats(&self) -> GcStats {
        self.0.stats()
    }

    fn fast_paths(&self) -> FastPaths {
        self.0.fast_paths()
    }
}

fn make_losing(config: GcConfig) -> Box<dyn GcPlugin> {
    Box::new(LosesFirstRoot(BoehmGc::new(config).expect("bdwgc is available (checked first)")))
}

/// The control: the same runs on a plugin that loses a root must fail, with
/// the driver finding a reachable object freed (its drop hook run, or no
/// longer a live object, or its memory reused).
#[test]
fn a_plugin_that_loses_a_root_fails_the_run() {
    if !on_gc_thread_available() {
        return;
    }
    for (seed, stress) in [(21, None), (22, Some(7))] {
        let (tx, rx) = channel();
        on_gc_thread(move || {
            let options = boehm_options(RunOptions::default());
            let config = GcConfig { stress, verify: false };
            let result = catch_unwind(AssertUnwindSafe(|| {
                run_random_with(&make_losing, RandomRun { seed, steps: STEPS, exact: false, config }, options)
            }));
            let _ = tx.send(match result {
                Ok(s) => Err(format!("{s:?}")),
                Err(panic) => Ok(panic_message(&*panic)),
            });
        });
        match rx.recv().expect("the run reported") {
            Ok(message) => {
                eprintln!("seed {seed}, stress {stress:?}: failed as it should: {message}");
                // The driver's checks all say at which step they failed
                // (typically: a reachable object was dropped, or is no
                // longer a live object, or its memory holds another one).
                assert!(message.contains("step "), "seed {seed}: failed for another reason: {message}");
            }
            Err(summary) => panic!("seed {seed}: a run whose plugin loses a root passed: {summary}"),
        }
    }
}
