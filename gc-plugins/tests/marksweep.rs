//! The mark-sweep plugin driven by the mock VM: reclamation, deep graphs,
//! conservative roots and pinning, stress mode, the collection trigger,
//! finalization, the verifier, and randomized graph mutation against a
//! shadow model.

mod mock_vm;

use std::hint::black_box;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use mock_vm::shadow::{run_random, RandomRun};
use mock_vm::{take_dropped, take_pinned_seen, MockVm, ID_OFFSET, NODE_FIELD0};
use skiff_gc::marksweep::MarkSweep;
use skiff_gc::verify::verify_heap;
use skiff_gc::plugin::GcParams;
use skiff_gc::{flags, GcConfig, GcPlugin, Header};

fn make(config: GcConfig) -> Box<dyn GcPlugin> {
    Box::new(MarkSweep::new(config))
}

/// A plugin that marks with `threads` threads, in parallel whatever the heap
/// size (the default keeps small heaps single-threaded).
fn make_threads(threads: u32) -> impl Fn(GcConfig) -> Box<dyn GcPlugin> {
    move |config| {
        let params = GcParams { marking_threads: threads, ..GcParams::default() };
        Box::new(MarkSweep::with_params(config, params).with_parallel_min_heap(0))
    }
}

fn vm() -> MockVm {
    take_dropped();
    take_pinned_seen();
    MockVm::new(make(GcConfig { stress: None, verify: true }))
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

#[test]
fn name_and_fast_paths() {
    let vm = vm();
    assert_eq!(vm.gc.name(), "marksweep");
    let fp = vm.gc.fast_paths();
    assert!(fp.bump_cursor.is_null() && fp.bump_limit.is_null());
    assert_eq!(fp.max_inline_size, 0);
    assert_eq!(fp.barrier, skiff_gc::Barrier::None);
}

#[test]
fn fresh_objects_are_zeroed_with_header() {
    let vm = vm();
    // Keeps the chunk of `a` in use, so that `a`'s block is reused below
    // (an empty chunk would be released).
    let keeper = vm.alloc_node(100);
    vm.push_root(keeper);
    let a = vm.alloc_node(1);
    let b = vm.alloc_array(2, 5);
    let big = vm.alloc_array(3, 1000);
    for obj in [a, b, big] {
        assert_eq!(vm.flags(obj), 0);
        for i in 0..vm.nfields(obj) {
            assert_eq!(vm.field(obj, i), 0);
        }
    }
    assert_eq!(vm.info(a).name, "Node");
    assert_eq!(vm.size(big), 32 + 8000);
    // Dirty a node, free it, and allocate into its block again.
    vm.set_field_raw(a, 0, 0xdead_bee8);
    vm.set_field_raw(a, 2, 17);
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
    let c = vm.alloc_node(4);
    assert_eq!(c, a, "the first free block of the class is reused");
    assert_eq!((vm.field(c, 0), vm.field(c, 1), vm.field(c, 2)), (0, 0, 0));
}

#[test]
fn is_heap_object_only_for_object_starts() {
    let vm = vm();
    let a = vm.alloc_node(1);
    let big = vm.alloc_blob(2, 1000);
    vm.push_root(big);
    let gc = &vm.gc;
    assert!(gc.is_heap_object(a as usize));
    assert!(gc.is_heap_object(big as usize));
    assert!(!gc.is_heap_object(a as usize + 8));
    assert!(!gc.is_heap_object(big as usize + 16));
    assert!(!gc.is_heap_object(0));
    assert!(!gc.is_heap_object(&mock_vm::NODE as *const _ as usize));
    vm.collect();
    assert!(!gc.is_heap_object(a as usize), "freed");
    assert!(gc.is_heap_object(big as usize));
}

#[test]
fn unreachable_objects_are_freed_and_reachable_ones_survive() {
    let vm = vm();
    // root -> a -> b, c -> d unreachable, leaf e unreachable.
    let root = vm.alloc_node(1);
    vm.push_root(root);
    let a = vm.alloc_node(2);
    vm.set_field(root, 0, a);
    let b = vm.alloc_leaf(3);
    vm.set_field(a, 1, b);
    let c = vm.alloc_node(4);
    let d = vm.alloc_array(5, 3);
    vm.set_field(c, 2, d);
    vm.alloc_leaf(6);
    for round in 0..50 {
        vm.collect();
        let dropped = sorted(take_dropped());
        if round == 0 {
            assert_eq!(dropped, vec![4, 5, 6]);
        } else {
            assert!(dropped.is_empty(), "round {round}: {dropped:?}");
        }
        assert_eq!(vm.id(root), 1);
        assert_eq!(vm.field(root, 0), a as u64);
        assert_eq!(vm.id(a), 2);
        assert_eq!(vm.field(a, 1), b as u64);
        assert_eq!(vm.id(b), 3);
    }
    vm.set_field(root, 0, std::ptr::null_mut());
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![2, 3]);
    vm.clear_roots();
    vm.collect();
    assert_eq!(take_dropped(), vec![1]);
    let s = vm.stats();
    assert_eq!(s.collections, 52);
    assert_eq!(s.live_bytes_after_last, 0);
    assert_eq!(s.objects_allocated, 6);
}

#[test]
fn cycles_are_collected() {
    let vm = vm();
    let a = vm.alloc_node(1);
    vm.push_root(a);
    let b = vm.alloc_node(2);
    vm.set_field(a, 0, b);
    vm.set_field(b, 0, a);
    vm.set_field(a, 1, a);
    vm.collect();
    assert!(take_dropped().is_empty());
    vm.clear_roots();
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2]);
}

#[test]
fn references_outside_the_heap_and_immediates_are_ignored() {
    let vm = vm();
    let a = vm.alloc_node(1);
    vm.push_root(a);
    static OUTSIDE: [u64; 4] = [0; 4];
    vm.set_field_raw(a, 0, OUTSIDE.as_ptr() as u64); // a "static object"
    vm.set_field_raw(a, 1, (42 << 3) | 1); // a tagged small integer
    vm.set_field_raw(a, 2, 8); // a small aligned word outside any heap
    vm.push_root(OUTSIDE.as_ptr() as *mut Header);
    vm.collect();
    assert!(take_dropped().is_empty());
    assert_eq!(vm.field(a, 1), (42 << 3) | 1);
}

#[test]
fn deep_linked_list_does_not_overflow_the_stack() {
    const N: u64 = 1_000_000;
    let vm = MockVm::new(make(GcConfig::default()));
    take_dropped();
    let slot = vm.push_root(std::ptr::null_mut());
    for id in 1..=N {
        // Prepend, so the list is always rooted while we allocate.
        let node = vm.alloc_node(id);
        vm.set_field(node, 0, vm.root(slot));
        vm.set_root(slot, node);
    }
    assert!(vm.stats().collections > 0, "allocation-triggered collections ran while the list grew");
    vm.collect();
    assert!(take_dropped().is_empty());
    let mut n = 0;
    let mut p = vm.root(slot);
    while !p.is_null() {
        n += 1;
        assert_eq!(vm.id(p), N + 1 - n);
        p = vm.field(p, 0) as *mut Header;
    }
    assert_eq!(n, N);
    vm.set_root(slot, std::ptr::null_mut());
    vm.collect();
    assert_eq!(take_dropped().len(), N as usize);
}

#[test]
fn conservative_interior_pointers_keep_objects_alive_and_pinned() {
    let vm = vm();
    // Keeps the nodes' chunk in use, so `freed` below stays a free block of it.
    let keeper = vm.alloc_node(100);
    vm.push_root(keeper);
    let small = vm.alloc_node(1);
    let child = vm.alloc_leaf(2);
    vm.set_field(small, 0, child);
    vm.alloc_array(3, 1000);
    vm.alloc_array(4, 3);
    let freed = vm.alloc_node(5);
    vm.alloc_array(6, 300);
    let mut buf = vec![0u64; 8];
    vm.add_range(&buf);
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3, 4, 5, 6]);
    // The blocks of 1..6 are free now; allocate 1..4 again and point at them.
    let small = vm.alloc_node(11);
    let child = vm.alloc_leaf(12);
    vm.set_field(small, 0, child);
    let large = vm.alloc_array(13, 1000);
    let exact = vm.alloc_array(14, 3);
    let past_end = vm.alloc_array(16, 300);
    buf[0] = small as u64 + NODE_FIELD0 as u64 + 3; // interior, unaligned
    buf[1] = large as u64 + 4000; // interior of a large object
    buf[2] = exact as u64; // the start
    buf[3] = freed as u64 + 8; // into a free block: keeps nothing alive
    buf[4] = past_end as u64 + 32 + 8 * 300; // one past the end of a large object
    buf[5] = 0xffff_ffff_ffff_fff8; // junk
    let pinned_before = vm.stats().pinned_objects;
    vm.collect();
    assert_eq!(take_dropped(), vec![16]);
    assert_eq!(sorted(take_pinned_seen()), vec![11, 13, 14]);
    assert_eq!(vm.stats().pinned_objects - pinned_before, 3);
    for (obj, id) in [(small, 11), (child, 12), (large, 13), (exact, 14)] {
        assert_eq!(vm.id(obj), id);
        assert_eq!(vm.flags(obj) & (flags::PINNED | flags::MARK), 0, "pin lasts one collection");
    }
    assert!(!vm.gc.is_heap_object(freed as usize));
    // Pins last only while the words are there.
    buf.iter_mut().for_each(|w| *w = 0);
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![11, 12, 13, 14]);
    assert!(take_pinned_seen().is_empty());
    vm.clear_ranges();
}

/// The collector scans the real native stack (from inside the collection up
/// to a frame of this test) with callee-saved registers spilled: objects held
/// only in Rust locals survive.
#[test]
fn objects_in_rust_locals_survive_a_stack_scan() {
    let anchor = 0u64;
    let top = black_box(&anchor) as *const u64 as usize;
    with_stack_scan(top);
}

#[inline(never)]
fn with_stack_scan(top: usize) {
    let vm = vm();
    vm.roots.stack_top.set(Some(top));
    let a = black_box(vm.alloc_node(1));
    let b = black_box(vm.alloc_array(2, 1000));
    let interior = black_box(b as usize + 100);
    for _ in 0..3 {
        vm.collect();
    }
    for i in 0..200_000u64 {
        // Garbage, to make the collector run from `alloc` too.
        vm.alloc_leaf(100 + i);
    }
    vm.collect();
    assert_eq!(vm.id(black_box(a)), 1);
    assert_eq!(vm.id(black_box(interior - 100) as *const Header), 2);
    vm.roots.stack_top.set(None);
    take_dropped();
}

#[test]
fn stress_mode_collects_every_n_allocations() {
    take_dropped();
    let vm = MockVm::new(make(GcConfig { stress: Some(10), verify: true }));
    for i in 1..=100 {
        vm.alloc_leaf(i);
    }
    // Collections run before the 10th, 20th, ..., 100th allocation.
    assert_eq!(vm.stats().collections, 10);
    assert_eq!(take_dropped().len(), 99);
    // Stress collections keep rooted data intact.
    let root = vm.alloc_node(1000);
    vm.push_root(root);
    for i in 0..200u64 {
        let n = vm.alloc_node(2000 + i);
        vm.set_field(n, 0, vm.field(root, 0) as *mut Header);
        vm.set_field(root, 0, n);
    }
    assert_eq!(vm.stats().collections, 30);
    let mut p = vm.field(root, 0) as *mut Header;
    let mut n = 0;
    while !p.is_null() {
        assert_eq!(vm.id(p), 2000 + 199 - n);
        n += 1;
        p = vm.field(p, 0) as *mut Header;
    }
    assert_eq!(n, 200);
}

#[test]
fn collections_trigger_on_allocation_volume_and_the_heap_stays_bounded() {
    let vm = MockVm::new(make(GcConfig::default()));
    take_dropped();
    // 64 MiB of garbage in 1 KiB arrays, then in 8 KiB large objects.
    for i in 0..65_536u64 {
        vm.alloc_array(i, 124);
    }
    let s = vm.stats();
    assert!((14..=17).contains(&s.collections), "{s:?}");
    assert!(s.heap_bytes < 12 << 20, "{s:?}");
    for i in 0..8192u64 {
        vm.alloc_array(i, 1020);
    }
    let s2 = vm.stats();
    assert!((28..=34).contains(&s2.collections), "{s2:?}");
    assert!(s2.heap_bytes < 16 << 20, "{s2:?}");
    assert_eq!(s2.bytes_allocated, 65_536 * 1024 + 8192 * 8192);
    assert!(s2.pause_total_ns >= s2.pause_max_ns && s2.pause_max_ns > 0);
    // A large live set raises the trigger: the heap may double before the
    // next collection.
    // 20 MiB live: a chain of 20 holders of 1000 1-KiB arrays each.
    let keep = vm.push_root(std::ptr::null_mut());
    for round in 0..20u64 {
        let holder = vm.alloc_array(1_000_000 + round, 1001);
        vm.set_field(holder, 1000, vm.root(keep));
        vm.set_root(keep, holder);
        for j in 0..1000 {
            let a = vm.alloc_array(round * 1000 + j as u64, 124);
            vm.set_field(holder, j, a);
        }
    }
    let s3 = vm.stats();
    assert!(s3.collections - s2.collections <= 8, "the trigger grows with the live set: {s3:?}");
    vm.collect();
    let s4 = vm.stats();
    assert!(s4.live_bytes_after_last >= 20 * 1000 * 1024, "{s4:?}");
    assert!(s4.heap_bytes < s4.live_bytes_after_last * 5 / 2, "{s4:?}");
    take_dropped();
    vm.clear_roots();
    vm.collect();
    assert_eq!(take_dropped().len(), 20 * 1001);
}

#[test]
fn finalizable_objects_are_queued_once_and_kept_with_their_children() {
    let vm = vm();
    let a = vm.alloc_node(1);
    vm.register_finalizer(a);
    vm.register_finalizer(a); // idempotent
    vm.push_root(a);
    let b = vm.alloc_leaf(2);
    vm.set_field(a, 0, b);
    let c = vm.alloc_node(3); // finalizable, stays rooted
    vm.register_finalizer(c);
    vm.push_root(c);
    vm.collect();
    assert!(vm.pop_finalizable().is_none(), "reachable: not queued");
    assert_eq!(vm.flags(a) & flags::FINALIZER, flags::FINALIZER);

    vm.swap_remove_root(0); // drop `a`
    vm.collect();
    assert!(take_dropped().is_empty(), "queued objects and their children are kept");
    assert_eq!(vm.stats().finalizers_queued, 1);
    // Still queued and not handed out: later collections keep it and do not
    // queue it again.
    vm.collect();
    vm.collect();
    assert!(take_dropped().is_empty());
    assert_eq!(vm.stats().finalizers_queued, 1);
    let popped = vm.pop_finalizable().expect("a is queued");
    assert_eq!(popped, a);
    assert!(vm.pop_finalizable().is_none());
    assert_eq!(vm.id(a), 1);
    assert_eq!(vm.field(a, 0), b as u64);
    assert_eq!(vm.flags(a) & (flags::FINALIZER | flags::FINALIZED), flags::FINALIZED);
    // The VM ran the finalizer and dropped the object: now it is garbage.
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2]);
    assert!(vm.pop_finalizable().is_none());
    assert_eq!(vm.id(c), 3);
}

#[test]
fn cancelled_finalizers_free_at_once_and_reregistration_queues_once() {
    let vm = vm();
    // Registered, then cancelled: freed by the first collection that finds
    // it unreachable, never queued.
    let a = vm.alloc_node(1);
    vm.register_finalizer(a);
    vm.unregister_finalizer(a);
    assert_eq!(vm.flags(a) & flags::FINALIZER, 0);
    vm.collect();
    assert!(vm.pop_finalizable().is_none());
    assert_eq!(take_dropped(), vec![1]);
    assert_eq!(vm.stats().finalizers_queued, 0);
    // Cancelled and registered again (listed twice): queued exactly once.
    let b = vm.alloc_node(2);
    vm.register_finalizer(b);
    vm.unregister_finalizer(b);
    vm.register_finalizer(b);
    vm.collect();
    assert_eq!(vm.pop_finalizable(), Some(b));
    assert!(vm.pop_finalizable().is_none());
    assert_eq!(vm.stats().finalizers_queued, 1);
    vm.collect();
    assert_eq!(take_dropped(), vec![2]);
    // Cancelling an object that was never registered does nothing.
    let c = vm.alloc_node(3);
    vm.push_root(c);
    vm.unregister_finalizer(c);
    vm.collect();
    assert!(take_dropped().is_empty());
}

#[test]
fn finalizable_cycle_members_are_queued_together_and_resurrection_works() {
    let vm = vm();
    let p = vm.alloc_node(1);
    vm.push_root(p);
    let q = vm.alloc_node(2);
    vm.set_field(p, 0, q);
    vm.set_field(q, 0, p);
    let leaf = vm.alloc_leaf(3);
    vm.set_field(q, 1, leaf);
    vm.register_finalizer(p);
    vm.register_finalizer(q);
    vm.clear_roots();
    vm.collect();
    let mut queued = vec![vm.pop_finalizable().unwrap(), vm.pop_finalizable().unwrap()];
    queued.sort();
    let mut expected = vec![p, q];
    expected.sort();
    assert_eq!(queued, expected);
    assert!(vm.pop_finalizable().is_none());
    assert!(take_dropped().is_empty());
    // P's finalizer stores P in a global: resurrection.
    vm.push_root(p);
    vm.collect();
    vm.collect();
    assert!(take_dropped().is_empty());
    assert!(vm.pop_finalizable().is_none(), "finalized objects are ordinary objects");
    vm.clear_roots();
    vm.collect();
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
    assert!(vm.pop_finalizable().is_none());
}

#[test]
fn verifier_catches_a_dangling_reference() {
    take_dropped();
    let vm = MockVm::new(make(GcConfig::default()));
    let a = vm.alloc_node(1);
    vm.push_root(a);
    let b = vm.alloc_node(2);
    vm.set_field(a, 1, b);
    // Same size class as `a` and `b`: its block stays in a chunk in use.
    let x = vm.alloc_node(3);
    let ok = verify_heap_of(&vm).expect("a sound heap verifies");
    assert_eq!((ok.objects, ok.heap_references), (3, 1));
    vm.collect();
    assert_eq!(take_dropped(), vec![3]);
    // A slot the GC was never told about kept `x`: now it dangles.
    vm.set_field_raw(a, 2, x as u64);
    let err = verify_heap_of(&vm).unwrap_err();
    let want = format!("object {:#x} (Node) slot +{} holds {:#x}, a dangling pointer", a as usize, NODE_FIELD0 + 16, x as usize);
    assert!(err.contains(&want), "{err}");
    // An interior pointer in a precise slot is also corrupt.
    vm.set_field_raw(a, 2, b as u64 + ID_OFFSET as u64);
    let err = verify_heap_of(&vm).unwrap_err();
    assert!(err.contains("an interior pointer into live object") && err.contains("(Node) at +16"), "{err}");
    // And a dangling precise root.
    vm.set_field_raw(a, 2, 0);
    vm.push_root(x);
    let ms = downcast(&vm);
    let err = ms.verify(&vm.roots).unwrap_err();
    assert!(err.contains("precise root #1") && err.contains("dangling"), "{err}");
    vm.clear_roots();
}

#[test]
fn verify_mode_panics_with_the_bad_slot() {
    take_dropped();
    let vm = MockVm::new(make(GcConfig { stress: None, verify: true }));
    let a = vm.alloc_node(1);
    vm.push_root(a);
    let x = vm.alloc_leaf(2);
    vm.collect();
    assert_eq!(take_dropped(), vec![2]);
    vm.set_field_raw(a, 0, x as u64 + 8);
    let err = catch_unwind(AssertUnwindSafe(|| vm.collect())).unwrap_err();
    let msg = err.downcast_ref::<String>().expect("a formatted panic message");
    assert!(msg.starts_with("marksweep: heap verification failed after collection 2: "), "{msg}");
    assert!(msg.contains(&format!("slot +{}", NODE_FIELD0)), "{msg}");
    // The heap itself is consistent after the failed check.
    vm.set_field_raw(a, 0, 0);
    vm.collect();
}

#[test]
fn dropping_the_plugin_runs_the_remaining_drop_hooks() {
    take_dropped();
    let vm = MockVm::new(make(GcConfig::default()));
    let a = vm.alloc_node(1);
    vm.push_root(a);
    vm.alloc_leaf(2);
    vm.alloc_array(3, 500);
    drop(vm);
    assert_eq!(sorted(take_dropped()), vec![1, 2, 3]);
}

#[test]
fn randomized_mutation_exact() {
    randomized_exact(&make);
}

#[test]
fn randomized_mutation_exact_parallel_marking() {
    randomized_exact(&make_threads(2));
    randomized_exact(&make_threads(3));
}

fn randomized_exact(make: &dyn Fn(GcConfig) -> Box<dyn GcPlugin>) {
    for seed in [1, 2, 3] {
        let s = run_random(
            make,
            RandomRun { seed, steps: 6000, exact: true, config: GcConfig { stress: None, verify: true } },
        );
        eprintln!("exact seed {seed}: {s:?}");
        assert!(s.explicit_collections > 100 && s.dropped > 500 && s.finalized > 20, "{s:?}");
    }
}

#[test]
fn randomized_mutation_under_stress() {
    randomized_under_stress(&make);
}

#[test]
fn randomized_mutation_under_stress_parallel_marking() {
    randomized_under_stress(&make_threads(2));
}

fn randomized_under_stress(make: &dyn Fn(GcConfig) -> Box<dyn GcPlugin>) {
    for seed in [4, 5] {
        let s = run_random(
            make,
            RandomRun { seed, steps: 6000, exact: false, config: GcConfig { stress: Some(7), verify: true } },
        );
        eprintln!("stress seed {seed}: {s:?}");
        assert!(s.collections > 200 && s.dropped > 500 && s.finalized > 20, "{s:?}");
    }
}

/// Parallel marking on shapes that stress the work distribution: a long
/// chain (no parallelism: the other worker idles until the end), a wide
/// fan-out (lots of stealing), a shared diamond lattice (objects reached by
/// both threads at once, marked once) and a finalizable subgraph.
#[test]
fn parallel_marking_keeps_exactly_the_reachable_objects() {
    take_dropped();
    let vm = MockVm::new(make_threads(2)(GcConfig { stress: None, verify: true }));
    // Under 4 MiB in all, so that no collection runs while the graph is
    // built (half-built parts are not rooted).
    // A chain of 20,000 nodes.
    let head = vm.alloc_node(0);
    vm.push_root(head);
    let mut tail = head;
    for id in 1..20_000 {
        let n = vm.alloc_node(id);
        vm.set_field(tail, 0, n);
        tail = n;
    }
    // A fan-out: an array of 1,000 arrays of 20 leaves.
    let fan = vm.alloc_array(100_000, 1000);
    vm.push_root(fan);
    for i in 0..1000 {
        let a = vm.alloc_array(200_000 + i, 20);
        vm.set_field(fan, i as usize, a);
        for j in 0..20 {
            let leaf = vm.alloc_leaf(1_000_000 + i * 20 + j);
            vm.set_field(a, j as usize, leaf);
        }
    }
    // A lattice: row r's node k points at row r+1's nodes k and k+1 (mod
    // 200), so every node below the first row is reached twice.
    let top = vm.alloc_array(3_000_000, 200);
    vm.push_root(top);
    let mut row: Vec<*mut Header> = (0..200).map(|k| vm.alloc_node(2_000_000 + k)).collect();
    for (k, &n) in row.iter().enumerate() {
        vm.set_field(top, k, n);
    }
    for r in 1..100u64 {
        let next: Vec<*mut Header> = (0..200).map(|k| vm.alloc_node(2_000_000 + r * 1000 + k)).collect();
        for (k, &n) in row.iter().enumerate() {
            vm.set_field(n, 0, next[k]);
            vm.set_field(n, 1, next[(k + 1) % 200]);
        }
        row = next;
    }
    // Garbage, and a finalizable object holding a chain of 1,000.
    for id in 0..10_000 {
        vm.alloc_leaf(4_000_000 + id);
    }
    let fin = vm.alloc_node(5_000_000);
    vm.register_finalizer(fin);
    let mut t = fin;
    for id in 1..1000 {
        let n = vm.alloc_node(5_000_000 + id);
        vm.set_field(t, 0, n);
        t = n;
    }
    assert_eq!(vm.stats().collections, 0);
    let live = vm.stats().objects_allocated - 10_000;
    vm.collect();
    let dropped = take_dropped();
    assert_eq!(dropped.len(), 10_000);
    assert!(dropped.iter().all(|&id| (4_000_000..4_010_000).contains(&id)));
    vm.collect();
    assert!(take_dropped().is_empty(), "the queued object keeps its chain; nothing reachable is freed");
    assert_eq!(vm.pop_finalizable(), Some(fin));
    assert!(vm.pop_finalizable().is_none());
    vm.collect();
    // The finalized chain is garbage once handed out.
    assert_eq!(take_dropped().len(), 1000);
    vm.clear_roots();
    vm.collect();
    assert_eq!(take_dropped().len() as u64, live - 1000);
}

/// Not a benchmark: prints the cost of allocation through `dyn GcPlugin`
/// (run with `--release -- --nocapture alloc_cost` for meaningful numbers).
#[test]
fn alloc_cost_report() {
    const N: u64 = 2_000_000;
    let vm = MockVm::new(make(GcConfig::default()));
    let gc: &dyn GcPlugin = &*vm.gc;
    // Warm up: fill the free lists.
    for _ in 0..N {
        // SAFETY: a valid node size.
        black_box(unsafe { gc.alloc(&mock_vm::NODE, 48, &vm.roots) });
    }
    let before = vm.stats();
    let t = Instant::now();
    for _ in 0..N {
        // SAFETY: a valid node size.
        black_box(unsafe { gc.alloc(&mock_vm::NODE, 48, &vm.roots) });
    }
    let elapsed = t.elapsed();
    let after = vm.stats();
    let gcs = after.collections - before.collections;
    let pause = after.pause_total_ns - before.pause_total_ns;
    eprintln!(
        "marksweep: {:.1} ns per 48-byte alloc including {gcs} collections ({:.1} ns/alloc excluding them); \
         max pause {} us",
        elapsed.as_nanos() as f64 / N as f64,
        (elapsed.as_nanos() as f64 - pause as f64) / N as f64,
        after.pause_max_ns / 1000
    );
    take_dropped();
}

fn downcast(vm: &MockVm) -> &MarkSweep {
    // SAFETY: every MockVm in this file holds a MarkSweep.
    unsafe { &*(&*vm.gc as *const dyn GcPlugin as *const MarkSweep) }
}

fn verify_heap_of(vm: &MockVm) -> Result<skiff_gc::verify::VerifySummary, String> {
    verify_heap(downcast(vm))
}

/// Reported Rust-heap memory counts towards the collection trigger: a few
/// small objects owning many megabytes get collected, where the same
/// allocations alone would never reach the trigger.
#[test]
fn external_memory_counts_towards_the_trigger() {
    let vm = vm();
    for id in 0..64u64 {
        vm.alloc_leaf(id);
        vm.gc.note_external_memory(1 << 20);
    }
    assert!(vm.stats().collections >= 1, "{:?}", vm.stats());
    assert!(!take_dropped().is_empty(), "dead leaves were freed");
    let quiet = MockVm::new(make(GcConfig::default()));
    for id in 0..64u64 {
        quiet.alloc_leaf(id);
    }
    assert_eq!(quiet.stats().collections, 0);
    take_dropped();
}

/// Weak slots lose objects that die and keep live ones (and words that are
/// not heap references); an object kept only for finalization keeps its
/// weak slots until it is really freed.
#[test]
fn weak_slots_lose_dead_objects() {
    let v = vm();
    take_dropped();
    let live = v.alloc_leaf(1);
    v.push_root(live);
    let dead = v.alloc_leaf(2);
    let finalizable = v.alloc_node(3);
    v.register_finalizer(finalizable);
    *v.roots.weak.borrow_mut() = vec![live as u64, dead as u64, finalizable as u64, 0, 0x1234_5678];
    v.collect();
    assert_eq!(*v.roots.weak.borrow(), vec![live as u64, 0, finalizable as u64, 0, 0x1234_5678]);
    assert_eq!(v.gc.pop_finalizable(), Some(finalizable));
    v.collect();
    assert_eq!(*v.roots.weak.borrow(), vec![live as u64, 0, 0, 0, 0x1234_5678]);
    take_dropped();
}
