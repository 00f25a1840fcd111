//! The generational plugin under randomized graph mutation checked against
//! the mock VM's shadow model (as marksweep's suite does), with
//! conservative pins mixed in, and a long run over a small nursery.

#[path = "../../tests/mock_vm/mod.rs"]
mod mock_vm;

use mock_vm::shadow::{run_random_with, RandomRun, RunOptions, RunSummary};
use mock_vm::{take_dropped, MockVm, Rng};
use skiff_gc::{GcConfig, GcParams, GcPlugin, Header};
use skiff_gc_generational::{Generational, MAX_YOUNG};

fn make(config: GcConfig) -> Box<dyn GcPlugin> {
    Box::new(Generational::new(config))
}

/// A 64 KiB nursery: allocation-triggered minor collections all the time.
fn make_small(config: GcConfig) -> Box<dyn GcPlugin> {
    Box::new(Generational::with_params(config, GcParams { nursery_size: 64 * 1024, ..GcParams::default() }))
}

fn verify() -> GcConfig {
    GcConfig { stress: None, verify: true }
}

fn run(make: &dyn Fn(GcConfig) -> Box<dyn GcPlugin>, seed: u64, exact: bool, config: GcConfig, options: RunOptions) -> RunSummary {
    let label = format!("seed {seed}, exact {exact}, {config:?}, {options:?}");
    let s = run_random_with(make, RandomRun { seed, steps: 6000, exact, config }, options);
    eprintln!("{label}: {s:?}");
    assert!(s.dropped > 500 && s.finalized > 20, "{label}: {s:?}");
    s
}

/// Every explicit (full) collection frees exactly the unprotected objects
/// and queues exactly the unreachable registered ones; between them the
/// default 4 MiB nursery never fills, so the plugin collects only when told.
#[test]
fn randomized_mutation_exact() {
    for seed in [1, 2, 3] {
        let s = run(&make, seed, true, verify(), RunOptions::default());
        assert!(s.explicit_collections > 100, "{s:?}");
    }
}

/// The same with objects allocated through the inline path, identities
/// taken and checked, and large arrays and blobs that are allocated old
/// (arrays over MAX_YOUNG are card-marked).
#[test]
fn randomized_mutation_exact_inline_identities_and_large_objects() {
    let large = (MAX_YOUNG - 32) / 8 + 1;
    for seed in [11, 12, 13] {
        let options = RunOptions { inline_alloc: true, large_len: Some(large), identities: true, ..RunOptions::default() };
        let s = run(&make, seed, true, verify(), options);
        assert!(s.explicit_collections > 100 && s.inline_allocated > 300, "{s:?}");
    }
}

/// Exact mode with 40% of objects registered for finalization, over 30
/// seeds: registered young objects pointing at registered old ones, all
/// unreachable at a full collection, which must queue them all (seed 121
/// builds such a case).
#[test]
fn randomized_mutation_exact_many_finalizers() {
    for seed in 101..=130 {
        let options = RunOptions { finalizer_percent: Some(40), ..RunOptions::default() };
        let s = run_random_with(&make, RandomRun { seed, steps: 6000, exact: true, config: verify() }, options);
        assert!(s.finalized > 100, "seed {seed}: {s:?}");
    }
}

/// Stress mode: a collection every 7 allocations, every eighth a major one.
#[test]
fn randomized_mutation_under_stress() {
    for seed in [4, 5] {
        let s = run(&make, seed, false, GcConfig { stress: Some(7), verify: true }, RunOptions::default());
        assert!(s.collections > 200, "{s:?}");
    }
    let options = RunOptions { inline_alloc: true, large_len: Some(1030), identities: true, ..RunOptions::default() };
    let s = run(&make, 6, false, GcConfig { stress: Some(5), verify: true }, options);
    assert!(s.collections > 300, "{s:?}");
}

/// A small nursery, no stress: collections when the nursery fills, with
/// objects allocated inline in between.
#[test]
fn randomized_mutation_small_nursery() {
    for seed in [7, 8] {
        let options = RunOptions { inline_alloc: true, large_len: Some(600), identities: true, ..RunOptions::default() };
        let s = run(&make_small, seed, false, verify(), options);
        assert!(s.collections > 5 && s.inline_allocated > 300, "{s:?}");
    }
}

/// Many large objects (a tenth of the arrays, half of them without drop
/// hooks, so young large objects) and large blobs, with the verifier.
#[test]
fn randomized_mutation_large_objects() {
    for seed in [11, 12] {
        let options = RunOptions { inline_alloc: true, large_len: Some(1100), identities: true, ..RunOptions::default() };
        let s = run(&make_small, seed, false, verify(), options);
        assert!(s.collections > 5, "{s:?}");
    }
}

/// 200,000 small objects over a 64 KiB nursery: a linked list truncated now
/// and then, a ring of recent objects in a large (card-marked) array,
/// conservative pins that come and go (islands, freed by major collections
/// and their space reused). Hundreds of minor collections and a few dozen
/// major ones (mostly explicit), with the verifier on; the heap stays small and every drop hook runs exactly once.
#[test]
fn long_run_with_a_small_nursery() {
    const N: u64 = 200_000;
    const RING: usize = 1100; // 8,832 bytes: allocated old, card-marked
    const CHAIN: usize = 300;
    take_dropped();
    let vm = MockVm::new(make_small(verify()));
    let mut pins = vec![0u64; 8];
    vm.add_range(&pins);
    let mut rng = Rng(42);
    let head = vm.push_root(std::ptr::null_mut());
    let ring = vm.alloc_array(u64::MAX, RING);
    let ring_slot = vm.push_root(ring);
    let mut with_drop = 0u64;
    let mut inline = 0u64;
    let mut max_heap = 0;
    for id in 0..N {
        let obj = match id % 3 {
            0 => {
                with_drop += 1;
                vm.alloc_node(id)
            }
            1 => {
                let (n, fast) = vm.alloc_plain_node_vm(id);
                inline += fast as u64;
                n
            }
            _ => {
                with_drop += 1;
                vm.alloc_array(id, rng.below(4))
            }
        };
        if id % 3 != 2 {
            vm.set_field(obj, 0, vm.root(head));
            vm.set_root(head, obj);
        } else {
            vm.set_field(vm.root(ring_slot), (id as usize / 3) % RING, obj);
        }
        if id % 997 == 0 {
            // Truncate the list.
            let mut p = vm.root(head);
            for _ in 0..CHAIN {
                let next = vm.field(p, 0) as *mut Header;
                if next.is_null() {
                    break;
                }
                p = next;
            }
            vm.set_field(p, 0, std::ptr::null_mut());
        }
        if id % 1499 == 0 {
            // Pin the newest list element through an interior pointer, in a
            // random one of the slots (dropping the pin that was there).
            let k = rng.below(pins.len());
            pins[k] = vm.root(head) as u64 + 8 + 8 * rng.below(4) as u64;
        }
        if id % 10_000 == 9_999 {
            vm.collect();
        }
        if id % 1000 == 0 {
            max_heap = max_heap.max(vm.stats().heap_bytes);
        }
    }
    let st = vm.stats();
    eprintln!("long run: {st:?}, inline {inline}, max heap {max_heap}");
    assert!(st.minor_collections > 100, "{st:?}");
    assert!(st.major_collections >= 20, "{st:?}");
    assert!(st.pinned_objects > 50, "{st:?}");
    assert!(inline > N / 3 / 2, "most plain nodes were allocated inline: {inline}");
    assert!(max_heap < 8 << 20, "the heap stays bounded: {max_heap} bytes, {st:?}");
    // The structure is intact: a list of decreasing ids, a ring of arrays.
    let mut p = vm.root(head);
    let mut last = u64::MAX;
    let mut len = 0;
    while !p.is_null() {
        let id = vm.id(p);
        assert!(id < last && id % 3 != 2, "list element {len}: id {id} after {last}");
        last = id;
        len += 1;
        p = vm.field(p, 0) as *mut Header;
    }
    assert!(len > CHAIN && len < CHAIN + 1000, "{len}");
    let ring = vm.root(ring_slot);
    for k in 0..RING {
        let a = vm.field(ring, k) as *mut Header;
        let id = vm.id(a);
        assert!(id % 3 == 2 && (id as usize / 3) % RING == k, "ring slot {k} holds {id}");
    }
    // Everything goes: each drop hook ran once.
    pins.iter_mut().for_each(|w| *w = 0);
    vm.clear_ranges();
    vm.clear_roots();
    vm.collect();
    let dropped = take_dropped();
    assert_eq!(dropped.len() as u64, with_drop + 1, "the ring array too");
    let mut ids = dropped;
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len() as u64, with_drop + 1, "a drop hook ran twice");
    let st = vm.stats();
    assert!(st.heap_bytes < 8 << 20, "{st:?}");
}
