//! The loom shim: every cross-thread primitive the crate uses, from one place.
//!
//! [`crate::inbox`] and [`crate::pool`] take their mutexes, condition
//! variables, atomics, `Arc` and threads from here and never from `std::sync`
//! directly. A normal build re-exports the `std` items; a build with
//! `RUSTFLAGS="--cfg loom"` re-exports loom's instrumented doubles instead, so
//! `tests/loom_models.rs` can run the real inbox and pool code under loom's
//! exhaustive scheduler and explore every interleaving of their protocols
//! (up to `LOOM_MAX_PREEMPTIONS` preemptions).
//!
//! The work-stealing deques ([`deque`]) are crossbeam-deque's in a normal
//! build. crossbeam's atomics are invisible to loom, so under `cfg(loom)`
//! [`deque`] is a small stand-in with the same interface built on the shim's
//! `Mutex<VecDeque>`: the models then check the pool's own protocol (ticket
//! states, parking, shutdown) and trust crossbeam's deque, which is tested
//! upstream (with its own loom configuration).
//!
//! Poisoning: no lock in this crate is held while user code runs (jobs run
//! outside every lock and their panics are caught), so a poisoned lock can only
//! follow a bug in this crate. [`lock`] and [`wait`] ignore poisoning rather
//! than turning one panic into a cascade on other threads.

#[cfg(loom)]
pub use loom::sync::{
    atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering},
    Arc, Condvar, Mutex, MutexGuard,
};
#[cfg(loom)]
pub use loom::thread;

#[cfg(not(loom))]
pub use std::sync::{
    atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering},
    Arc, Condvar, Mutex, MutexGuard,
};
#[cfg(not(loom))]
pub use std::thread;

use std::sync::PoisonError;

/// Locks `mutex`, ignoring poisoning (see the module doc).
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Waits on `condvar`, ignoring poisoning (see the module doc).
pub(crate) fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(PoisonError::into_inner)
}

/// Waits on `condvar` for at most `timeout`, ignoring poisoning. Whether the
/// wait timed out is not reported: callers re-check their own deadline.
#[cfg(not(loom))]
pub(crate) fn wait_timeout<'a, T>(
    condvar: &Condvar,
    guard: MutexGuard<'a, T>,
    timeout: std::time::Duration,
) -> MutexGuard<'a, T> {
    match condvar.wait_timeout(guard, timeout) {
        Ok((guard, _)) => guard,
        Err(poisoned) => poisoned.into_inner().0,
    }
}

/// Work-stealing deques: crossbeam-deque in a normal build.
#[cfg(not(loom))]
pub(crate) mod deque {
    pub(crate) use crossbeam_deque::{Injector, Steal, Stealer, Worker};
}

/// Work-stealing deques under loom: a `Mutex<VecDeque>` stand-in for the
/// subset of crossbeam-deque's interface the pool uses. Every operation is
/// one critical section, so loom sees (and interleaves) each of them; a
/// "batch" steal moves a single job, which keeps the models small. `Retry`
/// is never returned.
#[cfg(loom)]
pub(crate) mod deque {
    use super::{lock, Arc, Mutex};
    use std::collections::VecDeque;

    /// Result of a steal, as in crossbeam-deque.
    pub(crate) enum Steal<T> {
        Empty,
        Success(T),
        #[allow(dead_code)] // The pool handles it; this stand-in never returns it.
        Retry,
    }

    /// The global queue every submission goes into.
    pub(crate) struct Injector<T> {
        queue: Mutex<VecDeque<T>>,
    }

    impl<T> Injector<T> {
        pub(crate) fn new() -> Self {
            Injector {
                queue: Mutex::new(VecDeque::new()),
            }
        }

        pub(crate) fn push(&self, item: T) {
            lock(&self.queue).push_back(item);
        }

        pub(crate) fn steal(&self) -> Steal<T> {
            match lock(&self.queue).pop_front() {
                Some(item) => Steal::Success(item),
                None => Steal::Empty,
            }
        }

        pub(crate) fn steal_batch_and_pop(&self, _dest: &Worker<T>) -> Steal<T> {
            self.steal()
        }

        pub(crate) fn is_empty(&self) -> bool {
            lock(&self.queue).is_empty()
        }
    }

    /// A worker thread's own queue (FIFO, like the pool's crossbeam workers).
    pub(crate) struct Worker<T> {
        queue: Arc<Mutex<VecDeque<T>>>,
    }

    impl<T> Worker<T> {
        pub(crate) fn new_fifo() -> Self {
            Worker {
                queue: Arc::new(Mutex::new(VecDeque::new())),
            }
        }

        pub(crate) fn pop(&self) -> Option<T> {
            lock(&self.queue).pop_front()
        }

        pub(crate) fn is_empty(&self) -> bool {
            lock(&self.queue).is_empty()
        }

        pub(crate) fn stealer(&self) -> Stealer<T> {
            Stealer {
                queue: self.queue.clone(),
            }
        }
    }

    /// Another thread's handle on a worker's queue.
    pub(crate) struct Stealer<T> {
        queue: Arc<Mutex<VecDeque<T>>>,
    }

    impl<T> Stealer<T> {
        pub(crate) fn steal(&self) -> Steal<T> {
            match lock(&self.queue).pop_front() {
                Some(item) => Steal::Success(item),
                None => Steal::Empty,
            }
        }

        pub(crate) fn is_empty(&self) -> bool {
            lock(&self.queue).is_empty()
        }
    }
}
