//! Work-stealing parallel tracing and its termination protocol, generic over
//! the work item so that a loom model (`tests/loom_marking.rs`) can drive the
//! same code with plain integers standing for objects. `marksweep` uses it
//! for parallel marking (items are grey objects); the old generation of the
//! generational collector is meant to reuse it.
//!
//! **Queues.** Each of the `n` workers owns a private stack (a `Vec`, no
//! synchronisation: where almost all pushes and pops go) and a shared
//! crossbeam-deque [`Worker`](crate::sync::deque::Worker) that the others
//! steal from. A worker publishes half of its private stack to its shared
//! deque when the stack holds more than `publish_min` items and the deque is
//! empty (someone stole everything, or nothing was ever published). The
//! roots go into one shared injector before the workers start.
//!
//! **States of a worker**, the shared counter `idle` and the wake-up
//! `epoch` (a `Mutex<u64>` with a condition variable):
//!
//! ```text
//!          pop private / pop shared / steal (injector, then the others)
//!   +---> BUSY ------------------------------------------------------+
//!   |       | found nothing                                          |
//!   |       v                                                        |
//!   |  idle += 1; if that made it n: bump epoch (wake all), DONE     |
//!   |     IDLE: loop {                                               |
//!   |       e = epoch            (only once the short spin is over)  |
//!   |       if idle == n                          -> DONE (exit)     |
//!   |       if the injector or another deque looks non-empty:        |
//!   +------------ idle -= 1, back to BUSY                            |
//!               spin a little, or sleep until epoch != e }           |
//!                                                                    |
//!   process(item) pushes new items (only while BUSY); publishing  <--+
//!   them to the shared deque bumps the epoch if idle > 0
//! ```
//!
//! **Invariant:** a worker counted in `idle` has an empty private stack and
//! an empty shared deque, and pushes nothing until it has left `idle` again
//! (it decrements `idle` *before* it steals). Items are only created by
//! `process`, which runs only in BUSY workers. So when `idle == n`, no
//! worker is processing an item and every queue is empty: the work is done,
//! and every worker that reads `n` may exit. A worker that saw work and
//! leaves IDLE may find it already stolen; it then goes idle again, and the
//! count only reaches `n` once it has. Once `idle == n` nobody can push, and
//! nobody decrements again (that needs a non-empty queue), so exiting never
//! races with new work.
//!
//! **No lost wake-up.** A sleeper read the epoch *before* its last checks;
//! whoever could change their outcome bumps the epoch *after* its change:
//! the worker that makes `idle == n` bumps after its increment, and a
//! publisher pushes, then (behind a SeqCst fence, against the sleeper's
//! SeqCst increment of `idle`) reads `idle` and bumps if it is non-zero. So
//! either the sleeper's checks saw the change, or the epoch moved and its
//! wait returns at once.
//!
//! Who touches what: the private stack only its owner; the shared deque its
//! owner (push, pop) and thieves (steal); the injector the caller (before the
//! workers start) and every worker (steal); `idle` and `epoch` every worker.

use crate::sync::deque::{Injector, Steal, Stealer, Worker};
use crate::sync::{fence, lock, spin, wait, AtomicUsize, Condvar, Mutex, Ordering};

/// The shared half of a parallel traversal: the injector, a stealer for
/// every worker's deque and the idle counter.
pub struct WorkPool<T> {
    injector: Injector<T>,
    stealers: Vec<Stealer<T>>,
    idle: AtomicUsize,
    /// Bumped (with a notification) whenever sleeping idle workers should
    /// look again: see the module docs.
    epoch: Mutex<u64>,
    wake: Condvar,
    publish_min: usize,
}

/// One worker's own deque, to be moved to the thread that runs the worker.
pub struct WorkerDeque<T> {
    index: usize,
    shared: Worker<T>,
}

/// What `process` pushes newly found work into (the worker's private stack).
pub struct Local<T> {
    private: Vec<T>,
}

impl<T> Local<T> {
    /// Schedules `item` for processing (by this worker, or a thief).
    #[inline]
    pub fn push(&mut self, item: T) {
        self.private.push(item);
    }
}

impl<T> WorkPool<T> {
    /// A pool for `workers` workers (at least 1) and their deques, in worker
    /// order. A worker publishes part of its private stack once it holds more
    /// than `publish_min` items.
    pub fn new(workers: usize, publish_min: usize) -> (WorkPool<T>, Vec<WorkerDeque<T>>) {
        assert!(workers >= 1, "a work pool needs a worker");
        let deques: Vec<WorkerDeque<T>> =
            (0..workers).map(|index| WorkerDeque { index, shared: Worker::new_lifo() }).collect();
        let stealers = deques.iter().map(|d| d.shared.stealer()).collect();
        let pool = WorkPool {
            injector: Injector::new(),
            stealers,
            idle: AtomicUsize::new(0),
            epoch: Mutex::new(0),
            wake: Condvar::new(),
            publish_min,
        };
        (pool, deques)
    }

    /// Adds an initial item. Only before any worker runs: items pushed once
    /// workers may have gone idle could be missed.
    pub fn push_root(&self, item: T) {
        self.injector.push(item);
    }

    /// Accounts for a worker that will never run (its thread could not be
    /// started): it counts as idle for good. Its deque must be unused (then
    /// dropped), and some other worker must not have started yet (so the
    /// count cannot reach `n` early), e.g. the caller's own.
    pub fn retire_worker(&self) {
        if self.idle.fetch_add(1, Ordering::SeqCst) + 1 == self.stealers.len() {
            self.wake_all();
        }
    }

    /// Runs one worker until all the work is done: `process(item, local)` is
    /// called once for every item pushed (as a root, or into some worker's
    /// `local`), on one of the workers. Every worker of the pool must run
    /// (each on its own thread) or be retired, or this never returns.
    pub fn run_worker(&self, deque: WorkerDeque<T>, mut process: impl FnMut(T, &mut Local<T>)) {
        let me = deque.index;
        let n = self.stealers.len();
        let shared = &deque.shared;
        let mut local = Local { private: Vec::new() };
        loop {
            // BUSY.
            while let Some(item) = local.private.pop().or_else(|| shared.pop()).or_else(|| self.steal(me, shared)) {
                process(item, &mut local);
                let len = local.private.len();
                if len > self.publish_min && shared.is_empty() {
                    for item in local.private.drain(len - len.div_ceil(2)..) {
                        shared.push(item);
                    }
                    // Against the SeqCst increment of `idle` by a worker
                    // going idle: it sees the items, or we see it.
                    fence(Ordering::SeqCst);
                    if self.idle.load(Ordering::SeqCst) > 0 {
                        self.wake_all();
                    }
                }
            }
            // IDLE: both own queues are empty (the loop above found nothing
            // in either, and only this thread pushes to them).
            if self.idle.fetch_add(1, Ordering::SeqCst) + 1 == n {
                self.wake_all();
                return;
            }
            let mut step = 0;
            let mut sleepy = false;
            loop {
                let epoch = if sleepy { Some(*lock(&self.epoch)) } else { None };
                if self.idle.load(Ordering::SeqCst) == n {
                    return;
                }
                if self.work_visible(me) {
                    // Leave IDLE before stealing: a thief counted as idle
                    // could let the others see `idle == n` and exit while it
                    // still works (tests/loom_marking.rs catches that).
                    self.idle.fetch_sub(1, Ordering::SeqCst);
                    break;
                }
                match epoch {
                    None => sleepy = !spin(&mut step),
                    Some(seen) => {
                        let mut now = lock(&self.epoch);
                        while *now == seen {
                            now = wait(&self.wake, now);
                        }
                    }
                }
            }
        }
    }

    /// Wakes every sleeping idle worker to look again.
    fn wake_all(&self) {
        *lock(&self.epoch) += 1;
        self.wake.notify_all();
    }

    /// Takes an item from the injector or another worker's deque (moving a
    /// batch into `dest` where the deque allows), or `None` if every one of
    /// them was empty.
    fn steal(&self, me: usize, dest: &Worker<T>) -> Option<T> {
        let n = self.stealers.len();
        loop {
            let mut retry = false;
            match self.injector.steal_batch_and_pop(dest) {
                Steal::Success(item) => return Some(item),
                Steal::Retry => retry = true,
                Steal::Empty => {}
            }
            for k in 1..n {
                match self.stealers[(me + k) % n].steal_batch_and_pop(dest) {
                    Steal::Success(item) => return Some(item),
                    Steal::Retry => retry = true,
                    Steal::Empty => {}
                }
            }
            if !retry {
                return None;
            }
        }
    }

    /// Whether the injector or another worker's deque looks non-empty.
    fn work_visible(&self, me: usize) -> bool {
        !self.injector.is_empty() || self.stealers.iter().enumerate().any(|(i, s)| i != me && !s.is_empty())
    }
}
