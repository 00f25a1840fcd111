//! skiff-tasklets: the native side of Stackless tasklets.
//!
//! This crate will hold the coroutine stacks tasklets run on and their pool
//! (corosensei), the run queue, channel wait queues, the native stack guard,
//! the cross-thread inbox and the blocking pool. For now it holds only
//! [`stack`]: the bounds of the calling OS thread's stack, which the VM's
//! native stack guard and the collector's conservative root scan both need.

pub mod stack;
pub mod coro;
