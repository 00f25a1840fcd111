//! The cross-thread inbox: how results from other OS threads reach the
//! scheduler thread.
//!
//! Python runs on one OS thread, the scheduler thread. Work that must block
//! (file reads and writes) runs on the [`crate::pool::BlockingPool`]'s worker
//! threads, and each finished job is [`Inbox::push`]ed here. The scheduler
//! drains the inbox between tasklet switches with [`Inbox::try_drain`] and,
//! when nothing is runnable, sleeps in [`Inbox::wait`] until something
//! arrives or the earliest sleeping tasklet's timer is due.
//!
//! ```text
//!   worker threads (many)              scheduler thread (one)
//!   ---------------------              ----------------------
//!                                       run tasklets ...
//!   push(x): lock                       try_drain(out): len == 0? -> return
//!            items.push_back(x)                         else lock, take all
//!            len = items.len()          nothing runnable:
//!            wake = sleepers > 0        wait(out, deadline): lock
//!            unlock                       loop { items non-empty? take all, true
//!            wake? notify_one  ------->          past deadline?      false
//!                                                sleepers += 1
//!                                                condvar wait (unlocks)
//!                                                sleepers -= 1 }
//! ```
//!
//! # State and who touches it
//!
//! - `state.items`, `state.sleepers`: only under the `state` mutex, by
//!   pushers and by the draining/waiting thread.
//! - `len`: written only under the mutex (to `items.len()` after every change),
//!   read without it by [`Inbox::try_drain`] and [`Inbox::has_pending`] as a
//!   hint. A stale zero only delays a non-blocking drain; it is never what a
//!   blocking decision rests on.
//!
//! # No lost wakeup
//!
//! The waiter decides to sleep while holding the mutex, after seeing `items`
//! empty, and the condvar wait releases that mutex atomically. A pusher
//! appends under the same mutex, so each push is ordered either before the
//! waiter's check (the waiter sees the item and does not sleep) or after the
//! waiter is asleep with `sleepers > 0` (the pusher notifies it). There is no
//! third case. Spurious wakeups are harmless: the waiter loops and re-checks.
//! `tests/loom_models.rs` checks this in every interleaving.
//!
//! # Deadlines under loom
//!
//! loom cannot model time. Built with `--cfg loom`, `wait` with
//! `Some(deadline)` treats the deadline as already passed: it drains whatever
//! is queued and never blocks. `wait(out, None)` blocks as usual, and that is
//! the path the models exercise.

use crate::sync::{lock, AtomicUsize, Condvar, Mutex, Ordering};
use std::collections::VecDeque;
use std::time::Instant;

/// A many-producer, single-consumer queue whose consumer can block until an
/// item arrives or a deadline passes.
///
/// Any thread may [`push`](Inbox::push). Draining and waiting are meant for
/// one thread (the scheduler); several waiters are still correct (each push
/// wakes at most one of them, and a woken waiter takes everything queued), but
/// one of them may take items the others were hoping for.
pub struct Inbox<T> {
    state: Mutex<State<T>>,
    /// Signalled by a push when `state.sleepers > 0`.
    ready: Condvar,
    /// Mirror of `state.items.len()`, readable without the lock (a hint).
    len: AtomicUsize,
}

struct State<T> {
    items: VecDeque<T>,
    /// Threads inside [`Inbox::wait`]'s condvar wait. Pushes notify only when
    /// this is non-zero, so a busy scheduler costs producers no wake-up call.
    sleepers: usize,
}

impl<T> Inbox<T> {
    /// An empty inbox.
    pub fn new() -> Self {
        Inbox {
            state: Mutex::new(State {
                items: VecDeque::new(),
                sleepers: 0,
            }),
            ready: Condvar::new(),
            len: AtomicUsize::new(0),
        }
    }

    /// Appends `item` and wakes the consumer if it is blocked in
    /// [`wait`](Inbox::wait). Callable from any thread.
    pub fn push(&self, item: T) {
        let wake = {
            let mut state = lock(&self.state);
            state.items.push_back(item);
            self.len.store(state.items.len(), Ordering::Release);
            state.sleepers > 0
        };
        // Notifying after unlocking saves the woken thread from blocking on
        // the mutex we would still hold. It cannot be lost: the sleeper
        // counted in `sleepers` stays a condvar waiter until notified.
        if wake {
            self.ready.notify_one();
        }
    }

    /// Whether anything seemed to be queued a moment ago, without locking.
    /// A hint: `false` may be stale while a push completes concurrently.
    pub fn has_pending(&self) -> bool {
        self.len.load(Ordering::Acquire) != 0
    }

    /// Appends everything queued to `out` without blocking. Returns whether
    /// anything was appended. The empty case takes no lock.
    pub fn try_drain(&self, out: &mut Vec<T>) -> bool {
        if !self.has_pending() {
            return false;
        }
        let mut state = lock(&self.state);
        self.take_all(&mut state, out)
    }

    /// Blocks until at least one item is queued, then appends everything
    /// queued to `out` and returns `true`; or returns `false` once `deadline`
    /// (if any) has passed with nothing queued. Items already queued are
    /// taken even if the deadline has passed.
    ///
    /// Built with `--cfg loom`, `Some(deadline)` never blocks (see the module
    /// doc).
    pub fn wait(&self, out: &mut Vec<T>, deadline: Option<Instant>) -> bool {
        let mut state = lock(&self.state);
        loop {
            if self.take_all(&mut state, out) {
                return true;
            }
            state.sleepers += 1;
            state = match deadline {
                None => crate::sync::wait(&self.ready, state),
                #[cfg(not(loom))]
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        state.sleepers -= 1;
                        return false;
                    }
                    crate::sync::wait_timeout(&self.ready, state, deadline - now)
                }
                #[cfg(loom)]
                Some(_) => {
                    state.sleepers -= 1;
                    return false;
                }
            };
            state.sleepers -= 1;
        }
    }

    /// Moves every queued item to `out`; the caller holds the lock.
    fn take_all(&self, state: &mut State<T>, out: &mut Vec<T>) -> bool {
        if state.items.is_empty() {
            return false;
        }
        out.extend(state.items.drain(..));
        self.len.store(0, Ordering::Release);
        true
    }
}

impl<T> Default for Inbox<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::sync::{thread, Arc};
    use std::time::Duration;

    #[test]
    fn try_drain_takes_everything_in_order() {
        let inbox = Inbox::new();
        let mut out = Vec::new();
        assert!(!inbox.try_drain(&mut out));
        assert!(!inbox.has_pending());
        inbox.push(1);
        inbox.push(2);
        inbox.push(3);
        assert!(inbox.has_pending());
        assert!(inbox.try_drain(&mut out));
        assert_eq!(out, [1, 2, 3]);
        assert!(!inbox.has_pending());
        assert!(!inbox.try_drain(&mut out));
        assert_eq!(out, [1, 2, 3]);
    }

    #[test]
    fn wait_with_deadline_times_out_when_empty() {
        let inbox: Inbox<u32> = Inbox::new();
        let mut out = Vec::new();
        let start = Instant::now();
        let deadline = start + Duration::from_millis(30);
        assert!(!inbox.wait(&mut out, Some(deadline)));
        assert!(Instant::now() >= deadline);
        assert!(out.is_empty());
        // A deadline in the past returns at once.
        assert!(!inbox.wait(&mut out, Some(start)));
    }

    #[test]
    fn wait_takes_queued_items_even_past_the_deadline() {
        let inbox = Inbox::new();
        inbox.push("a");
        let mut out = Vec::new();
        assert!(inbox.wait(&mut out, Some(Instant::now() - Duration::from_millis(1))));
        assert_eq!(out, ["a"]);
    }

    #[test]
    fn wait_wakes_on_push_from_another_thread() {
        let inbox = Arc::new(Inbox::new());
        let producer = {
            let inbox = inbox.clone();
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(20));
                inbox.push(42u64);
            })
        };
        let mut out = Vec::new();
        // A generous deadline: the push must end the wait long before it.
        let deadline = Instant::now() + Duration::from_secs(30);
        assert!(inbox.wait(&mut out, Some(deadline)));
        assert_eq!(out, [42]);
        assert!(Instant::now() < deadline);
        producer.join().unwrap();
    }

    #[test]
    fn many_producers_every_item_arrives_once() {
        const PRODUCERS: u64 = 4;
        const EACH: u64 = 2_000;
        let inbox = Arc::new(Inbox::new());
        let producers: Vec<_> = (0..PRODUCERS)
            .map(|p| {
                let inbox = inbox.clone();
                thread::spawn(move || {
                    for i in 0..EACH {
                        inbox.push(p * EACH + i);
                    }
                })
            })
            .collect();
        let mut out = Vec::new();
        let mut seen = vec![false; (PRODUCERS * EACH) as usize];
        // Items from one producer arrive in the order it pushed them.
        let mut next = vec![0; PRODUCERS as usize];
        let mut received = 0;
        while received < PRODUCERS * EACH {
            out.clear();
            assert!(inbox.wait(&mut out, None));
            for &x in &out {
                assert!(!seen[x as usize], "item {x} delivered twice");
                seen[x as usize] = true;
                let (p, i) = ((x / EACH) as usize, x % EACH);
                assert_eq!(i, next[p], "producer {p}'s items out of order");
                next[p] += 1;
            }
            received += out.len() as u64;
        }
        for p in producers {
            p.join().unwrap();
        }
        assert!(seen.iter().all(|&s| s));
        assert!(!inbox.try_drain(&mut out));
    }
}
