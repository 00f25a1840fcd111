//! `generational` (skiff-gc-generational): a bump-allocated nursery whose
//! survivors minor collections copy into a mark-sweep old generation, with
//! objects that native stacks reference pinned where they are.
//!
//! ```text
//!   young (nursery)                        old (skiff_gc::marksweep heap)
//!   +--------------------------------+     +------------------------------+
//!   | bump: cursor -> limit          | --> | size-class chunks, large     |
//!   |   objects, fillers, islands    |copy | objects, and the nursery's   |
//!   +--------------------------------+     | islands (adopted "foreign")  |
//!                                          +------------------------------+
//! ```
//!
//! **Allocation.** Objects of up to [`MAX_YOUNG`] bytes are bump-allocated
//! in the nursery (default 4 MiB, `[gc] nursery_size`). The cursor and
//! limit are published in [`FastPaths`] so the interpreter's allocator (and
//! later the JIT) allocate inline; the limit never crosses a 4 KiB card, so
//! the slow path ([`GcPlugin::alloc`]) sees the first object of every card
//! and records it for interior-pointer lookup (see `nursery.rs`). Objects
//! whose type has a drop hook must take the slow path, which lists them so
//! that the hook runs when they die young. Larger objects are *young large
//! objects* (below), except those with drop hooks and big objects that do
//! not fit the rest of a nursery segment, which start old, born
//! *remembered* (the VM may initialise them with young references without
//! a barrier).
//!
//! **Large objects** (more than [`MAX_YOUNG`] bytes) are allocated in the
//! old generation's large-object space but are young ([`YOUNG_LARGE`]), as
//! PyPy's incminimark does with its young raw-malloced objects: stores into
//! them need no barrier, the next minor collection traces those it reaches
//! (a pointer in the range of young large objects is checked for the flag)
//! and frees the others at once. So a loop of big temporary lists costs
//! minor collections (one per nursery-size of large objects), not major
//! ones. Those that survive become old and, if they hold references,
//! carded; their card table was allocated with them. Objects with drop
//! hooks, and those registered for finalization, are old from the start.
//!
//! **Write barrier.** Old objects carry [`flags::BARRIER`]. A store of a
//! reference into an object with the flag calls `write_barrier_slow`, which
//! clears the flag and appends the object to the remembered set. Objects
//! allocated old because they are large and hold references (the item
//! arrays of big lists and dicts that survived a minor collection) are
//! *carded* instead ([`CARDED`]): they
//! keep the flag, and a store marks the slot's 512-byte card, so a store
//! into a huge list makes the next minor collection rescan 64 slots, not
//! the whole list. The card table is a byte per card right before the
//! object's header (card `i` at `obj - 1 - i`), as in PyPy's incminimark,
//! so the VM (and later the JIT) mark a card inline; only the first store
//! into a carded object since the last minor collection takes the slow
//! path, which lists the object and sets [`CARDS_SET`]. `FastPaths`
//! publishes this as [`Barrier::HeaderFlagCards`].
//!
//! **Minor collection**, with the callee-saved registers spilled:
//!
//! 1. every word of the conservative ranges that points into a young object
//!    (interior pointers included, found through the scan starts) *pins* it;
//! 2. precise roots and the slots of remembered objects are updated: a young
//!    object they reference is copied to the old generation (into its
//!    *shadow* if `id()` reserved one) and a forwarding address is left in
//!    its info word; copies and pinned objects are then traced the same way
//!    until nothing young is reachable that has not been copied or pinned;
//! 3. young objects registered for finalization that were neither copied
//!    nor pinned are copied with everything they reach and queued for
//!    finalization (all in the same collection, as in mark-sweep); the
//!    others are registered with the old generation;
//! 4. young objects with drop hooks that died run them;
//! 5. pinned objects become *islands*: they stay where they are, belong to
//!    the old generation from now on (adopted by the mark-sweep heap as
//!    foreign objects, freed by a major collection, which gives their space
//!    back to the nursery), and allocation continues around them, as PyPy's
//!    incminimark does for pinned objects. After a minor collection there
//!    are no young objects at all, so the remembered set starts empty.
//!
//! **Nursery budget (pause goal).** A minor collection's pause is the time
//! to copy the survivors, so a cycle may use only as much of the nursery as
//! keeps the expected survivors near `PROMOTE_TARGET` (512 KiB, about half
//! a millisecond): that over the estimated survival rate, between an
//! eighth of the nursery and all of it. The estimate rises at once with
//! survival and falls by a tenth per cycle when it falls (see
//! `SURVIVAL_DECAY`), and starts at full survival,
//! so building a large structure collects often and copies little each
//! time, while short-lived garbage gets the whole nursery. The nursery's
//! size and memory do not change.
//!
//! **Major collection**: a minor one, then a mark-sweep of the old
//! generation (islands included; parallel marking with `[gc]
//! marking_threads`). It runs when the old generation has grown by
//! `[gc] major_growth` since the last one, on [`CollectKind::Full`], and
//! every eighth collection under stress.
//!
//! **Identity.** A young object's address changes when it is copied, so
//! [`GcPlugin::stable_address`] (what `id()` and the default hash use)
//! reserves the old-generation block it will be copied into (its shadow)
//! and answers with that block's address; an object pinned after its id
//! was taken keeps the shadow, in a side table, for as long as it lives.
//!
//! **Finalization** never runs here: queued objects are handed out by
//! `pop_finalizable` (through the old generation's queue).

mod nursery;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Instant;

use skiff_gc::conservative::with_registers_spilled;
use skiff_gc::marksweep::MarkSweep;
use skiff_gc::verify::{verify_heap, verify_roots, HeapWalk};
use skiff_gc::{
    flags, is_reference_word, Barrier, CollectKind, FastPaths, GcConfig, GcParams, GcPlugin, GcStats, Header,
    RootSource, Tracer, TypeInfo,
};

use nursery::{is_filler, Nursery};

/// Largest object (bytes, header included) allocated in the nursery.
pub const MAX_YOUNG: usize = 8 * 1024;

/// Header bit: this object lives in nursery memory but is old (an island).
pub const ISLAND: usize = flags::PLUGIN_FIRST;
/// Header bit: `stable_address` reserved a shadow for this object.
pub const HAS_SHADOW: usize = flags::PLUGIN_FIRST << 1;

/// Header bit: an old object with a card table (see [`CARD_SHIFT`]).
pub const CARDED: usize = flags::PLUGIN_FIRST << 2;
/// Header bit: a carded object listed for the next minor collection's card
/// scan; until then, stores mark its cards without the slow path.
pub const CARDS_SET: usize = flags::PLUGIN_FIRST << 3;
/// Header bit: a large object allocated since the last minor collection
/// that it has not reached yet (module docs, "Large objects").
pub const YOUNG_LARGE: usize = flags::PLUGIN_FIRST << 4;
/// Cards of `1 << CARD_SHIFT` bytes (64 reference slots).
pub const CARD_SHIFT: u32 = 9;

/// Flags a copy keeps from the original.
const KEEP_ON_COPY: usize = !(flags::MARK | flags::PINNED | ISLAND | HAS_SHADOW | flags::BARRIER | CARDED | CARDS_SET);

/// Under stress, every this-many collections is a major one.
const STRESS_MAJOR_EVERY: u64 = 8;

unsafe fn reserved_size(obj: *const Header) -> usize {
    // SAFETY: a reserved block keeps its size in the word after the header
    // (`reserve_shadow` writes it).
    unsafe { *(obj as *const usize).add(2) }
}

unsafe fn reserved_trace(_obj: *mut Header, _t: &mut dyn Tracer) {}

/// The type of a shadow: an old-generation block reserved for a young
/// object, holding no references until the object is copied over it.
static RESERVED: TypeInfo = TypeInfo {
    name: "<reserved shadow>",
    kind: u32::MAX - 1,
    has_refs: false,
    size_of: reserved_size,
    trace: reserved_trace,
    drop: None,
};

/// The generational plugin. See the crate docs.
pub struct Generational {
    config: GcConfig,
    old: MarkSweep,
    nursery: RefCell<Nursery>,
    /// Published bump cursor and limit (see `FastPaths`). Under stress the
    /// published limit stays 0 so every allocation takes the slow path.
    cursor: Cell<usize>,
    limit: Cell<usize>,
    /// Old objects whose barrier flag was cleared since the last minor
    /// collection.
    remembered: RefCell<Vec<*mut Header>>,
    /// Young objects registered for finalization.
    young_finalizers: RefCell<Vec<*mut Header>>,
    /// Young objects whose type has a drop hook.
    young_drops: RefCell<Vec<*mut Header>>,
    /// Object (young or island) -> its shadow in the old generation.
    shadows: RefCell<HashMap<usize, usize>>,
    /// Carded objects with [`CARDS_SET`]: stores since the last minor
    /// collection may have marked their cards.
    dirty_carded: RefCell<Vec<*mut Header>>,
    /// Young large objects and their sizes, and the sum of the sizes.
    young_large: RefCell<Vec<(*mut Header, usize)>>,
    young_large_bytes: Cell<usize>,
    /// Islands, sorted `(start, size)`.
    islands: RefCell<Vec<(usize, usize)>>,
    slow_allocs: Cell<u64>,
    next_stress: Cell<u64>,
    collecting: Cell<bool>,
    stats: RefCell<GcStats>,
    /// Nursery bytes allocated before the last reset, summed.
    nursery_bytes_before: Cell<u64>,
    /// Rust-heap bytes owned by young objects allocated since the last
    /// minor collection ([`GcPlugin::note_external_memory`]). When they
    /// pass `external_limit` (a quarter of the nursery's size), the next
    /// allocation collects: a nursery of small big-integer headers could
    /// otherwise hold gigabytes of digits.
    external_young: Cell<usize>,
    external_limit: usize,
    /// Nursery bytes the current cycle may use before the next minor
    /// collection (see `PROMOTE_TARGET`).
    budget: Cell<usize>,
    nursery_size: usize,
    /// The survival rate the budget is sized for.
    survival_estimate: Cell<f64>,
}

/// How fast the survival estimate falls when fewer objects survive: by a
/// tenth per cycle. Programs alternate between cycles where nearly
/// everything dies and cycles where nearly everything is copied (a phase of
/// running finalizers, then one making finalizable objects whose dead ones
/// are copied to be finalized): with the estimate halving per cycle, two
/// empty cycles let the third copy 2 MiB (bench/gc/finalizers: minor p99
/// 1.3-1.7 ms); at a tenth, 0.3-0.5 ms, at the same total time. The cost
/// is that after a structure is built the budget takes about 20 cycles to
/// grow back to the whole nursery.
const SURVIVAL_DECAY: f64 = 0.9;

/// What a minor collection should copy at most, in bytes: the pause goal
/// (see the module docs, "Nursery budget").
/// Copying runs at about a gigabyte a second, so this keeps a minor pause
/// near half a millisecond. After each minor collection the next cycle's
/// nursery budget is this over the estimated survival rate (between an
/// eighth of the nursery and all of it): when nearly everything survives
/// (a large structure being built), collections come more often and each
/// copies less. The cost is that objects living a little longer than a
/// short cycle are promoted more often (binary_trees: 12 major collections
/// instead of 6, a few percent of its time). HotSpot's and G1's pause-time
/// goals size their young generations the same way.
const PROMOTE_TARGET: usize = 512 << 10;

impl Generational {
    /// A plugin with the default [`GcParams`].
    pub fn new(config: GcConfig) -> Generational {
        Generational::with_params(config, GcParams::default())
    }

    /// A plugin with a nursery of `params.nursery_size` bytes and an old
    /// generation tuned by `major_growth` and `marking_threads`.
    ///
    /// # Panics
    /// If the OS refuses the nursery's memory.
    pub fn with_params(config: GcConfig, params: GcParams) -> Generational {
        let nursery = Nursery::new(params.nursery_size as usize).expect("skiff: cannot allocate the nursery");
        let (start, end) = nursery.current();
        let old_config = GcConfig { stress: None, verify: false };
        let next_stress = match config.stress {
            Some(n) => n.max(1),
            None => u64::MAX,
        };
        let g = Generational {
            old: MarkSweep::with_params(old_config, params),
            nursery: RefCell::new(nursery),
            cursor: Cell::new(start),
            limit: Cell::new(0),
            remembered: RefCell::new(Vec::new()),
            young_finalizers: RefCell::new(Vec::new()),
            young_drops: RefCell::new(Vec::new()),
            shadows: RefCell::new(HashMap::new()),
            dirty_carded: RefCell::new(Vec::new()),
            young_large: RefCell::new(Vec::new()),
            young_large_bytes: Cell::new(0),
            islands: RefCell::new(Vec::new()),
            slow_allocs: Cell::new(0),
            next_stress: Cell::new(next_stress),
            collecting: Cell::new(false),
            stats: RefCell::new(GcStats::default()),
            nursery_bytes_before: Cell::new(0),
            external_young: Cell::new(0),
            budget: Cell::new((params.nursery_size as usize / 8).max(PROMOTE_TARGET).min(params.nursery_size as usize)),
            nursery_size: params.nursery_size as usize,
            survival_estimate: Cell::new(1.0),
            external_limit: params.nursery_size as usize / 4,
            config,
        };
        g.nursery.borrow().record_start(start);
        g.publish_limit(start, end);
        g
    }

    /// Whether freed nursery memory is overwritten (under stress or the
    /// verifier), so stale references fail fast.
    fn poison(&self) -> bool {
        self.config.stress.is_some() || self.config.verify
    }

    fn publish_limit(&self, cursor: usize, seg_end: usize) {
        let limit = if self.config.stress.is_some() { 0 } else { Nursery::limit_for(cursor, seg_end) };
        self.limit.set(limit);
    }

    /// Whether `addr` is the start of a young object (in the nursery, below
    /// the cursor, not an island). `addr` must be an object start or outside
    /// the nursery (a reference from a precise slot).
    #[inline]
    fn is_young_ref(&self, nursery_lo: usize, nursery_hi: usize, addr: usize) -> bool {
        addr >= nursery_lo && addr < nursery_hi && {
            // SAFETY: a reference into the nursery from a precise slot is an
            // object start (young or island), whose flags word is readable.
            unsafe { (*(addr as *const Header)).flags & ISLAND == 0 }
        }
    }

    /// Bump-allocates `size` bytes in the nursery through the slow path,
    /// moving through the segments; null when the nursery is full.
    fn bump_slow(&self, size: usize) -> *mut Header {
        let nursery = self.nursery.borrow();
        let mut cursor = self.cursor.get();
        let (_, mut seg_end) = nursery.current();
        if nursery.used(cursor) + size > self.budget.get() {
            // This cycle's budget is spent: collect (the caller does).
            self.limit.set(0);
            return std::ptr::null_mut();
        }
        loop {
            if cursor + size <= seg_end {
                nursery.record_start(cursor);
                let next = cursor + size;
                nursery.record_start(next);
                self.cursor.set(next);
                self.publish_limit(next, seg_end);
                return cursor as *mut Header;
            }
            match nursery.next_segment(cursor) {
                Some((s, e)) => {
                    cursor = s;
                    seg_end = e;
                    self.cursor.set(s);
                    self.publish_limit(s, e);
                }
                None => {
                    let end = nursery.end;
                    self.cursor.set(end);
                    self.limit.set(0);
                    return std::ptr::null_mut();
                }
            }
        }
    }

    /// Allocates in the old generation, collecting if memory is short.
    /// Born remembered: its flag is clear and it is in the remembered set.
    fn alloc_old(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        if self.old_wants_collection() {
            self.collect(CollectKind::Full, roots);
        }
        let carded = info.has_refs && size > MAX_YOUNG;
        let alloc = || {
            if carded {
                // SAFETY: `size` is valid and large (the caller's contract
                // and MAX_YOUNG > MAX_SMALL), not during a collection.
                unsafe { self.old.alloc_old_large_prefixed(info, size, card_count(size)) }
            } else {
                // SAFETY: `size` is valid (the caller's contract), not during a collection.
                unsafe { self.old.alloc_old(info, size) }
            }
        };
        let p = self.alloc_retrying(roots, alloc);
        if p.is_null() {
            return p;
        }
        if carded {
            // A large array: card-marked, every card marked to start with
            // (the VM may fill it without barriers). Its size is not
            // readable yet (the VM has not written its fields).
            // SAFETY: `p` is the fresh object allocated above, with its card
            // table of `card_count(size)` bytes before it.
            unsafe { self.remember_carded(p, size) };
        } else {
            self.remembered.borrow_mut().push(p);
        }
        p
    }

    /// Runs `alloc`, and once more after a full collection if it failed;
    /// null if memory is exhausted even then.
    fn alloc_retrying(&self, roots: &dyn RootSource, alloc: impl Fn() -> *mut Header) -> *mut Header {
        let p = alloc();
        if !p.is_null() {
            return p;
        }
        self.collect(CollectKind::Full, roots);
        alloc()
    }

    /// Allocates an object too large for the nursery in the old
    /// generation's large-object space, young: the next minor collection
    /// frees it if it did not reach it (module docs, "Large objects").
    /// Objects with drop hooks start old instead.
    fn alloc_young_large(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        if info.drop.is_some() {
            return self.alloc_old(info, size, roots);
        }
        if self.young_large_bytes.get() + size > self.nursery_size {
            self.collect(CollectKind::Auto, roots);
        }
        if self.old_wants_collection() {
            self.collect(CollectKind::Full, roots);
        }
        // Room for the card table it gets if it survives.
        let prefix = if info.has_refs { card_count(size) } else { 0 };
        // SAFETY: `size` is valid and large (the caller's contract and
        // MAX_YOUNG > MAX_SMALL), not during a collection.
        let alloc = || unsafe { self.old.alloc_old_large_prefixed(info, size, prefix) };
        let p = self.alloc_retrying(roots, alloc);
        if p.is_null() {
            return p;
        }
        // SAFETY: `p` is the fresh object allocated above.
        unsafe { (*p).flags |= YOUNG_LARGE };
        self.young_large.borrow_mut().push((p, size));
        self.young_large_bytes.set(self.young_large_bytes.get() + size);
        p
    }

    /// Whether the old generation has grown enough for a major collection,
    /// young large objects left out (most die in the next minor one).
    fn old_wants_collection(&self) -> bool {
        self.old.wants_collection_besides(self.young_large_bytes.get())
    }

    /// Makes the young large object `obj` old now, as if a minor collection
    /// had found it live; it may hold young references, so it is remembered
    /// (carded with every card marked).
    ///
    /// # Safety
    /// `obj` must be a live young large object.
    unsafe fn tenure_young_large(&self, obj: *mut Header) {
        let mut young = self.young_large.borrow_mut();
        let i = young.iter().position(|&(o, _)| o == obj).expect("a young large object is listed");
        let (_, size) = young.swap_remove(i);
        drop(young);
        self.young_large_bytes.set(self.young_large_bytes.get() - size);
        // SAFETY: the caller's guarantees; a young large object with
        // references has room for `card_count(size)` cards before it.
        unsafe {
            (*obj).flags &= !YOUNG_LARGE;
            if TypeInfo::of(obj).has_refs {
                self.remember_carded(obj, size);
            } else {
                (*obj).flags |= flags::BARRIER;
            }
        }
    }

    /// Makes `obj`, `size` bytes, an old carded object with every card
    /// marked, listed for the next minor collection's card scan: what a
    /// large array is when it may already hold young references that no
    /// barrier recorded. (`size` is passed because the VM may not have
    /// written the fields `size_of` reads yet.)
    ///
    /// # Safety
    /// `obj` must be a live object of `size` bytes with a card table of
    /// `card_count(size)` bytes before it.
    unsafe fn remember_carded(&self, obj: *mut Header, size: usize) {
        // SAFETY: the caller's guarantees.
        unsafe {
            (*obj).flags |= CARDED | CARDS_SET | flags::BARRIER;
            cards_before(obj, card_count(size)).fill(1);
        }
        self.dirty_carded.borrow_mut().push(obj);
    }

    /// Marks the card of `slot` in the carded object `obj` (every card
    /// when `slot` is `None`) and lists `obj` for the next card scan.
    ///
    /// # Safety
    /// `obj` must be a live carded object and `slot` a slot inside it.
    unsafe fn mark_card(&self, obj: *mut Header, slot: Option<*mut u64>) {
        // SAFETY: the caller's guarantees.
        unsafe {
            match slot {
                Some(slot) => card_byte(obj, (slot as usize - obj as usize) >> CARD_SHIFT).write(1),
                None => mark_all_cards(obj),
            }
            if (*obj).flags & CARDS_SET == 0 {
                (*obj).flags |= CARDS_SET;
                self.dirty_carded.borrow_mut().push(obj);
            }
        }
    }

    /// Reserves the shadow of the young object `obj`.
    fn reserve_shadow(&self, obj: *mut Header) -> usize {
        // SAFETY: `obj` is a live young object (caller).
        let size = unsafe { ((TypeInfo::of(obj).size_of)(obj) + 7) & !7 }.max(24);
        // SAFETY: size is valid; not during a collection.
        let s = unsafe { self.old.alloc_old(&RESERVED, size) };
        assert!(!s.is_null(), "skiff: out of memory reserving an object identity");
        // SAFETY: `s` is a fresh zeroed block of `size >= 24` bytes: the size
        // goes in its third word (see `reserved_size`); `obj` is live.
        unsafe {
            *(s as *mut usize).add(2) = size;
            (*obj).flags |= HAS_SHADOW;
        }
        self.shadows.borrow_mut().insert(obj as usize, s as usize);
        s as usize
    }

    /// A minor collection. Runs below the register spill area.
    #[inline(never)]
    fn minor_spilled(&self, roots: &dyn RootSource, for_major: bool) {
        let mut nursery = self.nursery.borrow_mut();
        let frontier = self.cursor.get();
        let (lo, hi) = (nursery.base, nursery.end);
        if self.config.verify {
            if let Err(e) = self.verify_barriers(&nursery, roots) {
                panic!("generational: barrier verification failed before a minor collection: {e}");
            }
        }

        // 1. Pin what the native stacks reference; young large objects
        // they point into are reached (they never move).
        let mut gray: Vec<*mut Header> = Vec::new();
        let mut pinned: Vec<*mut Header> = Vec::new();
        let mut young_large = std::mem::take(&mut *self.young_large.borrow_mut());
        self.young_large_bytes.set(0);
        young_large.sort_unstable();
        let (yl_lo, yl_hi) = match (young_large.first(), young_large.last()) {
            (Some(&(first, _)), Some(&(last, size))) => (first as usize, last as usize + size),
            _ => (0, 0),
        };
        roots.conservative_ranges(&mut |a, b| {
            let mut p = ((a as usize + 7) & !7) as *const u64;
            while p < b {
                // SAFETY: the root source reports readable ranges; volatile
                // because the compiler knows nothing about these words.
                let w = unsafe { p.read_volatile() } as usize;
                if w >= lo && w < frontier {
                    let found = nursery.object_containing(w, frontier);
                    if self.config.verify {
                        let slow = nursery.object_containing_slow(w, frontier);
                        assert_eq!(found.map(|x| x.0), slow, "generational: scan-start lookup of {w:#x} disagrees with a full walk");
                    }
                    if let Some((obj, _)) = found {
                        // SAFETY: a young object, filler or island start.
                        unsafe {
                            let info = (*obj).info;
                            let f = (*obj).flags;
                            if !is_filler(info) && f & (ISLAND | flags::PINNED) == 0 {
                                (*obj).flags = f | flags::PINNED;
                                pinned.push(obj);
                                gray.push(obj);
                            }
                        }
                    }
                } else if w >= yl_lo && w < yl_hi {
                    let i = young_large.partition_point(|&(o, _)| o as usize <= w);
                    if let Some(&(obj, size)) = i.checked_sub(1).map(|i| &young_large[i]) {
                        if w < obj as usize + size {
                            // SAFETY: a listed young large object.
                            unsafe { reach_young_large(obj, &mut gray) };
                        }
                    }
                }
                p = p.wrapping_add(1);
            }
        });

        // 2. Copy what precise roots and remembered objects reference.
        let mut shadows = self.shadows.borrow_mut();
        let mut ev = Evacuator {
            old: &self.old,
            lo,
            hi,
            yl_lo,
            yl_span: yl_hi - yl_lo,
            gray,
            shadows: &mut shadows,
            promoted: 0,
        };
        roots.precise_roots(&mut ev);
        let remembered = std::mem::take(&mut *self.remembered.borrow_mut());
        for (i, &obj) in remembered.iter().enumerate() {
            // Remembered objects are scattered over the old generation:
            // fetch the header of one a few entries ahead while this one is
            // traced, so its cache miss overlaps the work.
            if let Some(&ahead) = remembered.get(i + PREFETCH_AHEAD) {
                prefetch(ahead);
            }
            // SAFETY: remembered objects are live old objects.
            unsafe {
                let info = TypeInfo::of(obj);
                if info.has_refs {
                    (info.trace)(obj, &mut ev);
                }
                (*obj).flags |= flags::BARRIER;
            }
        }
        for obj in std::mem::take(&mut *self.dirty_carded.borrow_mut()) {
            // SAFETY: listed carded objects are live old objects with
            // references and card tables.
            unsafe {
                let mut filter = CardFilter { ev: &mut ev, obj };
                (TypeInfo::of(obj).trace)(obj, &mut filter);
                clear_cards(obj);
                (*obj).flags &= !CARDS_SET;
            }
        }
        ev.drain();

        // 3. Young finalizable objects.
        let mut dead: Vec<*mut Header> = Vec::new();
        let mut survivors: Vec<*mut Header> = Vec::new();
        for obj in std::mem::take(&mut *self.young_finalizers.borrow_mut()) {
            // SAFETY: listed objects are young objects of this cycle; their
            // header is intact or holds a forwarding address.
            unsafe {
                if (*obj).flags & flags::FINALIZER == 0 {
                    continue;
                }
                match forwarded(obj) {
                    Some(new) => survivors.push(new),
                    None if (*obj).flags & flags::PINNED != 0 => survivors.push(obj),
                    None => dead.push(obj),
                }
            }
        }
        dead.sort_unstable();
        dead.dedup();
        for &obj in &dead {
            let mut slot = obj as u64;
            ev.visit(&mut slot);
        }
        ev.drain();
        let promoted = ev.promoted;
        drop(ev);

        // Weak slots: young objects that were copied are at their new
        // address, pinned ones stay, the others (and young large objects
        // not reached) died.
        roots.weak_roots(&mut |slot| {
            // SAFETY: the root source passes readable, writable words; a
            // reference into the nursery or to a young large object is an
            // object start (young, forwarded, or an island).
            unsafe {
                let w = slot.read() as usize;
                if !is_reference_word(w as u64) {
                    return;
                }
                let obj = w as *mut Header;
                if w >= lo && w < hi {
                    if let Some(new) = forwarded(obj) {
                        slot.write(new as u64);
                    } else if (*obj).flags & (ISLAND | flags::PINNED) == 0 {
                        slot.write(0);
                    }
                } else if w >= yl_lo && w < yl_hi && (*obj).flags & YOUNG_LARGE != 0 {
                    slot.write(0);
                }
            }
        });

        // Young large objects: those reached are old now (carded if they
        // hold references: their slots are all old or islands now, so no
        // card is marked); the others are freed.
        for (obj, _) in young_large {
            // SAFETY: listed young large objects are live until freed here;
            // unreached ones are referenced by nothing live.
            unsafe {
                if (*obj).flags & YOUNG_LARGE != 0 {
                    self.old.free_large_now(obj);
                } else if TypeInfo::of(obj).has_refs {
                    (*obj).flags |= CARDED | flags::BARRIER;
                } else {
                    (*obj).flags |= flags::BARRIER;
                }
            }
        }
        for obj in survivors {
            // SAFETY: `obj` is now old (a copy or a pinned object); clearing
            // FINALIZER lets the old generation register it afresh.
            unsafe {
                (*obj).flags &= !flags::FINALIZER;
                self.old.register_finalizer(obj);
            }
        }
        for obj in dead {
            if for_major {
                // The old generation's marking decides, with the old
                // registered objects.
                // SAFETY: just copied above, so forwarded; the copy is live.
                unsafe {
                    let new = forwarded(obj).expect("a dead finalizable object was copied");
                    (*new).flags &= !flags::FINALIZER;
                    self.old.register_finalizer(new);
                }
                continue;
            }
            // SAFETY: just copied above, so forwarded; the copy is live.
            unsafe {
                let new = forwarded(obj).expect("a dead finalizable object was copied");
                (*new).flags = ((*new).flags & !flags::FINALIZER) | flags::FINALIZED;
                self.old.enqueue_finalizable(new);
            }
        }

        // 4. Drop hooks of young objects that died.
        let drops = std::mem::take(&mut *self.young_drops.borrow_mut());
        let mut survived = 0usize;
        for &obj in &drops {
            // SAFETY: listed objects are young objects of this cycle.
            unsafe {
                if forwarded(obj).is_none() && (*obj).flags & flags::PINNED == 0 {
                    if let Some(hook) = TypeInfo::of(obj).drop {
                        hook(obj);
                    }
                } else {
                    survived += 1;
                }
            }
        }
        // The external memory of the survivors is old now. Which young
        // object owned how much is not recorded, so the old generation is
        // told the survivors' share of it, by count.
        let external = self.external_young.replace(0);
        if survived > 0 {
            self.old.note_external((external as u128 * survived as u128 / drops.len() as u128) as usize);
        }

        // Shadows: copied objects sit in theirs now; dead ones free theirs
        // (the block is garbage for the next major collection); pinned ones
        // and older islands keep them.
        shadows.retain(|&obj, _| {
            let obj = obj as *mut Header;
            // SAFETY: keys are young objects of this cycle or islands.
            unsafe { (*obj).flags & (ISLAND | flags::PINNED) != 0 && forwarded(obj).is_none() }
        });
        drop(shadows);

        // 5. Pinned objects become islands.
        let mut islands = self.islands.borrow_mut();
        for &obj in &pinned {
            // SAFETY: pinned objects are live young objects, not moved.
            unsafe {
                let size = ((TypeInfo::of(obj).size_of)(obj) + 7) & !7;
                (*obj).flags = ((*obj).flags & !flags::PINNED) | ISLAND | flags::BARRIER;
                self.old.adopt_foreign(obj, size);
                islands.push((obj as usize, size));
            }
        }
        islands.sort_unstable();
        let used = nursery.used(frontier);
        // A collection of a nearly empty nursery (the one a major collection
        // starts with, right after a minor one) says nothing about survival.
        if used >= self.nursery_size / 16 {
            // The estimate follows a rise in survival at once and a fall
            // slowly: programs alternate between building structures that
            // survive and phases where little does, and the first cycle
            // after such a switch must not find the whole nursery live.
            let survival = (promoted as f64 / used as f64).max(self.survival_estimate.get() * SURVIVAL_DECAY);
            self.survival_estimate.set(survival);
            let budget = if survival > 0.0 { (PROMOTE_TARGET as f64 / survival) as usize } else { self.nursery_size };
            self.budget.set(budget.clamp(self.nursery_size / 8, self.nursery_size));
        }
        nursery.reset(&islands, self.poison().then_some(frontier));
        drop(islands);
        let (s, e) = nursery.current();
        drop(nursery);
        self.cursor.set(s);
        self.publish_limit(s, e);
        self.nursery_bytes_before.set(self.nursery_bytes_before.get() + used as u64);

        let mut st = self.stats.borrow_mut();
        st.pinned_objects += pinned.len() as u64;
        st.bytes_promoted += promoted;
    }

    fn minor(&self, roots: &dyn RootSource) -> u64 {
        self.minor_for(roots, false)
    }

    fn minor_for(&self, roots: &dyn RootSource, for_major: bool) -> u64 {
        let start = Instant::now();
        with_registers_spilled(|| self.minor_spilled(roots, for_major));
        start.elapsed().as_nanos() as u64
    }

    /// A major collection (the minor one included); returns nothing, records
    /// its own pause.
    fn major(&self, roots: &dyn RootSource) {
        let start = Instant::now();
        self.minor_for(roots, true);
        {
            let shadows = self.shadows.borrow();
            let with_shadows = ShadowRoots { roots, shadows: &shadows };
            self.old.collect(CollectKind::Full, &with_shadows);
        }
        let freed = self.old.take_freed_foreign();
        if !freed.is_empty() {
            let mut islands = self.islands.borrow_mut();
            let mut shadows = self.shadows.borrow_mut();
            for &(start, _) in &freed {
                shadows.remove(&start);
            }
            let frontier = self.cursor.get();
            let freed: std::collections::HashSet<usize> = freed.iter().map(|&(s, _)| s).collect();
            islands.retain(|&(s, _)| !freed.contains(&s));
            // The nursery holds no young object right after the minor
            // collection, so it can start over around the remaining islands.
            let mut nursery = self.nursery.borrow_mut();
            nursery.reset(&islands, self.poison().then_some(frontier));
            let (s, e) = nursery.current();
            self.cursor.set(s);
            self.publish_limit(s, e);
        }
        let pause = start.elapsed().as_nanos() as u64;
        self.stats.borrow_mut().record_collection(pause, false);
    }

    /// Checks the barrier invariant: no old object whose barrier flag is
    /// set references a young object, except through slots the root source
    /// reports as precise roots (active frames), which every minor
    /// collection rescans.
    fn verify_barriers(&self, nursery: &Nursery, roots: &dyn RootSource) -> Result<(), String> {
        struct Slots(std::collections::HashSet<usize>);
        impl Tracer for Slots {
            fn visit(&mut self, slot: *mut u64) {
                self.0.insert(slot as usize);
            }
        }
        let mut root_slots = Slots(Default::default());
        roots.precise_roots(&mut root_slots);
        struct Check<'a> {
            g: &'a Generational,
            lo: usize,
            hi: usize,
            roots: &'a std::collections::HashSet<usize>,
            young_large: std::collections::HashSet<usize>,
            obj: *mut Header,
            /// Whether `obj` is carded: slots in marked cards are
            /// remembered if it is also listed ([`CARDS_SET`]).
            carded: bool,
            err: Option<String>,
        }
        impl Tracer for Check<'_> {
            fn visit(&mut self, slot: *mut u64) {
                // SAFETY: trace functions pass readable slots.
                let w = unsafe { slot.read() } as usize;
                if self.err.is_none()
                    && is_reference_word(w as u64)
                    && (self.g.is_young_ref(self.lo, self.hi, w) || self.young_large.contains(&w))
                    && !self.roots.contains(&(slot as usize))
                    // SAFETY: a carded object has its card table.
                    && !(self.carded && unsafe { card_marked(self.obj, (slot as usize).wrapping_sub(self.obj as usize) >> CARD_SHIFT) })
                {
                    // SAFETY: `obj` and `w` are live objects.
                    let (on, yn) = unsafe { (TypeInfo::of(self.obj).name, TypeInfo::of(w as *const Header).name) };
                    self.err = Some(format!(
                        "old object {:#x} ({on}) holds young {w:#x} ({yn}) at offset {} without having been remembered",
                        self.obj as usize,
                        (slot as usize).wrapping_sub(self.obj as usize)
                    ));
                }
            }
        }
        let mut check = Check {
            g: self,
            lo: nursery.base,
            hi: self.cursor.get(),
            roots: &root_slots.0,
            young_large: self.young_large.borrow().iter().map(|&(o, _)| o as usize).collect(),
            obj: std::ptr::null_mut(),
            carded: false,
            err: None,
        };
        self.old.walk_objects(&mut |obj, _| {
            // SAFETY: walk passes live old objects.
            unsafe {
                if (*obj).flags & flags::BARRIER != 0 {
                    let info = TypeInfo::of(obj);
                    if info.has_refs {
                        check.obj = obj;
                        check.carded = (*obj).flags & CARDED != 0;
                        if check.carded && (*obj).flags & CARDS_SET == 0 && any_card_marked(obj) {
                            check.err = Some(format!("carded object {:#x} has marked cards but is not listed", obj as usize));
                        }
                        (info.trace)(obj, &mut check);
                    }
                }
            }
        });
        match check.err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Runs the heap verifier over both generations (every reference into
    /// the nursery must be an island or a young object start) and checks
    /// that no object kept a MARK or PINNED bit.
    pub fn verify(&self, roots: &dyn RootSource) -> Result<(), String> {
        verify_heap(self)?;
        verify_roots(self, roots)?;
        self.old.verify(roots).map(|_| ())
    }
}

/// How far ahead in the remembered set [`prefetch`] reaches.
const PREFETCH_AHEAD: usize = 8;

/// Hints the CPU to load the cache line at `p` (no effect on other
/// architectures).
#[inline(always)]
fn prefetch(p: *const Header) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint: it never faults and reads nothing
    // the program sees, whatever the address.
    unsafe {
        core::arch::x86_64::_mm_prefetch(p as *const i8, core::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The forwarding address of a copied young object.
///
/// # Safety
/// `obj` must be a young object of the current cycle (copied or not).
#[inline]
unsafe fn forwarded(obj: *mut Header) -> Option<*mut Header> {
    // SAFETY: the info word is readable (caller).
    let w = unsafe { (*obj).info } as usize;
    (w & 1 != 0).then_some((w & !1) as *mut Header)
}

/// The tracer of a minor collection: copies young objects out of the
/// nursery and rewrites the slots that reference them.
struct Evacuator<'a> {
    old: &'a MarkSweep,
    lo: usize,
    hi: usize,
    /// Bounds of the young large objects: `[yl_lo, yl_lo + yl_span)`.
    yl_lo: usize,
    yl_span: usize,
    /// Copied or pinned objects whose slots are still to be scanned.
    gray: Vec<*mut Header>,
    shadows: &'a mut HashMap<usize, usize>,
    promoted: u64,
}

impl Evacuator<'_> {
    fn drain(&mut self) {
        while let Some(obj) = self.gray.pop() {
            // SAFETY: gray objects are live (copies or pinned objects).
            let info = unsafe { TypeInfo::of(obj) };
            if info.has_refs {
                // SAFETY: `obj` is a live object of type `info`.
                unsafe { (info.trace)(obj, self) };
            }
        }
    }
}

impl Tracer for Evacuator<'_> {
    #[inline]
    fn visit(&mut self, slot: *mut u64) {
        // SAFETY: trace functions and root sources pass readable, writable
        // slots.
        let w = unsafe { slot.read() } as usize;
        if !is_reference_word(w as u64) {
            return;
        }
        if w < self.lo || w >= self.hi {
            if w.wrapping_sub(self.yl_lo) < self.yl_span {
                // SAFETY: a precise reference is an object start.
                unsafe { reach_young_large(w as *mut Header, &mut self.gray) };
            }
            return;
        }
        let obj = w as *mut Header;
        // SAFETY: a precise reference into the nursery is the start of a
        // young object (possibly already copied) or of an island.
        unsafe {
            if let Some(new) = forwarded(obj) {
                slot.write(new as u64);
                return;
            }
            let f = (*obj).flags;
            if f & (ISLAND | flags::PINNED) != 0 {
                return;
            }
            let info = TypeInfo::of(obj);
            let size = ((info.size_of)(obj) + 7) & !7;
            let new = if f & HAS_SHADOW != 0 {
                self.shadows.get(&w).copied().expect("a shadowed object has a shadow") as *mut Header
            } else {
                let p = self.old.alloc_old_for_copy(info, size);
                if p.is_null() {
                    eprintln!("skiff: out of memory copying a {size}-byte object to the old generation");
                    std::process::abort();
                }
                p
            };
            std::ptr::copy_nonoverlapping(obj as *const u8, new as *mut u8, size);
            (*new).flags = (f & KEEP_ON_COPY) | flags::BARRIER;
            (*obj).info = (new as usize | 1) as *const TypeInfo;
            slot.write(new as u64);
            self.promoted += size as u64;
            self.gray.push(new);
        }
    }

    /// A range (a large array's card, a frame): most words are not young
    /// references, so they are filtered in a tight loop and only young ones
    /// go through `visit`.
    fn visit_range(&mut self, start: *mut u64, len: usize) {
        let (lo, span) = (self.lo as u64, (self.hi - self.lo) as u64);
        let (yl_lo, yl_span) = (self.yl_lo as u64, self.yl_span as u64);
        for i in 0..len {
            let slot = start.wrapping_add(i);
            // SAFETY: trace functions and root sources pass readable ranges.
            let w = unsafe { slot.read() };
            if (w.wrapping_sub(lo) < span || w.wrapping_sub(yl_lo) < yl_span) && w & 7 == 0 {
                self.visit(slot);
            }
        }
    }
}

/// Reaches `obj` if it is a young large object not reached yet: it
/// survives this minor collection, and its slots are to be scanned.
///
/// # Safety
/// `obj` must be a live object.
#[cold]
unsafe fn reach_young_large(obj: *mut Header, gray: &mut Vec<*mut Header>) {
    // SAFETY: the caller's guarantee.
    unsafe {
        if (*obj).flags & YOUNG_LARGE != 0 {
            (*obj).flags &= !YOUNG_LARGE;
            gray.push(obj);
        }
    }
}

/// Cards of an object of `size` bytes.
fn card_count(size: usize) -> usize {
    size.div_ceil(1 << CARD_SHIFT)
}

/// The byte of card `card` of the carded object `obj`: its table lies
/// right before the header, card 0 nearest.
///
/// # Safety
/// `obj` must be a live carded object and `card` one of its cards.
#[inline]
unsafe fn card_byte(obj: *mut Header, card: usize) -> *mut u8 {
    // SAFETY: the table of `card_count(size)` bytes precedes `obj`
    // (`alloc_old_large_prefixed` in `alloc_old`).
    unsafe { (obj as *mut u8).sub(1 + card) }
}

/// The `n` bytes before `obj`.
///
/// # Safety
/// `obj` must be a carded object with at least `n` cards; the slice must
/// not outlive it.
unsafe fn cards_before<'a>(obj: *mut Header, n: usize) -> &'a mut [u8] {
    // SAFETY: the table of at least `n` bytes precedes `obj` (caller).
    unsafe { std::slice::from_raw_parts_mut((obj as *mut u8).sub(n), n) }
}

/// The cards of the carded object `obj`, as a byte slice (card `i` at
/// index `len - 1 - i`).
///
/// # Safety
/// `obj` must be a live carded object whose fields the VM has written
/// (its size is readable); the slice must not outlive it.
unsafe fn card_table<'a>(obj: *mut Header) -> &'a mut [u8] {
    // SAFETY: the caller's guarantees; the size cannot change while the
    // object lives, so it has the cards it was allocated with.
    unsafe { cards_before(obj, card_count((TypeInfo::of(obj).size_of)(obj))) }
}

/// # Safety
/// As for [`card_table`].
unsafe fn mark_all_cards(obj: *mut Header) {
    // SAFETY: the caller's guarantees.
    unsafe { card_table(obj).fill(1) }
}

/// # Safety
/// As for [`card_table`].
unsafe fn clear_cards(obj: *mut Header) {
    // SAFETY: the caller's guarantees.
    unsafe { card_table(obj).fill(0) }
}

/// # Safety
/// As for [`card_table`].
unsafe fn any_card_marked(obj: *mut Header) -> bool {
    // SAFETY: the caller's guarantees.
    unsafe { card_table(obj).iter().any(|&b| b != 0) }
}

/// Whether card `card` of the carded object `obj` is marked (false past
/// its last card).
///
/// # Safety
/// As for [`card_table`].
unsafe fn card_marked(obj: *mut Header, card: usize) -> bool {
    // SAFETY: the caller's guarantees.
    let table = unsafe { card_table(obj) };
    card < table.len() && table[table.len() - 1 - card] != 0
}

/// Passes to the evacuator only the slots of a carded object that lie in
/// marked cards; a range (an array's items) costs one step per card, not
/// per slot.
struct CardFilter<'e, 'a> {
    ev: &'e mut Evacuator<'a>,
    obj: *mut Header,
}

impl CardFilter<'_, '_> {
    fn marked(&self, card: usize) -> bool {
        // SAFETY: the filter only runs over a live carded object.
        unsafe { card_marked(self.obj, card) }
    }
}

impl Tracer for CardFilter<'_, '_> {
    fn visit(&mut self, slot: *mut u64) {
        if self.marked((slot as usize).wrapping_sub(self.obj as usize) >> CARD_SHIFT) {
            self.ev.visit(slot);
        }
    }

    fn visit_range(&mut self, start: *mut u64, len: usize) {
        let (lo, hi) = (start as usize, start as usize + len * 8);
        let mut card = (lo - self.obj as usize) >> CARD_SHIFT;
        let mut at = lo;
        while at < hi {
            let card_end = (self.obj as usize + ((card + 1) << CARD_SHIFT)).min(hi);
            if self.marked(card) {
                self.ev.visit_range(at as *mut u64, (card_end - at) / 8);
            }
            at = card_end;
            card += 1;
        }
    }
}

/// The VM's roots plus the shadows still reserved (for islands), for the
/// old generation's marking.
struct ShadowRoots<'a> {
    roots: &'a dyn RootSource,
    shadows: &'a HashMap<usize, usize>,
}

impl RootSource for ShadowRoots<'_> {
    fn precise_roots(&self, tracer: &mut dyn Tracer) {
        self.roots.precise_roots(tracer);
        for &s in self.shadows.values() {
            let mut word = s as u64;
            tracer.visit(&mut word);
        }
    }

    fn conservative_ranges(&self, visit: &mut dyn FnMut(*const u64, *const u64)) {
        self.roots.conservative_ranges(visit);
    }

    fn weak_roots(&self, visit: &mut dyn FnMut(*mut u64)) {
        self.roots.weak_roots(visit);
    }
}

// SAFETY: see the crate docs; each numbered promise of the trait is met:
// (1) nursery objects are zeroed by the VM's fast path or here, old ones by
// the mark-sweep heap; null only when memory is exhausted. (2) minor
// collections keep everything reachable from roots, remembered objects and
// conservative words (pinning those in place) and rewrite only precise root
// slots and traced slots; major ones are mark-sweep. (3) collections run in
// `alloc`/`collect` only, after `with_registers_spilled`. (4) finalizable
// garbage is copied with what it reaches and queued once. (5) drop hooks run
// only in collections. (6) old objects carry the barrier flag; objects
// allocated old are born remembered.
unsafe impl GcPlugin for Generational {
    fn name(&self) -> &'static str {
        "generational"
    }

    unsafe fn alloc(&self, info: &'static TypeInfo, size: usize, roots: &dyn RootSource) -> *mut Header {
        debug_assert!(size >= 16 && size & 7 == 0, "bad allocation size {size}");
        assert!(!self.collecting.get(), "generational: alloc called during a collection");
        let count = self.slow_allocs.get() + 1;
        self.slow_allocs.set(count);
        if count >= self.next_stress.get() {
            let n = self.config.stress.unwrap_or(u64::MAX).max(1);
            self.next_stress.set(count.saturating_add(n));
            let k = self.stats.borrow().collections;
            let kind = if (k + 1) % STRESS_MAJOR_EVERY == 0 { CollectKind::Full } else { CollectKind::Minor };
            self.collect(kind, roots);
        }
        if self.external_young.get() > self.external_limit {
            self.collect(CollectKind::Auto, roots);
        }
        if size > MAX_YOUNG {
            return self.alloc_young_large(info, size, roots);
        }
        if size > nursery::CARD && self.cursor.get() + size > self.nursery.borrow().current().1 {
            // A big object that does not fit the rest of the segment: rather
            // than abandon the segment (and collect again soon), it starts
            // old.
            return self.alloc_old(info, size, roots);
        }
        let mut p = self.bump_slow(size);
        if p.is_null() {
            self.collect(CollectKind::Auto, roots);
            p = self.bump_slow(size);
            if p.is_null() {
                // The nursery is all islands: the object starts old.
                return self.alloc_old(info, size, roots);
            }
        }
        // SAFETY: `p` is `size` free bytes of the nursery, ours to write.
        unsafe {
            std::ptr::write_bytes(p as *mut u8, 0, size);
            (*p).info = info;
        }
        if info.drop.is_some() {
            self.young_drops.borrow_mut().push(p);
        }
        p
    }

    fn collect(&self, kind: CollectKind, roots: &dyn RootSource) {
        assert!(
            !self.collecting.replace(true),
            "generational: alloc or collect called during a collection (from a root, trace or drop callback)"
        );
        match kind {
            CollectKind::Minor | CollectKind::Auto => {
                let pause = self.minor(roots);
                self.stats.borrow_mut().record_collection(pause, true);
                if kind == CollectKind::Auto && self.old_wants_collection() {
                    self.major(roots);
                }
            }
            CollectKind::Full => self.major(roots),
        }
        self.collecting.set(false);
        if self.config.verify {
            if let Err(e) = self.verify(roots) {
                let n = self.stats.borrow().collections;
                panic!("generational: heap verification failed after collection {n}: {e}");
            }
        }
    }

    fn note_external_memory(&self, bytes: usize) {
        // Objects that own external memory have drop hooks, so they were
        // allocated through `alloc` (young, normally) just before this.
        self.external_young.set(self.external_young.get().saturating_add(bytes));
    }

    unsafe fn write_barrier_slow(&self, obj: *mut Header) {
        // SAFETY: the caller guarantees `obj` is live.
        unsafe {
            if (*obj).flags & CARDED != 0 {
                self.mark_card(obj, None);
                return;
            }
            if (*obj).flags & flags::BARRIER == 0 {
                return;
            }
            (*obj).flags &= !flags::BARRIER;
        }
        self.remembered.borrow_mut().push(obj);
    }

    unsafe fn write_barrier_slot_slow(&self, obj: *mut Header, slot: *mut u64) {
        // SAFETY: the caller guarantees `obj` is live and `slot` inside it.
        unsafe {
            if (*obj).flags & CARDED != 0 {
                self.mark_card(obj, Some(slot));
            } else {
                self.write_barrier_slow(obj);
            }
        }
    }

    unsafe fn register_finalizer(&self, obj: *mut Header) {
        let n = self.nursery.borrow();
        if self.is_young_ref(n.base, n.end, obj as usize) {
            // SAFETY: `obj` is a live young object (caller).
            unsafe {
                if (*obj).flags & flags::FINALIZER == 0 {
                    (*obj).flags |= flags::FINALIZER;
                    self.young_finalizers.borrow_mut().push(obj);
                }
            }
        } else {
            drop(n);
            // SAFETY: forwarded from the caller: a live object outside the
            // nursery, old once tenured (a young large object could die
            // with the next minor collection without its finalizer).
            unsafe {
                if (*obj).flags & YOUNG_LARGE != 0 {
                    self.tenure_young_large(obj);
                }
                self.old.register_finalizer(obj);
            }
        }
    }

    unsafe fn unregister_finalizer(&self, obj: *mut Header) {
        // SAFETY: the caller guarantees `obj` is live; young entries whose
        // flag is clear are dropped by the next minor collection.
        unsafe { (*obj).flags &= !flags::FINALIZER };
    }

    fn pop_finalizable(&self) -> Option<*mut Header> {
        self.old.pop_finalizable()
    }

    fn is_heap_object(&self, addr: usize) -> bool {
        if self.old.is_heap_object(addr) {
            return true;
        }
        let n = self.nursery.borrow();
        match n.object_containing(addr, self.cursor.get()) {
            // SAFETY: a young object, filler or island start.
            Some((obj, _)) => obj as usize == addr && !is_filler(unsafe { (*obj).info }),
            None => false,
        }
    }

    fn stats(&self) -> GcStats {
        let mut st = self.stats.borrow().clone();
        let old = self.old.stats();
        let n = self.nursery.borrow();
        let used = n.used(self.cursor.get()) as u64;
        st.bytes_allocated = (self.nursery_bytes_before.get() + used + old.bytes_allocated).saturating_sub(st.bytes_promoted);
        st.objects_allocated = self.slow_allocs.get();
        st.heap_bytes = old.heap_bytes + n.size() as u64;
        st.peak_heap_bytes = st.peak_heap_bytes.max(old.peak_heap_bytes + n.size() as u64).max(st.heap_bytes);
        st.live_bytes_after_last = old.live_bytes_after_last;
        st.finalizers_queued += old.finalizers_queued;
        st
    }

    fn fast_paths(&self) -> FastPaths {
        FastPaths {
            bump_cursor: self.cursor.as_ptr(),
            bump_limit: self.limit.as_ptr(),
            max_inline_size: MAX_YOUNG,
            initial_flags: 0,
            barrier: Barrier::HeaderFlagCards {
                mask: flags::BARRIER,
                card_flag: CARDED,
                card_shift: CARD_SHIFT,
                cards_set: CARDS_SET,
            },
        }
    }

    unsafe fn stable_address(&self, obj: *mut Header) -> usize {
        let a = obj as usize;
        let n = self.nursery.borrow();
        if !n.contains(a) {
            return a;
        }
        drop(n);
        // SAFETY: `obj` is a live object of the nursery (caller).
        let f = unsafe { (*obj).flags };
        if f & HAS_SHADOW != 0 {
            return self.shadows.borrow().get(&a).copied().expect("a shadowed object has a shadow");
        }
        if f & ISLAND != 0 {
            return a;
        }
        self.reserve_shadow(obj)
    }
}

// SAFETY: the old generation's walk passes its live objects (islands
// included); young objects are walked from the nursery's parseable part.
unsafe impl HeapWalk for Generational {
    fn walk_objects(&self, f: &mut dyn FnMut(*mut Header, usize)) {
        self.old.walk_objects(f);
        let n = self.nursery.borrow();
        let cursor = self.cursor.get();
        let mut at = n.base;
        while at < cursor {
            match n.object_containing(at, cursor) {
                Some((obj, size)) => {
                    // SAFETY: a young object, filler or island start.
                    let (info, fl) = unsafe { ((*obj).info, (*obj).flags) };
                    if !is_filler(info) && fl & ISLAND == 0 {
                        f(obj, size);
                    }
                    at = obj as usize + size;
                }
                None => break,
            }
        }
    }

    fn is_object_start(&self, addr: usize) -> bool {
        self.is_heap_object(addr)
    }

    fn owns_address(&self, addr: usize) -> bool {
        self.old.owns_address(addr) || self.nursery.borrow().contains(addr)
    }

    fn object_containing(&self, addr: usize) -> Option<*mut Header> {
        HeapWalk::object_containing(&self.old, addr)
            .or_else(|| self.nursery.borrow().object_containing(addr, self.cursor.get()).map(|(o, _)| o))
    }
}

impl Drop for Generational {
    fn drop(&mut self) {
        for obj in std::mem::take(&mut *self.young_drops.borrow_mut()) {
            // SAFETY: listed objects are young objects not yet collected.
            unsafe {
                if let Some(hook) = TypeInfo::of(obj).drop {
                    hook(obj);
                }
            }
        }
    }
}
