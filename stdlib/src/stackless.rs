//! The `stackless` module: tasklets, channels and the scheduler's API, with
//! Stackless Python's semantics. The scheduler itself (queues, soft and hard
//! switching) is `skiff_vm::sched`; this file parses arguments, checks types
//! and exposes attributes.
//!
//! Blocking functions call `vm.take_soft()` first: it says whether the
//! dispatch loop called them directly, the only case in which they may
//! switch the tasklet out softly (returning `PyErr::SWITCH`).

use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::set_field;
use skiff_vm::sched::{cflag, sr, t_obj, tf};
use skiff_vm::{Exc, NativeFn, PyErr, PyResult, Ty, Value, Vm};

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let object = vm.ty(Ty::Object);
    let tasklet = vm.new_native_class("tasklet", object, Kind::Tasklet, "stackless");
    let channel = vm.new_native_class("channel", object, Kind::Channel, "stackless");
    let system_exit = vm.exc_type(Exc::SystemExit);
    let bases = vm.new_tuple(&[system_exit]);
    let ns = vm.new_dict();
    vm.dict_set_str(ns, "__module__", vm.new_str("stackless"));
    let exit = vm.new_class(vm.ty(Ty::Type), "TaskletExit", bases, ns)?;
    vm.sched_init(tasklet, channel, exit);

    vm.add_static(tasklet, "__new__", tasklet_new, false);
    let tmethods: &[(&str, NativeFn)] = &[
        ("__init__", tasklet_init), ("bind", tasklet_bind), ("setup", tasklet_setup), ("__call__", tasklet_setup),
        ("insert", tasklet_insert), ("remove", tasklet_remove), ("run", tasklet_run), ("switch", tasklet_switch),
        ("kill", tasklet_kill), ("throw", tasklet_throw), ("raise_exception", tasklet_raise_exception),
        ("set_atomic", tasklet_set_atomic), ("set_ignore_nesting", tasklet_set_ignore_nesting),
    ];
    for &(n, f) in tmethods { vm.add_method(tasklet, n, f); }
    let tprops: &[(&str, NativeFn)] = &[
        ("alive", t_alive), ("blocked", t_blocked), ("scheduled", t_scheduled), ("paused", t_paused),
        ("restorable", t_restorable), ("is_main", t_is_main), ("is_current", t_is_current), ("next", t_next),
        ("prev", t_prev), ("recursion_depth", t_recursion_depth), ("atomic", t_atomic),
        ("ignore_nesting", t_ignore_nesting), ("nesting_level", t_nesting_level), ("frame", t_frame),
        ("thread_id", t_thread_id),
    ];
    for &(n, f) in tprops { vm.add_getset(tasklet, n, f, None); }
    vm.add_getset(tasklet, "tempval", t_tempval, Some(t_set_tempval));

    vm.add_static(channel, "__new__", channel_new, false);
    let cmethods: &[(&str, NativeFn)] = &[
        ("__init__", channel_init), ("send", ch_send), ("receive", ch_receive), ("send_exception", ch_send_exception),
        ("send_throw", ch_send_throw), ("send_sequence", ch_send_sequence), ("__iter__", ch_iter),
        ("__next__", ch_next), ("close", ch_close), ("open", ch_open),
    ];
    for &(n, f) in cmethods { vm.add_method(channel, n, f); }
    let cprops: &[(&str, NativeFn)] = &[("balance", c_balance), ("closing", c_closing), ("closed", c_closed), ("queue", c_queue)];
    for &(n, f) in cprops { vm.add_getset(channel, n, f, None); }
    vm.add_getset(channel, "preference", c_preference, Some(c_set_preference));
    vm.add_getset(channel, "schedule_all", c_schedule_all, Some(c_set_schedule_all));

    let atomic = vm.new_native_class("atomic", object, Kind::Instance, "stackless");
    vm.add_method(atomic, "__enter__", atomic_enter);
    vm.add_method(atomic, "__exit__", atomic_exit);

    vm.dict_set_str(d, "tasklet", tasklet);
    vm.dict_set_str(d, "channel", channel);
    vm.dict_set_str(d, "TaskletExit", exit);
    vm.dict_set_str(d, "atomic", atomic);
    let fns: &[(&str, NativeFn)] = &[
        ("run", s_run), ("schedule", s_schedule), ("schedule_remove", s_schedule_remove),
        ("getcurrent", s_getcurrent), ("getmain", s_getmain), ("getruncount", s_getruncount),
        ("set_schedule_callback", s_set_schedule_callback), ("get_schedule_callback", s_get_schedule_callback),
        ("set_channel_callback", s_set_channel_callback), ("get_channel_callback", s_get_channel_callback),
        ("getcurrentid", s_getcurrentid), ("enable_softswitch", s_enable_softswitch), ("_stats", s_stats),
    ];
    for &(n, f) in fns { vm.add_module_fn(d, n, f); }
    vm.add_module_fn(d, "__getattr__", s_module_getattr);
    Ok(())
}

/// `stackless.current`, `main` and `runcount` change as tasklets run, so
/// they are computed on access (PEP 562 module `__getattr__`).
fn s_module_getattr(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let name = match args.first() { Some(&n) if vm.is_str(n) => str_ref(n).to_string(), _ => String::new() };
    match name.as_str() {
        "current" => Ok(vm.current_tasklet()),
        "main" => Ok(vm.main_tasklet()),
        "runcount" => s_getruncount(vm, &[], Value::NULL),
        _ => Err(vm.new_exc(Exc::AttributeError, &format!("module 'stackless' has no attribute '{name}'"))),
    }
}

// -- helpers ------------------------------------------------------------------

fn is_tasklet(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Tasklet }
fn is_channel(v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Channel }

fn this(vm: &mut Vm, args: &[Value], what: &str, name: &str, check: fn(Value) -> bool) -> PyResult<Value> {
    match args.first() {
        Some(&v) if check(v) => Ok(v),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' requires a '{what}' object but received a '{tn}'")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' of '{what}' object needs an argument"))),
    }
}
fn tself(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> { this(vm, args, "tasklet", name, is_tasklet) }
fn cself(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> { this(vm, args, "channel", name, is_channel) }

fn flag(t: Value, f: u64) -> bool { t_obj(t).flags & f != 0 }

/// Parses `(self, *rest)` with at most `max` positional or named arguments.
fn parse<'a>(vm: &mut Vm, name: &'a str, args: &'a [Value], kwnames: Value, allowed: &[&str], min: usize) -> PyResult<ArgParser<'a>> {
    let p = ArgParser::new(name, args, kwnames);
    p.check_kw(vm, allowed)?;
    let max = allowed.len() + 1;
    if p.pos.len() > max {
        let n = p.pos.len() - 1;
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes at most {} arguments ({n} given)", max - 1)));
    }
    if p.pos.len() < min + 1 && allowed.iter().take(min).any(|k| p.kw(k).is_none()) {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() missing required argument")));
    }
    Ok(p)
}

/// Argument `i` (after self) or keyword `key`; None for absent or None.
fn opt(p: &ArgParser, i: usize, key: &str) -> Option<Value> {
    p.get(i + 1, key).filter(|v| *v != Value::NONE)
}

fn no_kwargs(vm: &mut Vm, name: &str, kwnames: Value) -> PyResult<()> {
    if !kwnames.is_null() && !tuple_slice(kwnames).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// An exception instance from `(type, value, tb)` arguments as `raise` would make it.
fn make_exc(vm: &mut Vm, typ: Value, val: Value) -> PyResult<PyErr> {
    if vm.is_class(typ) {
        let inst = if val.is_null() || val == Value::NONE {
            vm.call(typ, &[])?
        } else if vm.isinstance(val, typ) {
            val
        } else if val.is_ref() && kind_of(val) == Kind::Tuple {
            vm.call_ex(typ, val, Value::NULL)?
        } else {
            vm.call(typ, &[val])?
        };
        return vm.make_raise(inst, None);
    }
    if val != Value::NONE && !val.is_null() {
        return Err(vm.new_exc(Exc::TypeError, "instance exception may not have a separate value"));
    }
    vm.make_raise(typ, None)
}

// -- tasklet --------------------------------------------------------------------

fn tasklet_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let cls = match args.first() {
        Some(&c) if vm.is_class(c) => c,
        _ => return Err(vm.new_exc(Exc::TypeError, "tasklet.__new__(X): X is not a type object")),
    };
    if vm.layout_of(cls) != Kind::Tasklet {
        let cn = vm.class_name(cls).to_string();
        return Err(vm.new_exc(Exc::TypeError, &format!("tasklet.__new__({cn}): {cn} is not a subtype of tasklet")));
    }
    let t = vm.alloc_tasklet(cls);
    let p = ArgParser::new("tasklet", args, kwnames);
    if let Some(f) = p.get(1, "func").filter(|v| *v != Value::NONE) {
        bind(vm, t, f, p.get(2, "args"), p.get(3, "kwargs"))?;
    }
    Ok(t)
}

fn tasklet_init(_vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult { Ok(Value::NONE) }

fn bind(vm: &mut Vm, t: Value, func: Value, args: Option<Value>, kwargs: Option<Value>) -> PyResult<()> {
    if !crate::builtins::is_callable(vm, func) {
        return Err(vm.new_exc(Exc::TypeError, "tasklet function must be a callable"));
    }
    if flag(t, tf::ALIVE) && flag(t, tf::STARTED) {
        return Err(vm.new_exc(Exc::RuntimeError, "tasklet is alive"));
    }
    if flag(t, tf::SCHEDULED) { vm.runq_remove(t); }
    set_field!(t, TaskletL, func, func);
    t_obj(t).flags = (t_obj(t).flags & !(tf::ALIVE | tf::STARTED)) | tf::BOUND;
    let args = args.filter(|v| *v != Value::NONE);
    let kwargs = kwargs.filter(|v| *v != Value::NONE);
    if args.is_some() || kwargs.is_some() {
        store_args(vm, t, args, kwargs)?;
    }
    Ok(())
}

fn store_args(vm: &mut Vm, t: Value, args: Option<Value>, kwargs: Option<Value>) -> PyResult<()> {
    let a = match args {
        Some(a) if a.is_ref() && kind_of(a) == Kind::Tuple => a,
        Some(a) => { let items = vm.collect_iter(a)?; vm.new_tuple(&items) }
        None => vm.r.empty_tuple.get(),
    };
    set_field!(t, TaskletL, args, a);
    if let Some(k) = kwargs {
        if !(k.is_ref() && kind_of(k) == Kind::Dict) {
            return Err(vm.new_exc(Exc::TypeError, "tasklet kwargs must be a dict"));
        }
        let k2 = vm.dict_copy(k);
        set_field!(t, TaskletL, kwargs, k2);
    }
    t_obj(t).flags |= tf::ALIVE;
    Ok(())
}

fn tasklet_bind(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let t = tself(vm, args, "bind")?;
    let p = parse(vm, "bind", args, kwnames, &["func", "args", "kwargs"], 0)?;
    match opt(&p, 0, "func") {
        Some(f) => bind(vm, t, f, p.get(2, "args"), p.get(3, "kwargs"))?,
        None => {
            if flag(t, tf::ALIVE) && flag(t, tf::STARTED) {
                return Err(vm.new_exc(Exc::RuntimeError, "tasklet is alive"));
            }
            // Unbind.
            if flag(t, tf::SCHEDULED) { vm.runq_remove(t); }
            set_field!(t, TaskletL, func, Value::NULL);
            set_field!(t, TaskletL, args, Value::NULL);
            set_field!(t, TaskletL, kwargs, Value::NULL);
            t_obj(t).flags &= !(tf::ALIVE | tf::STARTED | tf::BOUND);
        }
    }
    Ok(t)
}

fn tasklet_setup(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let t = tself(vm, args, "setup")?;
    if t_obj(t).func.is_null() {
        return Err(vm.new_exc(Exc::TypeError, "cframe function must be callable"));
    }
    if flag(t, tf::ALIVE) {
        return Err(vm.new_exc(Exc::RuntimeError, "tasklet is already bound to a frame"));
    }
    let p = ArgParser::new("setup", args, kwnames);
    let pos = vm.new_tuple(&p.pos[1..]);
    let kw = if p.kwnames.is_empty() {
        None
    } else {
        let d = vm.new_dict();
        for (k, v) in p.kwnames.iter().zip(p.kwvals.iter()) { vm.dict_set(d, *k, *v)?; }
        Some(d)
    };
    store_args(vm, t, Some(pos), kw)?;
    vm.tasklet_insert(t)?;
    Ok(t)
}

fn tasklet_insert(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let t = tself(vm, args, "insert")?;
    no_kwargs(vm, "insert", kwnames)?;
    vm.tasklet_insert(t)?;
    Ok(Value::NONE)
}

fn tasklet_remove(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let t = tself(vm, args, "remove")?;
    no_kwargs(vm, "remove", kwnames)?;
    vm.tasklet_remove(t)?;
    Ok(t)
}

fn tasklet_run(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let t = tself(vm, args, "run")?;
    no_kwargs(vm, "run", kwnames)?;
    vm.tasklet_run(t, false, soft)?;
    Ok(Value::NONE)
}

fn tasklet_switch(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let t = tself(vm, args, "switch")?;
    no_kwargs(vm, "switch", kwnames)?;
    vm.tasklet_run(t, true, soft)?;
    Ok(Value::NONE)
}

fn tasklet_kill(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let t = tself(vm, args, "kill")?;
    let p = parse(vm, "kill", args, kwnames, &["pending"], 0)?;
    let pending = match p.get(1, "pending") { Some(v) => vm.truthy(v)?, None => false };
    if !flag(t, tf::ALIVE) { return Ok(Value::NONE); }
    let te = vm.sv(sr::TASKLET_EXIT);
    let e = vm.call(te, &[])?;
    vm.tasklet_throw(t, PyErr(e), pending, soft)?;
    Ok(Value::NONE)
}

fn tasklet_throw(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let t = tself(vm, args, "throw")?;
    let p = parse(vm, "throw", args, kwnames, &["exc", "val", "tb", "pending"], 0)?;
    let typ = p.get(1, "exc").unwrap_or(Value::NONE);
    if typ == Value::NONE {
        let te = vm.sv(sr::TASKLET_EXIT);
        let e = make_exc(vm, te, Value::NONE)?;
        let pending = match p.get(4, "pending") { Some(v) => vm.truthy(v)?, None => false };
        vm.tasklet_throw(t, e, pending, soft)?;
        return Ok(Value::NONE);
    }
    let val = p.get(2, "val").unwrap_or(Value::NONE);
    let pending = match p.get(4, "pending") { Some(v) => vm.truthy(v)?, None => false };
    let e = make_exc(vm, typ, val)?;
    vm.tasklet_throw(t, e, pending, soft)?;
    Ok(Value::NONE)
}

fn tasklet_raise_exception(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let t = tself(vm, args, "raise_exception")?;
    no_kwargs(vm, "raise_exception", kwnames)?;
    let Some(&typ) = args.get(1) else {
        return Err(vm.new_exc(Exc::TypeError, "raise_exception() takes at least 1 argument (0 given)"));
    };
    let inst = vm.call(typ, &args[2..])?;
    let e = vm.make_raise(inst, None)?;
    vm.tasklet_throw(t, e, false, soft)?;
    Ok(Value::NONE)
}

fn set_flag(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, f: u64) -> PyResult {
    let t = tself(vm, args, name)?;
    no_kwargs(vm, name, kwnames)?;
    let Some(&v) = args.get(1) else {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes exactly one argument (0 given)")));
    };
    let on = vm.truthy(v)?;
    let old = flag(t, f);
    if on { t_obj(t).flags |= f } else { t_obj(t).flags &= !f }
    Ok(Value::bool(old))
}

fn tasklet_set_atomic(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { set_flag(vm, args, kwnames, "set_atomic", tf::ATOMIC) }
fn tasklet_set_ignore_nesting(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    set_flag(vm, args, kwnames, "set_ignore_nesting", tf::IGNORE_NESTING)
}

fn t_alive(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "alive")?; Ok(Value::bool(flag(t, tf::ALIVE))) }
fn t_blocked(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "blocked")?; Ok(Value::bool(t_obj(t).blocked != 0)) }
fn t_scheduled(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "scheduled")?;
    Ok(Value::bool(flag(t, tf::SCHEDULED) || t_obj(t).blocked != 0))
}
fn t_paused(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "paused")?;
    Ok(Value::bool(flag(t, tf::ALIVE) && !flag(t, tf::SCHEDULED) && t_obj(t).blocked == 0 && t != vm.current_tasklet()))
}
fn t_restorable(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "restorable")?;
    let o = t_obj(t);
    let r = if o.flags & tf::MAIN != 0 {
        false
    } else if t == vm.current_tasklet() {
        vm.loops <= 1
    } else {
        o.coro == 0
    };
    Ok(Value::bool(r))
}
fn t_is_main(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "is_main")?; Ok(Value::bool(flag(t, tf::MAIN))) }
fn t_is_current(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "is_current")?;
    Ok(Value::bool(t == vm.current_tasklet()))
}
fn or_none(v: Value) -> Value { if v.is_null() { Value::NONE } else { v } }
fn t_next(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "next")?; Ok(or_none(t_obj(t).next)) }
fn t_prev(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "prev")?; Ok(or_none(t_obj(t).prev)) }
fn t_recursion_depth(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "recursion_depth")?;
    let d = if t == vm.current_tasklet() { vm.depth as u64 } else { t_obj(t).depth };
    Ok(Value::small(d as i64))
}
fn t_atomic(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "atomic")?; Ok(Value::bool(flag(t, tf::ATOMIC))) }
fn t_ignore_nesting(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "ignore_nesting")?;
    Ok(Value::bool(flag(t, tf::IGNORE_NESTING)))
}
fn t_nesting_level(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "nesting_level")?;
    let n = if t == vm.current_tasklet() { vm.loops as u64 } else { t_obj(t).loops };
    Ok(Value::small(n.saturating_sub(1) as i64))
}
fn t_frame(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "frame")?;
    if t == vm.current_tasklet() { return Ok(or_none(frame_escape(vm.r.frame.get()))); }
    Ok(or_none(frame_escape(t_obj(t).frame)))
}
fn t_thread_id(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    tself(vm, args, "thread_id")?;
    Ok(Value::small(0))
}
fn t_tempval(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let t = tself(vm, args, "tempval")?; Ok(t_obj(t).tempval) }
fn t_set_tempval(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let t = tself(vm, args, "tempval")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    set_field!(t, TaskletL, tempval, v);
    Ok(Value::NONE)
}

// -- channel --------------------------------------------------------------------

fn channel_new(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let cls = match args.first() {
        Some(&c) if vm.is_class(c) && vm.layout_of(c) == Kind::Channel => c,
        _ => return Err(vm.new_exc(Exc::TypeError, "channel.__new__(X): X is not a subtype of channel")),
    };
    Ok(vm.alloc_channel(cls))
}

fn channel_init(_vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult { Ok(Value::NONE) }

fn ch_send(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let c = cself(vm, args, "send")?;
    no_kwargs(vm, "send", kwnames)?;
    if args.len() != 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("send() takes exactly one argument ({} given)", args.len() - 1)));
    }
    vm.chan_action(c, 1, args[1], false, soft)
}

fn ch_receive(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let c = cself(vm, args, "receive")?;
    no_kwargs(vm, "receive", kwnames)?;
    if args.len() != 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("receive() takes no arguments ({} given)", args.len() - 1)));
    }
    vm.chan_action(c, -1, Value::NONE, false, soft)
}

fn ch_send_exception(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let c = cself(vm, args, "send_exception")?;
    no_kwargs(vm, "send_exception", kwnames)?;
    let Some(&typ) = args.get(1) else {
        return Err(vm.new_exc(Exc::TypeError, "send_exception() takes at least 1 argument (0 given)"));
    };
    let inst = vm.call(typ, &args[2..])?;
    let e = vm.make_raise(inst, None)?;
    vm.chan_action(c, 1, e.0, true, soft)
}

fn ch_send_throw(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let c = cself(vm, args, "send_throw")?;
    let p = parse(vm, "send_throw", args, kwnames, &["exc", "val", "tb"], 1)?;
    let typ = p.get(1, "exc").unwrap_or(Value::NONE);
    let val = p.get(2, "val").unwrap_or(Value::NONE);
    let e = make_exc(vm, typ, val)?;
    vm.chan_action(c, 1, e.0, true, soft)
}

fn ch_send_sequence(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    vm.take_soft();
    let c = cself(vm, args, "send_sequence")?;
    no_kwargs(vm, "send_sequence", kwnames)?;
    let Some(&seq) = args.get(1) else {
        return Err(vm.new_exc(Exc::TypeError, "send_sequence() takes exactly one argument (0 given)"));
    };
    let it = vm.get_iter(seq)?;
    let mut n = 0i64;
    while let Some(v) = vm.next(it)? {
        vm.chan_action(c, 1, v, false, false)?;
        n += 1;
    }
    Ok(Value::small(n))
}

fn ch_iter(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { cself(vm, args, "__iter__") }

fn ch_next(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let soft = vm.take_soft();
    let c = cself(vm, args, "__next__")?;
    let o = obj::<ChannelL>(c);
    if o.flags & cflag::CLOSING != 0 && o.balance <= 0 {
        return Err(vm.new_exc(Exc::StopIteration, ""));
    }
    vm.chan_action(c, -1, Value::NONE, false, soft)
}

fn ch_close(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "close")?;
    obj::<ChannelL>(c).flags |= cflag::CLOSING;
    Ok(Value::NONE)
}

fn ch_open(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "open")?;
    obj::<ChannelL>(c).flags &= !cflag::CLOSING;
    Ok(Value::NONE)
}

fn c_balance(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let c = cself(vm, args, "balance")?; Ok(Value::small(obj::<ChannelL>(c).balance)) }
fn c_closing(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "closing")?;
    Ok(Value::bool(obj::<ChannelL>(c).flags & cflag::CLOSING != 0))
}
fn c_closed(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "closed")?;
    let o = obj::<ChannelL>(c);
    Ok(Value::bool(o.flags & cflag::CLOSING != 0 && o.balance == 0))
}
fn c_queue(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult { let c = cself(vm, args, "queue")?; Ok(or_none(obj::<ChannelL>(c).first)) }
fn c_preference(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "preference")?;
    Ok(Value::small(obj::<ChannelL>(c).preference))
}
fn c_set_preference(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "preference")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    if !v.is_int() {
        return Err(vm.new_exc(Exc::TypeError, "preference must be an integer"));
    }
    obj::<ChannelL>(c).preference = v.int().clamp(-1, 1);
    Ok(Value::NONE)
}
fn c_schedule_all(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "schedule_all")?;
    Ok(Value::bool(obj::<ChannelL>(c).flags & cflag::SCHEDULE_ALL != 0))
}
fn c_set_schedule_all(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let c = cself(vm, args, "schedule_all")?;
    let v = args.get(1).copied().unwrap_or(Value::NONE);
    let on = vm.truthy(v)?;
    let o = obj::<ChannelL>(c);
    if on { o.flags |= cflag::SCHEDULE_ALL } else { o.flags &= !cflag::SCHEDULE_ALL }
    Ok(Value::NONE)
}

// -- atomic ---------------------------------------------------------------------

fn atomic_enter(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let a = args[0];
    let cur = vm.current_tasklet();
    let old = flag(cur, tf::ATOMIC);
    t_obj(cur).flags |= tf::ATOMIC;
    let key = vm.intern("_old");
    vm.instance_set(a, key, Value::bool(old))?;
    Ok(a)
}

fn atomic_exit(vm: &mut Vm, args: &[Value], _k: Value) -> PyResult {
    let a = args[0];
    let key = vm.intern("_old");
    let old = vm.instance_get(a, key).unwrap_or(Value::FALSE);
    let cur = vm.current_tasklet();
    if old == Value::TRUE { t_obj(cur).flags |= tf::ATOMIC } else { t_obj(cur).flags &= !tf::ATOMIC }
    Ok(Value::NONE)
}

// -- module functions -------------------------------------------------------------

fn s_run(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    vm.take_soft();
    let p = ArgParser::new("run", args, kwnames);
    p.check_kw(vm, &["timeout", "threadblock", "soft", "ignore_nesting", "totaltimeout"])?;
    let int_arg = |vm: &mut Vm, v: Option<Value>, name: &str| -> PyResult<i64> {
        match v {
            None => Ok(0),
            Some(v) if v.is_int() => Ok(v.int()),
            Some(_) => Err(vm.new_exc(Exc::TypeError, &format!("run() argument '{name}' must be an integer"))),
        }
    };
    let timeout = int_arg(vm, p.get(0, "timeout"), "timeout")?;
    let total = int_arg(vm, p.get(4, "totaltimeout"), "totaltimeout")?;
    let soft = match p.get(2, "soft") { Some(v) => vm.truthy(v)?, None => false };
    let ignore_nesting = match p.get(3, "ignore_nesting") { Some(v) => vm.truthy(v)?, None => false };
    vm.sched_run(timeout, total, soft, ignore_nesting)
}

fn s_schedule(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let p = ArgParser::new("schedule", args, kwnames);
    p.check_kw(vm, &["retval"])?;
    // Absent means the current tasklet; an explicit None is returned as None.
    let rv = p.get(0, "retval").unwrap_or(Value::NULL);
    vm.sched_schedule(rv, false, soft)
}

fn s_schedule_remove(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let p = ArgParser::new("schedule_remove", args, kwnames);
    p.check_kw(vm, &["retval"])?;
    let rv = p.get(0, "retval").unwrap_or(Value::NULL);
    vm.sched_schedule(rv, true, soft)
}

fn s_getcurrent(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult { Ok(vm.current_tasklet()) }
fn s_getmain(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult { Ok(vm.main_tasklet()) }
fn s_getruncount(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult {
    let mut n = vm.runq_count();
    // The running tasklet counts even while it is outside the queue (main in run()).
    if !flag(vm.current_tasklet(), tf::SCHEDULED) { n += 1; }
    Ok(Value::small(n as i64))
}
fn s_getcurrentid(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult {
    let t = vm.current_tasklet();
    Ok(Value::small(t_obj(t).id as i64))
}
/// `enable_softswitch(flag)`: with False every switch is hard (for timing
/// and debugging, as in Stackless); returns the previous setting. None only
/// queries it.
fn s_enable_softswitch(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    no_kwargs(vm, "enable_softswitch", k)?;
    let Some(&flag) = a.first() else {
        return Err(vm.new_exc(Exc::TypeError, "enable_softswitch() takes exactly one argument (0 given)"));
    };
    let old = vm.sched.softswitch;
    if flag != Value::NONE { vm.sched.softswitch = vm.truthy(flag)?; }
    Ok(Value::bool(old))
}

fn set_cb(vm: &mut Vm, args: &[Value], idx: usize, name: &str) -> PyResult {
    let Some(&cb) = args.first() else {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes exactly one argument (0 given)")));
    };
    if cb != Value::NONE && !crate::builtins::is_callable(vm, cb) {
        return Err(vm.new_exc(Exc::TypeError, "callback must be callable"));
    }
    let old = vm.sv(idx);
    vm.set_sv(idx, cb);
    if idx == sr::SCHEDULE_CB {
        // The callback's `prev` starts at the running tasklet; the scheduler
        // tracks it only while a callback is set.
        let cur = if cb == Value::NONE { Value::NULL } else { vm.current_tasklet() };
        vm.set_sv(sr::LAST, cur);
    }
    Ok(or_none(old))
}
fn s_set_schedule_callback(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult { set_cb(vm, a, sr::SCHEDULE_CB, "set_schedule_callback") }
fn s_get_schedule_callback(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult { Ok(or_none(vm.sv(sr::SCHEDULE_CB))) }
fn s_set_channel_callback(vm: &mut Vm, a: &[Value], _k: Value) -> PyResult { set_cb(vm, a, sr::CHANNEL_CB, "set_channel_callback") }
fn s_get_channel_callback(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult { Ok(or_none(vm.sv(sr::CHANNEL_CB))) }

/// `stackless._stats()`: the scheduler's and the stack pool's counters.
fn s_stats(vm: &mut Vm, _a: &[Value], _k: Value) -> PyResult {
    let st = vm.sched.pool.stats();
    let d = vm.new_dict();
    let items: [(&str, u64); 9] = [
        ("stacks_created", st.created), ("stacks_reused", st.reused), ("stacks_in_use", st.in_use),
        ("stacks_peak", st.peak_in_use), ("stacks_free", st.free),
        ("suspended_coroutines", vm.sched.suspended_coroutines() as u64),
        ("soft_switches", vm.sched.soft_switches), ("hard_switches", vm.sched.hard_switches),
        ("stack_size", vm.sched.pool.stack_size() as u64),
    ];
    for (k, v) in items { let n = vm.new_int(v as i64); vm.dict_set_str(d, k, n); }
    Ok(d)
}
