//! `marksweep`: the reference collector. Non-moving, non-incremental
//! mark-sweep over size-classed chunks plus a large-object space (the memory
//! layout is drawn in `marksweep/space.rs`), with optional parallel marking.
//!
//! **Allocation.** Objects of up to 2 KiB take a block from the free list of
//! their size class (a pop: the common case is a table lookup, one load and
//! one store, then zeroing the object and writing its header); an empty list
//! takes a fresh chunk. Larger objects are allocated one by one from
//! `std::alloc`. There is no inline allocation path and no write barrier
//! ([`FastPaths::none`]).
//!
//! **When to collect.** When the bytes allocated since the last collection
//! exceed `max(4 MiB, live bytes after it × (major_growth - 1))` (with the
//! default [`GcParams::major_growth`] of 1.75 the heap may grow by three
//! quarters before the next collection), every `n` allocations under `GcConfig::stress =
//! Some(n)`, and on [`GcPlugin::collect`].
//!
//! **Statistics.** Every collection is a full one (counted in
//! `major_collections`); its pause (from the register spill to the end of
//! the sweep, the verifier excluded) goes into [`GcStats::pauses`]. The heap
//! size is sampled before each sweep for `peak_heap_bytes`.
//!
//! **A collection**, in order:
//!
//! 1. spills the callee-saved registers ([`with_registers_spilled`]);
//! 2. marks from the precise roots (a slot is a reference iff
//!    [`is_reference_word`]; it must point at an object start, and references
//!    outside the heap are ignored), from every word of the conservative
//!    ranges (any word pointing into an allocated block, interior pointers
//!    included, marks and pins that object for this collection) and from the
//!    finalization queue not yet drained by the VM; marking uses an explicit
//!    stack, never recursion (see **Parallel marking** below);
//! 3. finalization: every object registered with a finalizer and still
//!    unmarked is queued (FINALIZER cleared, FINALIZED set) and marked with
//!    everything it reaches, all in the same collection (so all finalizable
//!    members of an unreachable cycle are queued together, in no particular
//!    order, as in CPython since PEP 442);
//! 4. sweeps: unmarked objects run their drop hook and go back to the free
//!    lists (rebuilt in address order); MARK and PINNED are cleared on the
//!    survivors; empty chunks are kept for reuse (up to 16) or freed;
//! 5. under `GcConfig::verify`, runs the verifier and panics on failure
//!    ([`MarkSweep::verify`] runs the same checks on demand).
//!
//! Dropping the plugin frees every remaining object, running its drop hook,
//! and returns all memory to the OS.
//!
//! **Parallel marking.** With [`GcParams::marking_threads`] `n > 1` and a
//! heap of at least [`PARALLEL_MIN_HEAP`] bytes when the collection starts
//! (smaller heaps mark too fast to pay for starting threads), each drain of
//! the mark stack in step 2 and 3 hands the grey objects to the
//! work-stealing protocol of [`crate::parallel`] and runs it on the calling
//! thread plus `n - 1` scoped threads started for that drain. Roots are
//! still found on the calling thread; finalization, statistics and the
//! sweep stay single-threaded. While the workers run, the mutator is
//! stopped (it is the calling thread, inside `alloc` or `collect`), nothing
//! writes object bodies, and the only writes to the heap are MARK bits, set
//! with an atomic `fetch_or` on the header's flags word, so each object is
//! traced exactly once; the workers read object bodies (through the trace
//! functions, which may therefore run on helper threads: see
//! [`TypeInfo::trace`]), block headers and the space's lookup tables, which
//! nothing writes until the sweep. Thread start and join order these
//! atomic phases with the plain flag accesses before and after. With `n ==
//! 1` (the default) or a smaller heap, marking is the single-threaded code
//! with a plain `Vec` stack.
//!
//! The plugin is single-threaded (`!Send`, `!Sync`): its state lives in
//! `Cell`s and `RefCell`s. During marking the heap is only borrowed shared, so
//! root and trace callbacks may call [`GcPlugin::is_heap_object`]; during the
//! sweep, drop hooks must not call the plugin at all (they would panic on the
//! `RefCell`). A panicking drop hook leaves the heap unusable.

mod space;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::ptr::null_mut;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::conservative::with_registers_spilled;
use crate::header::{flags, is_reference_word, Header, Tracer, TypeInfo};
use crate::parallel::{Local, WorkPool};
use crate::plugin::{CollectKind, FastPaths, GcConfig, GcParams, GcPlugin, GcStats, RootSource};
use crate::verify::{verify_heap, verify_roots, HeapWalk, VerifySummary};

use space::{class_of, pop_free, FreeBlock, Space, LARGE_ALIGN, MAX_SMALL, NCLASSES};

/// Bytes to allocate before the first collection, and the least between two.
const MIN_TRIGGER: usize = 4 << 20;

/// Heap size (bytes taken from the OS, at the start of a collection) from
/// which `marking_threads > 1` marks in parallel; below it marking stays on
/// the calling thread. See [`MarkSweep::with_parallel_min_heap`].
pub const PARALLEL_MIN_HEAP: usize = 8 << 20;

/// A marking worker publishes part of its private stack for thieves once it
/// holds more than this many grey objects (see [`crate::parallel`]).
const PUBLISH_MIN: usize = 16;

/// The mark-sweep plugin. See the module docs.
pub struct MarkSweep {
    config: GcConfig,
    /// Bytes allocated between collections, as a factor of the live bytes
    /// after the last one: `GcParams::major_growth - 1`.
    growth: f64,
    /// `GcParams::marking_threads`.
    marking_threads: Cell<usize>,
    /// How long the last collection's marking took (steps 2 and 3).
    last_mark: Cell<Duration>,
    /// Parallel marking only for heaps of at least this many bytes.
    parallel_min_heap: usize,
    /// Free-list heads per size class: the allocation fast path.
    free: [Cell<*mut FreeBlock>; NCLASSES],
    space: RefCell<Space>,
    /// Objects allocated since start-up.
    allocs: Cell<u64>,
    /// Bytes allocated since the last collection, and before it.
    bytes_since: Cell<usize>,
    bytes_before: Cell<u64>,
    /// Rust-heap bytes that objects allocated since the last collection
    /// own (reported by [`GcPlugin::note_external_memory`]): they count
    /// towards the trigger but not towards `bytes_allocated`.
    external_since: Cell<usize>,
    /// Bytes of large objects allocated since the last collection that
    /// [`MarkSweep::free_large_now`] already gave back: they count towards
    /// `bytes_allocated` but not towards the trigger.
    reclaimed_since: Cell<usize>,
    /// Collect when `bytes_since + external_since - reclaimed_since`
    /// exceeds this.
    trigger: Cell<usize>,
    /// Collect when `allocs` reaches this (stress mode; `u64::MAX` otherwise).
    next_stress: Cell<u64>,
    /// Objects with FINALIZER set, not yet queued.
    finalizers: RefCell<Vec<*mut Header>>,
    /// Queued for finalization, not yet handed out.
    ready: RefCell<VecDeque<*mut Header>>,
    /// Reused between collections so marking rarely allocates.
    mark_stack: RefCell<Vec<*mut Header>>,
    collecting: Cell<bool>,
    stats: RefCell<GcStats>,
}

impl MarkSweep {
    /// A plugin with the default [`GcParams`].
    pub fn new(config: GcConfig) -> MarkSweep {
        MarkSweep::with_params(config, GcParams::default())
    }

    /// A plugin whose collection trigger follows `params.major_growth` and
    /// that marks with `params.marking_threads` threads (see the module
    /// docs); `nursery_size` does not apply to a non-generational collector.
    pub fn with_params(config: GcConfig, params: GcParams) -> MarkSweep {
        let next_stress = match config.stress {
            Some(n) => n.max(1),
            None => u64::MAX,
        };
        MarkSweep {
            config,
            growth: (params.major_growth - 1.0).max(0.0),
            marking_threads: Cell::new(params.marking_threads.max(1) as usize),
            last_mark: Cell::new(Duration::ZERO),
            parallel_min_heap: PARALLEL_MIN_HEAP,
            free: std::array::from_fn(|_| Cell::new(null_mut())),
            space: RefCell::new(Space::new()),
            allocs: Cell::new(0),
            bytes_since: Cell::new(0),
            reclaimed_since: Cell::new(0),
            external_since: Cell::new(0),
            bytes_before: Cell::new(0),
            trigger: Cell::new(MIN_TRIGGER),
            next_stress: Cell::new(next_stress),
            finalizers: RefCell::new(Vec::new()),
            ready: RefCell::new(VecDeque::new()),
            mark_stack: RefCell::new(Vec::new()),
            collecting: Cell::new(false),
            stats: RefCell::new(GcStats::default()),
        }
    }

    /// The same plugin, marking in parallel from a heap of `bytes` instead of
    /// [`PARALLEL_MIN_HEAP`] (0: always, when `marking_threads > 1`). For
    /// tests and benchmarks that need the parallel path on small heaps, or
    /// not at all.
    pub fn with_parallel_min_heap(mut self, bytes: usize) -> MarkSweep {
        self.parallel_min_heap = bytes;
        self
    }

    /// Changes the number of marking threads (at least 1) for the next
    /// collections, e.g. to compare them on one heap.
    pub fn set_marking_threads(&self, threads: u32) {
        self.marking_threads.set(threads.max(1) as usize);
    }

    /// How long marking took in the last collection (roots, tracing and
    /// finalization; not the sweep).
    pub fn last_mark_duration(&self) -> Duration {
        self.last_mark.get()
    }

    /// Runs every check the verifier knows (the heap, the precise roots of
    /// `roots`, and that no object kept a MARK or PINNED bit). Meant to be
    /// called between collections; collections call it themselves under
    /// `GcConfig::verify`.
    pub fn verify(&self, roots: &dyn RootSource) -> Result<VerifySummary, String> {
        let summary = verify_heap(self)?;
        verify_roots(self, roots)?;
        let mut error = None;
        self.space.borrow().walk(&mut |obj, _| {
            // SAFETY: `walk` passes live objects only.
            let f = unsafe { (*obj).flags };
            if error.is_none() && f & (flags::MARK | flags::PINNED) != 0 {
                error = Some(format!(
                    "verify: object {:#x} kept flags {f:#x} (MARK or PINNED) after a collection",
                    obj as usize
                ));
            }
        });
        match error {
            Some(e) => Err(e),
            None => Ok(summary),
        }
    }

    /// Allocates like [`GcPlugin::alloc`] but never collects: for a
    /// generational collector using this heap as its old generation, which
    /// decides itself when to collect (see [`MarkSweep::wants_collection`]).
    /// Returns null when the OS refuses memory.
    ///
    /// # Safety
    /// As for [`GcPlugin::alloc`]; must not be called during a collection
    /// of this heap.
    pub unsafe fn alloc_old(&self, info: &'static TypeInfo, size: usize) -> *mut Header {
        // SAFETY: the caller's guarantees.
        unsafe { self.alloc_old_with(info, size, true, 0) }
    }

    /// [`MarkSweep::alloc_old`] for a large object (more than `MAX_SMALL`
    /// bytes) with `prefix` zeroed bytes right before its header, which the
    /// caller may use for as long as the object lives (a generational
    /// collector keeps its card table there). `prefix` is rounded up to a
    /// multiple of 16.
    ///
    /// # Safety
    /// As for [`MarkSweep::alloc_old`].
    pub unsafe fn alloc_old_large_prefixed(&self, info: &'static TypeInfo, size: usize, prefix: usize) -> *mut Header {
        debug_assert!(size > MAX_SMALL);
        let prefix = prefix.next_multiple_of(LARGE_ALIGN);
        // SAFETY: the caller's guarantees.
        unsafe { self.alloc_old_with(info, size, true, prefix) }
    }

    /// [`MarkSweep::alloc_old`] for a block the caller overwrites at once
    /// with a copy of `size` bytes (a promoted young object): nothing is
    /// zeroed (no one reads a block past its object's size).
    ///
    /// # Safety
    /// As for [`MarkSweep::alloc_old`]; the caller must write all `size`
    /// bytes, a valid header first, before anything can look at the heap.
    pub unsafe fn alloc_old_for_copy(&self, info: &'static TypeInfo, size: usize) -> *mut Header {
        // SAFETY: the caller's guarantees.
        unsafe { self.alloc_old_with(info, size, false, 0) }
    }

    /// # Safety
    /// As for [`MarkSweep::alloc_old`]; with `zero` false, as for
    /// [`MarkSweep::alloc_old_for_copy`]; a non-zero `prefix` only for a
    /// large object, as for [`MarkSweep::alloc_old_large_prefixed`].
    #[inline]
    unsafe fn alloc_old_with(&self, info: &'static TypeInfo, size: usize, zero: bool, prefix: usize) -> *mut Header {
        debug_assert!(size >= 16 && size & 7 == 0, "bad allocation size {size}");
        self.allocs.set(self.allocs.get() + 1);
        self.bytes_since.set(self.bytes_since.get() + size);
        let p = if size <= MAX_SMALL {
            let class = class_of(size);
            let block = match self.pop_block(class) {
                Some(block) => block,
                None => {
                    let block = self.space.borrow_mut().bump_or_add(class);
                    if block.is_null() {
                        return null_mut();
                    }
                    block
                }
            };
            if zero {
                // SAFETY: a free block of at least `size` bytes that we own.
                unsafe { block.write_bytes(0, size) };
            }
            block
        } else {
            // Already zeroed.
            self.space.borrow_mut().alloc_large(size, prefix)
        };
        if p.is_null() {
            return null_mut();
        }
        let obj = p as *mut Header;
        // SAFETY: a zeroed block of at least 16 bytes that we own.
        unsafe { (*obj).info = info };
        obj
    }

    /// Whether enough has been allocated (through [`MarkSweep::alloc_old`]
    /// and [`MarkSweep::adopt_foreign`] too) since the last collection that
    /// a collection is due: the trigger of the module docs.
    pub fn wants_collection(&self) -> bool {
        self.wants_collection_besides(0)
    }

    /// [`MarkSweep::wants_collection`], not counting `pending` bytes of
    /// large objects that may yet be freed without a collection (a
    /// generational collector's young large objects, see
    /// [`MarkSweep::free_large_now`]).
    pub fn wants_collection_besides(&self, pending: usize) -> bool {
        let counted = self.bytes_since.get() + self.external_since.get();
        counted.saturating_sub(self.reclaimed_since.get() + pending) > self.trigger.get()
    }

    /// Frees the large object `obj` now, without a collection: for a
    /// generational collector whose young large objects live here but die
    /// with the nursery. Its drop hook does not run. Its bytes no longer
    /// count towards the next collection's trigger.
    ///
    /// # Safety
    /// `obj` must be a large object of this heap (from
    /// [`MarkSweep::alloc_old`] or [`MarkSweep::alloc_old_large_prefixed`],
    /// not adopted) that nothing references any more, outside a
    /// collection.
    pub unsafe fn free_large_now(&self, obj: *mut Header) {
        // SAFETY: the caller's guarantees.
        let size = unsafe { self.space.borrow_mut().free_large_object(obj as usize) };
        self.reclaimed_since.set(self.reclaimed_since.get() + size);
    }

    /// Counts `bytes` of Rust-heap memory owned by a newly allocated object
    /// (or, for a generational collector, by objects just promoted) towards
    /// the next collection's trigger.
    pub fn note_external(&self, bytes: usize) {
        self.external_since.set(self.external_since.get().saturating_add(bytes));
    }

    /// Makes the object at `obj`, `size` bytes long, which lives in memory
    /// the caller owns, an object of this heap: found by lookups, marked,
    /// traced, walked, and swept like a large object, except that when it
    /// dies its drop hook runs and its extent is reported by
    /// [`MarkSweep::take_freed_foreign`] instead of being freed. A
    /// generational collector uses this for young objects pinned in its
    /// nursery.
    ///
    /// # Safety
    /// `obj` must be a live object of `size` bytes (rounded up to 8) in
    /// memory that stays valid until it is reported freed, overlapping no
    /// other object of this heap, and not called during a collection.
    pub unsafe fn adopt_foreign(&self, obj: *mut Header, size: usize) {
        // SAFETY: forwarded from the caller.
        unsafe { self.space.borrow_mut().adopt_foreign(obj as usize, size) };
        self.bytes_since.set(self.bytes_since.get() + size);
    }

    /// The foreign objects (see [`MarkSweep::adopt_foreign`]) freed by
    /// collections since the last call, as `(start, size)`.
    pub fn take_freed_foreign(&self) -> Vec<(usize, usize)> {
        std::mem::take(&mut self.space.borrow_mut().freed_foreign)
    }

    /// Queues `obj` for finalization as if a collection had found it
    /// unreachable: [`GcPlugin::pop_finalizable`] hands it out, and until
    /// then collections keep it and what it reaches alive.
    ///
    /// # Safety
    /// `obj` must be a live object of this heap whose finalizer is not
    /// registered here, not called during a collection.
    pub unsafe fn enqueue_finalizable(&self, obj: *mut Header) {
        self.ready.borrow_mut().push_back(obj);
        self.stats.borrow_mut().finalizers_queued += 1;
    }

    /// Takes the first block of the free list of `class`, if it has one.
    #[inline(always)]
    fn pop_block(&self, class: usize) -> Option<*mut u8> {
        let head = self.free[class].get();
        if head.is_null() {
            return None;
        }
        // SAFETY: `head` is the non-null head of a free list that `Space`
        // built.
        let (block, next) = unsafe { pop_free(head) };
        self.free[class].set(next);
        Some(block)
    }

    /// The slow path of small allocation: the free list of `class` is empty.
    #[cold]
    #[inline(never)]
    fn refill(&self, class: usize, roots: &dyn RootSource) -> *mut u8 {
        let block = self.space.borrow_mut().bump_or_add(class);
        if !block.is_null() {
            return block;
        }
        // The OS refused a chunk: a collection may free blocks of this
        // class, or a whole chunk's worth of memory.
        self.collect(CollectKind::Full, roots);
        match self.pop_block(class) {
            Some(block) => block,
            None => self.space.borrow_mut().bump_or_add(class),
        }
    }

    #[cold]
    #[inline(never)]
    fn alloc_large(&self, size: usize, roots: &dyn RootSource) -> *mut u8 {
        let p = self.space.borrow_mut().alloc_large(size, 0);
        if !p.is_null() {
            return p;
        }
        self.collect(CollectKind::Full, roots);
        self.space.borrow_mut().alloc_large(size, 0)
    }

    #[cold]
    #[inline(never)]
    fn collect_for_alloc(&self, count: u64, roots: &dyn RootSource) {
        if let Some(n) = self.config.stress {
            if count >= self.next_stress.get() {
                self.next_stress.set(count + n.max(1));
            }
        }
        self.collect(CollectKind::Auto, roots);
    }

    /// Mark and sweep. Runs below the register spill area.
    #[inline(never)]
    fn collect_spilled(&self, roots: &dyn RootSource) {
        let mark_start = Instant::now();
        let mut stack = std::mem::take(&mut *self.mark_stack.borrow_mut());
        let pinned;
        let queued;
        {
            let space = self.space.borrow();
            let threads = if self.marking_threads.get() > 1 && space.heap_bytes() >= self.parallel_min_heap {
                self.marking_threads.get()
            } else {
                1
            };
            let mut marker = Marker { space: &space, stack: &mut stack, pinned: 0, threads };

            roots.precise_roots(&mut marker);
            marker.drain();
            roots.conservative_ranges(&mut |lo, hi| {
                // SAFETY: the root source reports ranges of readable words
                // (native stacks from the stack pointer to their base).
                unsafe { marker.scan_range(lo, hi) };
            });
            marker.drain();
            for &obj in self.ready.borrow().iter() {
                marker.mark(obj);
            }
            marker.drain();

            // Finalization: decide the whole set first, so that finalizable
            // objects reachable only from other finalizable garbage are
            // queued in this collection too.
            let mut newly = Vec::new();
            self.finalizers.borrow_mut().retain(|&obj| {
                // SAFETY: listed objects are live here: registered ones are
                // never freed while FINALIZER is set (this step marks or
                // keeps them), and an entry whose registration was cancelled
                // is dropped now, before the sweep that may free it.
                unsafe {
                    let f = (*obj).flags;
                    if f & flags::FINALIZER == 0 { return false; }
                    if f & flags::MARK != 0 { return true; }
                    // Queued once, even if it was listed twice (cancelled and
                    // registered again).
                    (*obj).flags = (f & !flags::FINALIZER) | flags::FINALIZED;
                }
                newly.push(obj);
                false
            });
            for &obj in &newly {
                marker.mark(obj);
            }
            marker.drain();
            pinned = marker.pinned;
            queued = newly.len();
            self.ready.borrow_mut().extend(newly);

            // Weak slots to objects that are not marked now lose them.
            roots.weak_roots(&mut |slot| {
                // SAFETY: the root source passes readable, writable words.
                let w = unsafe { slot.read() };
                if is_reference_word(w) {
                    if let Some(obj) = space.object_at(w as usize) {
                        // SAFETY: found by lookup: an object of the space.
                        if unsafe { (*obj).flags } & flags::MARK == 0 {
                            // SAFETY: as above.
                            unsafe { slot.write(0) };
                        }
                    }
                }
            });
        }
        *self.mark_stack.borrow_mut() = stack;
        self.last_mark.set(mark_start.elapsed());

        let heap_before = self.space.borrow().heap_bytes() as u64;
        let outcome = self.space.borrow_mut().sweep(&self.free);

        let mut stats = self.stats.borrow_mut();
        stats.pinned_objects += pinned;
        stats.finalizers_queued += queued as u64;
        stats.live_bytes_after_last = outcome.live_bytes as u64;
        stats.peak_heap_bytes = stats.peak_heap_bytes.max(heap_before);
        self.trigger.set(MIN_TRIGGER.max((outcome.live_bytes as f64 * self.growth) as usize));
    }
}

/// The marking state: a tracer that marks what precise slots reference.
struct Marker<'a> {
    space: &'a Space,
    stack: &'a mut Vec<*mut Header>,
    pinned: u64,
    /// Threads for [`Marker::drain`]; 1 marks on the calling thread.
    threads: usize,
}

impl Marker<'_> {
    /// Marks a live object of the heap and schedules it for tracing.
    #[inline]
    fn mark(&mut self, obj: *mut Header) {
        // SAFETY: callers pass live objects of `space` (found by lookup, or
        // held by the finalizer structures, which keep objects live).
        unsafe {
            let f = (*obj).flags;
            if f & flags::MARK == 0 {
                (*obj).flags = f | flags::MARK;
                self.stack.push(obj);
            }
        }
    }

    /// Scans `[lo, hi)` word by word for pointers into objects.
    ///
    /// # Safety
    /// Every aligned word in the range must be readable.
    unsafe fn scan_range(&mut self, lo: *const u64, hi: *const u64) {
        let mut p = ((lo as usize + 7) & !7) as *const u64;
        while p < hi {
            // SAFETY: the caller guarantees the words of the range are
            // readable. A volatile read, because the range is typically a
            // native stack whose words the compiler knows nothing about.
            let word = unsafe { p.read_volatile() } as usize;
            if let Some(obj) = self.space.object_containing(word) {
                self.mark(obj);
                // SAFETY: `obj` is a live object found by lookup.
                unsafe {
                    if (*obj).flags & flags::PINNED == 0 {
                        (*obj).flags |= flags::PINNED;
                        self.pinned += 1;
                    }
                }
            }
            p = p.wrapping_add(1);
        }
    }

    /// Traces marked objects until the mark stack is empty.
    fn drain(&mut self) {
        if self.threads > 1 {
            self.drain_parallel();
            return;
        }
        while let Some(obj) = self.stack.pop() {
            // SAFETY: only live objects are pushed; their info is valid.
            let info = unsafe { TypeInfo::of(obj) };
            if info.has_refs {
                // SAFETY: `obj` is a live object of type `info`.
                unsafe { (info.trace)(obj, self) };
            }
        }
    }
}

impl Marker<'_> {
    /// [`Marker::drain`] on `self.threads` threads: this one and scoped
    /// helpers started for this drain (see the module docs).
    fn drain_parallel(&mut self) {
        if self.stack.is_empty() {
            return;
        }
        let (pool, deques) = WorkPool::new(self.threads, PUBLISH_MIN);
        for obj in self.stack.drain(..) {
            pool.push_root(Grey(obj));
        }
        let (pool, space) = (&pool, self.space);
        std::thread::scope(|scope| {
            let mut deques = deques.into_iter();
            let mine = deques.next().expect("a pool has at least one worker");
            for deque in deques {
                let started = std::thread::Builder::new()
                    .name("skiff-gc-mark".into())
                    .spawn_scoped(scope, move || pool.run_worker(deque, |grey, local| trace_grey(space, grey, local)));
                if started.is_err() {
                    // No thread: its worker never runs, which the protocol
                    // must be told, or the others would wait for it forever.
                    pool.retire_worker();
                }
            }
            pool.run_worker(mine, |grey, local| trace_grey(space, grey, local));
        });
    }
}

/// A grey object: marked, not yet traced, on its way between marking
/// threads.
struct Grey(*mut Header);

// SAFETY: a `Grey` is only created and used during a parallel drain, while
// the mutator is stopped inside a collection (it is the thread running
// worker 0): no thread frees, moves or writes the object except for the
// atomic MARK updates of `mark_atomic`, so any marking thread may read it.
unsafe impl Send for Grey {}

/// Sets MARK on `obj`; true if this call set it (the caller then owns
/// tracing the object).
///
/// # Safety
/// `obj` must be a live object of the space being marked, during a parallel
/// drain (every access to a flags word is then atomic).
#[inline]
unsafe fn mark_atomic(obj: *mut Header) -> bool {
    // SAFETY: `obj` is live (caller), so its flags word is valid, 8-byte
    // aligned memory; during the drain every thread accesses it atomically.
    let word = unsafe { AtomicUsize::from_ptr(std::ptr::addr_of_mut!((*obj).flags)) };
    // The plain load skips the read-modify-write for objects already marked
    // (most visits of a shared object). Relaxed: the bit guards no other
    // data; the object itself reaches the thread that traces it through the
    // deques, which synchronise.
    word.load(Ordering::Relaxed) & flags::MARK == 0 && word.fetch_or(flags::MARK, Ordering::Relaxed) & flags::MARK == 0
}

/// Traces one grey object on a marking thread.
fn trace_grey(space: &Space, grey: Grey, local: &mut Local<Grey>) {
    let obj = grey.0;
    // SAFETY: only live objects are marked grey; their info is valid.
    let info = unsafe { TypeInfo::of(obj) };
    if info.has_refs {
        // SAFETY: `obj` is a live object of type `info`; trace functions may
        // run on helper threads (the `TypeInfo::trace` contract).
        unsafe { (info.trace)(obj, &mut ParallelMarker { space, local }) };
    }
}

/// The tracer of a marking thread: marks atomically, pushes grey objects
/// into the thread's work queue.
struct ParallelMarker<'a, 'l> {
    space: &'a Space,
    local: &'l mut Local<Grey>,
}

impl Tracer for ParallelMarker<'_, '_> {
    #[inline]
    fn visit(&mut self, slot: *mut u64) {
        // SAFETY: trace functions pass readable slots of the object being
        // traced (the `Tracer` contract); object bodies are not written
        // while marking.
        let word = unsafe { slot.read() };
        if is_reference_word(word) {
            if let Some(obj) = self.space.object_at(word as usize) {
                // SAFETY: found by lookup: a live object of the space; we
                // are inside a parallel drain.
                if unsafe { mark_atomic(obj) } {
                    self.local.push(Grey(obj));
                }
            }
        }
    }
}

impl Tracer for Marker<'_> {
    #[inline]
    fn visit(&mut self, slot: *mut u64) {
        // SAFETY: trace functions and precise root sources pass readable
        // slots (the `Tracer` contract).
        let word = unsafe { slot.read() };
        if is_reference_word(word) {
            if let Some(obj) = self.space.object_at(word as usize) {
                self.mark(obj);
            }
        }
    }

    fn drops_cache_roots(&self) -> bool {
        true
    }
}

// SAFETY: see the module docs; each numbered promise of the trait is met:
// (1) `alloc` zeroes `size` bytes and writes `info` and zero flags; it returns
// null only if the OS refuses memory even after a collection. (2) marking
// covers precise roots, conservative ranges (interior pointers) and
// everything traced from them; nothing moves. (3) collections run only in
// `alloc`/`collect`, on the caller's thread, after `with_registers_spilled`.
// (4) finalizable garbage is kept with everything it reaches and queued once.
// (5) drop hooks run only in the sweep, or when the plugin itself is dropped.
// (6) there is no barrier.
unsafe impl GcPlugin for MarkSweep {
    fn name(&self) -> &'static str {
        "marksweep"
    }

    #[inline]
    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        debug_assert!(size >= 16 && size & 7 == 0, "bad allocation size {size}");
        let count = self.allocs.get() + 1;
        self.allocs.set(count);
        let since = self.bytes_since.get() + size;
        self.bytes_since.set(since);
        if since + self.external_since.get() > self.trigger.get() || count >= self.next_stress.get() {
            self.collect_for_alloc(count, roots);
        }
        let p = if size <= MAX_SMALL {
            let class = class_of(size);
            let block = match self.pop_block(class) {
                Some(block) => block,
                None => self.refill(class, roots),
            };
            if block.is_null() {
                return null_mut();
            }
            // SAFETY: the block is free, at least `size` bytes long (its size
            // class holds `size`) and owned by this heap; nothing else refers
            // to it.
            unsafe { block.write_bytes(0, size) };
            block
        } else {
            // Already zeroed.
            let p = self.alloc_large(size, roots);
            if p.is_null() {
                return null_mut();
            }
            p
        };
        let obj = p as *mut Header;
        // SAFETY: `obj` is a zeroed block of at least 16 bytes that we own;
        // writing `info` makes it an allocated object (flags stay zero).
        unsafe { (*obj).info = info };
        obj
    }

    fn note_external_memory(&self, bytes: usize) {
        self.note_external(bytes);
    }

    fn collect(&self, _kind: CollectKind, roots: &dyn RootSource) {
        assert!(
            !self.collecting.replace(true),
            "marksweep: alloc or collect called during a collection (from a root, trace or drop callback)"
        );
        // Until the sweep sets the next trigger, any allocation comes back
        // here and fails the assertion above instead of corrupting the heap.
        self.trigger.set(0);
        let start = Instant::now();
        with_registers_spilled(|| self.collect_spilled(roots));
        let pause = start.elapsed().as_nanos() as u64;
        {
            let mut stats = self.stats.borrow_mut();
            stats.record_collection(pause, false);
        }
        self.bytes_before.set(self.bytes_before.get() + self.bytes_since.get() as u64);
        self.bytes_since.set(0);
        self.reclaimed_since.set(0);
        self.external_since.set(0);
        self.collecting.set(false);
        if self.config.verify {
            if let Err(e) = self.verify(roots) {
                let n = self.stats.borrow().collections;
                panic!("marksweep: heap verification failed after collection {n}: {e}");
            }
        }
    }

    unsafe fn write_barrier_slow(&self, _obj: *mut Header) {}

    unsafe fn register_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller guarantees `obj` is a live object of this heap.
        unsafe {
            let f = (*obj).flags;
            if f & flags::FINALIZER == 0 {
                (*obj).flags = f | flags::FINALIZER;
                self.finalizers.borrow_mut().push(obj);
            }
        }
    }

    unsafe fn unregister_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller guarantees `obj` is a live object of this heap.
        // Its entry stays in `finalizers` until the next collection drops it
        // (entries without FINALIZER are skipped there, before the sweep).
        unsafe { (*obj).flags &= !flags::FINALIZER };
    }

    fn pop_finalizable(&self) -> Option<*mut Header> {
        self.ready.borrow_mut().pop_front()
    }

    fn is_heap_object(&self, addr: usize) -> bool {
        self.space.borrow().object_at(addr).is_some()
    }

    fn stats(&self) -> GcStats {
        let mut stats = self.stats.borrow().clone();
        stats.objects_allocated = self.allocs.get();
        stats.bytes_allocated = self.bytes_before.get() + self.bytes_since.get() as u64;
        stats.heap_bytes = self.space.borrow().heap_bytes() as u64;
        stats.peak_heap_bytes = stats.peak_heap_bytes.max(stats.heap_bytes);
        stats
    }

    fn fast_paths(&self) -> FastPaths {
        FastPaths::none()
    }
}

// SAFETY: `Space::walk` passes only allocated blocks (live objects) with their
// block size, and the lookups answer for the current state of the space.
unsafe impl HeapWalk for MarkSweep {
    fn walk_objects(&self, f: &mut dyn FnMut(*mut Header, usize)) {
        self.space.borrow().walk(f)
    }

    fn is_object_start(&self, addr: usize) -> bool {
        self.space.borrow().object_at(addr).is_some()
    }

    fn owns_address(&self, addr: usize) -> bool {
        self.space.borrow().owns(addr)
    }

    fn object_containing(&self, addr: usize) -> Option<*mut Header> {
        self.space.borrow().object_containing(addr)
    }
}
