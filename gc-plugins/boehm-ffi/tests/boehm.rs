//! The boehm plugin driven by the mock VM: survival of reachable objects,
//! reclamation of unreachable ones (asserted as "most": bdwgc scans the
//! stack and the heap conservatively), roots held only in Rust-heap buffers,
//! finalization, stress mode, and objects held only on a suspended
//! corosensei coroutine stack.
//!
//! bdwgc is one heap per process with one registered mutator thread, so every
//! test body runs on a single long-lived "gc thread" (`on_gc_thread`); the
//! harness's own threads only wait for it. When `libgc.so.1` is missing each
//! test prints a skip message and passes.

#[path = "../../tests/mock_vm/mod.rs"]
mod mock_vm;
#[path = "gc_thread/mod.rs"]
mod gc_thread;

use std::hint::black_box;
use std::sync::mpsc::channel;

use gc_thread::on_gc_thread;
use mock_vm::{take_dropped, MockVm};
use skiff_gc::conservative::current_sp;
use skiff_gc::{flags, GcConfig, Header};
use skiff_gc_boehm::{switch_stack_bottom, BoehmGc};

/// A mock VM on the boehm plugin, or `None` (after printing why) when the
/// library is missing.
fn vm(config: GcConfig) -> Option<MockVm> {
    take_dropped();
    match BoehmGc::new(config) {
        Ok(gc) => Some(MockVm::new(Box::new(gc))),
        Err(e) => {
            assert!(e.contains("libgc1"), "unexpected error: {e}");
            eprintln!("SKIPPED: {e}; install it with `apt-get install libgc1` to run the boehm tests");
            None
        }
    }
}

fn count_in(ids: &[u64], range: std::ops::Range<u64>) -> usize {
    ids.iter().filter(|id| range.contains(id)).count()
}

/// Allocates `n` unrooted objects with drop hooks (ids from `first`), in a
/// frame that is gone when the caller collects.
#[inline(never)]
fn make_garbage(vm: &MockVm, first: u64, n: u64) {
    for i in 0..n {
        let id = first + i;
        match i % 3 {
            0 => {
                black_box(vm.alloc_leaf(id));
            }
            1 => {
                black_box(vm.alloc_node(id));
            }
            _ => {
                black_box(vm.alloc_array(id, 4));
            }
        }
    }
}

/// Overwrites a stretch of dead stack below the caller, so that stale copies
/// of pointers from earlier calls do not keep garbage alive.
#[inline(never)]
fn scrub_stack() {
    let mut buf = [0u64; 2048];
    black_box(&mut buf);
}

#[test]
fn name_fast_paths_and_fresh_objects() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        assert_eq!(vm.gc.name(), "boehm");
        let fp = vm.gc.fast_paths();
        assert!(fp.bump_cursor.is_null() && fp.bump_limit.is_null());
        assert_eq!(fp.max_inline_size, 0);
        assert_eq!(fp.barrier, skiff_gc::Barrier::None);
        // Atomic (no-refs) memory is reused dirty by bdwgc: the plugin zeroes it.
        for round in 0..20u64 {
            for i in 0..200u64 {
                let b = vm.alloc_blob(round * 1000 + i, 6);
                assert_eq!(vm.info(b).name, "Blob");
                assert_eq!(vm.flags(b) & (flags::FINALIZER | flags::FINALIZED | flags::MARK), 0);
                for w in 0..6 {
                    // SAFETY: a fresh blob of 6 body words after the length word.
                    unsafe {
                        let p = (b as *mut u8).add(32 + 8 * w).cast::<u64>();
                        assert_eq!(p.read(), 0, "dirty atomic memory");
                        p.write(0xdead_beef_0000 + w as u64);
                    }
                }
            }
            vm.collect();
        }
        let a = vm.alloc_node(1);
        let arr = vm.alloc_array(2, 100);
        for obj in [a, arr] {
            assert!(vm.fields(obj).iter().all(|&w| w == 0));
        }
        assert_eq!(vm.size(arr), 32 + 800);
        assert!(vm.gc.is_heap_object(a as usize));
        assert!(!vm.gc.is_heap_object(a as usize + 8));
        assert!(!vm.gc.is_heap_object(arr as usize + 16));
        let local = 0u64;
        assert!(!vm.gc.is_heap_object(black_box(&local) as *const u64 as usize));
        assert!(!vm.gc.is_heap_object(0));
        let s = vm.stats();
        assert!(s.objects_allocated >= 4002 && s.collections >= 20, "{s:?}");
        assert!(s.heap_bytes > 0 && s.live_bytes_after_last > 0, "{s:?}");
    });
}

#[test]
fn reachable_objects_survive_many_collections() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        // Ids distinct from every other test's: their garbage may be swept
        // (and its drop hooks run) during this one.
        build_rooted_list(&vm, 20_000_000, 2000);
        for round in 0..30u64 {
            make_garbage(&vm, 1_000_000 + round * 1000, 1000);
            vm.collect();
            check_rooted_list(&vm, 20_000_000, 2000);
        }
        let dropped = take_dropped();
        assert_eq!(count_in(&dropped, 20_000_000..20_100_000), 0, "a reachable object was dropped");
        assert!(count_in(&dropped, 1_000_000..2_000_000) > 25_000, "garbage is reclaimed meanwhile");
    });
}

/// Root -> node(first) -> node(first+1) -> ..., each node's field 1 holding
/// a leaf (id + 50_000) and field 2 an array of 3 leaves; built in a frame
/// that is gone afterwards, so only the precise root (a Rust-heap Vec,
/// reached through the push-other-roots hook) keeps it.
#[inline(never)]
fn build_rooted_list(vm: &MockVm, first: u64, n: u64) {
    let root = vm.push_root(std::ptr::null_mut());
    for i in (0..n).rev() {
        let node = vm.alloc_node(first + i);
        vm.set_field(node, 0, vm.root(root));
        let leaf = vm.alloc_leaf(first + i + 50_000);
        vm.set_field(node, 1, leaf);
        let arr = vm.alloc_array(first + i + 80_000, 3);
        vm.set_field(node, 2, arr);
        vm.set_root(root, node);
    }
}

#[inline(never)]
fn check_rooted_list(vm: &MockVm, first: u64, n: u64) {
    let mut p = vm.root(0);
    for i in 0..n {
        assert_eq!(vm.id(p), first + i);
        assert_eq!(vm.id(vm.field(p, 1) as *const Header), first + i + 50_000);
        assert_eq!(vm.id(vm.field(p, 2) as *const Header), first + i + 80_000);
        p = vm.field(p, 0) as *mut Header;
    }
    assert!(p.is_null());
}

#[test]
fn unreachable_objects_are_mostly_reclaimed_and_the_heap_stays_bounded() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        make_garbage(&vm, 10_000, 10_000);
        scrub_stack();
        // The first collection runs the drop hooks, the second frees memory.
        vm.collect();
        vm.collect();
        let dropped = take_dropped();
        let n = count_in(&dropped, 10_000..20_000);
        eprintln!("reclaimed {n} of 10000");
        assert!(n >= 9_000, "only {n} of 10000 unreachable objects reclaimed");
        let mut sorted = dropped.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), dropped.len(), "a drop hook ran twice");
        // 256 MiB of garbage in 8 KiB blobs must not grow the heap without bound.
        for i in 0..32_768u64 {
            black_box(vm.alloc_blob(i, 1020));
        }
        let heap = vm.stats().heap_bytes;
        assert!(heap < 64 << 20, "heap grew to {heap} bytes");
    });
}

#[test]
fn conservative_ranges_in_rust_memory_keep_objects_alive() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        // A Rust-heap buffer bdwgc does not scan by itself: interior pointers.
        let buf: Vec<u64> = fill_buffer(&vm, 200_000, 500, true);
        vm.add_range(&buf);
        for _ in 0..3 {
            make_garbage(&vm, 3_000_000, 3000);
            vm.collect();
        }
        assert_eq!(count_in(&take_dropped(), 200_000..200_500), 0);
        for (i, &w) in buf.iter().enumerate() {
            assert_eq!(vm.id((w - 24) as *const Header), 200_000 + i as u64);
        }
        vm.clear_ranges();
        drop(buf);
        // Without the range the same kind of buffer protects nothing.
        let buf2 = fill_buffer(&vm, 300_000, 500, true);
        scrub_stack();
        vm.collect();
        vm.collect();
        let n = count_in(&take_dropped(), 300_000..300_500);
        assert!(n >= 450, "only {n} of 500 reclaimed without the range");
        drop(buf2);
    });
}

/// A buffer of `n` pointers 24 bytes into fresh nodes (`interior`) or to
/// their start.
#[inline(never)]
fn fill_buffer(vm: &MockVm, first: u64, n: u64, interior: bool) -> Vec<u64> {
    (0..n).map(|i| vm.alloc_node(first + i) as u64 + if interior { 24 } else { 0 }).collect()
}

#[test]
fn finalizable_objects_are_queued_once_and_handed_out_at_a_safe_point() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        // 100 finalizable nodes, each with a leaf child, rooted at first.
        make_finalizable(&vm, 400_000, 100);
        vm.collect();
        assert!(vm.pop_finalizable().is_none(), "reachable: not queued");
        assert_eq!(vm.stats().finalizers_queued, 0);
        vm.clear_roots();
        scrub_stack();
        vm.collect();
        // Nothing is handed out or dropped before the VM asks, however many
        // collections run: queued objects and their children are kept.
        for _ in 0..3 {
            make_garbage(&vm, 5_000_000, 2000);
            vm.collect();
        }
        let queued = vm.stats().finalizers_queued;
        assert!(queued >= 90, "only {queued} of 100 queued");
        assert_eq!(count_in(&take_dropped(), 400_000..500_000), 0, "queued objects must not be dropped");
        let mut popped = Vec::new();
        while let Some(obj) = vm.pop_finalizable() {
            // The "finalizer" runs here, at the VM's safe point: the object and
            // its child are intact.
            let id = vm.id(obj);
            assert!((400_000..400_100).contains(&id));
            assert_eq!(vm.id(vm.field(obj, 0) as *const Header), id + 50_000);
            assert_eq!(vm.flags(obj) & (flags::FINALIZER | flags::FINALIZED), flags::FINALIZED);
            popped.push(id);
        }
        popped.sort_unstable();
        let before = popped.len();
        popped.dedup();
        assert_eq!(popped.len(), before, "an object was handed out twice");
        assert_eq!(popped.len() as u64, queued);
        // Handed out, they are ordinary: never queued again, and reclaimed
        // (drop hooks included) once unreachable.
        scrub_stack();
        for _ in 0..3 {
            vm.collect();
        }
        assert!(vm.pop_finalizable().is_none());
        assert_eq!(vm.stats().finalizers_queued, queued);
        let dropped = take_dropped();
        let n = count_in(&dropped, 400_000..400_100);
        assert!(n * 10 >= popped.len() * 9, "only {n} of {} finalized objects reclaimed", popped.len());
        assert!(count_in(&dropped, 450_000..450_100) >= n * 9 / 10, "their children too");
    });
}

#[inline(never)]
fn make_finalizable(vm: &MockVm, first: u64, n: u64) {
    for i in 0..n {
        let node = vm.alloc_node(first + i);
        vm.push_root(node);
        let leaf = vm.alloc_leaf(first + i + 50_000);
        vm.set_field(node, 0, leaf);
        vm.register_finalizer(node);
        vm.register_finalizer(node); // idempotent
        assert_eq!(vm.flags(node) & flags::FINALIZER, flags::FINALIZER);
    }
}

#[test]
fn stress_mode_collects_every_n_allocations() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig { stress: Some(10), verify: false }) else { return };
        for i in 1..=100 {
            black_box(vm.alloc_leaf(600_000 + i));
        }
        let c = vm.stats().collections;
        assert!((10..=20).contains(&c), "{c} collections for 100 allocations");
        build_rooted_list(&vm, 700_000, 300);
        assert!(vm.stats().collections >= 10 + 90, "one per 10 of the 900 allocations");
        check_rooted_list(&vm, 700_000, 300);
        assert_eq!(count_in(&take_dropped(), 700_000..800_000), 0);
    });
}

#[test]
fn the_plugin_can_be_created_again_and_dropped_with_a_full_queue() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        make_finalizable(&vm, 800_000, 20);
        vm.clear_roots();
        scrub_stack();
        vm.collect();
        assert!(vm.stats().finalizers_queued >= 15);
        drop(vm);
        // The queued objects became garbage with their drop hooks back.
        let Some(vm) = self::vm(GcConfig::default()) else { return };
        scrub_stack();
        vm.collect();
        vm.collect();
        assert!(count_in(&take_dropped(), 800_000..800_020) >= 15);
        assert_eq!(vm.stats().finalizers_queued, 0);
    });
}

#[test]
fn another_thread_gets_a_clear_error() {
    // Make sure bdwgc is initialised on the gc thread first.
    let (tx, rx) = channel();
    on_gc_thread(move || {
        let _ = tx.send(vm(GcConfig::default()).is_some());
    });
    if !rx.recv().unwrap() {
        return;
    }
    let err = BoehmGc::new(GcConfig::default()).err().expect("refused off the gc thread");
    assert!(err.contains("thread"), "{err}");
}

mod coroutine {
    //! Objects held only on a suspended corosensei stack.

    use super::*;
    use corosensei::stack::{DefaultStack, Stack};
    use corosensei::{Coroutine, CoroutineResult, Yielder};

    const N: usize = 64;

    /// Runs a coroutine that allocates `N` leaves under stress-mode
    /// collections (on its own stack, after moving bdwgc's stack bottom there),
    /// keeps them only in a local array, and suspends. While it is suspended
    /// the test collects, with or without reporting the coroutine's used stack
    /// as a conservative range. Returns how many of the leaves were dropped.
    fn run(vm: &MockVm, first: u64, report_stack: bool) -> usize {
        let stack = DefaultStack::new(1 << 20).expect("coroutine stack");
        let stack_base = stack.base().get();
        let vm_addr = vm as *const MockVm as usize;
        let mut co: Coroutine<(), usize, u64, DefaultStack> =
            Coroutine::with_stack(stack, move |yielder: &Yielder<(), usize>, ()| {
                // SAFETY: `vm` outlives the coroutine (it is run to completion
                // inside `run`).
                let vm = unsafe { &*(vm_addr as *const MockVm) };
                // SAFETY: we are now running on the coroutine stack, whose
                // highest address is `stack_base`; nothing was allocated since
                // the switch. The thread's own stack holds nothing the
                // coroutine's allocations need: the mock VM's roots live in
                // the Rust heap and are pushed precisely.
                let thread_bottom = unsafe { switch_stack_bottom(stack_base as *mut u8) }.expect("switch");
                let mut leaves = [std::ptr::null_mut::<Header>(); N];
                for (i, slot) in leaves.iter_mut().enumerate() {
                    *slot = vm.alloc_leaf(first + i as u64);
                    // Stress mode collects on this stack meanwhile.
                }
                black_box(&mut leaves);
                for (i, &leaf) in leaves.iter().enumerate() {
                    assert_eq!(vm.id(leaf), first + i as u64, "survived collections on the coroutine stack");
                }
                // SAFETY: about to return to the thread's stack; no allocation
                // until the switch back (the resume returns at once).
                unsafe { switch_stack_bottom(thread_bottom) }.expect("switch back");
                yielder.suspend(current_sp());
                // SAFETY: resumed on the coroutine stack again.
                let thread_bottom = unsafe { switch_stack_bottom(stack_base as *mut u8) }.expect("switch");
                black_box(&leaves);
                if report_stack {
                    for (i, &leaf) in leaves.iter().enumerate() {
                        assert_eq!(vm.id(leaf), first + i as u64, "kept by the suspended stack");
                    }
                }
                // SAFETY: as before the suspension.
                unsafe { switch_stack_bottom(thread_bottom) }.expect("switch back");
                first
            });
        let sp = match co.resume(()) {
            CoroutineResult::Yield(sp) => sp,
            CoroutineResult::Return(_) => panic!("the coroutine should suspend"),
        };
        assert!(sp < stack_base && stack_base - sp < 1 << 20);
        if report_stack {
            vm.roots.ranges.borrow_mut().push((sp, stack_base));
        }
        scrub_stack();
        make_garbage(vm, 9_000_000, 300);
        vm.collect();
        vm.collect();
        let dropped = count_in(&take_dropped(), first..first + N as u64);
        match co.resume(()) {
            CoroutineResult::Return(r) => assert_eq!(r, first),
            CoroutineResult::Yield(_) => panic!("the coroutine should finish"),
        }
        vm.clear_ranges();
        dropped
    }

    #[test]
    fn objects_on_a_suspended_coroutine_stack_survive_when_reported() {
        on_gc_thread(|| {
            let Some(vm) = vm(GcConfig { stress: Some(8), verify: false }) else { return };
            let dropped = run(&vm, 10_000_000, true);
            assert_eq!(dropped, 0, "objects on the reported suspended stack were dropped");
            // The control: the same stack, not reported, protects (almost) nothing.
            let dropped = run(&vm, 11_000_000, false);
            assert!(dropped >= N * 9 / 10, "only {dropped} of {N} dropped without the range");
        });
    }
}

/// Puts `n` unrooted plain nodes (ids from `first`) in weak slots, from a
/// frame that is gone when the caller collects.
#[inline(never)]
fn make_weakly_held(vm: &MockVm, first: u64, n: u64) {
    for i in 0..n {
        let obj = vm.alloc_plain_node(first + i);
        vm.roots.weak.borrow_mut().push(obj as u64);
    }
}

/// Weak slots (`RootSource::weak_roots`) keep nothing alive: after a
/// collection the slots of dead objects are zero and those of live ones
/// unchanged. A stale stack word may keep a few dead ones.
#[test]
fn weak_slots_lose_dead_objects() {
    on_gc_thread(|| {
        let Some(vm) = vm(GcConfig::default()) else { return };
        let live: Vec<*mut Header> = (0..50).map(|i| vm.alloc_plain_node(30_000_000 + i)).collect();
        for &obj in &live {
            vm.push_root(obj);
            vm.roots.weak.borrow_mut().push(obj as u64);
        }
        make_weakly_held(&vm, 31_000_000, 200);
        scrub_stack();
        vm.collect();
        let weak = vm.roots.weak.borrow().clone();
        for (i, &obj) in live.iter().enumerate() {
            assert_eq!(weak[i], obj as u64, "a live object's weak slot changed");
            assert_eq!(vm.id(obj), 30_000_000 + i as u64);
        }
        let cleared = weak[50..].iter().filter(|&&w| w == 0).count();
        assert!(cleared >= 190, "only {cleared} of 200 dead objects' weak slots were cleared");
        vm.roots.weak.borrow_mut().clear();
    });
}
