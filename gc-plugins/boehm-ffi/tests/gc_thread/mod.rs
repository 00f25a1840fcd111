//! The one thread of a test binary that uses bdwgc (it is initialised and
//! used from a single thread, with a big stack for deep conservative
//! scans), shared by the Boehm test files through `#[path]`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{channel, Sender};
use std::sync::{Mutex, OnceLock};

type Job = Box<dyn FnOnce() + Send>;
type Reply = std::thread::Result<()>;
/// A job for the gc thread and where to send its outcome.
type Request = (Job, Sender<Reply>);

/// Runs `f` on the one thread that uses bdwgc, and panics here with its
/// panic's message (raised again here rather than resumed, so that the
/// harness reports it with the test that called, whose output it captures).
pub fn on_gc_thread(f: impl FnOnce() + Send + 'static) {
    static WORKER: OnceLock<Mutex<Sender<Request>>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (tx, rx) = channel::<Request>();
        std::thread::Builder::new()
            .name("boehm-gc-thread".into())
            .stack_size(64 << 20)
            .spawn(move || {
                for (job, reply) in rx {
                    let _ = reply.send(catch_unwind(AssertUnwindSafe(job)));
                }
            })
            .expect("spawn the gc thread");
        Mutex::new(tx)
    });
    let (reply_tx, reply_rx) = channel();
    worker.lock().unwrap_or_else(|e| e.into_inner()).send((Box::new(f), reply_tx)).expect("gc thread alive");
    if let Err(panic) = reply_rx.recv().expect("gc thread replied") {
        panic!("on the gc thread: {}", panic_message(&*panic));
    }
}

/// The message of a caught panic.
pub fn panic_message(panic: &(dyn Any + Send)) -> String {
    match (panic.downcast_ref::<String>(), panic.downcast_ref::<&str>()) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s.to_string(),
        (None, None) => "(a panic without a message)".into(),
    }
}
