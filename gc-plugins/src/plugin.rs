//! The collector trait, its fast-path description and the VM's root source.

use crate::header::{Header, Tracer, TypeInfo};

/// Where a collection finds the VM's roots.
///
/// The VM implements this; a mock implementation drives collectors in tests
/// without an interpreter.
pub trait RootSource {
    /// Visits every precise root slot: module tables, interned strings, type
    /// objects, registered buffers, the current frame chain. A moving
    /// collector may rewrite these slots.
    fn precise_roots(&self, tracer: &mut dyn Tracer);

    /// Calls `visit(lo, hi)` for every range of words to scan conservatively:
    /// the used part of the running native stack (from the current stack
    /// pointer, which lies below the collector's register spill area, to the
    /// stack base) and of every suspended stack that holds native state.
    /// A word in such a range that points into an object (interior pointers
    /// included) keeps it alive and pins it for this collection.
    fn conservative_ranges(&self, visit: &mut dyn FnMut(*const u64, *const u64));
}

/// What kind of collection to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CollectKind {
    /// Whatever the plugin prefers for an allocation-triggered collection.
    Auto,
    /// Young generation only (plugins without generations do a full one).
    Minor,
    /// Everything.
    Full,
}

/// Configuration every plugin understands.
#[derive(Clone, Debug, Default)]
pub struct GcConfig {
    /// Collect every N allocations (`SKIFF_GC_STRESS=N`).
    pub stress: Option<u64>,
    /// Run the heap verifier after every collection.
    pub verify: bool,
}

/// Counters a plugin reports; all are cumulative since start-up except the
/// heap figures.
#[derive(Clone, Debug, Default)]
pub struct GcStats {
    pub collections: u64,
    pub minor_collections: u64,
    pub bytes_allocated: u64,
    pub objects_allocated: u64,
    pub heap_bytes: u64,
    pub live_bytes_after_last: u64,
    pub pinned_objects: u64,
    pub finalizers_queued: u64,
    pub pause_total_ns: u64,
    pub pause_max_ns: u64,
}

/// How stores of references into heap objects must be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Barrier {
    /// No barrier: stores need no bookkeeping.
    None,
    /// Test `Header::flags & mask`; if set, call `write_barrier_slow(obj)`.
    HeaderFlag { mask: usize },
}

/// The allocation and barrier fast paths, described once for the interpreter
/// and the JIT.
#[derive(Clone, Copy, Debug)]
pub struct FastPaths {
    /// Address of the bump cursor (a `usize`) and of its limit, or null when
    /// the plugin has no inline allocation path.
    pub bump_cursor: *mut usize,
    pub bump_limit: *const usize,
    /// Largest object size (bytes, header included) the inline path may
    /// allocate.
    pub max_inline_size: usize,
    /// Flags word a bump-allocated object's header starts with.
    pub initial_flags: usize,
    pub barrier: Barrier,
}

impl FastPaths {
    /// No inline allocation and no barrier.
    pub const fn none() -> Self {
        FastPaths {
            bump_cursor: core::ptr::null_mut(),
            bump_limit: core::ptr::null(),
            max_inline_size: 0,
            initial_flags: 0,
            barrier: Barrier::None,
        }
    }
}

/// A garbage collector skiff can run on.
///
/// # Safety
///
/// Implementations promise, and callers rely on, all of the following:
///
/// 1. `alloc(info, size, roots)` returns a pointer to `size` bytes (`size` is a
///    multiple of 8 and at least 16), 8-byte aligned, zeroed except for the
///    header, whose `info` is `info` and whose `flags` hold no bit but the
///    plugin's own. It returns null only when memory is exhausted. It may run a
///    collection before returning, using `roots`.
/// 2. A collection (from `alloc` or `collect`) keeps alive every object
///    reachable from the precise roots or from any word in a conservative range
///    that points into it, plus everything reachable from those objects through
///    their trace functions. An object referenced from a conservative range is
///    not moved. A moving plugin rewrites precise root slots and reference slots
///    of heap objects, and nothing else.
/// 3. Collections happen only inside `alloc` and `collect`, on the calling
///    thread (helper threads may assist while the call is in progress), and
///    never run Python code. Callee-saved registers are spilled to the stack
///    before the conservative ranges are requested.
/// 4. An object with a registered finalizer that becomes unreachable is not
///    freed: it and everything it reaches are kept, and it is handed out once by
///    `pop_finalizable`. After that it is an ordinary object.
/// 5. `drop` hooks run only for objects being freed, inside a collection.
/// 6. When `fast_paths().barrier` is not `Barrier::None`, the VM calls
///    `write_barrier_slow(obj)` after storing a reference into `obj` whenever
///    the barrier test says so. Initialising stores into an object returned by
///    `alloc` with no allocation since may skip the barrier.
///
/// The VM in turn promises to call every method on the thread that created the
/// plugin, and to report every root through the `RootSource`.
pub unsafe trait GcPlugin {
    /// The plugin's configuration name (`marksweep`, `boehm`, `generational`).
    fn name(&self) -> &'static str;

    /// Allocates an object. See the trait's safety contract, point 1.
    ///
    /// # Safety
    /// `size` must be at least 16, a multiple of 8, and at least what
    /// `info.size_of` will report for the object once the VM has filled in the
    /// fields that size depends on.
    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header;

    /// Runs a collection now.
    fn collect(&self, kind: CollectKind, roots: &dyn RootSource);

    /// The slow path of the write barrier.
    ///
    /// # Safety
    /// `obj` must be a live object of this plugin's heap.
    unsafe fn write_barrier_slow(&self, obj: *mut Header);

    /// Registers a finalizer for `obj` (at most once per object).
    ///
    /// # Safety
    /// `obj` must be a live object of this plugin's heap.
    unsafe fn register_finalizer(&self, obj: *mut Header);

    /// Cancels `obj`'s registration (it no longer needs finalizing), so a
    /// dead object is freed by the next collection that finds it instead of
    /// being queued first. Does nothing if it is not registered.
    ///
    /// # Safety
    /// `obj` must be a live object of this heap.
    unsafe fn unregister_finalizer(&self, obj: *mut Header);

    /// The next object whose finalizer should run, if any.
    fn pop_finalizable(&self) -> Option<*mut Header>;

    /// Whether `addr` is the start of a live object in this heap.
    fn is_heap_object(&self, addr: usize) -> bool;

    fn stats(&self) -> GcStats;

    fn fast_paths(&self) -> FastPaths;

    /// The mutator now runs on the stack whose highest address is
    /// `new_bottom` (a tasklet's coroutine stack, or the thread's own stack
    /// again). Collectors that scan the running stack themselves (bdwgc)
    /// move their idea of its bottom; the others find the bounds in the
    /// root source and need not override this.
    ///
    /// # Safety
    /// Called on the mutator thread right before switching to that stack (no
    /// allocation until the switch) or right after switching back to it;
    /// every other stack holding references is reported by the root source's
    /// `conservative_ranges` until the next call.
    unsafe fn stack_switched(&self, new_bottom: *mut u8) {
        let _ = new_bottom;
    }
}
