//! skiff-gc-boehm: the Boehm-Demers-Weiser collector (bdwgc) as a skiff GC
//! plugin, through the system library loaded at run time.
//!
//! `libgc.so.1` (Debian package `libgc1`) is opened with `dlopen` when a
//! [`BoehmGc`] is first created (see [`ffi`]), so the crate builds and the
//! default binary runs without it; [`BoehmGc::new`] says which package to
//! install when it is missing.
//!
//! # How roots reach Boehm
//!
//! ```text
//!   VM thread                                bdwgc (inside GC_malloc / GC_gcollect)
//!   ---------                                --------------------------------------
//!   alloc(info, size, roots) / collect(roots)
//!     CURRENT_ROOTS (thread-local) = roots
//!     GC_enable()                            mark phase: GC_push_roots()
//!     GC_malloc / GC_gcollect  ------------>   static data of every loaded object
//!                                              GC_push_other_roots hook = push_roots_hook:
//!                                                previous hook: this thread's stack,
//!                                                  from sp to its stack bottom
//!                                                  (see `switch_stack_bottom`)
//!     +--- CURRENT_ROOTS <---------------------  roots.conservative_ranges(lo, hi)
//!     |                                            -> GC_push_all_eager(lo, hi)
//!     +--------------------------------------->  roots.precise_roots(slot)
//!                                                  -> GC_push_all_eager(slot, slot + 1)
//!                                              heap objects: scanned conservatively,
//!                                                whole object (GC_malloc) or not at
//!                                                all (GC_malloc_atomic)
//!     GC_disable()
//!     GC_invoke_finalizers()                 <- runs queue / drop callbacks, outside
//!     CURRENT_ROOTS = previous                  the collection
//! ```
//!
//! **Why the thread-local is sound.** bdwgc collects only inside an allocation
//! or `GC_gcollect`, on the thread that makes the call, and it calls the
//! push-other-roots hook on that thread. This plugin keeps collection
//! *disabled* (`GC_disable`) at all times except while `alloc` or `collect` is
//! running with `CURRENT_ROOTS` set, so no collection can ever run without the
//! VM's roots, even when an internal allocation (finalizer tables, the ready
//! queue) would otherwise trigger one. Parallel marker threads are turned off
//! (`GC_set_markers_count(1)` before `GC_init`): marker threads would only
//! drain the mark stack, but one thread keeps the reasoning local. The cost of
//! the disable/enable pair is two counter updates per allocation under bdwgc's
//! allocation lock (uncontended: only one thread is registered).
//!
//! **Threads.** bdwgc is a process-wide singleton. The first `BoehmGc::new`
//! initialises it on the calling thread, registering that thread (with its
//! real stack bottom, so it need not be the process's main thread) as the
//! only mutator; later plugins must be created on the same thread, which must
//! outlive every use of the collector (bdwgc would otherwise scan a dead
//! stack). The VM's interpreter thread satisfies this.
//!
//! **No precise heap.** bdwgc scans heap objects conservatively: `TypeInfo::trace`
//! is never called, every word of a `GC_malloc` object may keep an object alive
//! (interior pointers included), and objects whose type has no references are
//! allocated atomic and never scanned. Collections therefore keep a superset
//! of what a precise collector keeps; the heap verifier does not apply (there
//! is no heap walk) and `GcConfig::verify` is ignored. Objects never move, so
//! everything is implicitly pinned.
//!
//! **Stacks.** bdwgc scans the running stack of the registered thread from the
//! stack pointer to the stack bottom it knows. When the VM runs on a coroutine
//! stack it must first move that bottom with [`switch_stack_bottom`], and report
//! every suspended stack (including the thread's own while a coroutine runs)
//! as a conservative range: bdwgc knows nothing of them.
//!
//! **Finalizers** (`register_finalizer`) use `GC_register_finalizer_no_order`
//! with finalize-on-demand: when bdwgc finds the object unreachable it keeps it
//! and everything it reaches, and `GC_invoke_finalizers`, called by this plugin
//! after the collection, runs [`queue_finalizable`], which appends the object to
//! the ready queue. The queue lives in a `GC_malloc_uncollectable` array, which
//! bdwgc scans as a root, so queued objects (and what they reach) stay alive
//! until `pop_finalizable` hands them out and clears their slot; after that they
//! are ordinary objects.
//!
//! **Drop hooks** need help too: bdwgc frees memory silently. Objects whose
//! `TypeInfo::drop` is `Some` are allocated (`GC_generic_malloc`) in one of
//! two object kinds of our own (scanned or not, after `has_refs`) with a
//! disclaim procedure, [`disclaim_drop`], which bdwgc calls while sweeping,
//! for each unmarked object, just before freeing it: exactly "objects being
//! freed". Objects kept for a queued finalizer are marked, so their drop hooks
//! wait. (A `GC_register_finalizer_no_order` finalizer per object would be
//! wrong: unordered finalization runs the children's hooks while a queued
//! parent still references them.) The cost: sweeping those kinds calls the
//! procedure per dead object, and sweeping is lazy, so a hook runs during a
//! later allocation or, at the latest, at the start of the next explicit
//! `collect` (which finishes the previous sweep via `GC_try_to_collect`): two
//! collections after the object died.
//!
//! **Statistics.** bdwgc reports each collection's start and end through its
//! event callback, [`collection_event`], which records the pause (the
//! stop-the-world mark phase; lazy sweeping happens later, inside
//! allocations, and is not part of it) in process-wide atomic counters, a
//! [`PauseHistogram`]'s buckets among them; a plugin reports the difference
//! since it was created. bdwgc is not generational here: every collection is
//! major, nothing is promoted, and nothing is pinned (objects never move).
//! The heap size is sampled after every collection and whenever statistics
//! are read, for `peak_heap_bytes`.

mod ffi;

use core::cell::Cell;
use core::ffi::c_void;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::thread::ThreadId;

use ffi::{api, Api, GcStackBase};
use skiff_gc::plugin::PauseHistogram;
use skiff_gc::{flags, is_reference_word, CollectKind, FastPaths, GcConfig, GcPlugin, GcStats, Header, RootSource, Tracer, TypeInfo};

/// Header flag bit this plugin sets on every object it hands out; cleared by
/// the drop hook callback. Lets `is_heap_object` reject most freed objects
/// (see its docs).
const LIVE: usize = flags::PLUGIN_FIRST;

thread_local! {
    /// The root source of the `alloc` or `collect` call in progress on this
    /// thread, for [`push_roots_hook`]. Set only for the duration of the call.
    static CURRENT_ROOTS: Cell<Option<*const (dyn RootSource + 'static)>> = const { Cell::new(None) };
}

/// The thread that initialised bdwgc, or why initialisation failed.
static INIT: OnceLock<Result<ThreadId, String>> = OnceLock::new();
/// bdwgc's push-other-roots hook before ours (it pushes the thread stacks).
static PREVIOUS_PUSH_HOOK: OnceLock<Option<ffi::PushOtherRootsProc>> = OnceLock::new();
/// The two bdwgc object kinds with a disclaim procedure (drop hooks): one
/// scanned conservatively (types with references), one never scanned.
static DROP_KINDS: OnceLock<(core::ffi::c_int, core::ffi::c_int)> = OnceLock::new();

/// Pause accounting, fed by bdwgc's collection-event callback.
static PAUSE_START_NS: AtomicU64 = AtomicU64::new(0);
static PAUSE_TOTAL_NS: AtomicU64 = AtomicU64::new(0);
static PAUSE_MAX_NS: AtomicU64 = AtomicU64::new(0);
/// Pauses per [`PauseHistogram`] bucket.
static PAUSE_BUCKETS: [AtomicU64; PauseHistogram::BUCKETS] = [const { AtomicU64::new(0) }; PauseHistogram::BUCKETS];

/// The pause histogram's bucket counts now.
fn pause_buckets() -> Box<[u64; PauseHistogram::BUCKETS]> {
    Box::new(core::array::from_fn(|i| PAUSE_BUCKETS[i].load(Ordering::Relaxed)))
}

/// Initialises bdwgc once per process on the calling thread.
fn init_once(api: &'static Api) -> Result<(), String> {
    let thread = INIT
        .get_or_init(|| {
            let bottom = ffi::current_thread_stack_base()?;
            let sb = GcStackBase { mem_base: bottom };
            // SAFETY: all of these are bdwgc's documented pre-initialisation
            // and initialisation calls, made once (inside `get_or_init`) on
            // the thread that becomes bdwgc's registered mutator. Setting the
            // stack bottom before `GC_init` makes bdwgc scan this thread's
            // own stack rather than the process's main stack.
            unsafe {
                if let Some(set_markers) = api.set_markers_count {
                    set_markers(1);
                }
                (api.set_stackbottom)(core::ptr::null_mut(), &sb);
                // bdwgc prints "GC Warning: ..." lines on stderr, e.g. for
                // each failed heap expansion before an allocation returns
                // NULL; skiff reports that as MemoryError instead.
                if let Some(set_warn) = api.set_warn_proc {
                    set_warn(ignore_warning);
                }
                (api.init)();
                (api.set_finalize_on_demand)(1);
                // Objects reachable from a queued finalizable object are kept
                // (and not disclaimed) until it has been handed out.
                (api.set_java_finalization)(1);
                // Object kinds whose unreachable objects are passed to
                // `disclaim_drop` when swept. Descriptor 0 with `adjust`
                // scans the whole object; without, nothing. Both are cleared.
                let refs = (api.new_kind)((api.new_free_list)(), 0, 1, 1) as core::ffi::c_int;
                let norefs = (api.new_kind)((api.new_free_list)(), 0, 0, 1) as core::ffi::c_int;
                (api.register_disclaim_proc)(refs, disclaim_drop, 0);
                (api.register_disclaim_proc)(norefs, disclaim_drop, 0);
                let _ = DROP_KINDS.set((refs, norefs));
                let previous = (api.get_push_other_roots)();
                let _ = PREVIOUS_PUSH_HOOK.set(previous);
                (api.set_push_other_roots)(Some(push_roots_hook));
                if let Some(set_event) = api.set_on_collection_event {
                    set_event(Some(collection_event));
                }
                // Collections run only inside `alloc` and `collect` (see the
                // module docs).
                (api.disable)();
            }
            Ok(std::thread::current().id())
        })
        .clone()?;
    if thread != std::thread::current().id() {
        return Err("the boehm collector must be used on the thread that first created it".into());
    }
    Ok(())
}

/// bdwgc's push-other-roots hook: the thread stacks (previous hook), then the
/// VM's roots of the call in progress.
///
/// # Safety
/// Called by bdwgc during the mark phase of a collection, on the collecting
/// thread, with the allocation lock held.
unsafe extern "C" fn push_roots_hook() {
    if let Some(Some(previous)) = PREVIOUS_PUSH_HOOK.get() {
        // SAFETY: chaining to the hook bdwgc installed, in the same context
        // it was designed to be called in.
        unsafe { previous() };
    }
    let Ok(api) = api() else { return };
    let Some(roots) = CURRENT_ROOTS.with(Cell::get) else { return };
    // SAFETY: `CURRENT_ROOTS` is set only while `alloc`/`collect` runs on this
    // thread with `roots` borrowed for the whole call (RootsGuard), and this
    // hook runs inside that call (collections are disabled otherwise).
    let roots = unsafe { &*roots };
    roots.conservative_ranges(&mut |lo, hi| {
        if lo < hi {
            // SAFETY: the RootSource contract: `lo..hi` is a readable range
            // of words (a stack's used part or a buffer) for this collection.
            unsafe { (api.push_all_eager)(lo as *mut c_void, hi as *mut c_void) };
        }
    });
    roots.precise_roots(&mut SlotPusher { api });
    // Weak slots are cleared after the collection ([`clear_weak_slots`]);
    // without `GC_is_marked` and the event callback, they are strong roots
    // instead.
    if !clears_weak_slots(api) {
        roots.weak_roots(&mut |slot| {
            // SAFETY: as for precise roots: a readable word for this collection.
            unsafe { (api.push_all_eager)(slot.cast(), slot.wrapping_add(1).cast()) };
        });
    }
}

/// Whether this bdwgc lets the plugin clear weak slots (it exports
/// `GC_is_marked` and `GC_set_on_collection_event`).
fn clears_weak_slots(api: &ffi::Api) -> bool {
    api.is_marked.is_some() && api.set_on_collection_event.is_some()
}

/// Zeroes the weak slots of the VM's roots whose objects the collection
/// that just ended found dead. Runs at `GC_EVENT_RECLAIM_END`: marking,
/// the marking of what finalizable objects reach (`GC_finalize`) and the
/// start of the sweep are done; bdwgc sweeps lazily, so the mark bits of
/// blocks that still hold objects stay valid until the next collection,
/// and a block freed whole is free (`GC_base` answers null).
///
/// # Safety
/// Called by bdwgc with its lock held, during a collection that runs
/// inside an `alloc`/`collect` call (so `CURRENT_ROOTS` is set).
unsafe fn clear_weak_slots() {
    let Ok(api) = api() else { return };
    let Some(is_marked) = api.is_marked.filter(|_| clears_weak_slots(api)) else { return };
    let Some(roots) = CURRENT_ROOTS.with(Cell::get) else { return };
    // SAFETY: as in `push_roots_hook`.
    let roots = unsafe { &*roots };
    roots.weak_roots(&mut |slot| {
        // SAFETY: the root source passes readable, writable words; bdwgc's
        // lock is held, as `GC_base` and `GC_is_marked` require.
        unsafe {
            let w = slot.read();
            if !is_reference_word(w) {
                return;
            }
            let base = (api.base)(w as *mut c_void);
            if base.is_null() || is_marked(base) == 0 {
                slot.write(0);
            }
        }
    });
}

/// Pushes each precise root slot's one-word range.
struct SlotPusher {
    api: &'static Api,
}

impl Tracer for SlotPusher {
    fn visit(&mut self, slot: *mut u64) {
        // SAFETY: a RootSource visits only valid, readable root slots; bdwgc
        // reads the one word `slot..slot+1` and marks what it points into.
        unsafe { (self.api.push_all_eager)(slot.cast(), slot.wrapping_add(1).cast()) };
    }

    /// Every bdwgc collection is a full one.
    fn drops_cache_roots(&self) -> bool {
        true
    }
}

/// bdwgc's collection-event callback: pause accounting, and weak slots
/// cleared once the sweep has started.
///
/// # Safety
/// Called by bdwgc with its lock held, during a collection.
unsafe extern "C" fn collection_event(event: core::ffi::c_int) {
    match event {
        ffi::GC_EVENT_START => PAUSE_START_NS.store(ffi::monotonic_ns(), Ordering::Relaxed),
        // SAFETY: this callback's own contract.
        ffi::GC_EVENT_RECLAIM_END => unsafe { clear_weak_slots() },
        ffi::GC_EVENT_END => {
            let pause = ffi::monotonic_ns().saturating_sub(PAUSE_START_NS.load(Ordering::Relaxed));
            PAUSE_TOTAL_NS.fetch_add(pause, Ordering::Relaxed);
            PAUSE_MAX_NS.fetch_max(pause, Ordering::Relaxed);
            PAUSE_BUCKETS[PauseHistogram::bucket_of(pause)].fetch_add(1, Ordering::Relaxed);
        }
        _ => {}
    }
}

/// Sets `CURRENT_ROOTS` for one `alloc`/`collect` call and restores the
/// previous value when dropped (also on unwinding).
struct RootsGuard {
    previous: Option<*const (dyn RootSource + 'static)>,
}

impl RootsGuard {
    fn enter(roots: &dyn RootSource) -> RootsGuard {
        let ptr: *const (dyn RootSource + '_) = roots;
        // SAFETY: only the lifetime is erased. The pointer is stored for the
        // lifetime of the guard, which the caller drops before `roots`'s
        // borrow ends, and it is only dereferenced while the guard is alive.
        let ptr: *const (dyn RootSource + 'static) = unsafe { core::mem::transmute(ptr) };
        RootsGuard { previous: CURRENT_ROOTS.with(|c| c.replace(Some(ptr))) }
    }
}

impl Drop for RootsGuard {
    fn drop(&mut self) {
        CURRENT_ROOTS.with(|c| c.set(self.previous));
    }
}

/// The finalizer ready queue: a ring of object addresses in a
/// `GC_malloc_uncollectable` array (bdwgc scans it as a root, which keeps the
/// queued objects alive). One per plugin instance, leaked: bdwgc's finalizer
/// table holds its address as client data for as long as the process lives.
struct ReadyQueue {
    buf: Cell<*mut usize>,
    cap: Cell<usize>,
    head: Cell<usize>,
    len: Cell<usize>,
    queued_total: Cell<u64>,
    /// Set when the plugin is dropped: callbacks then only run drop hooks.
    dead: Cell<bool>,
}

impl ReadyQueue {
    /// Appends `obj`; false when the array cannot grow.
    fn push(&self, api: &Api, obj: usize) -> bool {
        if self.len.get() == self.cap.get() {
            let new_cap = (self.cap.get() * 2).max(16);
            // SAFETY: a plain bdwgc allocation; uncollectable memory is zeroed.
            let new = unsafe { (api.malloc_uncollectable)(new_cap * 8) }.cast::<usize>();
            if new.is_null() {
                return false;
            }
            let old = self.buf.get();
            for i in 0..self.len.get() {
                // SAFETY: `i < len <= cap`: both indices are inside their
                // arrays (`new_cap > cap`).
                unsafe { new.add(i).write(old.add((self.head.get() + i) % self.cap.get()).read()) };
            }
            if !old.is_null() {
                // SAFETY: `old` came from `GC_malloc_uncollectable` and is no
                // longer referenced.
                unsafe { (api.free)(old.cast()) };
            }
            self.buf.set(new);
            self.cap.set(new_cap);
            self.head.set(0);
        }
        let at = (self.head.get() + self.len.get()) % self.cap.get();
        // SAFETY: `at < cap`, inside the live array.
        unsafe { self.buf.get().add(at).write(obj) };
        self.len.set(self.len.get() + 1);
        true
    }

    fn pop(&self) -> Option<usize> {
        if self.len.get() == 0 {
            return None;
        }
        let at = self.head.get();
        // SAFETY: `at < cap` and the slot holds a queued object; clearing it
        // makes the object ordinary (no longer rooted by the queue).
        let obj = unsafe {
            let slot = self.buf.get().add(at);
            let obj = slot.read();
            slot.write(0);
            obj
        };
        self.head.set((at + 1) % self.cap.get());
        self.len.set(self.len.get() - 1);
        Some(obj)
    }
}

/// Finalizer callback for objects registered with `register_finalizer`:
/// queues the object (bdwgc found it unreachable and kept it for us).
///
/// # Safety
/// Called by `GC_invoke_finalizers` with `obj` the start of an object this
/// plugin allocated and `client_data` the leaked `ReadyQueue` of the plugin
/// that registered it.
unsafe extern "C" fn queue_finalizable(obj: *mut c_void, client_data: *mut c_void) {
    // SAFETY: see the function's contract: the queue is leaked ('static) and
    // the object is intact (bdwgc kept it and everything it reaches).
    unsafe {
        let queue = &*(client_data as *const ReadyQueue);
        let obj = obj.cast::<Header>();
        let Ok(api) = api() else { return };
        if queue.dead.get() {
            // Garbage from now on; its drop hook runs when it is swept.
            return;
        }
        if !queue.push(api, obj as usize) {
            // Out of memory for the queue: try again after the next collection.
            register(api, obj, queue_finalizable, client_data);
            return;
        }
        (*obj).flags = ((*obj).flags & !flags::FINALIZER) | flags::FINALIZED;
        queue.queued_total.set(queue.queued_total.get() + 1);
    }
}

/// bdwgc warning callback that drops the warning (see `set_warn_proc`).
unsafe extern "C" fn ignore_warning(_msg: *mut core::ffi::c_char, _arg: usize) {}

/// Disclaim procedure of the drop kinds: bdwgc calls it while sweeping, for
/// every unmarked object of those kinds, just before putting it on a free
/// list. Objects already free have a cleared flags word (no LIVE bit) and are
/// skipped, so each drop hook runs once. Returns 0: free the object.
///
/// # Safety
/// Called by bdwgc's sweep with `obj` the start of an object of a drop kind,
/// with the allocation lock held: it must not allocate (drop hooks do not).
unsafe extern "C" fn disclaim_drop(obj: *mut c_void) -> core::ffi::c_int {
    let obj = obj.cast::<Header>();
    // SAFETY: `obj` is an intact, unreachable object of this plugin, or a free
    // object whose flags word bdwgc has cleared (see above).
    unsafe {
        if (*obj).flags & LIVE != 0 {
            (*obj).flags &= !LIVE;
            if let Some(drop_hook) = TypeInfo::of(obj).drop {
                drop_hook(obj);
            }
        }
    }
    0
}

/// A `GC_stop_func` that never abandons a collection (see `collect`).
///
/// # Safety
/// None: it reads nothing. (`unsafe` only to match the C callback type.)
unsafe extern "C" fn never_stop() -> core::ffi::c_int {
    0
}

/// Registers `callback` as `obj`'s (only) bdwgc finalizer.
///
/// # Safety
/// `obj` must be the start of a live object from `GC_malloc`/`GC_malloc_atomic`,
/// and collections must be disabled or `CURRENT_ROOTS` set (registration may
/// allocate).
unsafe fn register(api: &Api, obj: *mut Header, callback: ffi::FinalizerProc, client_data: *mut c_void) {
    let mut old_proc = None;
    let mut old_data = core::ptr::null_mut();
    // SAFETY: see the function's contract.
    unsafe { (api.register_finalizer_no_order)(obj.cast(), Some(callback), client_data, &mut old_proc, &mut old_data) };
}

/// Moves the bottom (highest address) of the stack bdwgc scans for the calling
/// thread to `new_bottom`, returning the previous bottom so the caller can
/// restore it. Call it right after switching to a coroutine stack (with the
/// coroutine's stack base) and right after switching back (with the value it
/// returned).
///
/// # Safety
/// - The calling thread must be the one the collector was created on.
/// - From this call until the next one, the stack pointer must lie inside the
///   stack whose highest address is `new_bottom`, and no collection may run
///   between the stack switch and this call.
/// - Every other stack holding references, including the thread's original
///   stack while a coroutine runs, must be reported by the VM's
///   `RootSource::conservative_ranges`: bdwgc scans only the current one.
pub unsafe fn switch_stack_bottom(new_bottom: *mut u8) -> Result<*mut u8, String> {
    let api = api()?;
    match INIT.get() {
        Some(Ok(thread)) if *thread == std::thread::current().id() => {}
        _ => return Err("switch_stack_bottom: the boehm collector is not running on this thread".into()),
    }
    let mut old = GcStackBase { mem_base: core::ptr::null_mut() };
    // SAFETY: this thread is registered with bdwgc (checked above).
    let handle = unsafe { (api.get_my_stackbottom)(&mut old) };
    let mut request = (handle, GcStackBase { mem_base: new_bottom.cast() }, api as *const Api);

    /// Runs under bdwgc's allocation lock, as `GC_set_stackbottom` requires.
    ///
    /// # Safety
    /// `data` points to the `request` tuple above.
    unsafe extern "C" fn set_locked(data: *mut c_void) -> *mut c_void {
        // SAFETY: see the function's contract; the handle is this thread's.
        unsafe {
            let (handle, sb, api) = &*(data as *const (*mut c_void, GcStackBase, *const Api));
            ((**api).set_stackbottom)(*handle, sb);
        }
        core::ptr::null_mut()
    }
    // SAFETY: `request` outlives the call; the caller guarantees the new
    // bottom belongs to the stack we are running on.
    unsafe { (api.call_with_alloc_lock)(set_locked, (&mut request as *mut (_, _, _)).cast()) };
    Ok(old.mem_base.cast())
}

/// The Boehm-Demers-Weiser collector behind [`GcPlugin`]. See the crate docs.
pub struct BoehmGc {
    api: &'static Api,
    config: GcConfig,
    queue: &'static ReadyQueue,
    allocations: Cell<u64>,
    bytes_allocated: Cell<u64>,
    gc_no_at_start: usize,
    pause_total_at_start: u64,
    /// `PAUSE_BUCKETS` when this plugin was created.
    pause_buckets_at_start: Box<[u64; PauseHistogram::BUCKETS]>,
    last_gc_no: Cell<usize>,
    live_bytes_after_last: Cell<u64>,
    peak_heap_bytes: Cell<u64>,
    /// `bytes_allocated` at the end of the last collection (see `alloc`).
    allocated_at_last_gc: Cell<u64>,
}

/// The plugin collects by itself once this much has been allocated since
/// the last collection, or twice the live bytes it left if that is more
/// (see `alloc`).
const FORCED_GC_MIN_BYTES: u64 = 4 << 20;

impl BoehmGc {
    /// Loads bdwgc (first call in the process) and creates a plugin. Fails
    /// when `libgc.so.1` is missing, naming the Debian package, or when called
    /// on another thread than the first plugin was created on.
    pub fn new(config: GcConfig) -> Result<BoehmGc, String> {
        let api = api()?;
        init_once(api)?;
        let queue = Box::leak(Box::new(ReadyQueue {
            buf: Cell::new(core::ptr::null_mut()),
            cap: Cell::new(0),
            head: Cell::new(0),
            len: Cell::new(0),
            queued_total: Cell::new(0),
            dead: Cell::new(false),
        }));
        // SAFETY: bdwgc is initialised; a counter read.
        let gc_no = unsafe { (api.get_gc_no)() };
        Ok(BoehmGc {
            api,
            config,
            queue,
            allocations: Cell::new(0),
            bytes_allocated: Cell::new(0),
            gc_no_at_start: gc_no,
            pause_total_at_start: PAUSE_TOTAL_NS.load(Ordering::Relaxed),
            pause_buckets_at_start: pause_buckets(),
            last_gc_no: Cell::new(gc_no),
            live_bytes_after_last: Cell::new(0),
            peak_heap_bytes: Cell::new(0),
            allocated_at_last_gc: Cell::new(0),
        })
    }

    /// Runs `f` with collections enabled (roots must be set by the caller),
    /// then disables them again and runs the finalizer callbacks bdwgc has
    /// queued, outside the collection.
    fn with_collections<R>(&self, f: impl FnOnce() -> R) -> R {
        // SAFETY: the caller holds a RootsGuard, so a collection inside `f`
        // sees the VM's roots; the counter is balanced below.
        unsafe { (self.api.enable)() };
        let result = f();
        // SAFETY: balances the enable above.
        unsafe { (self.api.disable)() };
        self.after_possible_collection();
        result
    }

    fn after_possible_collection(&self) {
        // SAFETY: bdwgc is initialised; collections are disabled, so the
        // callbacks run outside any collection, and may allocate (the queue)
        // without triggering one.
        unsafe {
            let gc_no = (self.api.get_gc_no)();
            if gc_no != self.last_gc_no.get() {
                self.last_gc_no.set(gc_no);
                self.allocated_at_last_gc.set(self.bytes_allocated.get());
                let heap = (self.api.get_heap_size)();
                let free = (self.api.get_free_bytes)();
                self.live_bytes_after_last.set(heap.saturating_sub(free) as u64);
                self.peak_heap_bytes.set(self.peak_heap_bytes.get().max(heap as u64));
            }
            if (self.api.should_invoke_finalizers)() != 0 {
                (self.api.invoke_finalizers)();
            }
        }
    }
}

impl Drop for BoehmGc {
    fn drop(&mut self) {
        // Objects still queued become ordinary garbage; release the queue.
        // Later callbacks for this plugin's registrations do nothing.
        while self.queue.pop().is_some() {}
        self.queue.dead.set(true);
        let buf = self.queue.buf.replace(core::ptr::null_mut());
        if !buf.is_null() {
            // SAFETY: the array came from `GC_malloc_uncollectable` and is no
            // longer used.
            unsafe { (self.api.free)(buf.cast()) };
        }
        self.queue.cap.set(0);
    }
}

// SAFETY: point by point against the trait contract:
// 1. `alloc` returns `GC_malloc`/`GC_malloc_atomic` memory (16-byte aligned),
//    zeroed (bdwgc clears `GC_malloc` memory; we clear atomic memory), with
//    `info` written and only our LIVE bit in `flags`; null only when bdwgc
//    returns null.
// 2. Collections push the thread stack (bdwgc), the conservative ranges and
//    each precise slot (push_roots_hook) and scan heap objects conservatively,
//    which keeps a superset of what tracing keeps; nothing moves.
// 3. Collections are enabled only inside `alloc`/`collect` (GC_disable
//    otherwise), with parallel markers off; the VM's `with_registers_spilled`
//    plus bdwgc's own register push cover callee-saved registers.
// 4. `GC_register_finalizer_no_order` keeps an unreachable finalizable object
//    and what it reaches; `queue_finalizable` moves it into the uncollectable
//    queue, which keeps it until `pop_finalizable` hands it out once
//    (FINALIZED is set, and registration is refused for it afterwards).
// 5. `disclaim_drop` runs from bdwgc's sweep, inside `alloc`/`collect`, only
//    for unmarked objects it frees right afterwards (and, because sweeping is
//    lazy, possibly inside a `GC_malloc_uncollectable` of the ready queue,
//    still within `alloc`/`collect`).
// 6. No barrier.
unsafe impl GcPlugin for BoehmGc {
    fn name(&self) -> &'static str {
        "boehm"
    }

    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        let _roots = RootsGuard::enter(roots);
        let n = self.allocations.get() + 1;
        self.allocations.set(n);
        let api = self.api;
        let obj = self.with_collections(|| {
            // bdwgc's own trigger (bytes allocated against an estimate of
            // what a collection scans) can stop firing: with many
            // finalizable objects, which survive the collection that finds
            // them, it grew the heap twelve times in a row without
            // collecting, to 300 MB for 16 MB of live data. A bound on the
            // allocation between collections keeps the heap near a fixed
            // multiple of the live data, like the other plugins' triggers.
            let since = self.bytes_allocated.get() - self.allocated_at_last_gc.get();
            if since > FORCED_GC_MIN_BYTES.max(2 * self.live_bytes_after_last.get()) {
                self.allocated_at_last_gc.set(self.bytes_allocated.get());
                // SAFETY: collections are enabled with the roots set.
                unsafe { (api.gcollect)() };
            }
            if let Some(every) = self.config.stress {
                if every > 0 && n % every == 0 {
                    // SAFETY: collections are enabled with the roots set.
                    unsafe { (api.gcollect)() };
                }
            }
            // SAFETY: plain bdwgc allocations of `size` bytes.
            unsafe {
                if info.drop.is_some() {
                    let (refs, norefs) = *DROP_KINDS.get().expect("initialised in new");
                    (api.generic_malloc)(size, if info.has_refs { refs } else { norefs })
                } else if info.has_refs {
                    (api.malloc)(size)
                } else {
                    (api.malloc_atomic)(size)
                }
            }
        })
        .cast::<Header>();
        if obj.is_null() {
            return obj;
        }
        self.bytes_allocated.set(self.bytes_allocated.get() + size as u64);
        // SAFETY: `obj` is a fresh allocation of `size >= 16` bytes. Atomic
        // memory is not cleared by bdwgc, so the body is zeroed here (and for
        // the drop kinds too, which costs little and relies on nothing).
        unsafe {
            if !info.has_refs || info.drop.is_some() {
                core::ptr::write_bytes(obj.cast::<u8>().add(16), 0, size - 16);
            }
            obj.write(Header { info, flags: LIVE });
        }
        obj
    }

    fn collect(&self, _kind: CollectKind, roots: &dyn RootSource) {
        let _roots = RootsGuard::enter(roots);
        let api = self.api;
        // SAFETY: collections are enabled with the roots set. A stop function
        // other than bdwgc's own `GC_never_stop_func` makes bdwgc finish the
        // lazy sweep of the previous cycle first (`GC_reclaim_all`), so every
        // object found dead by an earlier collection has had its drop hook
        // run once this returns.
        self.with_collections(|| unsafe { (api.try_to_collect)(never_stop) });
    }

    unsafe fn write_barrier_slow(&self, _obj: *mut Header) {}

    unsafe fn register_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller passes a live object of this heap; collections
        // are disabled outside alloc/collect, so registration cannot collect.
        unsafe {
            if (*obj).flags & (flags::FINALIZER | flags::FINALIZED) != 0 {
                return;
            }
            (*obj).flags |= flags::FINALIZER;
            register(self.api, obj, queue_finalizable, (self.queue as *const ReadyQueue).cast_mut().cast());
        }
    }

    unsafe fn unregister_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller passes a live object of this heap; a null
        // procedure cancels bdwgc's registration (collections are disabled
        // outside alloc/collect, so this cannot collect).
        unsafe {
            if (*obj).flags & flags::FINALIZER == 0 { return; }
            (*obj).flags &= !flags::FINALIZER;
            let mut old_proc = None;
            let mut old_data = core::ptr::null_mut();
            (self.api.register_finalizer_no_order)(obj.cast(), None, core::ptr::null_mut(), &mut old_proc, &mut old_data);
        }
    }

    fn pop_finalizable(&self) -> Option<*mut Header> {
        // The queue kept the object alive until now; clearing its slot makes
        // it an ordinary object.
        Some(self.queue.pop()? as *mut Header)
    }

    /// True when `addr` is the start of a bdwgc object whose header carries
    /// this plugin's LIVE bit. bdwgc cannot tell allocated from free objects
    /// in a block in use, so this is best effort for freed objects: a freed
    /// object with a drop hook is rejected (the hook clears LIVE), as is one
    /// whose memory bdwgc has cleared; an unswept freed object without a
    /// drop hook may still be accepted.
    fn is_heap_object(&self, addr: usize) -> bool {
        if addr == 0 || addr % 8 != 0 {
            return false;
        }
        // SAFETY: `GC_base` accepts any address and returns null outside
        // in-use heap blocks; when it returns `addr`, the object's first two
        // words are mapped heap memory we may read.
        unsafe {
            (self.api.base)(addr as *mut c_void) as usize == addr && (*(addr as *const Header)).flags & LIVE != 0
        }
    }

    fn stats(&self) -> GcStats {
        // SAFETY: counter reads on an initialised bdwgc.
        let (gc_no, heap) = unsafe { ((self.api.get_gc_no)(), (self.api.get_heap_size)()) };
        let collections = (gc_no - self.gc_no_at_start) as u64;
        let pause_total_ns = PAUSE_TOTAL_NS.load(Ordering::Relaxed) - self.pause_total_at_start;
        // Process-wide: bdwgc is one heap for every plugin instance.
        let pause_max_ns = PAUSE_MAX_NS.load(Ordering::Relaxed);
        let mut buckets = pause_buckets();
        for (now, start) in buckets.iter_mut().zip(self.pause_buckets_at_start.iter()) {
            *now = now.saturating_sub(*start);
        }
        self.peak_heap_bytes.set(self.peak_heap_bytes.get().max(heap as u64));
        GcStats {
            collections,
            minor_collections: 0,
            major_collections: collections,
            bytes_allocated: self.bytes_allocated.get(),
            objects_allocated: self.allocations.get(),
            bytes_promoted: 0,
            heap_bytes: heap as u64,
            peak_heap_bytes: self.peak_heap_bytes.get(),
            live_bytes_after_last: self.live_bytes_after_last.get(),
            pinned_objects: 0,
            finalizers_queued: self.queue.queued_total.get(),
            pause_total_ns,
            pause_max_ns,
            pauses: PauseHistogram::from_buckets(&buckets, pause_total_ns, pause_max_ns),
            minor_pauses: PauseHistogram::default(),
        }
    }

    fn fast_paths(&self) -> FastPaths {
        FastPaths::none()
    }

    unsafe fn stack_switched(&self, new_bottom: *mut u8) {
        // SAFETY: the trait's contract is `switch_stack_bottom`'s; the plugin
        // exists, so this is the thread bdwgc was initialised on.
        if let Err(e) = unsafe { switch_stack_bottom(new_bottom) } {
            panic!("boehm: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_missing_library_names_the_package() {
        let err = match super::ffi::load("libgc-skiff-does-not-exist.so.1") {
            Ok(_) => panic!("loaded a library that does not exist"),
            Err(e) => e,
        };
        assert_eq!(
            err,
            "the boehm collector needs the Debian package libgc1 (libgc-skiff-does-not-exist.so.1 not found)"
        );
        assert_eq!(
            super::ffi::missing_library_message(super::ffi::SONAME),
            "the boehm collector needs the Debian package libgc1 (libgc.so.1 not found)"
        );
    }
}
