//! The barrier-checking collector catches a store that skips the write
//! barrier, and accepts the same store made through the barrier.

mod mock_vm;

use mock_vm::{MockVm, NODE_FIELD0};
use skiff_gc::barriercheck::BarrierCheck;
use skiff_gc::{flags, GcConfig};

/// A mock VM on a BarrierCheck with checkpoints every `interval` allocations,
/// plus a pointer to the plugin for direct checks.
fn setup(interval: u64) -> (MockVm, *const BarrierCheck) {
    let bc = Box::new(BarrierCheck::new(GcConfig { stress: Some(interval), verify: true }));
    let p: *const BarrierCheck = &*bc;
    (MockVm::new(bc), p)
}

#[test]
fn store_without_barrier_is_reported() {
    let (vm, bc) = setup(10);
    // SAFETY: the plugin lives inside `vm`, which outlives every use below.
    let bc = unsafe { &*bc };
    let old = vm.alloc_node(1);
    vm.push_root(old);
    for i in 0..20 { let _ = vm.alloc_leaf(100 + i); }
    assert!(bc.checkpoints() >= 1);
    assert_ne!(vm.flags(old) & flags::BARRIER, 0, "survivors of a checkpoint are old");
    let young = vm.alloc_leaf(2);
    vm.push_root(young);
    // Bypass the barrier: a raw store of a young reference into an old object.
    // SAFETY: field 0 of a live node lies at NODE_FIELD0 inside the object.
    unsafe { (old as *mut u8).add(NODE_FIELD0).cast::<u64>().write(young as u64) };
    let err = bc.check(&vm.roots).expect_err("the missing barrier must be caught");
    assert!(err.contains("no write barrier"), "{err}");
    assert!(err.contains("slot +24"), "{err}");

    // The same store through the barrier is accepted.
    vm.set_field(old, 0, young);
    assert!(bc.barrier_calls() >= 1);
    bc.check(&vm.roots).expect("a remembered object may point to young ones");
}

#[test]
fn barriered_mutation_survives_many_checkpoints() {
    let (vm, bc) = setup(7);
    // SAFETY: the plugin lives inside `vm`, which outlives every use below.
    let bc = unsafe { &*bc };
    let mut live = Vec::new();
    for i in 0..50 {
        let n = vm.alloc_node(i);
        vm.push_root(n);
        live.push(n);
    }
    for round in 0..2000u64 {
        let a = live[(round * 7 % 50) as usize];
        let leaf = vm.alloc_leaf(1000 + round);
        vm.set_field(a, (round % 3) as usize, leaf);
    }
    assert!(bc.checkpoints() > 100, "checkpoints ran: {}", bc.checkpoints());
    bc.check(&vm.roots).expect("all stores went through the barrier");
}
