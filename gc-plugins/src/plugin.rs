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

    /// Calls `visit(slot)` for every *weak* slot: a word that refers to an
    /// object without keeping it alive (the VM's subclass registry). The
    /// words live in memory the collector does not scan. A collector calls
    /// this once it knows what survives (objects kept for finalization
    /// included), and `visit` rewrites each slot to the object's new
    /// address if it moved, or to 0 if it died. A minor collection decides
    /// only for young objects and leaves slots to old ones alone. The
    /// default has no weak slots.
    fn weak_roots(&self, _visit: &mut dyn FnMut(*mut u64)) {}
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
///
/// Set from `SKIFF_GC_STRESS` / `SKIFF_GC_VERIFY` or `[gc] stress` /
/// `[gc] verify` in `skiff.toml` (the environment wins); see the `skiff`
/// package's `config` module.
#[derive(Clone, Debug, Default)]
pub struct GcConfig {
    /// Collect every N allocations (`SKIFF_GC_STRESS=N`).
    pub stress: Option<u64>,
    /// Run the heap verifier after every collection.
    pub verify: bool,
}

/// Sizing parameters from `[gc]` in `skiff.toml`, for the plugins that have
/// such knobs. A plugin reads the ones it understands and ignores the rest.
///
/// `generational` uses all three (`major_growth` and `marking_threads` for
/// its mark-sweep old generation); `marksweep` and `barriercheck` use
/// `major_growth` and `marking_threads` (through
/// [`crate::marksweep::MarkSweep::with_params`]). `boehm` ignores them all:
/// bdwgc sizes its heap itself.
///
/// These live beside [`GcConfig`] rather than in it so that the many
/// `GcConfig { stress, verify }` literals in the collectors' tests stay
/// valid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GcParams {
    /// Bytes in the young generation's bump-allocated nursery.
    pub nursery_size: u64,
    /// A major (full) collection runs when the heap has grown to this factor
    /// of the live data after the previous one. Always greater than 1.0.
    pub major_growth: f64,
    /// Threads that mark the old generation in parallel (at least 1).
    pub marking_threads: u32,
}

impl GcParams {
    /// The nursery size when none is configured: 4 MiB.
    pub const DEFAULT_NURSERY_SIZE: u64 = 4 << 20;
    /// The growth factor when none is configured: the old generation may
    /// reach 1.75 times what the last full collection left. (2.0 let a
    /// program whose live data dies in bulk, pyperformance's float with two
    /// calls per timing, peak at 2.4 times CPython's memory, against 1.3
    /// times with 1.75, at no measurable cost in time on the pyperformance
    /// and GC benchmarks but update_heavy's, about 6%.)
    pub const DEFAULT_MAJOR_GROWTH: f64 = 1.75;
    /// Marking threads when none is configured.
    pub const DEFAULT_MARKING_THREADS: u32 = 1;
}

impl Default for GcParams {
    fn default() -> Self {
        GcParams {
            nursery_size: Self::DEFAULT_NURSERY_SIZE,
            major_growth: Self::DEFAULT_MAJOR_GROWTH,
            marking_threads: Self::DEFAULT_MARKING_THREADS,
        }
    }
}

/// Counters a plugin reports; all are cumulative since start-up except the
/// heap figures (`heap_bytes`, `live_bytes_after_last`).
///
/// Plugins without generations count every collection as major
/// (`major_collections == collections`, `minor_collections == 0`) and
/// promote nothing (`bytes_promoted == 0`).
#[derive(Clone, Debug, Default)]
pub struct GcStats {
    /// Collections of any kind.
    pub collections: u64,
    /// Young-generation-only collections.
    pub minor_collections: u64,
    /// Whole-heap collections.
    pub major_collections: u64,
    pub bytes_allocated: u64,
    /// Objects allocated through the plugin's `alloc`; objects the VM
    /// bump-allocates inline (`FastPaths`) count in `bytes_allocated` only.
    pub objects_allocated: u64,
    /// Bytes copied from the young generation to the old one.
    pub bytes_promoted: u64,
    /// Bytes the plugin has taken from the OS for its heap, now.
    pub heap_bytes: u64,
    /// The largest `heap_bytes` seen (sampled at least before every
    /// collection and whenever statistics are read).
    pub peak_heap_bytes: u64,
    pub live_bytes_after_last: u64,
    /// Objects pinned by conservative references, summed over collections
    /// (an object pinned by three collections counts three times). The
    /// generational plugin counts young objects pinned by minor
    /// collections (each becomes an island once, and is counted once).
    pub pinned_objects: u64,
    pub finalizers_queued: u64,
    pub pause_total_ns: u64,
    pub pause_max_ns: u64,
    /// Every collection's pause, for percentiles.
    pub pauses: PauseHistogram,
    /// The pauses of minor collections alone (empty for plugins without
    /// generations); a major collection's pause, which includes emptying
    /// the young generation, is only in `pauses`.
    pub minor_pauses: PauseHistogram,
}

impl GcStats {
    /// Counts one collection (major, or minor when `minor`) that paused
    /// the mutator for `ns` nanoseconds.
    pub fn record_collection(&mut self, ns: u64, minor: bool) {
        self.collections += 1;
        if minor {
            self.minor_collections += 1;
            self.minor_pauses.record(ns);
        } else {
            self.major_collections += 1;
        }
        self.pause_total_ns += ns;
        self.pause_max_ns = self.pause_max_ns.max(ns);
        self.pauses.record(ns);
    }
}

/// Sub-buckets per power of two in [`PauseHistogram`]: values are rounded
/// up by at most 1/8 (12.5%).
const SUB_BITS: u32 = 3;
const SUB: usize = 1 << SUB_BITS;
/// Values below this have a bucket each (exact).
const EXACT: usize = 2 * SUB;
/// Buckets: the exact ones, then `SUB` per power of two from `EXACT` to 2^64.
const BUCKETS: usize = EXACT + (64 - (SUB_BITS as usize + 1)) * SUB;

/// A log-scale histogram of pause times in nanoseconds: fixed size (about
/// 4 KiB, no allocation), so recording is a few instructions and reading
/// statistics copies it. Percentiles are exact below 16 ns and otherwise
/// overestimate by at most 12.5%, never beyond the exact maximum.
///
/// Bucket `i < 16` holds the value `i`; above that, a value with its highest
/// set bit at position `e >= 4` goes to bucket `16 + (e - 4) * 8 + s`, where
/// `s` is the three bits below the highest one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PauseHistogram {
    counts: [u64; BUCKETS],
    count: u64,
    total_ns: u64,
    max_ns: u64,
}

impl Default for PauseHistogram {
    fn default() -> Self {
        PauseHistogram { counts: [0; BUCKETS], count: 0, total_ns: 0, max_ns: 0 }
    }
}

impl core::fmt::Debug for PauseHistogram {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("PauseHistogram")
            .field("count", &self.count)
            .field("total_ns", &self.total_ns)
            .field("p50_ns", &self.percentile(0.5))
            .field("p99_ns", &self.percentile(0.99))
            .field("max_ns", &self.max_ns)
            .finish()
    }
}

impl PauseHistogram {
    /// Number of buckets (for plugins that keep their own atomic counters
    /// and rebuild a histogram with [`PauseHistogram::from_buckets`]).
    pub const BUCKETS: usize = BUCKETS;

    /// The bucket a pause of `ns` nanoseconds falls in.
    pub fn bucket_of(ns: u64) -> usize {
        if ns < EXACT as u64 {
            return ns as usize;
        }
        let e = 63 - ns.leading_zeros();
        let s = ((ns >> (e - SUB_BITS)) as usize) & (SUB - 1);
        EXACT + (e as usize - (SUB_BITS as usize + 1)) * SUB + s
    }

    /// The largest value bucket `i` holds.
    fn bucket_max(i: usize) -> u64 {
        if i < EXACT {
            return i as u64;
        }
        let e = ((i - EXACT) / SUB) as u32 + SUB_BITS + 1;
        let s = ((i - EXACT) % SUB) as u64;
        let lo = (1u64 << e) | (s << (e - SUB_BITS));
        lo + ((1u64 << (e - SUB_BITS)) - 1)
    }

    /// Records one pause.
    pub fn record(&mut self, ns: u64) {
        self.counts[Self::bucket_of(ns)] += 1;
        self.count += 1;
        self.total_ns = self.total_ns.saturating_add(ns);
        self.max_ns = self.max_ns.max(ns);
    }

    /// A histogram from per-bucket counts (indexed by
    /// [`PauseHistogram::bucket_of`]) and the exact total and maximum.
    pub fn from_buckets(counts: &[u64; BUCKETS], total_ns: u64, max_ns: u64) -> PauseHistogram {
        PauseHistogram { counts: *counts, count: counts.iter().sum(), total_ns, max_ns }
    }

    /// Pauses recorded.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Sum of all pauses.
    pub fn total_ns(&self) -> u64 {
        self.total_ns
    }

    /// The longest pause (exact).
    pub fn max_ns(&self) -> u64 {
        self.max_ns
    }

    /// The pause below or at which a fraction `q` (0.0 to 1.0) of all pauses
    /// lie, rounded up to its bucket's top and capped at the maximum; 0 when
    /// nothing was recorded. Monotonic in `q`, and `percentile(1.0)` is the
    /// maximum.
    pub fn percentile(&self, q: f64) -> u64 {
        if self.count == 0 {
            return 0;
        }
        let rank = ((q.clamp(0.0, 1.0) * self.count as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return Self::bucket_max(i).min(self.max_ns);
            }
        }
        self.max_ns
    }
}

/// How stores of references into heap objects must be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Barrier {
    /// No barrier: stores need no bookkeeping.
    None,
    /// Test `Header::flags & mask`; if set, call `write_barrier_slow(obj)`,
    /// or `write_barrier_slot_slow(obj, slot)` when the store's slot is
    /// known.
    HeaderFlag { mask: usize },
    /// The header flag as above, plus card marking: objects whose flags
    /// also hold `card_flag` (large arrays in the old generation) keep
    /// `mask` set for good and have a table of cards of `1 << card_shift`
    /// bytes, one byte per card, right before the header: card `c` (the
    /// byte offset of the slot from `obj`, shifted right by `card_shift`)
    /// is the byte at `obj - 1 - c`. A store into such an object writes 1
    /// there and, only if the flags lack `cards_set`, also calls
    /// `write_barrier_slot_slow(obj, slot)` (which marks the card too, so
    /// calling it alone is always correct). The next minor collection
    /// rescans only marked cards. `write_barrier_slow(obj)` without a slot
    /// marks every card.
    HeaderFlagCards { mask: usize, card_flag: usize, card_shift: u32, cards_set: usize },
}

impl Barrier {
    /// The header bits whose presence sends a store to the slow path (0:
    /// no barrier).
    pub fn mask(self) -> usize {
        match self {
            Barrier::None => 0,
            Barrier::HeaderFlag { mask } | Barrier::HeaderFlagCards { mask, .. } => mask,
        }
    }
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

    /// The slow path of the write barrier for a store into the reference
    /// slot `slot` of `obj`: lets a card-marking plugin record just that
    /// slot's card. The default records the whole object.
    ///
    /// # Safety
    /// `obj` must be a live object of this plugin's heap and `slot` a
    /// reference slot inside it.
    unsafe fn write_barrier_slot_slow(&self, obj: *mut Header, slot: *mut u64) {
        let _ = slot;
        // SAFETY: forwarded from the caller.
        unsafe { self.write_barrier_slow(obj) }
    }

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

    /// A number that identifies `obj` for as long as it lives, whatever the
    /// collector does with it: what `id()` and the default `__hash__`
    /// return. A non-moving plugin returns the address (the default). A
    /// moving one returns the address the object will keep once it stops
    /// moving (for a young object, the old-generation block reserved for
    /// it), so ids and hashes never change and are never shared by two live
    /// objects.
    ///
    /// # Safety
    /// `obj` must be a live object of this plugin's heap, or a static
    /// object outside every heap (whose address is returned).
    unsafe fn stable_address(&self, obj: *mut Header) -> usize {
        obj as usize
    }

    /// Tells the collector that an object just allocated owns `bytes` of
    /// memory outside the collected heap (a big integer's digits, a code
    /// object's bytecode), freed by its drop hook when the object dies.
    /// Collectors count it towards their next collection, so that small
    /// objects owning large buffers do not let the process grow without a
    /// collection to free them. Default: ignored (bdwgc sizes its heap by
    /// its own allocations alone).
    fn note_external_memory(&self, bytes: usize) {
        let _ = bytes;
    }

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

#[cfg(test)]
mod tests {
    use super::PauseHistogram;

    #[test]
    fn buckets_cover_every_value_in_order() {
        let mut last = 0;
        for ns in (0..4096u64).chain([1 << 20, (1 << 20) + 1, 123_456_789, u64::MAX / 3, u64::MAX]) {
            let b = PauseHistogram::bucket_of(ns);
            assert!(b < PauseHistogram::BUCKETS, "{ns} -> {b}");
            assert!(b >= last, "buckets must not decrease: {ns} -> {b}");
            last = b;
            let top = PauseHistogram::bucket_max(b);
            assert!(top >= ns, "{ns} above its bucket's top {top}");
            // At most 12.5% above the value.
            assert!(top - ns <= ns / 8, "{ns}: bucket top {top} too coarse");
        }
        assert_eq!(PauseHistogram::bucket_of(u64::MAX), PauseHistogram::BUCKETS - 1);
        assert_eq!(PauseHistogram::bucket_max(PauseHistogram::BUCKETS - 1), u64::MAX);
    }

    #[test]
    fn percentiles() {
        let mut h = PauseHistogram::default();
        assert_eq!((h.percentile(0.5), h.percentile(0.99), h.max_ns()), (0, 0, 0));
        for ns in 1..=100u64 {
            h.record(ns * 1000);
        }
        assert_eq!(h.count(), 100);
        assert_eq!(h.total_ns(), 5050 * 1000);
        assert_eq!(h.max_ns(), 100_000);
        let (p50, p99) = (h.percentile(0.5), h.percentile(0.99));
        assert!((50_000..=50_000 + 50_000 / 8).contains(&p50), "p50 {p50}");
        assert!((99_000..=100_000).contains(&p99), "p99 {p99}");
        assert_eq!(h.percentile(1.0), 100_000);
        assert!(p50 <= p99 && p99 <= h.max_ns());
        let mut one = PauseHistogram::default();
        one.record(7);
        assert_eq!((one.percentile(0.0), one.percentile(0.5), one.percentile(1.0)), (7, 7, 7));
    }
}
