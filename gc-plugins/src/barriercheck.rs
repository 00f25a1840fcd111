//! `barriercheck`: a collector that proves the VM never skips the write
//! barrier.
//!
//! It wraps [`MarkSweep`] and publishes a header-flag barrier, as a
//! generational collector would. At each checkpoint (every N allocations) it
//! treats every object then allocated as *old*: it sets [`flags::BARRIER`]
//! on them and forgets the young and remembered sets. Afterwards:
//!
//! - a new allocation is *young*;
//! - `write_barrier_slow(obj)` *remembers* `obj` and clears its flag.
//!
//! The invariant a generational collector needs, checked at every
//! checkpoint before promotion: **no old, unremembered object holds a
//! reference to a young object**, except objects whose slots the VM reports
//! as precise roots (active frames), which a minor collection rescans anyway.
//! A violation panics with the object's type, address and slot offset: some
//! store into that object bypassed the barrier.
//!
//! State machine of one object: young --checkpoint--> old (flag set)
//! --barrier--> remembered (flag clear) --checkpoint--> old again.

use crate::header::{flags, is_reference_word, Header, Tracer, TypeInfo};
use crate::marksweep::MarkSweep;
use crate::plugin::{Barrier, CollectKind, FastPaths, GcConfig, GcParams, GcPlugin, GcStats, RootSource};
use crate::verify::HeapWalk;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;

/// Allocations between checkpoints when no stress interval is configured.
const DEFAULT_INTERVAL: u64 = 10_000;

pub struct BarrierCheck {
    inner: MarkSweep,
    young: RefCell<HashSet<usize>>,
    remembered: RefCell<HashSet<usize>>,
    allocs: Cell<u64>,
    interval: u64,
    checkpoints: Cell<u64>,
    barrier_calls: Cell<u64>,
}

impl BarrierCheck {
    /// A checker over a mark-sweep heap with the default [`GcParams`].
    pub fn new(config: GcConfig) -> BarrierCheck {
        BarrierCheck::with_params(config, GcParams::default())
    }

    /// A checker over a mark-sweep heap tuned by `params` (see
    /// [`MarkSweep::with_params`]). Statistics, pause times included, are
    /// the mark-sweep heap's; checkpoints are not collections.
    pub fn with_params(config: GcConfig, params: GcParams) -> BarrierCheck {
        let interval = config.stress.unwrap_or(DEFAULT_INTERVAL).max(1);
        BarrierCheck {
            inner: MarkSweep::with_params(config, params),
            young: RefCell::new(HashSet::new()),
            remembered: RefCell::new(HashSet::new()),
            allocs: Cell::new(0),
            interval,
            checkpoints: Cell::new(0),
            barrier_calls: Cell::new(0),
        }
    }

    /// Checkpoints run so far.
    pub fn checkpoints(&self) -> u64 { self.checkpoints.get() }
    /// Slow-path barrier calls so far.
    pub fn barrier_calls(&self) -> u64 { self.barrier_calls.get() }

    /// Checks the invariant now (without promoting).
    pub fn check(&self, roots: &dyn RootSource) -> Result<(), String> {
        // Objects whose slots are precise roots are rescanned by every
        // collection, so they need no barrier.
        let mut exempt = HashSet::new();
        struct Collect<'a> { heap: &'a MarkSweep, out: &'a mut HashSet<usize> }
        impl Tracer for Collect<'_> {
            fn visit(&mut self, slot: *mut u64) {
                if let Some(o) = self.heap.object_containing(slot as usize) { self.out.insert(o as usize); }
            }
        }
        roots.precise_roots(&mut Collect { heap: &self.inner, out: &mut exempt });
        let young = self.young.borrow();
        let remembered = self.remembered.borrow();
        let mut err: Option<String> = None;
        self.inner.walk_objects(&mut |obj, _cap| {
            if err.is_some() { return; }
            // SAFETY: walk_objects passes live objects of the heap.
            let f = unsafe { (*obj).flags };
            if f & flags::BARRIER == 0 || remembered.contains(&(obj as usize)) || exempt.contains(&(obj as usize)) {
                return;
            }
            struct Scan<'a> { young: &'a HashSet<usize>, obj: *mut Header, found: Option<(usize, u64)> }
            impl Tracer for Scan<'_> {
                fn visit(&mut self, slot: *mut u64) {
                    if self.found.is_some() { return; }
                    // SAFETY: trace functions pass slots inside the live object.
                    let w = unsafe { *slot };
                    if is_reference_word(w) && self.young.contains(&(w as usize)) {
                        self.found = Some(((slot as usize).wrapping_sub(self.obj as usize), w));
                    }
                }
            }
            let mut scan = Scan { young: &young, obj, found: None };
            // SAFETY: `obj` is live; its info was set at allocation.
            let info = unsafe { TypeInfo::of(obj) };
            // SAFETY: `obj` is a live object of `info`'s layout.
            unsafe { (info.trace)(obj, &mut scan) };
            if let Some((off, w)) = scan.found {
                // SAFETY: `w` is in the young set: a live allocation of this heap.
                let tname = unsafe { TypeInfo::of(w as *const Header) }.name;
                err = Some(format!(
                    "old {} at {:#x} holds young {} {:#x} in slot +{} with no write barrier",
                    info.name, obj as usize, tname, w, off));
            }
        });
        match err { Some(e) => Err(e), None => Ok(()) }
    }

    fn checkpoint(&self, roots: &dyn RootSource) {
        if let Err(e) = self.check(roots) {
            panic!("barriercheck: {e}");
        }
        self.checkpoints.set(self.checkpoints.get() + 1);
        self.inner.walk_objects(&mut |obj, _| {
            // SAFETY: live object of this heap; only the BARRIER bit changes.
            unsafe { (*obj).flags |= flags::BARRIER };
        });
        self.young.borrow_mut().clear();
        self.remembered.borrow_mut().clear();
    }
}

// SAFETY: every obligation is MarkSweep's, which this wraps unchanged, except
// the barrier (point 6): the VM calls write_barrier_slow when the header flag
// is set, and this plugin only records the call.
unsafe impl GcPlugin for BarrierCheck {
    fn name(&self) -> &'static str { "barriercheck" }

    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        let n = self.allocs.get() + 1;
        self.allocs.set(n);
        if n % self.interval == 0 { self.checkpoint(roots); }
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { self.inner.alloc(info, size, roots) };
        if !p.is_null() {
            // A reused block must not inherit the old flag.
            // SAFETY: `p` is a fresh object of this heap.
            unsafe { (*p).flags &= !flags::BARRIER };
            self.young.borrow_mut().insert(p as usize);
        }
        p
    }

    fn collect(&self, kind: CollectKind, roots: &dyn RootSource) {
        self.inner.collect(kind, roots)
    }

    unsafe fn write_barrier_slow(&self, obj: *mut Header) {
        self.barrier_calls.set(self.barrier_calls.get() + 1);
        self.remembered.borrow_mut().insert(obj as usize);
        // SAFETY: the caller guarantees `obj` is live.
        unsafe { (*obj).flags &= !flags::BARRIER };
    }

    unsafe fn register_finalizer(&self, obj: *mut Header) {
        // SAFETY: forwarded with the caller's guarantee.
        unsafe { self.inner.register_finalizer(obj) }
    }

    unsafe fn unregister_finalizer(&self, obj: *mut Header) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.inner.unregister_finalizer(obj) }
    }

    fn pop_finalizable(&self) -> Option<*mut Header> { self.inner.pop_finalizable() }
    fn note_external_memory(&self, bytes: usize) { self.inner.note_external(bytes) }

    fn is_heap_object(&self, addr: usize) -> bool { self.inner.is_heap_object(addr) }

    fn stats(&self) -> GcStats { self.inner.stats() }

    fn fast_paths(&self) -> FastPaths {
        FastPaths { barrier: Barrier::HeaderFlag { mask: flags::BARRIER }, ..FastPaths::none() }
    }
}
