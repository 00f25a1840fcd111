//! A mock VM that drives a collector without the interpreter, in the manner
//! of mmtk-core's `MockVM`: four object types with known layouts, a root
//! source whose precise slots and conservative ranges the test controls, and
//! a log of drop hooks.
//!
//! It talks to the collector only through `dyn GcPlugin`, so other plugins'
//! test suites can include this module (`#[path = ...] mod mock_vm;`). Every
//! accessor checks `is_heap_object`, and that the object's type is one of the
//! mock's ([`MockVm::is_live`]), before touching an object, which makes the
//! accessors safe to call with any pointer the test holds: a stale one fails
//! the check instead of reading freed memory (the type check covers plugins
//! whose `is_heap_object` is best effort, like boehm's, which accepts some
//! freed objects, whose type word then holds a free-list link). Addresses
//! are valid until the next allocation or collection; tests that keep them
//! across one rely on a non-moving collector or on pinning. Under a moving
//! collector, keep objects in the precise root slots (which the collector
//! rewrites) and re-read them with [`MockVm::root`] after every allocation
//! or collection.
//!
//! Stores of references through [`MockVm::set_field`] run the write barrier
//! the way the VM's `heap::store` does (`write_barrier_slot_slow` only when
//! the object's flags have a bit of `FastPaths::barrier`'s mask), and
//! [`MockVm::try_alloc_inline`] allocates through the published
//! bump-allocation fast path the way the VM's `Heap::alloc` does.
//!
//! Layouts (words of 8 bytes after the 16-byte header):
//!
//! ```text
//!   Node   | header | id | f0 | f1 | f2 |                 48 bytes, drop hook
//!   Array  | header | id | len | item 0 .. item len-1 |   32 + 8*len, drop hook
//!   Leaf   | header | id | payload |                     32 bytes, no refs, drop hook
//!   Blob   | header | id | words | words x 8 bytes |     32 + 8*words, no refs, no drop
//! ```
//!
//! [`PLAIN_NODE`] is a Node without a drop hook (same kind and layout), so
//! that it may take a plugin's inline allocation path.

#![allow(dead_code)]

pub mod shadow;

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicUsize, Ordering};

use skiff_gc::conservative::current_sp;
use skiff_gc::{flags, Barrier, CollectKind, GcPlugin, GcStats, Header, RootSource, Tracer, TypeInfo};

pub const KIND_NODE: u32 = 1;
pub const KIND_ARRAY: u32 = 2;
pub const KIND_LEAF: u32 = 3;
pub const KIND_BLOB: u32 = 4;

pub const NODE_FIELDS: usize = 3;
pub const NODE_SIZE: usize = 48;
pub const LEAF_SIZE: usize = 32;
/// Byte offset of the id word in every mock object.
pub const ID_OFFSET: usize = 16;
/// Byte offset of a node's first field.
pub const NODE_FIELD0: usize = 24;
const ARRAY_LEN: usize = 24;
const ARRAY_ITEM0: usize = 32;
const BLOB_WORDS: usize = 24;

thread_local! {
    static DROPPED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static PINNED_SEEN: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Ids of objects whose drop hook ran on this thread since the last call.
pub fn take_dropped() -> Vec<u64> {
    DROPPED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}

/// Ids of Node/Array objects that were traced while flagged PINNED, since the
/// last call, on this thread (objects traced by a collector's helper threads
/// are recorded on theirs: tests of pinning mark on one thread).
pub fn take_pinned_seen() -> Vec<u64> {
    PINNED_SEEN.with(|d| std::mem::take(&mut *d.borrow_mut()))
}

/// # Safety
/// `obj` must be a live mock object.
unsafe fn word(obj: *const Header, offset: usize) -> u64 {
    // SAFETY: every mock object is at least 32 bytes and callers pass offsets
    // inside it.
    unsafe { (obj as *const u8).add(offset).cast::<u64>().read() }
}

/// # Safety
/// `obj` must be a live mock object being traced.
unsafe fn note_pinned(obj: *const Header) {
    // SAFETY: the caller passes a live object, whose flags word is valid and
    // aligned. Loaded atomically: under parallel marking other threads set
    // MARK in it with atomic operations while this one traces.
    let f = unsafe { AtomicUsize::from_ptr(std::ptr::addr_of!((*obj).flags).cast_mut()) }.load(Ordering::Relaxed);
    if f & flags::PINNED != 0 {
        // SAFETY: as above.
        let id = unsafe { word(obj, ID_OFFSET) };
        PINNED_SEEN.with(|p| p.borrow_mut().push(id));
    }
}

/// # Safety
/// `obj` must be a live mock object with an id.
unsafe fn record_drop(obj: *mut Header) {
    // SAFETY: the collector calls drop hooks on objects it is freeing, which
    // are still intact.
    let id = unsafe { word(obj, ID_OFFSET) };
    DROPPED.with(|d| d.borrow_mut().push(id));
}

/// # Safety
/// `obj` must be a live Node (the collector calls this through its `TypeInfo`).
unsafe fn node_size(_obj: *const Header) -> usize {
    NODE_SIZE
}

/// # Safety
/// `obj` must be a live Node (the collector calls this through its `TypeInfo`).
unsafe fn node_trace(obj: *mut Header, tracer: &mut dyn Tracer) {
    // SAFETY: the collector traces live nodes only.
    unsafe { note_pinned(obj) };
    tracer.visit_range((obj as *mut u8).wrapping_add(NODE_FIELD0).cast(), NODE_FIELDS);
}

/// # Safety
/// `obj` must be a live Array (the collector calls this through its `TypeInfo`).
unsafe fn array_size(obj: *const Header) -> usize {
    // SAFETY: live array.
    ARRAY_ITEM0 + 8 * unsafe { word(obj, ARRAY_LEN) } as usize
}

/// # Safety
/// `obj` must be a live Array (the collector calls this through its `TypeInfo`).
unsafe fn array_trace(obj: *mut Header, tracer: &mut dyn Tracer) {
    // SAFETY: live array.
    let len = unsafe {
        note_pinned(obj);
        word(obj, ARRAY_LEN) as usize
    };
    tracer.visit_range((obj as *mut u8).wrapping_add(ARRAY_ITEM0).cast(), len);
}

/// # Safety
/// `obj` must be a live Leaf (the collector calls this through its `TypeInfo`).
unsafe fn leaf_size(_obj: *const Header) -> usize {
    LEAF_SIZE
}

/// # Safety
/// `obj` must be a live Leaf or Blob (the collector calls this through its `TypeInfo`).
unsafe fn no_trace(_obj: *mut Header, _tracer: &mut dyn Tracer) {}

/// # Safety
/// `obj` must be a live Blob (the collector calls this through its `TypeInfo`).
unsafe fn blob_size(obj: *const Header) -> usize {
    // SAFETY: live blob.
    32 + 8 * unsafe { word(obj, BLOB_WORDS) } as usize
}

pub static NODE: TypeInfo = TypeInfo {
    name: "Node",
    kind: KIND_NODE,
    has_refs: true,
    size_of: node_size,
    trace: node_trace,
    drop: Some(record_drop),
};

/// A Node without a drop hook: the same kind and layout as [`NODE`], but
/// eligible for inline (bump-pointer) allocation, which the VM never uses
/// for types with drop hooks.
pub static PLAIN_NODE: TypeInfo = TypeInfo {
    name: "PlainNode",
    kind: KIND_NODE,
    has_refs: true,
    size_of: node_size,
    trace: node_trace,
    drop: None,
};

pub static ARRAY: TypeInfo = TypeInfo {
    name: "Array",
    kind: KIND_ARRAY,
    has_refs: true,
    size_of: array_size,
    trace: array_trace,
    drop: Some(record_drop),
};

/// An Array without a drop hook: what a generational collector may keep as
/// a young large object (the VM's big item arrays have no drop hook).
pub static PLAIN_ARRAY: TypeInfo = TypeInfo {
    name: "PlainArray",
    kind: KIND_ARRAY,
    has_refs: true,
    size_of: array_size,
    trace: array_trace,
    drop: None,
};

pub static LEAF: TypeInfo = TypeInfo {
    name: "Leaf",
    kind: KIND_LEAF,
    has_refs: false,
    size_of: leaf_size,
    trace: no_trace,
    drop: Some(record_drop),
};

pub static BLOB: TypeInfo = TypeInfo {
    name: "Blob",
    kind: KIND_BLOB,
    has_refs: false,
    size_of: blob_size,
    trace: no_trace,
    drop: None,
};

/// Every type a mock object can have.
pub static TYPES: [&TypeInfo; 6] = [&NODE, &PLAIN_NODE, &ARRAY, &PLAIN_ARRAY, &LEAF, &BLOB];

/// The mock VM's roots: precise slots and conservative ranges the test
/// controls, plus optionally the real native stack from the current stack
/// pointer up to an address the test chooses.
#[derive(Default)]
pub struct MockRoots {
    pub slots: RefCell<Vec<u64>>,
    pub ranges: RefCell<Vec<(usize, usize)>>,
    pub stack_top: Cell<Option<usize>>,
    /// Weak slots (`RootSource::weak_roots`).
    pub weak: RefCell<Vec<u64>>,
}

impl RootSource for MockRoots {
    fn precise_roots(&self, tracer: &mut dyn Tracer) {
        let mut slots = self.slots.borrow_mut();
        let base = slots.as_mut_ptr();
        for i in 0..slots.len() {
            tracer.visit(base.wrapping_add(i));
        }
    }

    fn weak_roots(&self, visit: &mut dyn FnMut(*mut u64)) {
        for w in self.weak.borrow_mut().iter_mut() {
            visit(w);
        }
    }

    fn conservative_ranges(&self, visit: &mut dyn FnMut(*const u64, *const u64)) {
        for &(lo, hi) in self.ranges.borrow().iter() {
            visit(lo as *const u64, hi as *const u64);
        }
        if let Some(top) = self.stack_top.get() {
            visit(current_sp() as *const u64, top as *const u64);
        }
    }
}

/// A collector plus the mock roots, with safe accessors for mock objects.
pub struct MockVm {
    pub gc: Box<dyn GcPlugin>,
    pub roots: MockRoots,
}

impl MockVm {
    pub fn new(gc: Box<dyn GcPlugin>) -> MockVm {
        MockVm { gc, roots: MockRoots::default() }
    }

    fn alloc(&self, info: &'static TypeInfo, size: usize, id: u64) -> *mut Header {
        // SAFETY: mock sizes are multiples of 8, at least 32, and exactly what
        // `size_of` reports once the length word is written below.
        let obj = unsafe { self.gc.alloc(info, size, &self.roots) };
        assert!(!obj.is_null(), "out of memory allocating {} ({size} bytes)", info.name);
        // SAFETY: a fresh object of `size >= 32` bytes.
        unsafe { (obj as *mut u8).add(ID_OFFSET).cast::<u64>().write(id) };
        obj
    }

    pub fn alloc_node(&self, id: u64) -> *mut Header {
        self.alloc(&NODE, NODE_SIZE, id)
    }

    /// A [`PLAIN_NODE`] (no drop hook) through the plugin's `alloc`.
    pub fn alloc_plain_node(&self, id: u64) -> *mut Header {
        self.alloc(&PLAIN_NODE, NODE_SIZE, id)
    }

    /// Allocates `size` bytes of `info` through the plugin's published
    /// inline allocation path, exactly as the VM's `Heap::alloc` does: when
    /// the plugin publishes a cursor and limit, `size` is at most
    /// `max_inline_size`, the type has no drop hook and `cursor + size <=
    /// limit`, bump the cursor, zero the object and write its header.
    /// `None` when the VM would take the slow path instead. The caller
    /// fills in the id and any length word at once (`size_of` depends on
    /// it).
    pub fn try_alloc_inline(&self, info: &'static TypeInfo, size: usize) -> Option<*mut Header> {
        let fp = self.gc.fast_paths();
        if fp.bump_cursor.is_null() || fp.bump_limit.is_null() || size > fp.max_inline_size || info.drop.is_some() {
            return None;
        }
        // SAFETY: a plugin that publishes a cursor and limit keeps them valid
        // as long as it lives (`FastPaths`), and this thread is the only one
        // using the plugin. Memory below the limit from the cursor up is free
        // space the bump hands out, ours to write once the cursor moved past
        // it.
        unsafe {
            let p = *fp.bump_cursor;
            if p + size > *fp.bump_limit {
                return None;
            }
            *fp.bump_cursor = p + size;
            std::ptr::write_bytes(p as *mut u8, 0, size);
            let h = p as *mut Header;
            (*h).info = info;
            (*h).flags = fp.initial_flags;
            Some(h)
        }
    }

    /// A [`PLAIN_NODE`] through the inline path if it is available, else
    /// `alloc`; also says whether the inline path took it.
    pub fn alloc_plain_node_vm(&self, id: u64) -> (*mut Header, bool) {
        match self.try_alloc_inline(&PLAIN_NODE, NODE_SIZE) {
            Some(obj) => {
                // SAFETY: a fresh zeroed node of NODE_SIZE bytes.
                unsafe { (obj as *mut u8).add(ID_OFFSET).cast::<u64>().write(id) };
                (obj, true)
            }
            None => (self.alloc_plain_node(id), false),
        }
    }

    /// A Blob through the inline path if it is available (a Blob has no
    /// drop hook), else `alloc`; also says whether the inline path took it.
    pub fn alloc_blob_vm(&self, id: u64, words: usize) -> (*mut Header, bool) {
        match self.try_alloc_inline(&BLOB, 32 + 8 * words) {
            Some(obj) => {
                // SAFETY: a fresh zeroed blob of 32 + 8*words bytes.
                unsafe {
                    (obj as *mut u8).add(ID_OFFSET).cast::<u64>().write(id);
                    (obj as *mut u8).add(BLOB_WORDS).cast::<u64>().write(words as u64);
                }
                (obj, true)
            }
            None => (self.alloc_blob(id, words), false),
        }
    }

    pub fn alloc_leaf(&self, id: u64) -> *mut Header {
        self.alloc(&LEAF, LEAF_SIZE, id)
    }

    pub fn alloc_array(&self, id: u64, len: usize) -> *mut Header {
        self.alloc_array_of(&ARRAY, id, len)
    }

    /// An array of [`PLAIN_ARRAY`] (no drop hook).
    pub fn alloc_plain_array(&self, id: u64, len: usize) -> *mut Header {
        self.alloc_array_of(&PLAIN_ARRAY, id, len)
    }

    fn alloc_array_of(&self, info: &'static TypeInfo, id: u64, len: usize) -> *mut Header {
        let obj = self.alloc(info, ARRAY_ITEM0 + 8 * len, id);
        // SAFETY: fresh array of 32 + 8*len bytes.
        unsafe { (obj as *mut u8).add(ARRAY_LEN).cast::<u64>().write(len as u64) };
        obj
    }

    pub fn alloc_blob(&self, id: u64, words: usize) -> *mut Header {
        let obj = self.alloc(&BLOB, 32 + 8 * words, id);
        // SAFETY: fresh blob of 32 + 8*words bytes.
        unsafe { (obj as *mut u8).add(BLOB_WORDS).cast::<u64>().write(words as u64) };
        obj
    }

    /// Whether `obj` is a live object of the collector's heap
    /// (`is_heap_object`) whose type word is one of the mock's [`TYPES`].
    /// A plugin's `is_heap_object` may be best effort for freed objects
    /// (boehm's); the type check keeps the accessors from calling through
    /// the stale type word of one that it accepts.
    pub fn is_live(&self, obj: *const Header) -> bool {
        if !self.gc.is_heap_object(obj as usize) {
            return false;
        }
        // SAFETY: `is_heap_object` says `obj` starts an object of the heap,
        // so its header's first word is readable. It is read as a raw
        // pointer and only compared, never followed.
        let info = unsafe { std::ptr::addr_of!((*obj).info).read() };
        TYPES.iter().any(|&t| std::ptr::eq(t, info))
    }

    /// Panics unless `obj` is a live mock object of the collector's heap
    /// ([`MockVm::is_live`]).
    #[track_caller]
    pub fn check_live(&self, obj: *const Header) {
        assert!(self.is_live(obj), "{:#x} is not a live heap object", obj as usize);
    }

    #[track_caller]
    fn read(&self, obj: *const Header, offset: usize) -> u64 {
        self.check_live(obj);
        assert!(offset + 8 <= self.size(obj));
        // SAFETY: checked live and in bounds just above.
        unsafe { word(obj, offset) }
    }

    #[track_caller]
    pub fn info(&self, obj: *const Header) -> &'static TypeInfo {
        self.check_live(obj);
        // SAFETY: live object.
        unsafe { TypeInfo::of(obj) }
    }

    #[track_caller]
    pub fn size(&self, obj: *const Header) -> usize {
        let info = self.info(obj);
        // SAFETY: live object of type `info`.
        unsafe { (info.size_of)(obj) }
    }

    #[track_caller]
    pub fn id(&self, obj: *const Header) -> u64 {
        self.read(obj, ID_OFFSET)
    }

    #[track_caller]
    pub fn kind(&self, obj: *const Header) -> u32 {
        self.info(obj).kind
    }

    #[track_caller]
    pub fn flags(&self, obj: *const Header) -> usize {
        self.check_live(obj);
        // SAFETY: live object.
        unsafe { (*obj).flags }
    }

    /// Number of reference fields of a mock object.
    #[track_caller]
    pub fn nfields(&self, obj: *const Header) -> usize {
        match self.kind(obj) {
            KIND_NODE => NODE_FIELDS,
            KIND_ARRAY => self.read(obj, ARRAY_LEN) as usize,
            _ => 0,
        }
    }

    #[track_caller]
    fn field_offset(&self, obj: *const Header, i: usize) -> usize {
        let n = self.nfields(obj);
        assert!(i < n, "field {i} of an object with {n} fields");
        match self.kind(obj) {
            KIND_NODE => NODE_FIELD0 + 8 * i,
            _ => ARRAY_ITEM0 + 8 * i,
        }
    }

    /// The address of field `i` of `obj` (for [`MockVm::barrier_slot`]).
    #[track_caller]
    pub fn field_slot(&self, obj: *mut Header, i: usize) -> *mut u64 {
        (obj as *mut u8).wrapping_add(self.field_offset(obj, i)).cast()
    }

    /// The raw word in field `i`.
    #[track_caller]
    pub fn field(&self, obj: *const Header, i: usize) -> u64 {
        let off = self.field_offset(obj, i);
        self.read(obj, off)
    }

    /// All reference fields' raw words (one liveness check for all).
    #[track_caller]
    pub fn fields(&self, obj: *const Header) -> Vec<u64> {
        let n = self.nfields(obj);
        let first = if self.kind(obj) == KIND_NODE { NODE_FIELD0 } else { ARRAY_ITEM0 };
        // SAFETY: `nfields` checked that `obj` is live; its fields are the
        // `n` words from `first`, inside the object.
        (0..n).map(|i| unsafe { word(obj, first + 8 * i) }).collect()
    }

    /// Stores `target` (null or a live object) into field `i`.
    #[track_caller]
    pub fn set_field(&self, obj: *mut Header, i: usize, target: *mut Header) {
        if !target.is_null() {
            self.check_live(target);
        }
        self.set_field_raw(obj, i, target as u64);
    }

    /// Stores any word into field `i` (to build corrupt heaps on purpose),
    /// then, if it is a reference, runs the write barrier for that slot as
    /// the VM's `heap::store` does (see [`MockVm::barrier_slot`]).
    #[track_caller]
    pub fn set_field_raw(&self, obj: *mut Header, i: usize, value: u64) {
        self.set_field_without_barrier(obj, i, value);
        if skiff_gc::is_reference_word(value) {
            let off = self.field_offset(obj, i);
            self.barrier_slot(obj, (obj as *mut u8).wrapping_add(off).cast());
        }
    }

    /// Stores any word into field `i` and skips the write barrier: an
    /// initialising store, or a VM bug on purpose.
    #[track_caller]
    pub fn set_field_without_barrier(&self, obj: *mut Header, i: usize, value: u64) {
        let off = self.field_offset(obj, i);
        // SAFETY: `field_offset` checked that `obj` is live and the field is
        // inside it.
        unsafe { (obj as *mut u8).add(off).cast::<u64>().write(value) };
    }

    /// The write barrier after a reference store into `obj` whose slot is
    /// not known, as the VM's `heap::barrier` runs it: calls
    /// `write_barrier_slow(obj)` when `obj`'s flags have a bit of the
    /// published barrier's mask. Returns whether the slow path ran.
    #[track_caller]
    pub fn barrier(&self, obj: *mut Header) -> bool {
        let mask = self.gc.fast_paths().barrier.mask();
        if mask == 0 || self.flags(obj) & mask == 0 {
            return false;
        }
        // SAFETY: `flags` checked that `obj` is live.
        unsafe { self.gc.write_barrier_slow(obj) };
        true
    }

    /// The write barrier after a reference store into the slot `slot` of
    /// `obj`, as the VM's `heap::store` runs it: when `obj`'s flags have a
    /// bit of the published barrier's mask, marks the slot's card inline if
    /// `obj` is carded and listed (`Barrier::HeaderFlagCards`), and
    /// otherwise calls `write_barrier_slot_slow(obj, slot)`. Returns whether
    /// the slow path ran.
    #[track_caller]
    pub fn barrier_slot(&self, obj: *mut Header, slot: *mut u64) -> bool {
        let barrier = self.gc.fast_paths().barrier;
        let mask = barrier.mask();
        let flags = self.flags(obj);
        if mask == 0 || flags & mask == 0 {
            return false;
        }
        let off = slot as usize - obj as usize;
        assert!(off >= 16 && off + 8 <= self.size(obj), "slot +{off} outside the object");
        if let Barrier::HeaderFlagCards { card_flag, card_shift, cards_set, .. } = barrier {
            if flags & card_flag != 0 {
                // SAFETY: a carded object has a byte per card right before
                // its header (the published barrier's contract).
                unsafe { (obj as *mut u8).sub(1 + (off >> card_shift)).write(1) };
                if flags & cards_set != 0 {
                    return false;
                }
            }
        }
        // SAFETY: `flags` checked that `obj` is live; `slot` lies in its body.
        unsafe { self.gc.write_barrier_slot_slow(obj, slot) };
        true
    }

    /// Roots `obj` in a new precise slot; returns the slot's index.
    pub fn push_root(&self, obj: *mut Header) -> usize {
        let mut slots = self.roots.slots.borrow_mut();
        slots.push(obj as u64);
        slots.len() - 1
    }

    pub fn root(&self, i: usize) -> *mut Header {
        self.roots.slots.borrow()[i] as *mut Header
    }

    pub fn set_root(&self, i: usize, obj: *mut Header) {
        self.roots.slots.borrow_mut()[i] = obj as u64;
    }

    /// Removes root slot `i`, moving the last slot into its place.
    pub fn swap_remove_root(&self, i: usize) {
        self.roots.slots.borrow_mut().swap_remove(i);
    }

    pub fn root_count(&self) -> usize {
        self.roots.slots.borrow().len()
    }

    pub fn clear_roots(&self) {
        self.roots.slots.borrow_mut().clear();
    }

    /// Scans the words of `buf` conservatively in every collection until
    /// [`clear_ranges`](Self::clear_ranges). `buf` must outlive that.
    pub fn add_range(&self, buf: &[u64]) {
        let lo = buf.as_ptr() as usize;
        self.roots.ranges.borrow_mut().push((lo, lo + 8 * buf.len()));
    }

    pub fn clear_ranges(&self) {
        self.roots.ranges.borrow_mut().clear();
    }

    /// A full collection.
    pub fn collect(&self) {
        self.gc.collect(CollectKind::Full, &self.roots);
    }

    /// A young-generation collection (a full one for plugins without
    /// generations).
    pub fn collect_minor(&self) {
        self.gc.collect(CollectKind::Minor, &self.roots);
    }

    pub fn register_finalizer(&self, obj: *mut Header) {
        self.check_live(obj);
        // SAFETY: live object of this heap.
        unsafe { self.gc.register_finalizer(obj) };
    }

    pub fn unregister_finalizer(&self, obj: *mut Header) {
        self.check_live(obj);
        // SAFETY: live object of this heap.
        unsafe { self.gc.unregister_finalizer(obj) };
    }

    pub fn pop_finalizable(&self) -> Option<*mut Header> {
        self.gc.pop_finalizable()
    }

    pub fn stats(&self) -> GcStats {
        self.gc.stats()
    }
}

/// splitmix64: a small deterministic PRNG for randomized tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`%.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
