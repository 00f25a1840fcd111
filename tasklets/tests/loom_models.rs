//! loom models of the cross-thread protocols: the inbox's sleep/wake
//! handshake, ticket cancellation racing a job's completion, and pool
//! shutdown with jobs in flight.
//!
//! Built only with `--cfg loom`, which swaps the crate's sync shim to loom's
//! primitives; loom then runs each model under every interleaving of its
//! threads up to `LOOM_MAX_PREEMPTIONS` preemptions:
//!
//! ```text
//! RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 CARGO_TARGET_DIR=/work/target-loom \
//!     cargo test -p skiff-tasklets --release --test loom_models
//! ```
//!
//! Besides the assertions, loom fails a model on a deadlock (every thread
//! blocked), and on a leaked loom object (an `Arc` never released, e.g. a job
//! closure nobody dropped). Under loom the pool's work-stealing deques are a
//! `Mutex<VecDeque>` stand-in (see the crate's `sync` module): these models
//! check the pool's own protocol and trust crossbeam-deque. Deadlines are not
//! modelled (`Inbox::wait` with `Some(_)` never blocks under loom), so every
//! blocking wait here is `wait(out, None)`, which must always be woken.
#![cfg(loom)]

use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::sync::Arc;
use loom::thread;
use skiff_tasklets::inbox::Inbox;
use skiff_tasklets::pool::{BlockingPool, Completion, TicketState};

/// A value that counts its drops in a shared loom counter.
struct Counted(Arc<AtomicUsize>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Counts how many results jobs produced and how many were dropped.
#[derive(Clone)]
struct Tally {
    produced: Arc<AtomicUsize>,
    dropped: Arc<AtomicUsize>,
}

impl Tally {
    fn new() -> Self {
        Tally {
            produced: Arc::new(AtomicUsize::new(0)),
            dropped: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A job that produces one counted result.
    fn job(&self) -> Box<dyn FnOnce() -> Counted + Send> {
        let tally = self.clone();
        Box::new(move || {
            tally.produced.fetch_add(1, Ordering::SeqCst);
            Counted(tally.dropped.clone())
        })
    }

    fn produced(&self) -> usize {
        self.produced.load(Ordering::SeqCst)
    }

    fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }
}

/// (a) The scheduler finds the inbox empty and goes idle while a worker
/// pushes: it must be woken (loom reports a deadlock otherwise).
#[test]
fn no_lost_wakeup() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let producer = {
            let inbox = inbox.clone();
            thread::spawn(move || inbox.push(7u32))
        };
        let mut out = Vec::new();
        if !inbox.try_drain(&mut out) {
            assert!(inbox.wait(&mut out, None));
        }
        assert_eq!(out, [7]);
        producer.join().unwrap();
        assert!(!inbox.try_drain(&mut out));
    });
}

/// (a') Two producers; the scheduler idles until it holds both items, each
/// exactly once, whatever the interleaving of pushes, drains and waits.
#[test]
fn no_lost_wakeup_two_producers() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let producers: Vec<_> = [1u32, 2]
            .into_iter()
            .map(|x| {
                let inbox = inbox.clone();
                thread::spawn(move || inbox.push(x))
            })
            .collect();
        let mut out = Vec::new();
        while out.len() < 2 {
            assert!(inbox.wait(&mut out, None));
        }
        out.sort_unstable();
        assert_eq!(out, [1, 2]);
        for p in producers {
            p.join().unwrap();
        }
    });
}

/// The scheduler submits a job and goes idle on the inbox; the worker (which
/// may be parked, or about to park, when the job arrives) must pick it up and
/// the completion must wake the scheduler.
#[test]
fn completion_wakes_the_idle_scheduler() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let pool = BlockingPool::new(1, inbox.clone());
        let ticket = pool.submit(Box::new(|| 5u32));
        let mut out: Vec<Completion<u32>> = Vec::new();
        assert!(inbox.wait(&mut out, None));
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].id, ticket.id());
        assert_eq!(out[0].result, Ok(5));
        assert_eq!(ticket.state(), TicketState::Done);
        pool.shutdown();
    });
}

/// (b) The waiting tasklet is killed (its ticket cancelled) while the worker
/// runs the job: exactly one of {cancel won, a completion arrived}, and the
/// result, if produced, is dropped exactly once.
#[test]
fn kill_racing_with_completion() {
    loom::model(|| {
        let inbox = Arc::new(Inbox::new());
        let tally = Tally::new();
        let pool = BlockingPool::new(1, inbox.clone());
        let ticket = pool.submit(tally.job());
        // The kill, on the scheduler thread.
        let cancelled = ticket.cancel();
        let mut out = Vec::new();
        if !cancelled {
            // Lost the race: the job is Done and its completion must come.
            assert_eq!(ticket.state(), TicketState::Done);
            assert!(inbox.wait(&mut out, None));
        }
        pool.shutdown();
        inbox.try_drain(&mut out);
        assert_eq!(
            usize::from(cancelled) + out.len(),
            1,
            "the tasklet must be woken exactly once"
        );
        if let Some(c) = out.first() {
            assert_eq!(c.id, ticket.id());
            assert!(c.result.is_ok());
        }
        assert!(tally.produced() <= 1);
        drop(out);
        assert_eq!(
            tally.dropped(),
            tally.produced(),
            "a result was leaked or dropped twice"
        );
        assert!(!ticket.cancel());
    });
}

/// (c) Two jobs, shutdown at once: no deadlock; each job either ran and
/// delivered one completion (Done) or never ran (Cancelled); every produced
/// result is dropped exactly once; all workers joined (they released their
/// handles on the inbox).
fn shutdown_with_jobs_in_flight(workers: usize) {
    loom::model(move || {
        let inbox = Arc::new(Inbox::new());
        let tally = Tally::new();
        let pool = BlockingPool::new(workers, inbox.clone());
        let tickets = [pool.submit(tally.job()), pool.submit(tally.job())];
        pool.shutdown();
        assert_eq!(Arc::strong_count(&inbox), 1, "a worker outlived shutdown");
        let mut out = Vec::new();
        inbox.try_drain(&mut out);
        let mut done = 0;
        for t in &tickets {
            match t.state() {
                TicketState::Done => {
                    done += 1;
                    assert_eq!(out.iter().filter(|c| c.id == t.id()).count(), 1);
                }
                TicketState::Cancelled => assert!(out.iter().all(|c| c.id != t.id())),
                other => panic!("ticket left {other:?} after shutdown"),
            }
        }
        assert_eq!(out.len(), done);
        assert_eq!(tally.produced(), done);
        drop(out);
        assert_eq!(tally.dropped(), tally.produced());
    });
}

#[test]
fn shutdown_with_jobs_in_flight_one_worker() {
    shutdown_with_jobs_in_flight(1);
}

#[test]
fn shutdown_with_jobs_in_flight_two_workers() {
    shutdown_with_jobs_in_flight(2);
}
