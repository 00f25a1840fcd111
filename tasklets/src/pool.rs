//! The blocking pool: worker threads that run blocking calls for tasklets.
//!
//! A tasklet that must block (a file read or write) hands the call to
//! [`BlockingPool::submit`] as a job, gets a [`Ticket`], and is suspended.
//! A worker thread runs the job and pushes a [`Completion`] carrying the
//! ticket's id into the [`Inbox`] shared with the scheduler thread, which
//! wakes the tasklet waiting on that id.
//!
//! ```text
//!   scheduler thread               pool                     worker thread k
//!   ----------------               ----                     ---------------
//!   submit(job) -> Ticket  --->  Injector (global FIFO) ---> pop local deque,
//!     (wakes one parked worker)       |                      else steal a batch
//!                                     |                      from the injector,
//!                                     +--- Stealer k' <----- else steal from a
//!                                                            sibling, else park
//!                                                            run job (no locks held)
//!   inbox.wait / try_drain  <-------- Inbox <--------------- push Completion{id, result}
//!   wake tasklet `id`
//!   (kill: ticket.cancel())
//! ```
//!
//! # Ticket states
//!
//! Each job has one atomic state, shared by the job and every clone of its
//! [`Ticket`]:
//!
//! ```text
//!   Queued --(worker takes it)--> Running --(job returns or panics)--> Done
//!      |                             |
//!      +--(Ticket::cancel)--> Cancelled <--(Ticket::cancel)--+
//!      +--(dropped unrun at shutdown)--^
//! ```
//!
//! Every transition is a compare-and-swap, so each state is left at most once
//! and `Done` and `Cancelled` are final:
//!
//! - Queued -> Running: the worker that took the job, just before calling it.
//!   If the CAS fails the job was cancelled; it is dropped without running.
//! - Running -> Done: the same worker, after the call returned (or panicked);
//!   on success, and only then, it pushes the job's [`Completion`].
//! - Queued | Running -> Cancelled: [`Ticket::cancel`], on any thread, or
//!   the pool dropping a job it never ran (at shutdown).
//!
//! # Cancellation: exactly one wakeup
//!
//! The VM must wake a waiting tasklet exactly once: either the kill wakes it,
//! or the completion does. [`Ticket::cancel`] returns `true` only to the call
//! that moved the ticket to `Cancelled`; from then on no completion for that
//! ticket is ever delivered (a job that was running finishes, and its result
//! is dropped on the worker thread). It returns `false` when the ticket was
//! already `Done` (the completion is in the inbox, or is being pushed right
//! now and will be there by the time the worker moves on) or already
//! `Cancelled` (by an earlier call or by shutdown). So for the kill path: on
//! `true` wake the tasklet with the kill; on `false` after `Done`, let the
//! completion wake it (and discard the result there).
//!
//! # Panics in jobs
//!
//! A panicking job does not take its worker down: the panic is caught
//! (`catch_unwind`) and delivered as a completion whose `result` is
//! `Err(JobPanic)`, with the panic message, so the waiting tasklet is still
//! woken exactly once (it can raise `SystemError`). The default panic hook
//! still prints the panic on stderr as for any thread.
//!
//! # Shutdown
//!
//! [`BlockingPool::shutdown`] (or dropping the pool) stops the workers: no job
//! can be submitted any more (both take the pool by value or `&mut`), jobs
//! already running finish and deliver their completions as usual, and jobs
//! still queued are dropped without running, their tickets reading
//! `Cancelled` and no completion ever delivered for them. A job a worker took
//! just as the shutdown began may still run; it then completes normally. The
//! call returns when every worker thread has been joined. The pool must not be
//! dropped from inside one of its own jobs (that worker would join itself).
//!
//! # Parking (no lost wakeup)
//!
//! A worker that finds nothing to do locks `idle`, re-checks the injector and
//! every deque and the shutdown flag, and only then counts itself idle and
//! waits on `wake`. Submitting pushes to the injector *before* locking `idle`
//! and notifying if anyone is idle, so a push is either seen by the re-check
//! or happens after the worker is waiting and is notified. Shutdown sets its
//! flag before locking `idle` and notifies everyone, by the same argument. A
//! worker that steals a batch into its own deque wakes one idle sibling the
//! same way, so a batch is not stranded behind one long job.
//!
//! Workers are spawned eagerly by [`BlockingPool::new`]; an idle worker costs
//! a parked thread. A VM that wants lazy start-up creates the pool on its
//! first blocking call.
//!
//! Under `cfg(loom)` the deques are `Mutex<VecDeque>` stand-ins from the
//! crate's private `sync` shim; everything else is the production code.

use crate::inbox::Inbox;
use crate::sync::deque::{Injector, Steal, Stealer, Worker};
use crate::sync::{
    lock, thread, wait, Arc, AtomicBool, AtomicU64, AtomicU8, Condvar, Mutex, Ordering,
};
use std::any::Any;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};

const QUEUED: u8 = 0;
const RUNNING: u8 = 1;
const DONE: u8 = 2;
const CANCELLED: u8 = 3;

/// Where a submitted job is in its life (see the module doc's diagram).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TicketState {
    /// Waiting in the pool's queues.
    Queued,
    /// A worker is calling it.
    Running,
    /// It returned or panicked, and its completion was (or is being) pushed.
    Done,
    /// Cancelled, or dropped unrun at shutdown: no completion will come.
    Cancelled,
}

/// A job's result, pushed into the inbox when a job that was not cancelled
/// finishes.
#[derive(Debug)]
pub struct Completion<R> {
    /// The [`Ticket::id`] of the job.
    pub id: u64,
    /// What the job returned, or its panic.
    pub result: Result<R, JobPanic>,
}

/// A job panicked; the worker caught the panic and survived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobPanic {
    /// The panic message when the payload was a string, else a placeholder.
    pub message: String,
}

impl JobPanic {
    fn from_payload(payload: Box<dyn Any + Send>) -> Self {
        let message = if let Some(s) = payload.downcast_ref::<&'static str>() {
            (*s).to_owned()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "<non-string panic payload>".to_owned()
        };
        JobPanic { message }
    }
}

impl fmt::Display for JobPanic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "blocking job panicked: {}", self.message)
    }
}

impl std::error::Error for JobPanic {}

/// A handle on a submitted job: its id (the one its [`Completion`] carries)
/// and its shared state. Clones refer to the same job.
#[derive(Clone)]
pub struct Ticket {
    id: u64,
    state: Arc<AtomicU8>,
}

impl Ticket {
    /// The job's id, unique within its pool (ids start at 1).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The job's current state; may change right after it is read unless it
    /// is `Done` or `Cancelled`.
    pub fn state(&self) -> TicketState {
        match self.state.load(Ordering::Acquire) {
            QUEUED => TicketState::Queued,
            RUNNING => TicketState::Running,
            DONE => TicketState::Done,
            _ => TicketState::Cancelled,
        }
    }

    /// Cancels the job if it is queued or running. Returns `true` if this
    /// call cancelled it: then the job never starts if it had not, its result
    /// is dropped if it was running, and no completion is ever delivered.
    /// Returns `false` if the job was already `Done` (its completion is or
    /// will be in the inbox) or already `Cancelled`. See the module doc.
    pub fn cancel(&self) -> bool {
        let mut current = self.state.load(Ordering::Acquire);
        loop {
            if current != QUEUED && current != RUNNING {
                return false;
            }
            match self.state.compare_exchange(
                current,
                CANCELLED,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return true,
                Err(actual) => current = actual,
            }
        }
    }
}

impl fmt::Debug for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ticket")
            .field("id", &self.id)
            .field("state", &self.state())
            .finish()
    }
}

/// The boxed blocking call a tasklet hands to the pool.
pub type JobFn<R> = Box<dyn FnOnce() -> R + Send>;

/// A queued job. `work` is `Some` until a worker takes it to run it; a job
/// dropped with `work` still present was never run, and its ticket is moved
/// from `Queued` to `Cancelled` so that it never reads `Queued` forever.
struct Job<R> {
    id: u64,
    state: Arc<AtomicU8>,
    work: Option<JobFn<R>>,
}

impl<R> Job<R> {
    /// Runs the job unless it was cancelled, and delivers its completion
    /// unless it was cancelled while running.
    fn run(mut self, inbox: &Inbox<Completion<R>>) {
        let Some(work) = self.work.take() else { return };
        if self
            .state
            .compare_exchange(QUEUED, RUNNING, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            // Cancelled before it started: `work` is dropped unrun.
            return;
        }
        let result = panic::catch_unwind(AssertUnwindSafe(work)).map_err(JobPanic::from_payload);
        if self
            .state
            .compare_exchange(RUNNING, DONE, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            inbox.push(Completion {
                id: self.id,
                result,
            });
        }
        // Otherwise the ticket was cancelled while the job ran: `result` is
        // dropped here and nobody hears of it.
    }
}

impl<R> Drop for Job<R> {
    fn drop(&mut self) {
        if self.work.is_some() {
            // Never run. Fails harmlessly if it was already cancelled.
            let _ =
                self.state
                    .compare_exchange(QUEUED, CANCELLED, Ordering::AcqRel, Ordering::Relaxed);
        }
    }
}

/// State shared by the pool handle and its workers.
struct Shared<R> {
    injector: Injector<Job<R>>,
    /// One per worker, indexed like the workers.
    stealers: Vec<Stealer<Job<R>>>,
    inbox: Arc<Inbox<Completion<R>>>,
    next_id: AtomicU64,
    /// Set once by shutdown; workers stop taking jobs when they see it.
    shutdown: AtomicBool,
    /// Number of workers waiting on `wake`. Lock order: `idle`, then the
    /// deques' own locks (loom stand-in only); never the other way round.
    idle: Mutex<usize>,
    wake: Condvar,
}

impl<R> Shared<R> {
    /// Whether any queue visibly holds a job.
    fn has_visible_work(&self) -> bool {
        !self.injector.is_empty() || self.stealers.iter().any(|s| !s.is_empty())
    }

    /// Wakes one parked worker, if any. Call after making work visible.
    fn wake_one(&self) {
        let idle = lock(&self.idle);
        if *idle > 0 {
            self.wake.notify_one();
        }
    }

    /// Blocks the calling worker until work is visible or shutdown began.
    fn park(&self) {
        let mut idle = lock(&self.idle);
        while !self.shutdown.load(Ordering::Acquire) && !self.has_visible_work() {
            *idle += 1;
            idle = wait(&self.wake, idle);
            *idle -= 1;
        }
    }

    /// The standard crossbeam search: own deque, then a batch from the
    /// injector, then the siblings' deques; retried while any source asked
    /// for a retry (contention), `None` once all were seen empty.
    fn find_job(&self, me: usize, local: &Worker<Job<R>>) -> Option<Job<R>> {
        if let Some(job) = local.pop() {
            return Some(job);
        }
        loop {
            let mut retry = false;
            match self.injector.steal_batch_and_pop(local) {
                Steal::Success(job) => return Some(job),
                Steal::Retry => retry = true,
                Steal::Empty => {}
            }
            for (k, stealer) in self.stealers.iter().enumerate() {
                if k == me {
                    continue;
                }
                match stealer.steal() {
                    Steal::Success(job) => return Some(job),
                    Steal::Retry => retry = true,
                    Steal::Empty => {}
                }
            }
            if !retry {
                return None;
            }
        }
    }
}

/// The body of worker thread `me`.
fn worker_main<R>(me: usize, local: Worker<Job<R>>, shared: Arc<Shared<R>>) {
    while !shared.shutdown.load(Ordering::Acquire) {
        let Some(job) = shared.find_job(me, &local) else {
            shared.park();
            continue;
        };
        if shared.shutdown.load(Ordering::Acquire) {
            // Taken just as shutdown began: drop it unrun (Cancelled).
            drop(job);
            break;
        }
        if !local.is_empty() {
            // We stole a batch; let an idle sibling share it.
            shared.wake_one();
        }
        job.run(&shared.inbox);
    }
    // Jobs still in our deque are dropped unrun (their tickets read Cancelled).
    while let Some(job) = local.pop() {
        drop(job);
    }
}

/// A fixed set of worker threads running blocking jobs, delivering results
/// into an [`Inbox`]. See the module doc for the protocol.
pub struct BlockingPool<R> {
    shared: Arc<Shared<R>>,
    workers: Vec<thread::JoinHandle<()>>,
}

impl<R: Send + 'static> BlockingPool<R> {
    /// Spawns `threads` worker threads (at least one: zero is taken as one)
    /// delivering completions into `inbox`.
    ///
    /// # Panics
    ///
    /// If the OS refuses to spawn a thread.
    pub fn new(threads: usize, inbox: Arc<Inbox<Completion<R>>>) -> Self {
        let threads = threads.max(1);
        let locals: Vec<Worker<Job<R>>> = (0..threads).map(|_| Worker::new_fifo()).collect();
        let shared = Arc::new(Shared {
            injector: Injector::new(),
            stealers: locals.iter().map(Worker::stealer).collect(),
            inbox,
            next_id: AtomicU64::new(1),
            shutdown: AtomicBool::new(false),
            idle: Mutex::new(0),
            wake: Condvar::new(),
        });
        let workers = locals
            .into_iter()
            .enumerate()
            .map(|(me, local)| {
                let shared = shared.clone();
                thread::Builder::new()
                    .name(format!("skiff-blocking-{me}"))
                    .spawn(move || worker_main(me, local, shared))
                    .expect("skiff: cannot spawn a blocking-pool worker thread")
            })
            .collect();
        BlockingPool { shared, workers }
    }

    /// Queues `job` to run on a worker thread; its [`Completion`] will carry
    /// the returned ticket's id. Callable from any thread.
    pub fn submit(&self, job: JobFn<R>) -> Ticket {
        let id = self.shared.next_id.fetch_add(1, Ordering::Relaxed);
        let state = Arc::new(AtomicU8::new(QUEUED));
        self.shared.injector.push(Job {
            id,
            state: state.clone(),
            work: Some(job),
        });
        // After the push, so a worker parking concurrently either sees the
        // job in its re-check or is already waiting and gets this notify.
        self.shared.wake_one();
        Ticket { id, state }
    }
}

impl<R> BlockingPool<R> {
    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.workers.len()
    }

    /// Stops the pool: running jobs finish and deliver their completions,
    /// queued jobs are dropped unrun (tickets `Cancelled`, no completion),
    /// and every worker thread is joined before this returns. Dropping the
    /// pool does the same.
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if self.workers.is_empty() {
            return;
        }
        self.shared.shutdown.store(true, Ordering::Release);
        {
            // Under the lock, so a worker between its re-check and its wait
            // cannot miss the notification (see "Parking").
            let _idle = lock(&self.shared.idle);
            self.shared.wake.notify_all();
        }
        for worker in self.workers.drain(..) {
            // Jobs' panics are caught, so a worker panic is a bug here; keep
            // joining the others rather than panicking in a destructor.
            if worker.join().is_err() {
                eprintln!("skiff: a blocking-pool worker thread panicked");
            }
        }
        // No worker is left to take these: drop them unrun.
        loop {
            match self.shared.injector.steal() {
                Steal::Success(job) => drop(job),
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
    }
}

impl<R> Drop for BlockingPool<R> {
    fn drop(&mut self) {
        self.stop();
    }
}

impl<R> fmt::Debug for BlockingPool<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BlockingPool")
            .field("threads", &self.workers.len())
            .finish_non_exhaustive()
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;
    use crate::sync::AtomicUsize;
    use std::time::{Duration, Instant};

    /// Generous: only a broken pool waits this long.
    const PATIENCE: Duration = Duration::from_secs(30);

    /// Waits for exactly `n` more items from `inbox`, failing after PATIENCE.
    fn collect<T>(inbox: &Inbox<T>, n: usize) -> Vec<T> {
        let deadline = Instant::now() + PATIENCE;
        let mut out = Vec::new();
        while out.len() < n {
            assert!(
                inbox.wait(&mut out, Some(deadline)),
                "timed out with {} of {n} items",
                out.len()
            );
        }
        assert_eq!(out.len(), n, "more items than expected");
        out
    }

    /// Increments its counter when dropped: counts drops of results/closures.
    struct Counted(Arc<AtomicUsize>);

    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn counter() -> Arc<AtomicUsize> {
        Arc::new(AtomicUsize::new(0))
    }

    #[test]
    fn many_jobs_on_many_threads_each_complete_once() {
        const JOBS: u64 = 2_000;
        let inbox = Arc::new(Inbox::new());
        let pool = BlockingPool::new(4, inbox.clone());
        assert_eq!(pool.threads(), 4);
        let runs = counter();
        let tickets: Vec<Ticket> = (0..JOBS)
            .map(|i| {
                let runs = runs.clone();
                pool.submit(Box::new(move || {
                    runs.fetch_add(1, Ordering::SeqCst);
                    i * 3
                }))
            })
            .collect();
        let mut expected = std::collections::HashMap::new();
        for (i, t) in tickets.iter().enumerate() {
            assert!(
                expected.insert(t.id(), i as u64 * 3).is_none(),
                "duplicate ticket id"
            );
        }
        for c in collect(&inbox, JOBS as usize) {
            let want = expected
                .remove(&c.id)
                .expect("unknown or repeated completion id");
            assert_eq!(c.result, Ok(want));
        }
        assert!(expected.is_empty());
        assert!(tickets.iter().all(|t| t.state() == TicketState::Done));
        assert!(tickets.iter().all(|t| !t.cancel()));
        pool.shutdown();
        assert_eq!(runs.load(Ordering::SeqCst), JOBS as usize);
        let mut rest = Vec::new();
        assert!(!inbox.try_drain(&mut rest), "a completion arrived twice");
    }

    #[test]
    fn cancel_before_start_means_never_run() {
        let inbox = Arc::new(Inbox::new());
        let gate = Arc::new(Inbox::<()>::new());
        let pool = BlockingPool::new(1, inbox.clone());
        // Occupy the only worker until the gate opens.
        let blocker = pool.submit(Box::new({
            let gate = gate.clone();
            move || {
                assert!(
                    gate.wait(&mut Vec::new(), Some(Instant::now() + PATIENCE)),
                    "gate never opened"
                );
                "blocker"
            }
        }));
        let ran = Arc::new(AtomicBool::new(false));
        let closure_drops = counter();
        let victim = pool.submit(Box::new({
            let ran = ran.clone();
            let token = Counted(closure_drops.clone());
            move || {
                let _token = token;
                ran.store(true, Ordering::SeqCst);
                "victim"
            }
        }));
        assert_eq!(victim.state(), TicketState::Queued);
        assert!(victim.cancel());
        assert_eq!(victim.state(), TicketState::Cancelled);
        assert!(!victim.cancel(), "only the first cancel wins");
        gate.push(());
        let done = collect(&inbox, 1);
        assert_eq!(done[0].id, blocker.id());
        assert_eq!(done[0].result, Ok("blocker"));
        pool.shutdown();
        assert!(!ran.load(Ordering::SeqCst), "a cancelled job ran");
        assert_eq!(
            closure_drops.load(Ordering::SeqCst),
            1,
            "the cancelled closure was not dropped once"
        );
        assert!(
            !inbox.try_drain(&mut Vec::new()),
            "a cancelled job delivered a completion"
        );
    }

    #[test]
    fn cancel_while_running_drops_the_result_and_delivers_nothing() {
        let inbox = Arc::new(Inbox::new());
        let started = Arc::new(Inbox::<()>::new());
        let gate = Arc::new(Inbox::<()>::new());
        let result_drops = counter();
        let pool = BlockingPool::new(2, inbox.clone());
        let ticket = pool.submit(Box::new({
            let (started, gate, result_drops) =
                (started.clone(), gate.clone(), result_drops.clone());
            move || {
                started.push(());
                gate.wait(&mut Vec::new(), Some(Instant::now() + PATIENCE));
                Counted(result_drops)
            }
        }));
        collect(&started, 1);
        assert_eq!(ticket.state(), TicketState::Running);
        assert!(ticket.cancel());
        gate.push(());
        pool.shutdown(); // joins: the job has finished by now
        assert_eq!(ticket.state(), TicketState::Cancelled);
        assert_eq!(
            result_drops.load(Ordering::SeqCst),
            1,
            "the result was not dropped exactly once"
        );
        assert!(
            !inbox.try_drain(&mut Vec::new()),
            "a cancelled job delivered a completion"
        );
    }

    #[test]
    fn cancel_after_done_loses() {
        let inbox = Arc::new(Inbox::new());
        let pool = BlockingPool::new(1, inbox.clone());
        let ticket = pool.submit(Box::new(|| 7));
        let done = collect(&inbox, 1);
        assert_eq!((done[0].id, &done[0].result), (ticket.id(), &Ok(7)));
        assert!(!ticket.cancel());
        assert_eq!(ticket.state(), TicketState::Done);
    }

    #[test]
    fn panicking_job_delivers_an_error_and_the_worker_survives() {
        let inbox = Arc::new(Inbox::new());
        let pool = BlockingPool::new(1, inbox.clone());
        let bad = pool.submit(Box::new(|| -> u32 { panic!("boom {}", 42) }));
        let done = collect(&inbox, 1);
        assert_eq!(done[0].id, bad.id());
        assert_eq!(
            done[0].result,
            Err(JobPanic {
                message: "boom 42".to_owned()
            })
        );
        assert_eq!(bad.state(), TicketState::Done);
        // The single worker is still alive and serving.
        let good = pool.submit(Box::new(|| 5));
        let done = collect(&inbox, 1);
        assert_eq!((done[0].id, &done[0].result), (good.id(), &Ok(5)));
        pool.shutdown();
    }

    #[test]
    fn shutdown_finishes_running_jobs_drops_queued_ones_and_joins() {
        const BLOCKERS: usize = 2;
        const QUEUED_JOBS: usize = 10;
        let inbox = Arc::new(Inbox::new());
        let started = Arc::new(Inbox::<()>::new());
        let runs = counter();
        let closure_drops = counter();
        let pool = BlockingPool::new(BLOCKERS, inbox.clone());
        let job = |gate: Option<Arc<Inbox<()>>>| -> JobFn<usize> {
            let (started, runs) = (started.clone(), runs.clone());
            let token = Counted(closure_drops.clone());
            Box::new(move || {
                let _token = token;
                if let Some(gate) = gate {
                    started.push(());
                    assert!(
                        gate.wait(&mut Vec::new(), Some(Instant::now() + PATIENCE)),
                        "gate never opened"
                    );
                }
                runs.fetch_add(1, Ordering::SeqCst)
            })
        };
        let gates: Vec<Arc<Inbox<()>>> = (0..BLOCKERS).map(|_| Arc::new(Inbox::new())).collect();
        let blockers: Vec<Ticket> = gates
            .iter()
            .map(|g| pool.submit(job(Some(g.clone()))))
            .collect();
        collect(&started, BLOCKERS); // both workers are now inside a blocker
        let queued: Vec<Ticket> = (0..QUEUED_JOBS).map(|_| pool.submit(job(None))).collect();
        // Open the gates only once shutdown has begun, so no worker can take
        // a queued job after finishing its blocker.
        let shared = pool.shared.clone();
        let opener = thread::spawn(move || {
            while !shared.shutdown.load(Ordering::Acquire) {
                thread::yield_now();
            }
            for gate in gates {
                gate.push(());
            }
        });
        pool.shutdown();
        opener.join().unwrap();
        assert!(blockers.iter().all(|t| t.state() == TicketState::Done));
        assert!(queued.iter().all(|t| t.state() == TicketState::Cancelled));
        assert_eq!(runs.load(Ordering::SeqCst), BLOCKERS);
        assert_eq!(closure_drops.load(Ordering::SeqCst), BLOCKERS + QUEUED_JOBS);
        let mut done = Vec::new();
        inbox.try_drain(&mut done);
        assert!(
            done.iter().all(|c| c.result.is_ok()),
            "a blocker failed: {done:?}"
        );
        let mut ids: Vec<u64> = done.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        assert_eq!(ids, blockers.iter().map(Ticket::id).collect::<Vec<_>>());
        // Every worker has exited and released the pool's state.
        assert_eq!(Arc::strong_count(&inbox), 1);
    }

    #[test]
    fn handles_can_be_shared_across_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<BlockingPool<Vec<u8>>>();
        send_sync::<Ticket>();
        send_sync::<Inbox<Completion<Vec<u8>>>>();
    }

    #[test]
    fn dropping_an_idle_pool_joins_its_workers() {
        let inbox: Arc<Inbox<Completion<()>>> = Arc::new(Inbox::new());
        let pool = BlockingPool::new(3, inbox.clone());
        assert_eq!(Arc::strong_count(&inbox), 2);
        drop(pool);
        assert_eq!(Arc::strong_count(&inbox), 1);
    }
}
