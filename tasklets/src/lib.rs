//! skiff-tasklets: the native side of Stackless tasklets.
//!
//! This crate holds what tasklets need below the interpreter:
//!
//! - [`stack`]: the bounds of the calling OS thread's stack, which the VM's
//!   native stack guard and the collector's conservative root scan both need.
//! - [`coro`]: the coroutine stacks tasklets run on and their pool
//!   (corosensei).
//! - [`inbox`]: the cross-thread inbox through which other OS threads hand
//!   results to the scheduler thread, and on which the idle scheduler sleeps
//!   (optionally until a timer deadline).
//! - [`pool`]: the blocking pool, worker threads (crossbeam work stealing)
//!   that run blocking calls for tasklets and deliver their completions into
//!   the inbox, with cancellable tickets for killed tasklets.
//!
//! **Invariant:** all cross-thread synchronisation goes through the private
//! loom shim `sync` (`std` normally, loom under `RUSTFLAGS="--cfg loom"`);
//! `tests/loom_models.rs` model-checks the inbox and pool protocols with it.
//! The run queue and channel wait queues will come later.

pub mod inbox;
pub mod pool;
pub mod stack;
mod sync;
pub mod coro;
