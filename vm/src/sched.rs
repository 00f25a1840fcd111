//! The Stackless scheduler: tasklets, channels, soft and hard switching.
//!
//! Python code runs on one OS thread. The main tasklet runs on that thread's
//! own stack; every other tasklet runs on a corosensei coroutine with a
//! pooled stack (skiff_tasklets::coro). Coroutines are resumed only by the
//! *driver* loop, which runs on the OS stack inside whatever blocking call
//! the main tasklet made, and they suspend only back to it:
//!
//! ```text
//!   OS stack (main tasklet)                 coroutine stacks
//!   -----------------------                 ----------------
//!   main: ch.receive()
//!     transfer(target)  -> drive():
//!       loop {                              +-> coro_loop():  (on a pooled stack)
//!         target == main? return            |     loop {
//!         target has a coroutine?           |       run target's frames in its
//!           resume it ----------------------+         base dispatch loop
//!         else new coroutine, resume  ------+       soft switch: the loop returns
//!       }  <---- suspend (hard switch) -----+         SWITCH; if the next target
//!          <---- return (stack to pool) ----+         has no stack, run it here
//!                                                   }
//! ```
//!
//! **Soft switch.** A blocking builtin (`receive`, `schedule`, ...) called
//! directly by a tasklet's base dispatch loop (`Vm::soft_call`, and
//! `Vm::loops == 1`) returns `PyErr::SWITCH`; the dispatch loop saves the
//! frame and returns to `coro_loop`, which starts the next tasklet on the same
//! stack if it has none of its own. The switched-out tasklet keeps only its
//! heap frames: it is *restorable*, and when it is resumed the blocked
//! call's result is pushed on its top frame's stack.
//!
//! **Hard switch.** Anywhere else (native code below the dispatch loop, a
//! nested loop) the coroutine suspends to the driver and keeps its stack;
//! the tasklet records the coroutine's slot in `TaskletL::coro`. The main
//! tasklet always switches this way: it runs the driver.
//!
//! **Roots.** The running stack is scanned from the stack pointer to
//! `Roots::stack_hi`, which follows the running stack. The OS stack while a
//! coroutine runs, and every suspended coroutine's used part, are in
//! `Roots::extra_ranges`, recorded with callee-saved registers spilled.
//! Tasklet state (frames, tempval) lives in GC objects; the run queue is
//! reachable from `sr::CURRENT`/`sr::RUNQ`, blocked tasklets only from their
//! channel, so a blocked tasklet nobody can reach is finalized and then
//! killed with `TaskletExit` at a safe point (`kill_lost_tasklets`).

use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyErr, PyResult, Vm};
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use skiff_tasklets::coro::{self, StackPool};
use skiff_tasklets::stack::StackBounds;

/// Indices of the scheduler's roots in `Roots::sched`.
pub mod sr {
    /// The running tasklet.
    pub const CURRENT: usize = 0;
    pub const MAIN: usize = 1;
    /// Head of the circular run queue (NULL when empty).
    pub const RUNQ: usize = 2;
    /// The tasklet control goes to next (set by whoever switches).
    pub const TARGET: usize = 3;
    pub const TASKLET_EXIT: usize = 4;
    pub const TASKLET_CLS: usize = 5;
    pub const CHANNEL_CLS: usize = 6;
    pub const SCHEDULE_CB: usize = 7;
    pub const CHANNEL_CB: usize = 8;
    /// The tasklet last seen by the schedule callback.
    pub const LAST: usize = 9;
    pub const COUNT: usize = 10;
}

/// `TaskletL::flags`.
pub mod tf {
    pub const ALIVE: u64 = 1;
    /// Its function has been entered (it has or had frames).
    pub const STARTED: u64 = 2;
    pub const MAIN: u64 = 4;
    pub const ATOMIC: u64 = 8;
    /// When resumed softly, push `tempval` (the blocked call's result).
    pub const PUSH: u64 = 16;
    /// In the run queue.
    pub const SCHEDULED: u64 = 32;
    /// Blocked sending an exception: `tempval` is the exception to raise in
    /// the receiver.
    pub const SEND_EXC: u64 = 64;
    pub const IGNORE_NESTING: u64 = 128;
    /// Was bound with a function (or is main).
    pub const BOUND: u64 = 256;
    /// Parked on the scheduler's timers by `time.sleep`.
    pub const SLEEPING: u64 = 512;
    /// Waiting for a blocking call running on the blocking pool.
    pub const IO_WAIT: u64 = 1024;
    /// Unpickled and not run since: its lost-tasklet finalizer is not
    /// registered, so dropping what `pickle.loads` returned runs none of
    /// the pickle's code. It is registered when the tasklet first runs.
    pub const LOADED: u64 = 2048;
}

/// `ChannelL::flags`.
pub mod cflag {
    pub const CLOSING: u64 = 1;
    pub const SCHEDULE_ALL: u64 = 2;
}

type Co = Coroutine<(), (), (), DefaultStack>;

struct Slot {
    co: Option<Co>,
    yielder: *const Yielder<(), ()>,
    bounds: StackBounds,
}

/// Rust-side scheduler state (the Values are in `Roots::sched`).
pub struct Sched {
    /// The `stackless` module is in use: the main tasklet exists.
    pub active: bool,
    slots: Vec<Slot>,
    free_slots: Vec<usize>,
    pub pool: StackPool,
    /// Slot of the coroutine running now; 0 = the OS stack.
    running: usize,
    os: StackBounds,
    /// `stackless.run()` calls active in the main tasklet.
    pub run_depth: u32,
    /// Preemption: instructions per timeslice (0 = off) and the total budget
    /// of the current `run(totaltimeout=...)` (negative = none).
    pub timeout: i64,
    pub total_left: i64,
    /// `run(soft=True)`: an expired timeslice ends `run()` at the next
    /// scheduling point instead of interrupting the tasklet.
    pub run_soft: bool,
    soft_expired: bool,
    /// `run(ignore_nesting=True)`: interrupt tasklets inside native code too.
    pub run_ignore_nesting: bool,
    /// Instructions the running tasklet has used of its timeslice.
    slice_used: i64,
    /// What `Vm::countdown` was last set to (so a safe point knows how many
    /// instructions ran since).
    budget: i64,
    pub next_id: u64,
    pub soft_switches: u64,
    pub hard_switches: u64,
    /// Tasklets in the run queue.
    runq_len: usize,
    /// `stackless.enable_softswitch()`: when false every switch is hard.
    pub softswitch: bool,
    /// Sleeping tasklets: (deadline, sequence, slot in `timer_vals`).
    timers: std::collections::BinaryHeap<std::cmp::Reverse<(std::time::Instant, u64, usize)>>,
    /// The sleeping tasklets themselves, as roots (made by `sched_init`).
    timer_vals: Option<crate::vm::RootedVec>,
    timer_free: Vec<usize>,
    timer_seq: u64,
    /// Green blocking calls (made on first use).
    io: Option<Box<GreenIo>>,
}

/// What a blocking job hands back: run on the VM thread when the job is
/// done (it updates VM state, e.g. a file's read buffer), returning the
/// call's outcome for the tasklet that waited.
pub type IoApply = Box<dyn FnOnce(&mut Vm) -> std::io::Result<()> + Send>;
/// A blocking call to run on the blocking pool.
pub type IoJob = Box<dyn FnOnce() -> IoApply + Send>;

/// The blocking pool, its completion inbox, and the tasklets waiting on it.
struct GreenIo {
    pool: skiff_tasklets::pool::BlockingPool<IoApply>,
    inbox: std::sync::Arc<skiff_tasklets::inbox::Inbox<skiff_tasklets::pool::Completion<IoApply>>>,
    /// Ticket id -> slot of the waiting tasklet in `vals`.
    waiting: std::collections::HashMap<u64, usize>,
    vals: crate::vm::RootedVec,
    free: Vec<usize>,
    /// Outcomes of finished calls whose tasklet has not picked them up yet.
    done: std::collections::HashMap<u64, std::io::Result<()>>,
    inflight: usize,
}

impl Sched {
    pub fn new(os: StackBounds) -> Sched {
        let size = std::env::var("SKIFF_TASKLET_STACK").ok().and_then(|s| s.parse::<usize>().ok())
            .map(|k| k.max(64) * 1024).unwrap_or(coro::DEFAULT_STACK_SIZE);
        Sched {
            active: false,
            slots: vec![Slot { co: None, yielder: std::ptr::null(), bounds: os }],
            free_slots: Vec::new(),
            pool: StackPool::new(size, 64),
            running: 0,
            os,
            run_depth: 0,
            timeout: 0,
            total_left: -1,
            run_soft: false,
            soft_expired: false,
            run_ignore_nesting: false,
            slice_used: 0,
            budget: crate::interp::SAFE_POINT_INTERVAL,
            next_id: 1,
            soft_switches: 0,
            hard_switches: 0,
            softswitch: true,
            runq_len: 0,
            timers: std::collections::BinaryHeap::new(),
            timer_vals: None,
            timer_free: Vec::new(),
            timer_seq: 0,
            io: None,
        }
    }

    /// Coroutines that are suspended inside native code right now.
    pub fn suspended_coroutines(&self) -> usize {
        self.slots.iter().skip(1).filter(|s| s.co.is_some()).count()
    }
}

impl Drop for Sched {
    /// Leaks the stacks of tasklets still suspended in native code: unwinding
    /// them would run VM code while the VM is being torn down.
    fn drop(&mut self) {
        for s in self.slots.iter_mut().skip(1) {
            if let Some(co) = s.co.take() { std::mem::forget(co); }
        }
    }
}

/// How far below a stack's base the red zone starts: a quarter of a small
/// stack, at most the OS stack's red zone.
fn red_zone(b: StackBounds) -> usize { (b.size() / 4).min(crate::vm::STACK_RED_ZONE) }

#[inline]
pub fn t_obj(t: Value) -> &'static mut TaskletL { obj::<TaskletL>(t) }
#[inline]
fn flags(t: Value) -> u64 { obj::<TaskletL>(t).flags }

impl Vm {
    #[inline]
    pub fn sv(&self, i: usize) -> Value { self.r.sched[i].get() }
    #[inline]
    pub fn set_sv(&self, i: usize, v: Value) { self.r.sched[i].set(v) }
    pub fn current_tasklet(&self) -> Value { self.sv(sr::CURRENT) }
    pub fn main_tasklet(&self) -> Value { self.sv(sr::MAIN) }
    pub fn is_main(&self, t: Value) -> bool { flags(t) & tf::MAIN != 0 }

    /// Creates the main tasklet (the running program) once.
    pub fn sched_init(&mut self, tasklet_cls: Value, channel_cls: Value, tasklet_exit: Value) {
        if self.sched.active { return; }
        self.set_sv(sr::TASKLET_CLS, tasklet_cls);
        self.set_sv(sr::CHANNEL_CLS, channel_cls);
        self.set_sv(sr::TASKLET_EXIT, tasklet_exit);
        let m = self.alloc_tasklet(tasklet_cls);
        let o = t_obj(m);
        o.flags = tf::ALIVE | tf::STARTED | tf::MAIN | tf::SCHEDULED | tf::BOUND;
        set_field!(m, TaskletL, next, m);
        set_field!(m, TaskletL, prev, m);
        self.sched.runq_len = 1;
        self.set_sv(sr::MAIN, m);
        self.set_sv(sr::CURRENT, m);
        self.set_sv(sr::RUNQ, m);
        self.sched.timer_vals = Some(crate::vm::RootedVec::new(&self.r));
        self.sched.active = true;
    }

    /// A new, unbound tasklet of class `cls` (a subclass of `tasklet`).
    pub fn alloc_tasklet(&mut self, cls: Value) -> Value {
        let t = self.alloc(Kind::Tasklet, cls, std::mem::size_of::<TaskletL>());
        let o = t_obj(t);
        for v in [&mut o.attrs, &mut o.func, &mut o.args, &mut o.kwargs, &mut o.frame, &mut o.base,
                  &mut o.next, &mut o.prev, &mut o.channel, &mut o.pending] {
            *v = Value::NULL;
        }
        o.tempval = Value::NONE;
        o.exc_info = Value::NONE;
        o.flags = 0;
        o.depth = 0;
        o.coro = 0;
        o.loops = 0;
        o.blocked = 0;
        o.wake = 0;
        o.id = self.sched.next_id;
        self.sched.next_id += 1;
        // A tasklet blocked forever with nobody able to reach it is killed
        // when the collector finds it (see kill_lost_tasklets).
        // SAFETY: `t` is a live object of the active heap.
        unsafe { self.heap.gc.register_finalizer(t.addr() as *mut skiff_gc::Header) };
        t
    }

    pub fn alloc_channel(&mut self, cls: Value) -> Value {
        let c = self.alloc(Kind::Channel, cls, std::mem::size_of::<ChannelL>());
        let o = obj::<ChannelL>(c);
        o.attrs = Value::NULL;
        o.first = Value::NULL;
        o.last = Value::NULL;
        o.balance = 0;
        o.preference = -1;
        o.flags = 0;
        c
    }

    // -- the run queue (circular, through next/prev) ---------------------------

    /// Appends `t` at the end of the run queue (just before the head).
    pub fn runq_append(&mut self, t: Value) {
        debug_assert!(flags(t) & tf::SCHEDULED == 0);
        let head = self.sv(sr::RUNQ);
        if head.is_null() {
            set_field!(t, TaskletL, next, t);
            set_field!(t, TaskletL, prev, t);
            self.set_sv(sr::RUNQ, t);
        } else {
            let last = t_obj(head).prev;
            set_field!(t, TaskletL, next, head);
            set_field!(t, TaskletL, prev, last);
            set_field!(last, TaskletL, next, t);
            set_field!(head, TaskletL, prev, t);
        }
        t_obj(t).flags |= tf::SCHEDULED;
        self.sched.runq_len += 1;
    }

    /// Puts `t` at the head of the run queue, in front of the old head.
    pub fn runq_push_front(&mut self, t: Value) {
        if flags(t) & tf::SCHEDULED != 0 { self.runq_remove(t); }
        self.runq_append(t);
        self.set_sv(sr::RUNQ, t);
    }

    /// Makes `t` the head of the run queue the Stackless way: a tasklet
    /// already queued is not moved (the queue rotates to it); one that is
    /// not goes in just before the old head.
    pub fn runq_make_head(&mut self, t: Value) {
        if flags(t) & tf::SCHEDULED != 0 { self.set_sv(sr::RUNQ, t); } else { self.runq_push_front(t); }
    }

    /// Inserts `t` right after the head (the running tasklet).
    fn runq_insert_after_head(&mut self, t: Value) {
        let head = self.sv(sr::RUNQ);
        if head.is_null() { self.runq_append(t); return; }
        let after = t_obj(head).next;
        self.set_sv(sr::RUNQ, after);
        self.runq_append(t);
        self.set_sv(sr::RUNQ, head);
        if after == head {
            // A queue of one: appending before `head` is the same as after it.
        }
    }

    pub fn runq_remove(&mut self, t: Value) {
        if flags(t) & tf::SCHEDULED == 0 { return; }
        let (next, prev) = (t_obj(t).next, t_obj(t).prev);
        if next == t {
            self.set_sv(sr::RUNQ, Value::NULL);
        } else {
            set_field!(prev, TaskletL, next, next);
            set_field!(next, TaskletL, prev, prev);
            if self.sv(sr::RUNQ) == t { self.set_sv(sr::RUNQ, next); }
        }
        set_field!(t, TaskletL, next, Value::NULL);
        set_field!(t, TaskletL, prev, Value::NULL);
        t_obj(t).flags &= !tf::SCHEDULED;
        self.sched.runq_len -= 1;
    }

    pub fn runq_count(&self) -> usize { self.sched.runq_len }

    // -- channel wait queues (NULL-ended, through next/prev) --------------------

    fn chan_push(&mut self, ch: Value, t: Value) {
        let last = obj::<ChannelL>(ch).last;
        set_field!(t, TaskletL, prev, last);
        set_field!(t, TaskletL, next, Value::NULL);
        if last.is_null() { set_field!(ch, ChannelL, first, t); } else { set_field!(last, TaskletL, next, t); }
        set_field!(ch, ChannelL, last, t);
        set_field!(t, TaskletL, channel, ch);
    }

    /// Marks a tasklet pickle's loader just created: it keeps no
    /// lost-tasklet finalizer until it first runs (`tf::LOADED`).
    pub fn tasklet_loaded(&mut self, t: Value) {
        // SAFETY: `t` is a live object of the active heap.
        unsafe { self.heap.gc.unregister_finalizer(t.addr() as *mut skiff_gc::Header) };
        t_obj(t).flags |= tf::LOADED;
    }

    /// Puts an unpickled tasklet back in channel `ch`'s wait queue, blocked
    /// in direction `dir` (pickle's loader; the tasklet is alive, not
    /// scheduled and its top frame expects the channel's result).
    pub fn chan_restore_waiter(&mut self, ch: Value, t: Value, dir: i64) {
        debug_assert!(flags(t) & tf::SCHEDULED == 0 && t_obj(t).channel.is_null());
        self.chan_push(ch, t);
        t_obj(t).blocked = dir;
        obj::<ChannelL>(ch).balance += dir;
    }

    /// Unlinks a blocked tasklet from its channel and clears its blocked state.
    fn chan_unlink(&mut self, t: Value) {
        let ch = t_obj(t).channel;
        if ch.is_null() { return; }
        let (next, prev) = (t_obj(t).next, t_obj(t).prev);
        if prev.is_null() { set_field!(ch, ChannelL, first, next); } else { set_field!(prev, TaskletL, next, next); }
        if next.is_null() { set_field!(ch, ChannelL, last, prev); } else { set_field!(next, TaskletL, prev, prev); }
        obj::<ChannelL>(ch).balance -= t_obj(t).blocked;
        set_field!(t, TaskletL, next, Value::NULL);
        set_field!(t, TaskletL, prev, Value::NULL);
        set_field!(t, TaskletL, channel, Value::NULL);
        t_obj(t).blocked = 0;
    }

    // -- switching ---------------------------------------------------------------

    /// Saves the VM state of the running tasklet `t` into it.
    fn save_state(&mut self, t: Value) {
        let top = self.r.frame.get();
        // Its frames leave the active chain: one barrier each (interp.rs).
        let mut f = top;
        while !f.is_null() { barrier(f); f = obj::<FrameL>(f).back; }
        set_field!(t, TaskletL, frame, top);
        let ei = self.r.exc_info.get();
        set_field!(t, TaskletL, exc_info, ei);
        let o = t_obj(t);
        o.depth = self.depth as u64;
        o.loops = self.loops as u64;
    }

    /// Makes `t` the running tasklet's VM state. Its saved frame chain stays
    /// in the tasklet only for a soft resume (`run_tasklet_soft` takes it);
    /// anything else would keep dead frames alive once it returns.
    fn restore_state(&mut self, t: Value) {
        let o = t_obj(t);
        if o.flags & tf::LOADED != 0 {
            o.flags &= !tf::LOADED;
            // Now a tasklet like any other: killed if it is ever lost.
            // SAFETY: `t` is a live object of the active heap.
            unsafe { self.heap.gc.register_finalizer(t.addr() as *mut skiff_gc::Header) };
        }
        let o = t_obj(t);
        self.r.frame.set(o.frame);
        self.r.exc_info.set(if o.exc_info.is_null() { Value::NONE } else { o.exc_info });
        if o.coro != 0 || o.flags & tf::MAIN != 0 {
            set_field!(t, TaskletL, frame, Value::NULL);
        }
        set_field!(t, TaskletL, exc_info, Value::NONE);
        self.depth = o.depth as usize;
        self.loops = o.loops as u32;
        self.set_sv(sr::CURRENT, t);
        if self.sched.run_depth > 0 {
            // A new timeslice.
            self.sched.slice_used = 0;
            self.arm_countdown();
        }
    }

    /// Sets the safe-point countdown to the next point preemption needs to
    /// look: the rest of the timeslice or of the total budget, at most the
    /// ordinary safe-point interval.
    fn arm_countdown(&mut self) {
        let mut n = crate::interp::SAFE_POINT_INTERVAL;
        if self.sched.run_depth > 0 {
            if self.sched.timeout > 0 { n = n.min((self.sched.timeout - self.sched.slice_used).max(1)); }
            if self.sched.total_left >= 0 { n = n.min(self.sched.total_left.max(1)); }
        }
        self.countdown = n;
        self.sched.budget = n;
    }

    fn schedule_callback(&mut self, next: Value) {
        let cb = self.sv(sr::SCHEDULE_CB);
        // Only tracked while a callback is set: it would keep a tasklet alive.
        if cb.is_null() || cb == Value::NONE { return; }
        let prev = self.sv(sr::LAST);
        self.set_sv(sr::LAST, next);
        if prev == next { return; }
        let prev_arg = if prev.is_null() { Value::NONE } else { prev };
        if let Err(e) = self.call(cb, &[prev_arg, next]) {
            let s = format!("Exception ignored in schedule callback:\n{}", self.format_exception(e.0));
            self.write_stderr(&s);
        }
    }

    /// The tasklet to run next after the running one stopped being runnable
    /// or yielded: the run queue's head; with an empty queue, the main
    /// tasklet (returning from `run()`, or with a deadlock error when it is
    /// blocked).
    fn pick_next(&mut self) -> Value {
        if !self.sched.timers.is_empty() { self.wake_sleepers(false); }
        if self.io_inflight() > 0 { self.poll_io(false); }
        if self.sched.soft_expired && self.sched.run_depth > 0 {
            // run(soft=True): the timeslice ran out; this is the next
            // scheduling point, so run() returns (nothing was interrupted).
            self.sched.soft_expired = false;
            let main = self.main_tasklet();
            if t_obj(main).blocked == 0 {
                set_field!(main, TaskletL, tempval, Value::NONE);
                self.runq_push_front(main);
                return main;
            }
        }
        let mut head = self.sv(sr::RUNQ);
        while head.is_null() && (!self.sched.timers.is_empty() || self.io_inflight() > 0) {
            // Nothing can run until a sleeper's deadline or a blocking call
            // completes: wait for whichever comes first.
            if self.io_inflight() > 0 {
                self.poll_io(true);
                self.wake_sleepers(false);
            } else {
                self.wake_sleepers(true);
            }
            head = self.sv(sr::RUNQ);
        }
        if !head.is_null() { return head; }
        let main = self.main_tasklet();
        let blocked = t_obj(main).blocked;
        if blocked != 0 && self.sched.run_depth == 0 {
            self.chan_unlink(main);
            let msg = if blocked < 0 {
                "the main tasklet is receiving without a sender available."
            } else {
                "the main tasklet is sending without a receiver available."
            };
            let e = self.new_exc(Exc::RuntimeError, msg);
            set_field!(main, TaskletL, pending, e.0);
        }
        main
    }

    /// Makes sleepers whose deadline has passed runnable; with `wait`, first
    /// blocks the thread until the earliest deadline.
    fn wake_sleepers(&mut self, wait: bool) {
        let Some(&std::cmp::Reverse((first, _, _))) = self.sched.timers.peek() else { return };
        let mut now = std::time::Instant::now();
        if wait && first > now {
            self.flush_std();
            std::thread::sleep(first - now);
            now = std::time::Instant::now();
        }
        while let Some(&std::cmp::Reverse((when, seq, slot))) = self.sched.timers.peek() {
            if when > now { break; }
            self.sched.timers.pop();
            let vals = self.sched.timer_vals.as_ref().expect("timers exist after sched_init");
            let t = vals.get(slot);
            vals.set(slot, Value::NULL);
            self.sched.timer_free.push(slot);
            if flags(t) & tf::SLEEPING != 0 && t_obj(t).wake == seq {
                t_obj(t).flags &= !tf::SLEEPING;
                if flags(t) & tf::SCHEDULED == 0 { self.runq_append(t); }
            }
        }
    }

    /// What the safe-point countdown was last armed with.
    pub fn sched_budget(&self) -> i64 { self.sched.budget }

    fn io_inflight(&self) -> usize { self.sched.io.as_ref().map_or(0, |io| io.inflight) }

    /// Whether a blocking call made now should go to the blocking pool: some
    /// other tasklet could run meanwhile.
    pub fn green_io_ok(&self) -> bool {
        if !self.sched.active { return false; }
        let cur = self.current_tasklet();
        self.runq_count() > usize::from(flags(cur) & tf::SCHEDULED != 0)
            || !self.sched.timers.is_empty() || self.io_inflight() > 0 || self.sched.run_depth > 0
    }

    /// Runs `job` on the blocking pool while other tasklets run; the calling
    /// tasklet waits (switched out hard) until the job's `IoApply` has run
    /// on this thread, and gets its outcome. A tasklet killed meanwhile gets
    /// the kill at once; the job still completes and its `IoApply` still runs
    /// (the file stays consistent), but nobody is woken a second time.
    pub fn green_io(&mut self, job: IoJob) -> PyResult<std::io::Result<()>> {
        if self.sched.io.is_none() {
            let threads = std::env::var("SKIFF_BLOCKING_THREADS").ok().and_then(|s| s.parse().ok()).unwrap_or(4usize);
            let inbox = std::sync::Arc::new(skiff_tasklets::inbox::Inbox::new());
            let pool = skiff_tasklets::pool::BlockingPool::new(threads, inbox.clone());
            self.sched.io = Some(Box::new(GreenIo {
                pool, inbox, waiting: Default::default(), vals: crate::vm::RootedVec::new(&self.r),
                free: Vec::new(), done: Default::default(), inflight: 0,
            }));
        }
        let cur = self.current_tasklet();
        let io = self.sched.io.as_mut().expect("made above");
        let ticket = io.pool.submit(job);
        let id = ticket.id();
        let slot = match io.free.pop() {
            Some(s) => { io.vals.set(s, cur); s }
            None => { io.vals.push(cur); io.vals.len() - 1 }
        };
        io.waiting.insert(id, slot);
        io.inflight += 1;
        let o = t_obj(cur);
        o.wake = id;
        o.flags |= tf::IO_WAIT;
        self.runq_remove(cur);
        set_field!(cur, TaskletL, tempval, Value::NONE);
        let target = self.pick_next();
        if target == cur {
            // Only possible if the job finished during pick_next's wait.
            self.resume_result(cur)?;
        } else {
            self.block_on(target, false)?;
        }
        let io = self.sched.io.as_mut().expect("made above");
        Ok(io.done.remove(&id).unwrap_or_else(|| Err(std::io::Error::other("blocking call lost"))))
    }

    /// Applies finished blocking calls and wakes their tasklets; with
    /// `wait`, first blocks until one finishes or the earliest sleeper's
    /// deadline passes.
    fn poll_io(&mut self, wait: bool) {
        let deadline = self.sched.timers.peek().map(|r| r.0 .0);
        let mut out = Vec::new();
        {
            let Some(io) = self.sched.io.as_ref() else { return };
            if wait {
                self.flush_std();
                let io = self.sched.io.as_ref().expect("checked");
                io.inbox.wait(&mut out, deadline);
            } else {
                io.inbox.try_drain(&mut out);
            }
        }
        for c in out {
            let outcome = match c.result {
                Ok(apply) => apply(self),
                Err(p) => Err(std::io::Error::other(format!("blocking call panicked: {}", p.message))),
            };
            let io = self.sched.io.as_mut().expect("completions come from the pool");
            io.inflight -= 1;
            let Some(slot) = io.waiting.remove(&c.id) else { continue };
            let t = io.vals.get(slot);
            io.vals.set(slot, Value::NULL);
            io.free.push(slot);
            if flags(t) & tf::IO_WAIT != 0 && t_obj(t).wake == c.id {
                io.done.insert(c.id, outcome);
                t_obj(t).flags &= !tf::IO_WAIT;
                if flags(t) & tf::SCHEDULED == 0 { self.runq_append(t); }
            }
        }
    }

    /// `time.sleep(secs)` in a tasklet: parks it on the timers while the
    /// others run. Returns false when nothing else could run meanwhile
    /// (the caller then sleeps the thread).
    pub fn sched_sleep(&mut self, secs: f64, soft: bool) -> PyResult<bool> {
        if !self.sched.active { return Ok(false); }
        let cur = self.current_tasklet();
        let others = self.runq_count() > usize::from(flags(cur) & tf::SCHEDULED != 0)
            || !self.sched.timers.is_empty() || self.sched.run_depth > 0;
        if !others { return Ok(false); }
        let when = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs);
        self.sched.timer_seq += 1;
        let seq = self.sched.timer_seq;
        let vals = self.sched.timer_vals.as_ref().expect("timers exist after sched_init");
        let slot = match self.sched.timer_free.pop() {
            Some(s) => { vals.set(s, cur); s }
            None => { vals.push(cur); vals.len() - 1 }
        };
        self.sched.timers.push(std::cmp::Reverse((when, seq, slot)));
        let o = t_obj(cur);
        o.wake = seq;
        o.flags |= tf::SLEEPING;
        self.runq_remove(cur);
        set_field!(cur, TaskletL, tempval, Value::NONE);
        let target = self.pick_next();
        self.block_on(target, soft)?;
        Ok(true)
    }

    /// Hands control to `target`; returns when the running tasklet is
    /// resumed. The caller has updated the queues. With `soft`, a non-main
    /// tasklet returns `PyErr::SWITCH` instead (its dispatch loop unwinds).
    pub fn transfer(&mut self, target: Value, soft: bool) -> PyResult<()> {
        let cur = self.current_tasklet();
        if target == cur { return Ok(()); }
        self.schedule_callback(target);
        self.save_state(cur);
        self.set_sv(sr::TARGET, target);
        if self.is_main(cur) {
            self.sched.hard_switches += 1;
            self.drive();
            return Ok(());
        }
        if soft {
            self.sched.soft_switches += 1;
            return Err(PyErr::SWITCH);
        }
        self.sched.hard_switches += 1;
        let slot = self.sched.running;
        debug_assert!(slot != 0);
        t_obj(cur).coro = slot as u64;
        self.suspend_running(slot);
        t_obj(cur).coro = 0;
        Ok(())
    }

    /// Suspends the running coroutine to the driver, recording its used
    /// stack (with registers spilled) as a conservative root meanwhile.
    fn suspend_running(&mut self, slot: usize) {
        let y = self.sched.slots[slot].yielder;
        let hi = self.sched.slots[slot].bounds.hi;
        let ranges = &self.r.extra_ranges as *const std::cell::RefCell<Vec<(usize, usize)>>;
        skiff_gc::conservative::with_registers_spilled(|| {
            let sp = skiff_gc::conservative::current_sp() & !7;
            // SAFETY: `ranges` points into the boxed VM, which outlives every
            // coroutine; `y` is the yielder of the coroutine running this code
            // (set by `coro_entry`, valid while the coroutine exists).
            unsafe {
                (*ranges).borrow_mut().push((sp, hi));
                (*y).suspend(());
            }
        });
        self.r.extra_ranges.borrow_mut().retain(|&(_, h)| h != hi);
    }

    /// The driver: runs on the OS stack inside the main tasklet's blocking
    /// call, resuming coroutines until the target is the main tasklet.
    fn drive(&mut self) {
        loop {
            let target = self.sv(sr::TARGET);
            self.restore_state(target);
            if self.is_main(target) {
                self.set_sv(sr::TARGET, Value::NULL);
                return;
            }
            let slot = match t_obj(target).coro {
                0 => match self.new_coroutine() {
                    Ok(s) => s,
                    Err(msg) => {
                        // No stack: the target cannot run. Give main the error.
                        self.runq_remove(target);
                        let main = self.main_tasklet();
                        let e = self.new_exc(Exc::MemoryError, &msg);
                        set_field!(main, TaskletL, pending, e.0);
                        self.set_sv(sr::TARGET, main);
                        continue;
                    }
                },
                s => s as usize,
            };
            self.resume_slot(slot);
        }
    }

    fn new_coroutine(&mut self) -> Result<usize, String> {
        let stack = self.sched.pool.take().map_err(|e| format!("cannot map a tasklet stack: {e}"))?;
        let bounds = coro::bounds(&stack);
        let slot = match self.sched.free_slots.pop() {
            Some(s) => s,
            None => {
                self.sched.slots.push(Slot { co: None, yielder: std::ptr::null(), bounds });
                self.sched.slots.len() - 1
            }
        };
        let vmp = self as *mut Vm;
        let co: Co = Coroutine::with_stack(stack, move |y: &Yielder<(), ()>, ()| {
            // SAFETY: the VM is boxed and outlives its coroutines; the driver
            // that resumed us does not touch it until we suspend or return.
            let vm = unsafe { &mut *vmp };
            vm.sched.slots[slot].yielder = y as *const _;
            vm.coro_loop();
        });
        let s = &mut self.sched.slots[slot];
        s.co = Some(co);
        s.bounds = bounds;
        s.yielder = std::ptr::null();
        Ok(slot)
    }

    /// Resumes the coroutine in `slot` from the driver and handles its
    /// suspension or end.
    fn resume_slot(&mut self, slot: usize) {
        let mut co = self.sched.slots[slot].co.take().expect("a suspended coroutine");
        let b = self.sched.slots[slot].bounds;
        let os = self.sched.os;
        self.enter_stack(slot, b);
        let ranges = &self.r.extra_ranges as *const std::cell::RefCell<Vec<(usize, usize)>>;
        let r = skiff_gc::conservative::with_registers_spilled(|| {
            let sp = skiff_gc::conservative::current_sp() & !7;
            // SAFETY: `ranges` points into the boxed VM, alive throughout.
            unsafe { (*ranges).borrow_mut().push((sp, os.hi)) };
            co.resume(())
        });
        self.r.extra_ranges.borrow_mut().retain(|&(_, h)| h != os.hi);
        self.enter_stack(0, os);
        match r {
            CoroutineResult::Yield(()) => { self.sched.slots[slot].co = Some(co); }
            CoroutineResult::Return(()) => {
                self.sched.pool.give(co.into_stack());
                self.sched.free_slots.push(slot);
            }
        }
    }

    /// Points the stack guard, the collector's stack scan and bdwgc's stack
    /// bottom at the stack of `slot` (0 = the OS stack).
    fn enter_stack(&mut self, slot: usize, b: StackBounds) {
        self.sched.running = slot;
        self.r.stack_hi.set(b.hi);
        self.stack_limit = b.lo + if slot == 0 { crate::vm::STACK_RED_ZONE } else { red_zone(b) };
        // SAFETY: called right before a switch to the stack `b` (no
        // allocation happens until the switch) or right after returning to
        // it; every other stack is in `extra_ranges`.
        unsafe { self.heap.gc.stack_switched(b.hi as *mut u8) };
    }

    /// The body of every coroutine: runs tasklets without stacks of their
    /// own, one after another (soft switches), until the next one has a
    /// stack or is the main tasklet; then the coroutine ends and its stack
    /// goes back to the pool.
    fn coro_loop(&mut self) {
        loop {
            let t = self.current_tasklet();
            self.run_tasklet_soft(t);
            let target = self.sv(sr::TARGET);
            if self.is_main(target) || t_obj(target).coro != 0 { return; }
            self.restore_state(target);
        }
    }

    /// Runs tasklet `t` (the current one, with no stack of its own) in a base
    /// dispatch loop on the running coroutine until it ends or switches out.
    fn run_tasklet_soft(&mut self, t: Value) {
        // Its saved loop count includes the base loop, which starts afresh.
        self.loops = 0;
        let o = t_obj(t);
        let pending = std::mem::replace(&mut o.pending, Value::NULL);
        let throw = if pending.is_null() { None } else { Some(PyErr(pending)) };
        let r = if o.flags & tf::STARTED == 0 {
            o.flags |= tf::STARTED;
            match throw {
                // Killed before it ever ran: its function never starts.
                Some(e) => Err(e),
                None => self.start_tasklet(t),
            }
        } else {
            let push = if o.flags & tf::PUSH != 0 && throw.is_none() {
                std::mem::replace(&mut o.tempval, Value::NONE)
            } else {
                Value::NULL
            };
            o.flags &= !tf::PUSH;
            let (base, top) = (o.base, o.frame);
            set_field!(t, TaskletL, frame, Value::NULL);
            self.run_tasklet_frames(base, top, push, throw)
        };
        match r {
            Err(e) if e.is_switch() => {}
            r => self.tasklet_end(t, r),
        }
    }

    fn start_tasklet(&mut self, t: Value) -> PyResult {
        let o = t_obj(t);
        let (func, args, kwargs) = (o.func, o.args, o.kwargs);
        set_field!(t, TaskletL, func, Value::NULL);
        let args = if args.is_null() { self.r.empty_tuple.get() } else { args };
        let simple_py = func.is_ref() && kind_of(func) == Kind::Function
            && !code_data(obj::<FunctionL>(func).code).is_generator();
        if !simple_py {
            // A builtin or other callable: it runs on this stack as if below
            // a base loop, so any switch inside it is hard.
            self.loops = 1;
            return self.call_ex(func, args, if kwargs.is_null() { Value::NULL } else { kwargs });
        }
        // The arguments in one GC tuple (storage rule; `make_frame` allocates
        // before it reads them), keyword values after the positional ones
        // and named by a tuple. Both tuples are allocated first; then the
        // items are copied with no allocation between.
        let npos = tuple_slice(args).len();
        let nkw = if kwargs.is_null() { 0 } else { obj::<DictL>(kwargs).len };
        let vals = self.alloc_tuple(npos + nkw);
        let names = if nkw > 0 { self.alloc_tuple(nkw) } else { Value::NULL };
        for (i, &a) in tuple_slice(args).iter().enumerate() { tuple_init(vals, i, a); }
        if nkw > 0 {
            let mut n = 0;
            for i in 0..self.dict_used(kwargs) {
                if let Some((k, v)) = self.dict_entry(kwargs, i) { tuple_init(names, n, k); tuple_init(vals, npos + n, v); n += 1; }
            }
        }
        let frame = self.make_frame(func, tuple_slice(vals), names)?;
        obj::<FrameL>(frame).ret_mode = crate::call::ret::NATIVE;
        set_field!(t, TaskletL, base, frame);
        self.depth = 1;
        self.run_tasklet_frames(frame, frame, Value::NULL, None)
    }

    /// `t` (the running tasklet) finished with `r`: it leaves the run queue
    /// and control goes to the next tasklet. An exception other than
    /// `TaskletExit` goes to the main tasklet.
    fn tasklet_end(&mut self, t: Value, r: PyResult) {
        // A dead tasklet needs no killing when it becomes unreachable.
        // SAFETY: `t` is a live object of the active heap.
        unsafe { self.heap.gc.unregister_finalizer(t.addr() as *mut skiff_gc::Header) };
        let o = t_obj(t);
        o.flags &= !(tf::ALIVE | tf::PUSH);
        o.depth = 0;
        set_field!(t, TaskletL, frame, Value::NULL);
        set_field!(t, TaskletL, base, Value::NULL);
        set_field!(t, TaskletL, exc_info, Value::NONE);
        set_field!(t, TaskletL, args, Value::NULL);
        set_field!(t, TaskletL, kwargs, Value::NULL);
        self.depth = 0;
        self.loops = 0;
        self.r.frame.set(Value::NULL);
        self.r.exc_info.set(Value::NONE);
        self.runq_remove(t);
        self.set_sv(sr::CURRENT, t);
        let target = match r {
            Ok(_) => self.pick_next(),
            Err(e) if self.is_tasklet_exit(e.0) => self.pick_next(),
            Err(e) => {
                let main = self.main_tasklet();
                self.chan_unlink(main);
                set_field!(main, TaskletL, pending, e.0);
                self.runq_push_front(main);
                main
            }
        };
        self.schedule_callback(target);
        self.set_sv(sr::TARGET, target);
    }

    pub fn is_tasklet_exit(&self, e: Value) -> bool {
        let te = self.sv(sr::TASKLET_EXIT);
        !te.is_null() && self.isinstance(e, te)
    }

    /// The result of a blocking operation once the tasklet runs again: a
    /// pending exception, or its `tempval`.
    pub fn resume_result(&mut self, t: Value) -> PyResult {
        let o = t_obj(t);
        o.flags &= !tf::PUSH;
        let p = std::mem::replace(&mut o.pending, Value::NULL);
        if !p.is_null() { return Err(PyErr(p)); }
        Ok(std::mem::replace(&mut o.tempval, Value::NONE))
    }

    /// Switches from the running tasklet to `target` for a blocking builtin:
    /// softly when allowed, and in any case returns the builtin's result.
    fn block_on(&mut self, target: Value, soft: bool) -> PyResult {
        let cur = self.current_tasklet();
        if target == cur { return self.resume_result(cur); }
        let soft = soft && self.loops == 1 && !self.is_main(cur);
        if soft { t_obj(cur).flags |= tf::PUSH; }
        self.transfer(target, soft)?;
        self.resume_result(cur)
    }

    /// Whether a blocking builtin was called directly by the base dispatch
    /// loop (so it may switch softly). Takes the flag: call first thing.
    pub fn take_soft(&mut self) -> bool { std::mem::replace(&mut self.soft_call, false) && self.sched.softswitch }

    // -- operations ---------------------------------------------------------------

    /// `stackless.schedule(retval)` / `schedule_remove(retval)`.
    pub fn sched_schedule(&mut self, retval: Value, remove: bool, soft: bool) -> PyResult {
        let cur = self.current_tasklet();
        let rv = if retval.is_null() { cur } else { retval };
        set_field!(cur, TaskletL, tempval, rv);
        if remove {
            self.runq_remove(cur);
        } else if self.sv(sr::RUNQ) == cur {
            self.set_sv(sr::RUNQ, t_obj(cur).next);
        }
        let target = self.pick_next();
        self.block_on(target, soft)
    }

    /// `tasklet.run()` (and `switch()` with `pause`): switch to `t` now; the
    /// current tasklet stays runnable right after it unless paused.
    pub fn tasklet_run(&mut self, t: Value, pause: bool, soft: bool) -> PyResult {
        self.check_runnable(t)?;
        let cur = self.current_tasklet();
        if t == cur {
            if pause { self.runq_remove(cur); } else { return Ok(Value::NONE); }
            let target = self.pick_next();
            set_field!(cur, TaskletL, tempval, Value::NONE);
            return self.block_on(target, soft);
        }
        if pause { self.runq_remove(cur); }
        self.runq_make_head(t);
        set_field!(cur, TaskletL, tempval, Value::NONE);
        self.block_on(t, soft)
    }

    fn check_runnable(&mut self, t: Value) -> PyResult<()> {
        if t_obj(t).blocked != 0 {
            return Err(self.new_exc(Exc::RuntimeError, "You cannot run a blocked tasklet"));
        }
        if flags(t) & tf::ALIVE == 0 {
            return Err(self.new_exc(Exc::RuntimeError, "You cannot run an unbound(dead) tasklet"));
        }
        Ok(())
    }

    pub fn tasklet_insert(&mut self, t: Value) -> PyResult<()> {
        self.check_runnable(t)?;
        if flags(t) & tf::SCHEDULED == 0 { self.runq_append(t); }
        Ok(())
    }

    pub fn tasklet_remove(&mut self, t: Value) -> PyResult<()> {
        if t_obj(t).blocked != 0 {
            return Err(self.new_exc(Exc::RuntimeError, "You cannot remove a blocked tasklet."));
        }
        if t == self.current_tasklet() && flags(t) & tf::ALIVE != 0 {
            return Err(self.new_exc(Exc::RuntimeError, "The current tasklet cannot be removed."));
        }
        self.runq_remove(t);
        Ok(())
    }

    /// `tasklet.throw(exc)` / `kill()` / `raise_exception()`: raise `e` in
    /// `t`, now (switching to it) or, with `pending`, when it next runs.
    pub fn tasklet_throw(&mut self, t: Value, e: PyErr, pending: bool, soft: bool) -> PyResult {
        let cur = self.current_tasklet();
        if t == cur { return Err(e); }
        if flags(t) & tf::ALIVE == 0 {
            if self.is_tasklet_exit(e.0) { return Ok(Value::NONE); }
            return Err(self.new_exc(Exc::RuntimeError, "You cannot throw to a dead tasklet"));
        }
        if flags(t) & tf::STARTED == 0 && self.is_tasklet_exit(e.0) && !pending {
            // Never ran: it just dies.
            // SAFETY: `t` is a live object of the active heap.
            unsafe { self.heap.gc.unregister_finalizer(t.addr() as *mut skiff_gc::Header) };
            t_obj(t).flags &= !tf::ALIVE;
            self.runq_remove(t);
            set_field!(t, TaskletL, args, Value::NULL);
            set_field!(t, TaskletL, kwargs, Value::NULL);
            return Ok(Value::NONE);
        }
        set_field!(t, TaskletL, pending, e.0);
        self.chan_unlink(t);
        t_obj(t).flags &= !(tf::SLEEPING | tf::IO_WAIT);
        if pending {
            if flags(t) & tf::SCHEDULED == 0 { self.runq_append(t); }
            return Ok(Value::NONE);
        }
        self.runq_make_head(t);
        set_field!(cur, TaskletL, tempval, Value::NONE);
        self.block_on(t, soft)
    }

    /// `channel.send` (dir 1) / `receive` (dir -1). For a send, `arg` is the
    /// value, or with `exc` the exception instance the receiver raises.
    pub fn chan_action(&mut self, ch: Value, dir: i64, arg: Value, exc: bool, soft: bool) -> PyResult {
        let cur = self.current_tasklet();
        let co = obj::<ChannelL>(ch);
        let cando = if dir > 0 { co.balance < 0 } else { co.balance > 0 };
        if !cando && co.flags & cflag::CLOSING != 0 {
            let msg = "Send/receive operation on a closed channel";
            return Err(self.new_exc(Exc::ValueError, msg));
        }
        let cb = self.sv(sr::CHANNEL_CB);
        if !cb.is_null() && cb != Value::NONE {
            let args = [ch, cur, Value::bool(dir > 0), Value::bool(!cando)];
            self.call(cb, &args)?;
        }
        let co = obj::<ChannelL>(ch);
        if cando {
            let target = co.first;
            self.chan_unlink(target);
            // Exchange: the receiver gets the value (or exception).
            let (value, raise) = if dir > 0 {
                (arg, exc)
            } else {
                (t_obj(target).tempval, flags(target) & tf::SEND_EXC != 0)
            };
            t_obj(target).flags &= !tf::SEND_EXC;
            let receiver = if dir > 0 { target } else { cur };
            let sender = if dir > 0 { cur } else { target };
            set_field!(sender, TaskletL, tempval, Value::NONE);
            if raise {
                set_field!(receiver, TaskletL, pending, value);
                set_field!(receiver, TaskletL, tempval, Value::NONE);
            } else {
                set_field!(receiver, TaskletL, tempval, value);
            }
            let co = obj::<ChannelL>(ch);
            let do_schedule;
            if co.flags & cflag::SCHEDULE_ALL != 0 {
                self.runq_append(target);
                do_schedule = true;
            } else if co.preference == -dir {
                self.runq_insert_after_head(target);
                do_schedule = true;
            } else {
                self.runq_append(target);
                do_schedule = false;
            }
            if do_schedule && self.sv(sr::RUNQ) == cur {
                self.set_sv(sr::RUNQ, t_obj(cur).next);
                let next = self.pick_next();
                return self.block_on(next, soft);
            }
            return self.resume_result(cur);
        }
        // Nobody waiting: block.
        if self.is_main(cur) && self.sv(sr::RUNQ) == cur && t_obj(cur).next == cur && self.sched.run_depth == 0 {
            return Err(self.new_exc(Exc::RuntimeError, "Deadlock: the last runnable tasklet cannot be blocked."));
        }
        set_field!(cur, TaskletL, tempval, if dir > 0 { arg } else { Value::NONE });
        if exc { t_obj(cur).flags |= tf::SEND_EXC; }
        self.runq_remove(cur);
        t_obj(cur).blocked = dir;
        self.chan_push(ch, cur);
        obj::<ChannelL>(ch).balance += dir;
        let target = self.pick_next();
        self.block_on(target, soft)
    }

    /// `stackless.run(timeout, totaltimeout)` from the main tasklet: runs the
    /// others until none is runnable, an exception reaches main, or a
    /// timeslice expires (then returns the interrupted tasklet).
    pub fn sched_run(&mut self, timeout: i64, total: i64, soft: bool, ignore_nesting: bool) -> PyResult {
        let cur = self.current_tasklet();
        if !self.is_main(cur) {
            return Err(self.new_exc(Exc::RuntimeError, "run() must be run from the main tasklet"));
        }
        let saved = (self.sched.timeout, self.sched.total_left, self.sched.run_soft, self.sched.run_ignore_nesting);
        self.sched.timeout = timeout.max(0);
        self.sched.total_left = if total > 0 { total } else { -1 };
        self.sched.run_soft = soft;
        self.sched.run_ignore_nesting = ignore_nesting;
        self.sched.soft_expired = false;
        // run() starts with the tasklet after main.
        self.runq_remove(cur);
        self.sched.run_depth += 1;
        set_field!(cur, TaskletL, tempval, Value::NONE);
        let target = self.pick_next();
        let r = if target == cur {
            self.resume_result(cur)
        } else {
            self.transfer(target, false).and_then(|_| self.resume_result(cur))
        };
        self.sched.run_depth -= 1;
        (self.sched.timeout, self.sched.total_left, self.sched.run_soft, self.sched.run_ignore_nesting) = saved;
        self.sched.soft_expired = false;
        if flags(cur) & tf::SCHEDULED == 0 { self.runq_push_front(cur); }
        self.arm_countdown();
        r
    }

    /// Preemption at a safe point: a non-main, non-atomic tasklet whose
    /// timeslice is used up goes back to the main tasklet in `run()`.
    /// `used` is the number of instructions run since the countdown was last
    /// armed.
    pub fn sched_safe_point(&mut self, used: i64) -> PyResult<()> {
        if self.sched.run_depth == 0 || (self.sched.timeout <= 0 && self.sched.total_left < 0) {
            self.sched.budget = self.countdown;
            return Ok(());
        }
        let cur = self.current_tasklet();
        if self.is_main(cur) { self.arm_countdown(); return Ok(()); }
        self.sched.slice_used += used;
        if self.sched.total_left >= 0 { self.sched.total_left = (self.sched.total_left - used).max(0); }
        let expired = (self.sched.timeout > 0 && self.sched.slice_used >= self.sched.timeout)
            || self.sched.total_left == 0;
        self.arm_countdown();
        if !expired || flags(cur) & tf::ATOMIC != 0 { return Ok(()); }
        // Inside native code only with ignore_nesting (the run's or the tasklet's).
        if self.loops > 1 && !self.sched.run_ignore_nesting && flags(cur) & tf::IGNORE_NESTING == 0 { return Ok(()); }
        let main = self.main_tasklet();
        if t_obj(main).blocked != 0 || flags(main) & tf::SCHEDULED != 0 { return Ok(()); }
        if self.sched.run_soft {
            self.sched.soft_expired = true;
            return Ok(());
        }
        // The interrupted tasklet leaves the queue (it is paused) and run()
        // returns it.
        set_field!(main, TaskletL, tempval, cur);
        self.runq_remove(cur);
        self.runq_push_front(main);
        let soft = self.loops == 1 && self.sched.softswitch;
        t_obj(cur).flags &= !tf::PUSH;
        self.transfer(main, soft)?;
        // Resumed: an exception thrown in while it was interrupted?
        let p = std::mem::replace(&mut t_obj(cur).pending, Value::NULL);
        if !p.is_null() { return Err(PyErr(p)); }
        Ok(())
    }

    /// A tasklet the collector found unreachable: if it is blocked (or
    /// paused) it can never run again, so kill it now, letting its `finally`
    /// blocks and `with` exits run.
    pub fn kill_lost_tasklet(&mut self, t: Value) {
        if flags(t) & tf::ALIVE == 0 || flags(t) & tf::MAIN != 0 || flags(t) & tf::STARTED == 0 { return; }
        if t == self.current_tasklet() { return; }
        let te = self.sv(sr::TASKLET_EXIT);
        let e = match self.call(te, &[]) { Ok(e) => e, Err(e) => e.0 };
        if let Err(err) = self.tasklet_throw(t, PyErr(e), false, false) {
            if !self.is_tasklet_exit(err.0) {
                let s = format!("Exception ignored in killing a lost tasklet:\n{}", self.format_exception(err.0));
                self.write_stderr(&s);
            }
        }
    }
}
