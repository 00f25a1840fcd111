//! Pooled coroutine stacks for tasklets.
//!
//! A tasklet that is blocked inside native code (a hard switch) keeps a
//! corosensei coroutine and therefore a native stack; one blocked at
//! bytecode level keeps none (a soft switch). Stacks are expensive to map and
//! cheap to reuse, so finished coroutines give their stack back to a
//! [`StackPool`], which hands it to the next coroutine.
//!
//! Each stack is `mmap`ed by corosensei's `DefaultStack` with a guard page
//! below it; pages are committed by the kernel only when first touched, so a
//! large configured size costs address space, not memory. The VM's native
//! stack guard keeps a red zone above the guard page (see `skiff_vm::vm`), so
//! deep native recursion on a tasklet stack becomes `RecursionError`.
//!
//! ```text
//!   hi = base() --------------+  first frame of the coroutine
//!   | used part               |  <- scanned conservatively from the saved
//!   | (frames, spilled regs)  |     stack pointer while suspended
//!   | ...                     |
//!   | red zone (stack guard)  |
//!   lo = limit() -------------+
//!   | guard page (PROT_NONE)  |
//! ```

use crate::stack::StackBounds;
use corosensei::stack::{DefaultStack, Stack};

/// Default usable size of a tasklet stack: 1 MiB of address space.
pub const DEFAULT_STACK_SIZE: usize = 1 << 20;

/// Counters describing the pool, for tests and `stackless` statistics.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PoolStats {
    /// Stacks mapped since the pool was created.
    pub created: u64,
    /// Times a stack was handed out from the free list instead of mapped.
    pub reused: u64,
    /// Stacks handed out and not yet given back (owned by live coroutines).
    pub in_use: u64,
    /// Highest `in_use` seen.
    pub peak_in_use: u64,
    /// Stacks waiting in the free list.
    pub free: u64,
}

/// A free list of coroutine stacks of one size.
pub struct StackPool {
    size: usize,
    max_free: usize,
    free: Vec<DefaultStack>,
    stats: PoolStats,
}

impl StackPool {
    /// A pool of stacks with `size` usable bytes each, keeping at most
    /// `max_free` unused stacks mapped.
    pub fn new(size: usize, max_free: usize) -> StackPool {
        StackPool { size, max_free, free: Vec::new(), stats: PoolStats::default() }
    }

    /// Usable size of each stack in bytes.
    pub fn stack_size(&self) -> usize { self.size }

    /// A stack from the free list, or a newly mapped one.
    pub fn take(&mut self) -> std::io::Result<DefaultStack> {
        let s = match self.free.pop() {
            Some(s) => { self.stats.reused += 1; s }
            None => {
                let s = DefaultStack::new(self.size)?;
                self.stats.created += 1;
                s
            }
        };
        self.stats.in_use += 1;
        self.stats.peak_in_use = self.stats.peak_in_use.max(self.stats.in_use);
        self.stats.free = self.free.len() as u64;
        Ok(s)
    }

    /// Returns a stack whose coroutine has finished.
    pub fn give(&mut self, s: DefaultStack) {
        self.stats.in_use = self.stats.in_use.saturating_sub(1);
        if self.free.len() < self.max_free { self.free.push(s); }
        self.stats.free = self.free.len() as u64;
    }

    /// Records that a stack handed out will never come back (its coroutine
    /// was leaked at shutdown).
    pub fn forget_one(&mut self) {
        self.stats.in_use = self.stats.in_use.saturating_sub(1);
    }

    pub fn stats(&self) -> PoolStats { self.stats }
}

/// The usable address range of a coroutine stack.
pub fn bounds<S: Stack>(s: &S) -> StackBounds {
    StackBounds { lo: s.limit().get(), hi: s.base().get() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corosensei::{Coroutine, CoroutineResult};

    #[test]
    fn stacks_are_reused_after_their_coroutine_finishes() {
        let mut pool = StackPool::new(64 * 1024, 4);
        for round in 0..3u64 {
            let stack = pool.take().unwrap();
            let b = bounds(&stack);
            assert!(b.size() >= 64 * 1024);
            let mut co = Coroutine::with_stack(stack, move |y: &corosensei::Yielder<(), u64>, ()| {
                let local = 5u64;
                let addr = &local as *const u64 as usize;
                assert!(b.contains(addr), "coroutine runs on its pooled stack");
                y.suspend(round);
                round * 2
            });
            assert_eq!(co.resume(()), CoroutineResult::Yield(round));
            assert_eq!(co.resume(()), CoroutineResult::Return(round * 2));
            assert_eq!(pool.stats().in_use, 1);
            pool.give(co.into_stack());
        }
        let st = pool.stats();
        assert_eq!(st.created, 1);
        assert_eq!(st.reused, 2);
        assert_eq!(st.in_use, 0);
        assert_eq!(st.peak_in_use, 1);
        assert_eq!(st.free, 1);
    }

    #[test]
    fn free_list_is_bounded() {
        let mut pool = StackPool::new(16 * 1024, 1);
        let a = pool.take().unwrap();
        let b = pool.take().unwrap();
        assert_eq!(pool.stats().peak_in_use, 2);
        pool.give(a);
        pool.give(b);
        assert_eq!(pool.stats().free, 1);
        assert_eq!(pool.stats().in_use, 0);
    }
}
