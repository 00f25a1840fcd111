//! The generational plugin driven by the mock VM: the published fast paths,
//! inline allocation, minor collections that move young objects, pinning
//! and islands, the write barrier and its verifier, stable addresses,
//! finalization, stress mode and statistics.
//!
//! The collector moves young objects, so these tests keep objects in the
//! mock's precise root slots (which minor collections rewrite) or in fields
//! of rooted objects, and re-read them after every allocation or collection.
//! A raw address is kept across a collection only for objects that cannot
//! move (old ones, and pinned ones), or to check that a moved object's old
//! address is no longer an object.

#[path = "../../tests/mock_vm/mod.rs"]
mod mock_vm;

use std::collections::HashSet;
use std::ops::Deref;
use std::panic::{catch_unwind, AssertUnwindSafe};

use mock_vm::{take_dropped, take_pinned_seen, MockVm, LEAF_SIZE, NODE_FIELD0, NODE_SIZE};
use skiff_gc::{flags, GcConfig, GcParams, Header};
use skiff_gc_generational::{Generational, CARDED, ISLAND, MAX_YOUNG, YOUNG_LARGE};

/// The nursery's smallest size (the plugin rounds smaller ones up) and its
/// rounding unit.
const MIN_NURSERY: usize = 64 * 1024;
const CARD: usize = 4096;

/// A mock VM over a fresh generational plugin, plus the nursery's address
/// range (the nursery starts where the first bump cursor points).
struct Setup {
    vm: MockVm,
    lo: usize,
    hi: usize,
}

impl Deref for Setup {
    type Target = MockVm;
    fn deref(&self) -> &MockVm {
        &self.vm
    }
}

impl Setup {
    /// Whether `obj` lies in the nursery (young, or an island).
    fn in_nursery(&self, obj: *const Header) -> bool {
        (self.lo..self.hi).contains(&(obj as usize))
    }

    /// The published bump cursor and limit.
    fn cursor_limit(&self) -> (usize, usize) {
        let fp = self.gc.fast_paths();
        // SAFETY: the plugin publishes a cursor and a limit that stay valid
        // while it lives (`FastPaths`); this thread is its only user.
        unsafe { (*fp.bump_cursor, *fp.bump_limit) }
    }

    fn stable_address(&self, obj: *mut Header) -> usize {
        self.check_live(obj);
        // SAFETY: checked live just above.
        unsafe { self.gc.stable_address(obj) }
    }

    /// Allocates and roots a node; returns its root slot.
    fn rooted_node(&self, id: u64) -> usize {
        let n = self.alloc_node(id);
        self.push_root(n)
    }
}

fn setup_with(config: GcConfig, params: GcParams) -> Setup {
    take_dropped();
    take_pinned_seen();
    let vm = MockVm::new(Box::new(Generational::with_params(config, params)));
    let fp = vm.gc.fast_paths();
    assert!(!fp.bump_cursor.is_null());
    // SAFETY: published by the live plugin (see `Setup::cursor_limit`).
    let lo = unsafe { *fp.bump_cursor };
    let size = (params.nursery_size as usize).max(MIN_NURSERY).div_ceil(CARD) * CARD;
    Setup { vm, lo, hi: lo + size }
}

/// Verifier on, default parameters (a 4 MiB nursery: no collection runs
/// unless a test asks for one).
fn setup() -> Setup {
    setup_with(GcConfig { stress: None, verify: true }, GcParams::default())
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

#[test]
fn name_and_fast_paths() {
    let s = setup();
    assert_eq!(s.gc.name(), "generational");
    let fp = s.gc.fast_paths();
    assert!(!fp.bump_cursor.is_null() && !fp.bump_limit.is_null(), "an inline allocation path is published");
    assert_eq!(fp.max_inline_size, MAX_YOUNG);
    assert!(fp.max_inline_size > 0);
    let vm_owned = flags::MARK | flags::FINALIZER | flags::FINALIZED | flags::PINNED | flags::BARRIER;
    assert_eq!(fp.initial_flags & vm_owned, 0, "young objects start without the barrier flag");
    assert_eq!(fp.barrier.mask(), flags::BARRIER, "a header-flag barrier on flags::BARRIER: {:?}", fp.barrier);
    let (cursor, limit) = s.cursor_limit();
    assert_eq!(cursor, s.lo);
    assert_eq!(cursor % 8, 0);
    assert!(limit > cursor, "room to allocate inline: cursor {cursor:#x}, limit {limit:#x}");
    assert!(limit <= (cursor | (CARD - 1)) + 1, "the limit never crosses a card");
    // The same addresses every time: the VM caches them once.
    let again = s.gc.fast_paths();
    assert_eq!((again.bump_cursor, again.bump_limit), (fp.bump_cursor, fp.bump_limit));

    // Under stress every allocation takes the slow path: the limit is 0.
    let st = setup_with(GcConfig { stress: Some(3), verify: true }, GcParams::default());
    assert_eq!(st.cursor_limit().1, 0);
    assert!(st.try_alloc_inline(&mock_vm::BLOB, 32).is_none());
}

#[test]
fn inline_allocation_interoperates_with_the_slow_path() {
    let s = setup();
    let (mut inline, mut slow, mut refused) = (0, 0, 0);
    let mut end = s.lo;
    // Plain nodes and blobs inline when the limit allows, nodes with drop
    // hooks always through `alloc`. The nursery is one free segment, so
    // whichever path takes an object, it starts where the previous ended.
    for i in 0..3000u64 {
        let (obj, fast) = match i % 3 {
            0 => s.alloc_plain_node_vm(i),
            1 => s.alloc_blob_vm(i, (i % 7) as usize),
            _ => (s.alloc_node(i), false),
        };
        if fast {
            inline += 1;
        } else {
            slow += 1;
            refused += (i % 3 != 2) as usize;
        }
        assert_eq!(obj as usize, end, "object {i} is not where the bump cursor was");
        end = obj as usize + s.size(obj);
        assert_eq!(s.cursor_limit().0, end, "object {i}: the published cursor follows both paths");
        s.push_root(obj);
    }
    assert_eq!(s.stats().collections, 0);
    // 3000 objects of 32 to 88 bytes cross dozens of cards: a crossing
    // sends the inline path to `alloc`.
    assert!(inline > 1500 && slow > 1000 && refused > 5, "inline {inline}, slow {slow}, refused {refused}");
    assert_eq!(s.stats().objects_allocated, slow as u64, "objects_allocated counts the slow path");
    // Objects allocated inline are found like the others, interior
    // addresses are not objects.
    for i in 0..s.root_count() {
        let obj = s.root(i);
        assert_eq!(s.id(obj), i as u64);
        assert!(!s.gc.is_heap_object(obj as usize + 8));
    }
    // Link some: inline-allocated nodes are ordinary objects.
    for i in (0..3000).step_by(3) {
        s.set_field(s.root(i), 0, s.root(i + 1));
    }
    let before: Vec<*mut Header> = (0..s.root_count()).map(|i| s.root(i)).collect();
    s.collect_minor();
    assert!(take_dropped().is_empty());
    for (i, &old) in before.iter().enumerate() {
        let obj = s.root(i);
        assert_ne!(obj, old, "object {i} was copied");
        assert!(!s.in_nursery(obj));
        assert_eq!(s.id(obj), i as u64);
        match i % 3 {
            0 => assert_eq!(s.field(obj, 0), s.root(i + 1) as u64, "node {i}'s field follows the copy"),
            1 => assert_eq!(s.size(obj), 32 + 8 * (i % 7)),
            _ => {}
        }
    }
    // After the collection the inline path starts over from the nursery's
    // start.
    assert_eq!(s.cursor_limit().0, s.lo);
    let (obj, fast) = s.alloc_blob_vm(99_999, 2);
    assert!(fast);
    assert_eq!(obj as usize, s.lo);
}

#[test]
fn objects_up_to_max_young_are_young_and_larger_ones_old() {
    let s = setup();
    let words = (MAX_YOUNG - 32) / 8;
    let young = s.alloc_blob(1, words);
    assert_eq!(s.size(young), MAX_YOUNG);
    s.push_root(young);
    let old = s.alloc_blob(2, words + 1);
    s.push_root(old);
    assert!(s.try_alloc_inline(&mock_vm::BLOB, MAX_YOUNG + 8).is_none(), "over max_inline_size");
    assert!(s.in_nursery(young));
    assert!(!s.in_nursery(old), "an object over MAX_YOUNG is allocated old");
    s.collect_minor();
    assert_ne!(s.root(0), young, "the young blob was copied");
    assert_eq!(s.root(1), old, "the old blob does not move");
    assert_eq!((s.id(s.root(0)), s.id(s.root(1))), (1, 2));
    assert_eq!(s.size(s.root(1)), MAX_YOUNG + 8);
}

#[test]
fn large_objects_are_born_remembered_and_initialising_stores_need_no_barrier() {
    let s = setup();
    let leaf = s.alloc_leaf(1);
    s.push_root(leaf);
    // 32 + 8 * 1100 bytes > MAX_YOUNG: allocated old.
    let big = s.alloc_array(2, 1100);
    s.push_root(big);
    assert!(!s.in_nursery(big));
    // An initialising store, right after `alloc` returned: no barrier.
    s.set_field_without_barrier(big, 1050, s.root(0) as u64);
    s.collect_minor();
    assert_eq!(s.root(1), big, "old objects do not move");
    let leaf1 = s.root(0);
    assert_ne!(leaf1, leaf);
    assert_eq!(s.field(big, 1050), leaf1 as u64, "the old object's slot follows the copied leaf");
    assert_eq!(s.id(leaf1), 1);
    assert!(take_dropped().is_empty());
    assert_ne!(s.flags(big) & flags::BARRIER, 0, "after a minor collection the barrier is armed");
    // Later stores go through the barrier (with the slot, as the VM does).
    for (slot, id) in [(3, 10), (700, 11), (1099, 12)] {
        let y = s.alloc_leaf(id);
        s.set_field(big, slot, y);
    }
    s.collect_minor();
    for (slot, id) in [(3, 10), (700, 11), (1099, 12)] {
        let y = s.field(big, slot) as *mut Header;
        assert!(!s.in_nursery(y));
        assert_eq!(s.id(y), id);
    }
    assert!(take_dropped().is_empty());
}

#[test]
fn a_minor_collection_moves_survivors_and_frees_the_young_dead() {
    let s = setup();
    // root -> a: a.0 -> b (leaf), a.1 -> c (array), c.0 -> a (a cycle).
    let r = s.rooted_node(1);
    let b = s.alloc_leaf(2);
    s.set_field(s.root(r), 0, b);
    let c = s.alloc_array(3, 2);
    s.set_field(s.root(r), 1, c);
    s.set_field(c, 0, s.root(r));
    // Garbage, some of it pointing at survivors.
    let g = s.alloc_node(10);
    s.set_field(g, 0, s.root(r));
    s.alloc_leaf(11);
    let ga = s.alloc_array(12, 1);
    s.set_field(ga, 0, c);
    s.alloc_blob(13, 3);
    let a0 = s.root(r);
    s.collect_minor();
    let a1 = s.root(r);
    assert_ne!(a1, a0, "the root slot was rewritten");
    assert!(!s.in_nursery(a1));
    assert!(!s.gc.is_heap_object(a0 as usize), "the young copy is gone");
    assert_eq!(s.id(a1), 1);
    let b1 = s.field(a1, 0) as *mut Header;
    let c1 = s.field(a1, 1) as *mut Header;
    assert!(b1 != b && c1 != c);
    assert_eq!((s.id(b1), s.id(c1)), (2, 3));
    assert_eq!(s.field(c1, 0), a1 as u64, "the cycle points at the copy");
    assert_eq!(s.field(a1, 2), 0);
    assert_eq!(sorted(take_dropped()), vec![10, 11, 12], "drop hooks of the young dead, and only theirs");
    let st = s.stats();
    assert_eq!((st.minor_collections, st.major_collections, st.collections), (1, 0, 1));
    assert_eq!(st.bytes_promoted, (NODE_SIZE + LEAF_SIZE + 48) as u64);

    // Promoted objects are old: they do not move again, and a minor
    // collection does not free them.
    s.collect_minor();
    assert_eq!(s.root(r), a1);
    s.clear_roots();
    s.collect_minor();
    assert!(take_dropped().is_empty(), "minor collections leave the old generation alone");
    s.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
    s.collect();
    s.collect_minor();
    assert!(take_dropped().is_empty(), "each drop hook runs once");
}

#[test]
fn deep_young_structures_are_copied_without_recursion() {
    // A young list of 300,000 nodes (14 MiB) copied by one minor collection:
    // the copying tracer must use an explicit stack.
    let s = setup_with(GcConfig::default(), GcParams { nursery_size: 32 << 20, ..GcParams::default() });
    // Garbage first, until cycles use the whole nursery (the budget starts
    // at an eighth of it and grows while little survives).
    let mut last = s.stats().minor_collections;
    let mut run = 0usize;
    while run < (30 << 20) / NODE_SIZE {
        s.alloc_plain_node(0);
        run += 1;
        if s.stats().minor_collections != last {
            last = s.stats().minor_collections;
            run = 0;
        }
    }
    s.collect_minor();
    let before = s.stats().collections;
    const N: u64 = 300_000;
    let slot = s.push_root(std::ptr::null_mut());
    for id in 1..=N {
        let n = s.alloc_plain_node(id);
        s.set_field(n, 0, s.root(slot));
        s.set_root(slot, n);
    }
    assert_eq!(s.stats().collections, before, "the whole list is young");
    s.collect_minor();
    let mut p = s.root(slot);
    let mut n = 0;
    while !p.is_null() {
        assert_eq!(s.id(p), N - n);
        assert!(!s.in_nursery(p));
        n += 1;
        p = s.field(p, 0) as *mut Header;
    }
    assert_eq!(n, N);
}

#[test]
fn conservatively_referenced_objects_are_pinned_in_place_and_become_islands() {
    let s = setup();
    let mut buf = vec![0u64; 5];
    s.add_range(&buf);
    // p (pinned through an interior pointer) -> q (leaf), r (node) -> r2.
    let p = s.alloc_node(1);
    let q = s.alloc_leaf(2);
    s.set_field(p, 0, q);
    let r = s.alloc_node(3);
    s.set_field(p, 1, r);
    let r2 = s.alloc_leaf(4);
    s.set_field(r, 0, r2);
    // e: pinned by its start and also held by a precise root.
    let e = s.alloc_array(5, 3);
    s.push_root(e);
    // t: pinned through a pointer to its last byte.
    let t = s.alloc_leaf(6);
    s.alloc_node(7); // garbage
    buf[0] = p as u64 + 30;
    buf[1] = e as u64;
    buf[2] = t as u64 + LEAF_SIZE as u64 - 1;
    buf[3] = s.cursor_limit().0 as u64 + 64; // free nursery memory: nothing
    buf[4] = s.hi as u64 - 8; // ditto
    let pinned_before = s.stats().pinned_objects;
    s.collect_minor();
    assert_eq!(take_dropped(), vec![7]);
    assert_eq!(sorted(take_pinned_seen()), vec![1, 5], "pinned objects are traced while flagged PINNED");
    assert_eq!(s.stats().pinned_objects - pinned_before, 3);
    assert_eq!(s.root(0), e, "a root slot of a pinned object keeps the address");
    for (obj, id) in [(p, 1), (e, 5), (t, 6)] {
        assert_eq!(s.id(obj), id, "pinned object {id} stayed where it was");
        let f = s.flags(obj);
        assert_ne!(f & ISLAND, 0, "pinned object {id} is an island now: {f:#x}");
        assert_ne!(f & flags::BARRIER, 0, "island {id} is old: the barrier is armed");
        assert_eq!(f & (flags::PINNED | flags::MARK), 0, "island {id}: {f:#x}");
        assert_eq!(s.stable_address(obj), obj as usize, "an island's identity is its address");
    }
    // Its referents were copied and the island's slots updated.
    let q1 = s.field(p, 0) as *mut Header;
    let r1 = s.field(p, 1) as *mut Header;
    assert!(q1 != q && r1 != r && !s.in_nursery(q1) && !s.in_nursery(r1));
    assert_eq!((s.id(q1), s.id(r1), s.id(s.field(r1, 0) as *const Header)), (2, 3, 4));
    assert!(!s.gc.is_heap_object(q as usize));
    // Those two words point into memory that new objects will occupy.
    buf[3] = 0;
    buf[4] = 0;

    // New young objects are allocated around the islands.
    let islands = [(p as usize, NODE_SIZE), (e as usize, 56), (t as usize, LEAF_SIZE)];
    let keep = s.push_root(std::ptr::null_mut());
    for id in 100..400 {
        let n = s.alloc_node(id);
        let a = n as usize;
        assert!(s.in_nursery(n));
        for &(start, size) in &islands {
            assert!(a + NODE_SIZE <= start || a >= start + size, "node {id} at {a:#x} overlaps the island at {start:#x}");
        }
        s.set_field(n, 0, s.root(keep));
        s.set_root(keep, n);
    }
    // Islands survive further minor collections while referenced, without
    // being pinned again.
    for round in 0..3 {
        s.alloc_leaf(1000 + round);
        s.collect_minor();
        assert_eq!(take_dropped(), vec![1000 + round]);
        assert_eq!((s.id(p), s.id(e), s.id(t)), (1, 5, 6));
    }
    assert_eq!(s.stats().pinned_objects - pinned_before, 3, "islands are old: minor collections do not pin them again");
    // A store into an island goes through the barrier like any old object.
    let y = s.alloc_leaf(8);
    s.set_field(p, 2, y);
    assert_eq!(s.flags(p) & flags::BARRIER, 0, "the island was remembered");
    s.collect_minor();
    let y1 = s.field(p, 2) as *mut Header;
    assert!(y1 != y && s.id(y1) == 8);
    assert!(take_dropped().is_empty());

    // Unreferenced islands are old garbage: a minor collection keeps them, a
    // full one frees them.
    buf.iter_mut().for_each(|w| *w = 0);
    s.clear_roots();
    s.collect_minor();
    assert!(take_dropped().is_empty());
    assert!(s.gc.is_heap_object(p as usize));
    s.collect();
    let mut want: Vec<u64> = vec![1, 2, 3, 4, 5, 6, 8];
    want.extend(100..400);
    assert_eq!(sorted(take_dropped()), want);
    for obj in [p, e, t] {
        assert!(!s.gc.is_heap_object(obj as usize));
    }
    // Their memory is the nursery's again: p was its first object.
    assert_eq!(p as usize, s.lo);
    let n = s.alloc_node(500);
    assert_eq!(n, p, "the freed island's space is allocated again");
    s.clear_ranges();
}

#[test]
fn pinned_objects_allocated_inline_are_found_through_the_scan_starts() {
    let s = setup();
    let mut buf = vec![0u64; 16];
    s.add_range(&buf);
    // Several cards of inline allocations with a few slow-path ones; pin
    // objects in the middle of cards (the verifier compares each lookup with
    // a walk from the nursery's start).
    let mut pins = Vec::new();
    for i in 0..2000u64 {
        let (obj, _) = if i % 50 == 49 { (s.alloc_node(i), false) } else { s.alloc_blob_vm(i, (i % 5) as usize) };
        if i % 131 == 7 && pins.len() < buf.len() {
            buf[pins.len()] = obj as u64 + 16 + (i % 13);
            pins.push((obj, i));
        }
    }
    s.collect_minor();
    for &(obj, id) in &pins {
        assert_eq!(s.id(obj), id);
        assert_ne!(s.flags(obj) & ISLAND, 0);
    }
    assert_eq!(s.stats().pinned_objects, pins.len() as u64);
    buf.iter_mut().for_each(|w| *w = 0);
    s.collect();
    for &(obj, _) in &pins {
        assert!(!s.gc.is_heap_object(obj as usize));
    }
    s.clear_ranges();
}

#[test]
fn promoted_objects_are_old_and_remembered_stores_keep_young_objects() {
    let s = setup();
    let r = s.rooted_node(1);
    assert_eq!(s.flags(s.root(r)) & flags::BARRIER, 0, "a young object has no barrier flag");
    // Stores into young objects need no barrier call.
    let x = s.alloc_leaf(9);
    assert!(!s.barrier(s.root(r)));
    s.set_field(s.root(r), 1, x);
    s.collect_minor();
    let a = s.root(r);
    assert_ne!(s.flags(a) & flags::BARRIER, 0, "promoted objects carry flags::BARRIER");
    // A young object stored into the old one, with the barrier.
    let y = s.alloc_leaf(2);
    s.set_field(a, 0, y);
    assert_eq!(s.flags(a) & flags::BARRIER, 0, "the slow path cleared the flag (remembered)");
    // Further stores into a remembered object need no slow path.
    let z = s.alloc_node(3);
    assert!(!s.barrier(a));
    s.set_field_without_barrier(a, 2, z as u64);
    s.collect_minor();
    assert_eq!(s.root(r), a);
    let y1 = s.field(a, 0) as *mut Header;
    let z1 = s.field(a, 2) as *mut Header;
    assert!(y1 != y && z1 != z && !s.in_nursery(y1) && !s.in_nursery(z1));
    assert_eq!((s.id(y1), s.id(z1)), (2, 3));
    assert!(take_dropped().is_empty());
    assert_ne!(s.flags(a) & flags::BARRIER, 0, "re-armed by the minor collection");
    // The remembered set is empty again: a remembered object that is
    // overwritten keeps nothing young alive.
    let w = s.alloc_leaf(4);
    s.set_field(a, 0, w);
    s.set_field(a, 0, std::ptr::null_mut());
    s.collect_minor();
    assert_eq!(take_dropped(), vec![4]);
}

#[test]
fn a_store_without_the_barrier_fails_verification_before_the_next_minor_collection() {
    let s = setup();
    let r = s.rooted_node(1);
    s.collect_minor();
    let a = s.root(r);
    let y = s.alloc_leaf(2);
    // A VM bug: a reference store into an old object without the barrier.
    s.set_field_without_barrier(a, 1, y as u64);
    let err = catch_unwind(AssertUnwindSafe(|| s.collect_minor())).expect_err("the missing barrier must be caught");
    let msg = err.downcast_ref::<String>().expect("a formatted panic message");
    assert!(msg.starts_with("generational: barrier verification failed before a minor collection: "), "{msg}");
    assert!(msg.contains("without having been remembered"), "{msg}");
    assert!(msg.contains(&format!("old object {a:p} (Node) holds young {y:p} (Leaf) at offset {}", NODE_FIELD0 + 8)), "{msg}");
    // The plugin is unusable after a panic in a collection; drop it.
}

#[test]
fn a_store_without_the_barrier_into_a_large_old_array_fails_verification() {
    let s = setup();
    let big = s.alloc_array(1, 2000);
    s.push_root(big);
    s.collect_minor();
    // Through the barrier (the VM passes the slot): fine.
    let y = s.alloc_leaf(2);
    s.set_field(big, 1500, y);
    s.collect_minor();
    assert_eq!(s.id(s.field(big, 1500) as *const Header), 2);
    // Without: caught.
    let z = s.alloc_leaf(3);
    s.set_field_without_barrier(big, 10, z as u64);
    let err = catch_unwind(AssertUnwindSafe(|| s.collect_minor())).expect_err("the missing barrier must be caught");
    let msg = err.downcast_ref::<String>().expect("a formatted panic message");
    assert!(msg.contains("barrier verification failed") && msg.contains(&format!("at offset {}", 32 + 8 * 10)), "{msg}");
}

/// `write_barrier_slow`'s precondition is only that `obj` is a live object
/// of the heap. A call for an object whose flag is clear (a young object)
/// must not change what survives: here the young object is garbage, and so
/// is everything it references.
#[test]
fn write_barrier_slow_on_a_young_object_keeps_nothing_alive() {
    let s = setup();
    let x = s.alloc_node(1);
    let y = s.alloc_leaf(2);
    s.set_field(x, 0, y);
    // SAFETY: `x` is a live object of the heap.
    unsafe { s.gc.write_barrier_slow(x) };
    s.collect_minor();
    assert_eq!(sorted(take_dropped()), vec![1, 2], "a young object is not a root because the barrier ran for it");
}

#[test]
fn stable_addresses_of_young_objects_are_their_future_addresses() {
    let s = setup();
    let mut buf = vec![0u64; 1];
    s.add_range(&buf);
    let r = s.rooted_node(1);
    let x = s.root(r);
    let id = s.stable_address(x);
    assert_ne!(id, x as usize, "a young object's identity is not its (temporary) address");
    assert!(!s.in_nursery(id as *const Header));
    assert_eq!(s.stable_address(x), id, "asked again");
    let old = s.alloc_array(2, 1100);
    s.push_root(old);
    assert!(!s.in_nursery(old));
    assert_eq!(s.stable_address(old), old as usize, "an old object's identity is its address");
    for k in 0..200u64 {
        let n = s.alloc_node(10 + k);
        s.push_root(n);
    }
    let ids: Vec<usize> = (0..s.root_count()).map(|i| s.stable_address(s.root(i))).collect();
    assert_eq!(ids[0], id);
    // Live objects never share one, and no object sits at another's.
    let distinct: HashSet<usize> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), ids.len(), "two live objects share an identity");
    for (i, &sid) in ids.iter().enumerate() {
        let a = s.root(i) as usize;
        assert!(a == sid || !distinct.contains(&a), "object {i} is at {a:#x}, another object's identity");
    }
    // Copied into the reserved blocks: each address is the identity now,
    // and stays so.
    s.collect_minor();
    assert_eq!(s.root(r) as usize, id, "the copy lands where the identity said");
    for round in 0..3 {
        s.alloc_leaf(1000 + round);
        if round == 1 {
            s.collect();
        } else {
            s.collect_minor();
        }
        for (i, &sid) in ids.iter().enumerate() {
            assert_eq!(s.root(i) as usize, sid, "round {round}: object {i} is not at its identity");
            assert_eq!(s.stable_address(s.root(i)), sid, "round {round}: object {i}'s identity changed");
        }
    }

    // An object pinned after its identity was taken keeps that identity, and
    // no other object is given it while it lives.
    let p = s.alloc_node(5000);
    let pid = s.stable_address(p);
    assert_ne!(pid, p as usize);
    buf[0] = p as u64;
    s.collect_minor();
    assert_ne!(s.flags(p) & ISLAND, 0);
    assert_eq!(s.stable_address(p), pid);
    let keep = s.push_root(std::ptr::null_mut());
    for k in 0..20_000u64 {
        let n = s.alloc_node(6000 + k);
        s.set_field(n, 0, s.root(keep));
        s.set_root(keep, n);
        if k % 5000 == 4999 {
            s.collect();
            assert_eq!(s.stable_address(p), pid);
        }
    }
    s.collect_minor();
    let mut q = s.root(keep);
    while !q.is_null() {
        assert_ne!(q as usize, pid, "object {} was given the pinned object's identity", s.id(q));
        assert_ne!(s.stable_address(q), pid);
        q = s.field(q, 0) as *mut Header;
    }
    assert_eq!(s.id(p), 5000);
    buf[0] = 0;
    s.collect();
    assert!(!s.gc.is_heap_object(p as usize));
    s.clear_ranges();
    take_dropped();
}

#[test]
fn a_dead_young_finalizable_object_is_queued_once_with_its_children() {
    let s = setup();
    let f = s.alloc_node(1);
    s.register_finalizer(f);
    s.register_finalizer(f); // at most once, but harmless
    let c = s.alloc_leaf(2);
    s.set_field(f, 0, c);
    let d = s.alloc_node(3);
    s.set_field(f, 1, d);
    s.alloc_node(4); // plain garbage
    s.collect_minor();
    assert_eq!(take_dropped(), vec![4], "the finalizable object and what it reaches are kept");
    // Collections before the VM takes it keep it and do not queue it again.
    s.collect_minor();
    s.collect();
    assert!(take_dropped().is_empty());
    let q = s.pop_finalizable().expect("queued by the minor collection");
    assert!(s.pop_finalizable().is_none(), "queued once");
    assert!(!s.in_nursery(q), "queued objects were copied out");
    assert_eq!(s.id(q), 1);
    assert_eq!(s.flags(q) & (flags::FINALIZER | flags::FINALIZED), flags::FINALIZED);
    let c1 = s.field(q, 0) as *mut Header;
    let d1 = s.field(q, 1) as *mut Header;
    assert_eq!((s.id(c1), s.id(d1)), (2, 3), "its children are readable");
    // Handed out, it is an ordinary object: garbage now.
    s.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
    assert!(s.pop_finalizable().is_none());
}

#[test]
fn finalizers_queued_counts_each_queued_object_once() {
    let s = setup();
    // Queued by a minor collection (young), then by a full one (old).
    let f = s.alloc_node(1);
    s.register_finalizer(f);
    s.collect_minor();
    assert_eq!(s.stats().finalizers_queued, 1, "one young object queued");
    let r = s.rooted_node(2);
    s.register_finalizer(s.root(r));
    s.collect_minor();
    s.clear_roots();
    s.collect();
    assert_eq!(s.stats().finalizers_queued, 2, "and one old object");
    assert!(s.pop_finalizable().is_some() && s.pop_finalizable().is_some() && s.pop_finalizable().is_none());
    s.collect();
    assert_eq!(s.stats().finalizers_queued, 2);
    take_dropped();
}

#[test]
fn a_surviving_young_finalizable_object_is_not_queued_until_it_dies_old() {
    let s = setup();
    let r = s.rooted_node(1);
    s.register_finalizer(s.root(r));
    s.collect_minor();
    assert!(s.pop_finalizable().is_none(), "reachable: not queued");
    let a = s.root(r);
    assert!(!s.in_nursery(a));
    assert_ne!(s.flags(a) & flags::FINALIZER, 0, "still registered after promotion");
    s.clear_roots();
    s.collect_minor();
    assert!(s.pop_finalizable().is_none(), "minor collections do not examine old objects");
    s.collect();
    assert_eq!(s.pop_finalizable(), Some(a));
    assert!(take_dropped().is_empty());
    s.collect();
    assert_eq!(take_dropped(), vec![1]);
}

#[test]
fn a_cancelled_registration_frees_the_object_at_once() {
    let s = setup();
    let u = s.alloc_node(1);
    s.register_finalizer(u);
    s.unregister_finalizer(u);
    assert_eq!(s.flags(u) & flags::FINALIZER, 0);
    // Cancelled and registered again: queued once.
    let v = s.alloc_node(2);
    s.register_finalizer(v);
    s.unregister_finalizer(v);
    s.register_finalizer(v);
    s.collect_minor();
    assert_eq!(take_dropped(), vec![1]);
    let q = s.pop_finalizable().expect("v is queued");
    assert_eq!(s.id(q), 2);
    assert!(s.pop_finalizable().is_none());
    // A surviving object whose registration is cancelled after promotion.
    let r = s.rooted_node(3);
    s.register_finalizer(s.root(r));
    s.collect_minor();
    s.unregister_finalizer(s.root(r));
    s.clear_roots();
    s.collect();
    assert!(s.pop_finalizable().is_none());
    assert_eq!(sorted(take_dropped()), vec![2, 3]);
}

#[test]
fn young_finalizable_cycle_members_are_queued_together() {
    let s = setup();
    let p = s.alloc_node(1);
    let q = s.alloc_node(2);
    s.set_field(p, 0, q);
    s.set_field(q, 0, p);
    let leaf = s.alloc_leaf(3);
    s.set_field(q, 1, leaf);
    s.register_finalizer(p);
    s.register_finalizer(q);
    s.collect_minor();
    let mut queued = vec![];
    while let Some(o) = s.pop_finalizable() {
        queued.push(s.id(o));
    }
    assert_eq!(sorted(queued), vec![1, 2], "both members in the same collection");
    assert!(take_dropped().is_empty());
    s.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
}

/// A full collection queues every registered object that is unreachable,
/// young or old, in that one collection, as mark-sweep does (and as the
/// crate docs promise: "all in the same collection, as in mark-sweep").
#[test]
fn a_full_collection_queues_young_and_old_finalizable_garbage_together() {
    let s = setup();
    // o and o2: old, registered.
    let r = s.rooted_node(1);
    s.register_finalizer(s.root(r));
    let r2 = s.rooted_node(3);
    s.register_finalizer(s.root(r2));
    s.collect_minor();
    let (o, o2) = (s.root(r), s.root(r2));
    assert!(!s.in_nursery(o) && !s.in_nursery(o2));
    // y: young, registered, y -> o.
    let y = s.alloc_node(2);
    s.register_finalizer(y);
    s.set_field(y, 0, o);
    // y2: young, registered, o2 -> y2 (through the barrier).
    let y2 = s.alloc_node(4);
    s.register_finalizer(y2);
    s.set_field(o2, 0, y2);
    s.clear_roots();
    s.collect();
    let mut queued = vec![];
    while let Some(q) = s.pop_finalizable() {
        queued.push(s.id(q));
    }
    assert_eq!(sorted(queued), vec![1, 2, 3, 4], "every unreachable registered object is queued by the full collection");
    assert!(take_dropped().is_empty());
}

#[test]
fn a_pinned_finalizable_object_is_queued_once_unreferenced() {
    let s = setup();
    let mut buf = vec![0u64; 1];
    s.add_range(&buf);
    let p = s.alloc_node(1);
    s.register_finalizer(p);
    let c = s.alloc_leaf(2);
    s.set_field(p, 0, c);
    buf[0] = p as u64 + 8;
    s.collect_minor();
    s.collect();
    assert!(s.pop_finalizable().is_none(), "conservatively referenced: alive");
    assert_ne!(s.flags(p) & ISLAND, 0);
    buf[0] = 0;
    s.collect();
    assert_eq!(s.pop_finalizable(), Some(p), "the island is queued where it is");
    assert!(take_dropped().is_empty());
    assert_eq!(s.id(s.field(p, 0) as *const Header), 2);
    s.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2]);
    s.clear_ranges();
}

#[test]
fn stress_mode_collects_every_n_slow_allocations_with_every_eighth_major() {
    let s = setup_with(GcConfig { stress: Some(10), verify: true }, GcParams::default());
    for i in 1..=80 {
        s.alloc_leaf(i);
    }
    let st = s.stats();
    assert_eq!((st.collections, st.minor_collections, st.major_collections), (8, 7, 1), "{st:?}");
    for i in 81..=160 {
        s.alloc_leaf(i);
    }
    let st = s.stats();
    assert_eq!((st.collections, st.minor_collections, st.major_collections), (16, 14, 2), "{st:?}");
    assert_eq!(st.minor_pauses.count(), 14);
    // The 16th collection ran before the 160th allocation.
    assert_eq!(sorted(take_dropped()), (1..160).collect::<Vec<u64>>());
    // Stress collections keep rooted data intact, moving it.
    let slot = s.rooted_node(1000);
    for i in 0..300u64 {
        let n = s.alloc_node(2000 + i);
        s.set_field(n, 0, s.field(s.root(slot), 0) as *mut Header);
        s.set_field(s.root(slot), 0, n);
    }
    assert_eq!(s.stats().collections, 16 + 30);
    let mut p = s.field(s.root(slot), 0) as *mut Header;
    let mut n = 0;
    while !p.is_null() {
        assert_eq!(s.id(p), 2000 + 299 - n);
        n += 1;
        p = s.field(p, 0) as *mut Header;
    }
    assert_eq!(n, 300);
    assert_eq!(take_dropped(), vec![160], "only the last leaf died since");
}

#[test]
fn statistics_count_minor_and_major_collections_promotion_and_pins() {
    let s = setup();
    let mut buf = vec![0u64; 8];
    s.add_range(&buf);
    let keep = s.push_root(std::ptr::null_mut());
    for round in 0..5u64 {
        for k in 0..100 {
            let n = s.alloc_node(round * 1000 + k);
            if k % 2 == 0 {
                s.set_field(n, 0, s.root(keep));
                s.set_root(keep, n);
            }
        }
        // One young object pinned per round.
        let p = s.alloc_leaf(round * 1000 + 999);
        buf[round as usize] = p as u64;
        s.collect_minor();
    }
    s.collect();
    s.collect_minor();
    s.collect();
    let st = s.stats();
    assert_eq!(st.minor_collections, 6, "{st:?}");
    assert_eq!(st.major_collections, 2, "{st:?}");
    assert_eq!(st.collections, 8);
    assert_eq!(st.pauses.count(), 8);
    assert_eq!(st.minor_pauses.count(), st.minor_collections, "every minor pause is in the histogram");
    assert!(st.pause_total_ns >= st.pause_max_ns && st.pause_max_ns > 0);
    assert_eq!(st.bytes_promoted, 5 * 50 * NODE_SIZE as u64, "the kept nodes, copied once each");
    assert_eq!(st.pinned_objects, 5);
    assert_eq!(st.objects_allocated, 5 * 101);
    assert!(st.heap_bytes >= (4 << 20) && st.peak_heap_bytes >= st.heap_bytes, "{st:?}");
    assert_eq!(st.finalizers_queued, 0);
    // Allocation-triggered collections are minor ones, with a major one when
    // the old generation grew enough.
    let small = setup_with(GcConfig::default(), GcParams { nursery_size: 64 * 1024, ..GcParams::default() });
    let keep = small.push_root(std::ptr::null_mut());
    for id in 0..200_000u64 {
        let n = small.alloc_node(id);
        if id % 2 == 0 {
            small.set_field(n, 0, small.root(keep));
            small.set_root(keep, n);
        }
    }
    let st = small.stats();
    assert!(st.minor_collections > 100, "{st:?}");
    assert!(st.major_collections >= 1, "{st:?}");
    assert_eq!(st.collections, st.minor_collections + st.major_collections);
    assert_eq!(st.minor_pauses.count(), st.minor_collections);
    assert!(st.bytes_promoted >= 95_000 * NODE_SIZE as u64, "{st:?}");
    buf.iter_mut().for_each(|w| *w = 0);
    s.clear_ranges();
    take_dropped();
}

#[test]
fn an_object_that_fits_no_free_segment_is_allocated_old() {
    let s = setup_with(GcConfig { stress: None, verify: true }, GcParams { nursery_size: 64 * 1024, ..GcParams::default() });
    let mut buf = vec![0u64; 16];
    s.add_range(&buf);
    // Islands every 5040 bytes: no free segment holds more than 5008.
    for k in 0..13 {
        let n = s.alloc_node(k);
        buf[k as usize] = n as u64;
        s.alloc_blob(100 + k, 620);
    }
    assert_eq!(s.stats().collections, 0);
    s.collect_minor();
    assert_eq!(s.stats().pinned_objects, 13);
    take_dropped();
    let leaf = s.alloc_leaf(1);
    s.push_root(leaf);
    // 32 + 8 * 780 bytes: young-sized but bigger than a card, and the rest
    // of the segment cannot hold it: it starts old, without abandoning the
    // segment or collecting.
    let a = s.alloc_array(2, 780);
    s.push_root(a);
    assert!(!s.in_nursery(a), "allocated old");
    assert_eq!(s.stats().collections, 1);
    let leaf1 = s.root(0);
    assert!(leaf1 == leaf && s.id(leaf1) == 1, "no collection moved the leaf");
    s.set_field(a, 0, leaf1);
    // It is an ordinary old object.
    let y = s.alloc_leaf(3);
    s.set_field(a, 700, y);
    s.collect_minor();
    assert_eq!(s.root(1), a, "an old object does not move");
    let y1 = s.field(a, 700) as *mut Header;
    assert!(y1 != y && s.id(y1) == 3);
    let leaf2 = s.field(a, 0) as *mut Header;
    assert!(leaf2 != leaf1 && s.id(leaf2) == 1, "the young leaf stored into the old array was copied and the slot updated");
    // Allocation continues.
    for id in 10..2000 {
        s.alloc_node(id);
    }
    buf.iter_mut().for_each(|w| *w = 0);
    s.clear_roots();
    s.collect();
    s.clear_ranges();
    take_dropped();
}

#[test]
fn dropping_the_plugin_runs_the_remaining_drop_hooks() {
    let s = setup();
    let mut buf = vec![0u64; 1];
    s.add_range(&buf);
    s.rooted_node(1); // old after the minor collection
    let p = s.alloc_leaf(2);
    buf[0] = p as u64; // an island
    s.collect_minor();
    s.alloc_leaf(3); // young, garbage
    let y = s.alloc_node(4); // young, rooted
    s.push_root(y);
    assert!(take_dropped().is_empty());
    s.clear_ranges();
    drop(s);
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3, 4], "no object's Rust-side resources are leaked");
    buf[0] = 0;
}

/// Card marking: a large array is born old and carded; a minor collection
/// rescans only its marked cards. A young object stored (on purpose without
/// the barrier) into a slot of an unmarked card is not seen, so it dies
/// although the array still holds it; one stored with the slot barrier is
/// copied and its slot updated. (The verifier would catch the unmarked
/// store, so it is off here.)
#[test]
fn minor_collections_rescan_only_marked_cards() {
    let s = setup_with(GcConfig { stress: None, verify: false }, GcParams::default());
    let a = s.alloc_array(1, 4000);
    s.push_root(a);
    assert!(!s.in_nursery(a), "a 32 KB array starts old");
    assert_ne!(s.flags(a) & skiff_gc_generational::CARDED, 0, "and carded");
    // Born with every card marked: the first minor scans it all, then the
    // cards are clean.
    s.collect_minor();
    take_dropped();
    let kept = s.alloc_leaf(2);
    let slot = |i: usize| s.field_slot(a, i);
    s.set_field_without_barrier(a, 3000, kept as u64);
    assert!(s.barrier_slot(a, slot(3000)), "the first store since the minor collection lists the array");
    // Later stores mark their card inline, as `FastPaths` describes.
    let inline = s.alloc_leaf(5);
    s.set_field_without_barrier(a, 1500, inline as u64);
    assert!(!s.barrier_slot(a, slot(1500)), "a store into a listed array never calls the plugin");
    let lost = s.alloc_leaf(3);
    s.set_field_without_barrier(a, 10, lost as u64);
    s.collect_minor();
    let kept1 = s.field(a, 3000) as *mut Header;
    assert!(kept1 != kept && s.id(kept1) == 2, "the marked card's slot was updated");
    assert_eq!(s.id(s.field(a, 1500) as *mut Header), 5, "the card marked inline was scanned");
    assert_eq!(take_dropped(), vec![3], "the unmarked card was not scanned: its young object died");
    let again = s.alloc_leaf(6);
    s.set_field_without_barrier(a, 1500, again as u64);
    assert!(s.barrier_slot(a, slot(1500)), "after a minor collection the array must be listed again");
    // Clear the stale word before anything walks the array.
    s.set_field_without_barrier(a, 10, 0);
    // A barrier without a slot marks every card.
    let whole = s.alloc_leaf(4);
    s.set_field_without_barrier(a, 20, whole as u64);
    assert!(s.barrier(a));
    s.collect_minor();
    assert_eq!(s.id(s.field(a, 20) as *mut Header), 4);
    assert!(take_dropped().is_empty());
}

/// Objects that own Rust-heap memory (big-integer digits) report it with
/// `note_external_memory`: once the young ones' total passes a quarter of
/// the nursery's size, the next allocation runs a minor collection even though the
/// nursery itself is nearly empty, and the dead ones' drop hooks free it.
#[test]
fn external_memory_of_young_objects_triggers_minor_collections() {
    let s = setup();
    let nursery = s.hi - s.lo;
    for id in 0..20u64 {
        s.alloc_leaf(id);
        s.gc.note_external_memory(nursery / 16);
    }
    // Past the limit after every 5 reports: the 6th, 11th and 16th
    // allocations collect.
    let st = s.stats();
    assert_eq!(st.minor_collections, 3, "20 leaves owning 1.25 nurseries of memory: {st:?}");
    assert_eq!(take_dropped().len(), 15, "the dead leaves' drop hooks ran");
    // Without the reports, the same allocations collect nothing.
    let quiet = setup();
    for id in 0..10u64 {
        quiet.alloc_leaf(id);
    }
    assert_eq!(quiet.stats().minor_collections, 0);
    take_dropped();
}

/// The nursery budget follows survival (`PROMOTE_TARGET`): a program starts
/// with an eighth of the nursery, which stays so while every young object
/// survives (each minor collection copies at most half a megabyte); once
/// nothing survives, the budget doubles each cycle up to the whole nursery.
#[test]
fn survival_sets_the_next_cycles_nursery_budget() {
    let s = setup_with(GcConfig::default(), GcParams::default());
    let nursery = GcParams::DEFAULT_NURSERY_SIZE as usize;
    // Nodes allocated in each of the first `cycles` cycles of `alloc`.
    let per_cycle = |alloc: &dyn Fn(u64), cycles: usize| -> Vec<usize> {
        let mut counts = Vec::new();
        let (mut n, mut last) = (0usize, s.stats().minor_collections);
        while counts.len() < cycles {
            alloc(n as u64);
            n += 1;
            let c = s.stats().minor_collections;
            if c != last {
                counts.push(n * NODE_SIZE);
                n = 0;
                last = c;
            }
        }
        counts
    };
    // Everything survives: a rooted list.
    let slot = s.push_root(std::ptr::null_mut());
    let keep = |id: u64| {
        let node = s.alloc_plain_node(id);
        s.set_field(node, 0, s.root(slot));
        s.set_root(slot, node);
    };
    let bytes = per_cycle(&keep, 4);
    for &b in &bytes {
        assert!(b <= nursery / 8 + 2 * CARD, "while all survive a cycle uses an eighth of the nursery: {bytes:?}");
    }
    // Nothing survives: garbage only.
    s.set_root(slot, std::ptr::null_mut());
    let drop_it = |id: u64| {
        s.alloc_plain_node(id);
    };
    let bytes = per_cycle(&drop_it, 30);
    assert!(bytes[1] > bytes[0] * 21 / 20, "the budget grows once survival drops: {bytes:?}");
    assert!(bytes[5] < nursery / 4, "but slowly (a cycle of garbage may be followed by one where all survive): {bytes:?}");
    assert!(bytes[29] > nursery * 3 / 4, "without survivors the whole nursery is used again: {bytes:?}");
}

/// Large objects without drop hooks are young although they live outside
/// the nursery: stores into them need no barrier; the next minor
/// collection frees those it does not reach (from a root, an old object's
/// remembered slot or a conservative interior pointer) and makes the others
/// old, carded if they hold references; so a loop of big temporaries runs
/// minor collections, not major ones.
#[test]
fn large_objects_die_young_in_minor_collections() {
    let s = setup();
    take_dropped();
    let kept = s.alloc_plain_array(1, 2000);
    s.push_root(kept);
    let dead = s.alloc_plain_array(2, 2000);
    let blob = s.alloc_blob(3, 2000);
    assert!(!s.in_nursery(kept) && !s.in_nursery(blob), "16 KB objects live outside the nursery");
    assert_eq!(s.flags(kept) & (YOUNG_LARGE | CARDED | flags::BARRIER), YOUNG_LARGE, "young: no barrier, no cards");
    let leaf = s.alloc_leaf(4);
    s.set_field_without_barrier(kept, 1999, leaf as u64);
    assert!(!s.barrier_slot(kept, s.field_slot(kept, 1999)), "a store into a young object needs no barrier");
    let by_stack = s.alloc_plain_array(5, 2000);
    let buf = [by_stack as u64 + 800];
    s.add_range(&buf);
    let old_root = s.push_root(s.alloc_node(6));
    s.collect_minor();
    // (Checked before anything is allocated again: malloc may reuse the
    // addresses.)
    assert!(!s.gc.is_heap_object(dead as usize) && !s.gc.is_heap_object(blob as usize), "unreached: freed");
    let old = s.root(old_root);
    assert!(!s.in_nursery(old));
    let by_old = s.alloc_plain_array(7, 2000);
    s.set_field(old, 0, by_old);
    s.collect_minor();
    for (obj, how) in [(kept, "a root"), (by_stack, "an interior pointer on a stack"), (by_old, "an old object")] {
        assert!(s.is_live(obj), "reached from {how}: survives");
        assert_eq!(s.flags(obj) & (YOUNG_LARGE | CARDED | flags::BARRIER), CARDED | flags::BARRIER, "old and carded now");
    }
    let leaf1 = s.field(kept, 1999) as *mut Header;
    assert!(leaf1 != leaf && s.id(leaf1) == 4, "the young object it held was copied and its slot updated");
    assert!(take_dropped().is_empty());

    // Registered for finalization: old at once, so it is not freed unseen.
    let fin = s.alloc_plain_array(8, 2000);
    s.register_finalizer(fin);
    assert_eq!(s.flags(fin) & (YOUNG_LARGE | CARDED), CARDED);
    let leaf = s.alloc_leaf(9);
    s.set_field(fin, 3, leaf);
    s.collect_minor();
    assert!(s.is_live(fin) && s.id(s.field(fin, 3) as *mut Header) == 9);

    // 200 temporaries of 320 KB: 64 MB, a few nursery-sizes at a time.
    let before = s.stats();
    for i in 0..200 {
        s.alloc_plain_array(100 + i, 40_000);
    }
    let st = s.stats();
    assert_eq!(st.major_collections, before.major_collections, "{st:?}");
    assert!(st.minor_collections >= before.minor_collections + 10, "{st:?}");
    assert!(st.heap_bytes < 16 << 20, "{st:?}");
}

/// Weak slots: a minor collection rewrites those to young objects it
/// copied, keeps those to pinned and old objects, and zeroes those to young
/// objects (nursery or large) that died; a full collection zeroes those to
/// old objects that died.
#[test]
fn weak_slots_follow_moves_and_lose_dead_objects() {
    let s = setup();
    take_dropped();
    let old_root = s.push_root(s.alloc_leaf(1));
    s.collect_minor();
    let old = s.root(old_root);
    let kept_root = s.push_root(s.alloc_leaf(2));
    let kept = s.root(kept_root);
    let dead = s.alloc_leaf(3);
    let pinned = s.alloc_leaf(4);
    let buf = [pinned as u64];
    s.add_range(&buf);
    let dead_large = s.alloc_plain_array(5, 2000);
    *s.roots.weak.borrow_mut() = vec![old as u64, kept as u64, dead as u64, pinned as u64, dead_large as u64, 0];
    s.collect_minor();
    let w = s.roots.weak.borrow().clone();
    let moved = s.root(kept_root);
    assert_ne!(moved, kept, "the rooted young leaf was copied");
    assert_eq!(w, vec![old as u64, moved as u64, 0, pinned as u64, 0, 0]);
    s.set_root(old_root, std::ptr::null_mut());
    s.clear_ranges();
    s.collect();
    let w = s.roots.weak.borrow().clone();
    assert_eq!(w, vec![0, moved as u64, 0, 0, 0, 0], "full collection: the unrooted old leaf and the island died");
    take_dropped();
}
