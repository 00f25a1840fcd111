//! The loom shim: every cross-thread primitive of the parallel marking
//! protocol ([`crate::parallel`]), from one place.
//!
//! A normal build re-exports `std`'s atomics and crossbeam-deque's deques; a
//! build with `RUSTFLAGS="--cfg loom"` re-exports loom's instrumented atomics
//! and a `Mutex<VecDeque>` stand-in for the deques (crossbeam's atomics are
//! invisible to loom), so `tests/loom_marking.rs` runs the real termination
//! protocol under loom's exhaustive scheduler. The models then check the
//! protocol (idle counting, the re-check before leaving, stealing) and trust
//! crossbeam-deque, which is tested upstream.
//!
//! Only the protocol goes through this shim. The mark bits themselves are
//! atomic operations on object headers (`std` atomics over heap memory,
//! which loom cannot instrument); the models stand in for them with loom
//! atomics of their own.

#[cfg(loom)]
pub use loom::sync::{
    atomic::{fence, AtomicUsize, Ordering},
    Condvar, Mutex, MutexGuard,
};

#[cfg(not(loom))]
pub use std::sync::{
    atomic::{fence, AtomicUsize, Ordering},
    Condvar, Mutex, MutexGuard,
};

/// Locks `mutex`, ignoring poisoning: no lock of the protocol is held while
/// a work item is processed, so a poisoned one can only follow a bug here.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Waits on `condvar`, ignoring poisoning (see [`lock`]).
pub fn wait<'a, T>(condvar: &Condvar, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
    condvar.wait(guard).unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One step of an idle worker's short spin before it sleeps; false once it
/// should sleep. Under loom there is no spin (loom explores a spin loop's
/// every iteration, and lets spinning threads starve a working one): the
/// worker sleeps at once, which the models must then show is always woken.
#[inline]
pub fn spin(step: &mut u32) -> bool {
    #[cfg(loom)]
    {
        let _ = step;
        false
    }
    #[cfg(not(loom))]
    {
        if *step >= 10 {
            return false;
        }
        for _ in 0..(1u32 << *step) {
            std::hint::spin_loop();
        }
        *step += 1;
        true
    }
}

/// Work-stealing deques: crossbeam-deque in a normal build.
#[cfg(not(loom))]
pub mod deque {
    pub use crossbeam_deque::{Injector, Steal, Stealer, Worker};
}

/// Work-stealing deques under loom: a `Mutex<VecDeque>` stand-in for the
/// subset of crossbeam-deque's interface the protocol uses. Every operation
/// is one critical section, so loom sees (and interleaves) each of them; a
/// "batch" steal moves a single item, which keeps the models small. `Retry`
/// is never returned.
#[cfg(loom)]
pub mod deque {
    use loom::sync::{Arc, Mutex};
    use std::collections::VecDeque;

    /// Result of a steal, as in crossbeam-deque.
    pub enum Steal<T> {
        Empty,
        Success(T),
        #[allow(dead_code)] // The protocol handles it; this stand-in never returns it.
        Retry,
    }

    fn pop_front<T>(queue: &Mutex<VecDeque<T>>) -> Steal<T> {
        match queue.lock().unwrap().pop_front() {
            Some(item) => Steal::Success(item),
            None => Steal::Empty,
        }
    }

    /// The global queue the roots go into.
    pub struct Injector<T> {
        queue: Mutex<VecDeque<T>>,
    }

    impl<T> Default for Injector<T> {
        fn default() -> Self {
            Self::new()
        }
    }

    impl<T> Injector<T> {
        pub fn new() -> Self {
            Injector { queue: Mutex::new(VecDeque::new()) }
        }

        pub fn push(&self, item: T) {
            self.queue.lock().unwrap().push_back(item);
        }

        pub fn steal_batch_and_pop(&self, _dest: &Worker<T>) -> Steal<T> {
            pop_front(&self.queue)
        }

        pub fn is_empty(&self) -> bool {
            self.queue.lock().unwrap().is_empty()
        }
    }

    /// A worker's own deque (LIFO for its owner, FIFO for thieves).
    pub struct Worker<T> {
        queue: Arc<Mutex<VecDeque<T>>>,
    }

    impl<T> Worker<T> {
        pub fn new_lifo() -> Self {
            Worker { queue: Arc::new(Mutex::new(VecDeque::new())) }
        }

        pub fn push(&self, item: T) {
            self.queue.lock().unwrap().push_back(item);
        }

        pub fn pop(&self) -> Option<T> {
            self.queue.lock().unwrap().pop_back()
        }

        pub fn is_empty(&self) -> bool {
            self.queue.lock().unwrap().is_empty()
        }

        pub fn stealer(&self) -> Stealer<T> {
            Stealer { queue: self.queue.clone() }
        }
    }

    /// Another thread's handle on a worker's deque.
    pub struct Stealer<T> {
        queue: Arc<Mutex<VecDeque<T>>>,
    }

    impl<T> Stealer<T> {
        pub fn steal_batch_and_pop(&self, _dest: &Worker<T>) -> Steal<T> {
            pop_front(&self.queue)
        }

        pub fn is_empty(&self) -> bool {
            self.queue.lock().unwrap().is_empty()
        }
    }
}
