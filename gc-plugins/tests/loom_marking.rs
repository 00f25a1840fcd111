//! loom models of the parallel marking termination protocol
//! (`skiff_gc::parallel`): the real `WorkPool::run_worker`, driven with plain
//! integers as "objects" whose "children" come from a small graph, on 2 and
//! 3 workers.
//!
//! Built only with `--cfg loom`, which swaps the crate's sync shim to loom's
//! primitives (and crossbeam's deques for a `Mutex<VecDeque>` stand-in);
//! loom then runs each model under every interleaving of its threads up to
//! `LOOM_MAX_PREEMPTIONS` preemptions:
//!
//! ```text
//! RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 CARGO_TARGET_DIR=target/loom \
//!     cargo test -p skiff-gc --release --test loom_marking
//! ```
//!
//! Each model checks that
//! - every reachable object is marked and traced exactly once, and nothing
//!   else is (no lost or duplicated work);
//! - no worker returns while work remains: an item pushed and not yet fully
//!   processed (a `pending` counter, raised before a push and lowered after
//!   the item's children are pushed) is zero whenever a worker exits;
//! - the protocol terminates: loom fails a model whose threads all block
//!   (deadlock), or that keeps spinning past its branch limit (livelock).
//!
//! Workers publish every item they push (`publish_min` 0), so thieves can
//! take anything at any time. Under loom idle workers sleep at once (no
//! spin), so every wake-up path is exercised.
//!
//! **The models can fail.** Three deliberate breaks of the protocol, each
//! tried by editing `run_worker` and running these models (then reverted):
//! 1. Stealing while still counted as idle (the IDLE loop steals first and
//!    decrements `idle` only on success, instead of decrementing before it
//!    steals): all four models fail with "a worker exited while work
//!    remained" (the three-worker one at bound 3). The thief, counted idle,
//!    holds an item; the other worker goes idle, reads `idle == n` and exits
//!    while the thief still works. It takes three preemptions (the thief
//!    must first go to sleep, then be woken by a publish and run between the
//!    other's steps), which is why the two-worker models run with a bound of
//!    at least 3 whatever `LOOM_MAX_PREEMPTIONS` says; the three-worker
//!    model takes about 11 s at bound 3, so it keeps the environment's bound.
//! 2. No idle counting at all (a worker returns as soon as it finds every
//!    queue empty): every model fails with the same assertion, at bound 2:
//!    the queues are empty while the other worker processes an item whose
//!    children it has not pushed yet.
//! 3. No wake-up when the last worker goes idle: every model fails with
//!    loom's "deadlock" (the sleepers are never woken).
//!
//! Breaks 1 and 2 still mark everything (every worker drains its own
//! queues before leaving), which is why the models check exits, not only
//! marks: an early exit silently costs the parallelism.
#![cfg(loom)]

use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use loom::sync::Arc;
use loom::thread;
use skiff_gc::parallel::WorkPool;

/// What the workers share besides the pool: the graph and the model's
/// bookkeeping.
struct Model {
    graph: &'static [&'static [usize]],
    marked: Vec<AtomicBool>,
    traced: Vec<AtomicUsize>,
    pending: AtomicUsize,
}

/// Runs one model: `roots` pushed before the workers start, `workers`
/// threads (the model's main thread is worker 0).
fn check(graph: &'static [&'static [usize]], roots: &'static [usize], workers: usize) {
    let mut builder = loom::model::Builder::new();
    if workers == 2 {
        // The least bound that exposes break 1 above; cheap for 2 workers.
        builder.preemption_bound = Some(builder.preemption_bound.unwrap_or(0).max(3));
    }
    builder.check(move || {
        let model = Arc::new(Model {
            graph,
            marked: (0..graph.len()).map(|_| AtomicBool::new(false)).collect(),
            traced: (0..graph.len()).map(|_| AtomicUsize::new(0)).collect(),
            pending: AtomicUsize::new(0),
        });
        let (pool, deques) = WorkPool::new(workers, 0);
        for &r in roots {
            if !model.marked[r].swap(true, Ordering::SeqCst) {
                model.pending.fetch_add(1, Ordering::SeqCst);
                pool.push_root(r);
            }
        }
        let pool = Arc::new(pool);
        let mut deques = deques.into_iter();
        let mine = deques.next().unwrap();
        let handles: Vec<_> = deques
            .map(|deque| {
                let (pool, model) = (pool.clone(), model.clone());
                thread::spawn(move || work(&pool, deque, &model))
            })
            .collect();
        work(&pool, mine, &model);
        for h in handles {
            h.join().unwrap();
        }

        let reachable = reachable(graph, roots);
        for (i, &reach) in reachable.iter().enumerate() {
            assert_eq!(model.marked[i].load(Ordering::SeqCst), reach, "object {i} marked: {}", !reach);
            let times = model.traced[i].load(Ordering::SeqCst);
            assert_eq!(times, reach as usize, "object {i} traced {times} times");
        }
    });
}

/// One worker: trace an object = mark its unmarked children and push them.
fn work(pool: &WorkPool<usize>, deque: skiff_gc::parallel::WorkerDeque<usize>, model: &Model) {
    pool.run_worker(deque, |obj, local| {
        model.traced[obj].fetch_add(1, Ordering::SeqCst);
        for &child in model.graph[obj] {
            if !model.marked[child].swap(true, Ordering::SeqCst) {
                model.pending.fetch_add(1, Ordering::SeqCst);
                local.push(child);
            }
        }
        model.pending.fetch_sub(1, Ordering::SeqCst);
    });
    assert_eq!(model.pending.load(Ordering::SeqCst), 0, "a worker exited while work remained");
}

/// The objects reachable from `roots`, sequentially.
fn reachable(graph: &[&[usize]], roots: &[usize]) -> Vec<bool> {
    let mut seen = vec![false; graph.len()];
    let mut stack: Vec<usize> = roots.to_vec();
    while let Some(i) = stack.pop() {
        if !std::mem::replace(&mut seen[i], true) {
            stack.extend_from_slice(graph[i]);
        }
    }
    seen
}

/// A diamond: 0 -> {1, 2} -> 3, both workers racing to mark 3; 4 is garbage.
#[test]
fn two_workers_diamond() {
    check(&[&[1, 2], &[3], &[3], &[], &[0]], &[0], 2);
}

/// Two roots and a cycle through a shared object: 0 -> 2, 1 -> 2, 2 -> 0.
#[test]
fn two_workers_two_roots_and_a_cycle() {
    check(&[&[2], &[2], &[0]], &[0, 1], 2);
}

/// A chain: nothing to steal from but one item at a time.
#[test]
fn two_workers_chain() {
    check(&[&[1], &[2], &[]], &[0], 2);
}

/// Three workers, one root with two children sharing a grandchild.
#[test]
fn three_workers_shared_child() {
    check(&[&[1, 2], &[3], &[3], &[]], &[0], 3);
}
