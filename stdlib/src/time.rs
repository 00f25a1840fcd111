//! The `time` module: wall-clock time, monotonic and performance counters,
//! process CPU time, and `sleep`.
//!
//! Only `std` is available (no libc), so:
//! - `monotonic`/`perf_counter` count from a process-wide `Instant` taken on
//!   first use (CPython's reference point is unspecified too);
//! - `process_time` reads the CPU time of the process from Linux's
//!   `/proc/self/stat` (utime + stime, in clock ticks assumed to be 1/100 s,
//!   the value of `CLK_TCK` on every mainstream Linux), falling back to
//!   `/proc/self/schedstat` and finally to the monotonic clock where `/proc`
//!   is missing;
//! - `gmtime`, `localtime` and `strftime` are not provided (FIXME).
//!
//! `sleep` in a tasklet parks only that tasklet on the scheduler's timers
//! while others run (green sleep); with nothing else to run it sleeps the
//! thread.

use skiff_vm::call::ArgParser;
use skiff_vm::{Exc, PyResult, Value, Vm};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    start();
    let fns: &[(&str, skiff_vm::NativeFn)] = &[
        ("time", t_time), ("time_ns", t_time_ns), ("perf_counter", t_monotonic), ("perf_counter_ns", t_monotonic_ns),
        ("monotonic", t_monotonic), ("monotonic_ns", t_monotonic_ns), ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns), ("thread_time", t_process_time), ("thread_time_ns", t_process_time_ns),
        ("sleep", t_sleep),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    vm.dict_set_str(d, "timezone", Value::small(0));
    vm.dict_set_str(d, "altzone", Value::small(0));
    vm.dict_set_str(d, "daylight", Value::small(0));
    Ok(())
}

/// The reference point of the monotonic clocks.
fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: Value) -> PyResult<()> {
    let p = ArgParser::new(name, args, kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")));
    }
    p.expect(vm, 0, 0)
}

fn since_epoch() -> Duration { SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default() }

fn t_time(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "time", args, kwnames)?;
    Ok(vm.new_float(since_epoch().as_secs_f64()))
}

fn t_time_ns(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "time_ns", args, kwnames)?;
    Ok(vm.new_int(since_epoch().as_nanos() as i64))
}

fn t_monotonic(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "monotonic", args, kwnames)?;
    Ok(vm.new_float(start().elapsed().as_secs_f64()))
}

fn t_monotonic_ns(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "monotonic_ns", args, kwnames)?;
    Ok(vm.new_int(start().elapsed().as_nanos() as i64))
}

/// CPU time of the process in nanoseconds (see the module docs).
fn cpu_ns() -> u64 {
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        // Fields after the command name, which is in parentheses and may
        // contain spaces: state is field 3, utime 14 and stime 15.
        if let Some(rest) = s.rfind(')').map(|i| &s[i + 1..]) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(u), Some(st)) = (f.get(11).and_then(|x| x.parse::<u64>().ok()), f.get(12).and_then(|x| x.parse::<u64>().ok())) {
                return (u + st) * 10_000_000;
            }
        }
    }
    if let Ok(s) = std::fs::read_to_string("/proc/self/schedstat") {
        if let Some(ns) = s.split_whitespace().next().and_then(|x| x.parse::<u64>().ok()) { return ns; }
    }
    start().elapsed().as_nanos() as u64
}

fn t_process_time(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "process_time", args, kwnames)?;
    Ok(vm.new_float(cpu_ns() as f64 / 1e9))
}

fn t_process_time_ns(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "process_time_ns", args, kwnames)?;
    Ok(vm.new_int(cpu_ns() as i64))
}

fn t_sleep(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let soft = vm.take_soft();
    let p = ArgParser::new("sleep", args, kwnames);
    if !p.kwnames.is_empty() { return Err(vm.new_exc(Exc::TypeError, "sleep() takes no keyword arguments")); }
    p.expect(vm, 1, 1)?;
    let v = p.pos[0];
    let secs = match vm.as_num(v) {
        Some(skiff_vm::numeric::Num::Float(f)) => f,
        Some(skiff_vm::numeric::Num::Int(i)) => i as f64,
        Some(skiff_vm::numeric::Num::Big(b)) => {
            use num_traits::Signed;
            if b.is_negative() { -1.0 } else { f64::INFINITY }
        }
        None => {
            let tn = vm.type_name(v);
            let msg = format!("'{tn}' object cannot be interpreted as an integer");
            return Err(vm.new_exc(Exc::TypeError, &msg));
        }
    };
    if secs.is_nan() { return Err(vm.new_exc(Exc::ValueError, "Invalid value NaN (not a number)")); }
    if secs < 0.0 { return Err(vm.new_exc(Exc::ValueError, "sleep length must be non-negative")); }
    if secs > 9.2e9 { return Err(vm.new_exc(Exc::OverflowError, "sleep length is too large")); }
    // In a tasklet with others to run, only this tasklet waits.
    if vm.sched.active && vm.sched_sleep(secs, soft)? { return Ok(Value::NONE); }
    // Output written so far appears before the pause, as with a terminal.
    vm.flush_std();
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(Value::NONE)
}
