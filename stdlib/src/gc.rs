//! The `gc` module: explicit collections through the VM's `GcPlugin`,
//! statistics, and CPython's enable/disable switches.
//!
//! skiff collects when an allocation needs memory, not by counting
//! allocations against thresholds, so `gc.disable()` only flips the flag
//! `gc.isenabled()` reports: automatic collections still happen when memory
//! is needed (CPython's cycle collector would stop; its reference counting
//! would not). The flag lives in a thread-local because a VM runs on one
//! thread. `gc.collect()` returns 0: plugins report byte counts, not the
//! number of unreachable objects CPython returns.

use skiff_gc::CollectKind;
use skiff_vm::call::ArgParser;
use skiff_vm::{Exc, PyResult, Value, Vm};
use std::cell::Cell;

thread_local! {
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((700, 10, 10)) };
}

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let fns: &[(&str, skiff_vm::NativeFn)] = &[
        ("collect", gc_collect), ("enable", gc_enable), ("disable", gc_disable), ("isenabled", gc_isenabled),
        ("get_stats", gc_get_stats), ("get_count", gc_get_count), ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold), ("is_tracked", gc_is_tracked), ("plugin", gc_plugin),
        ("freeze", gc_noop), ("unfreeze", gc_noop),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    let garbage = vm.new_list(&[]);
    vm.dict_set_str(d, "garbage", garbage);
    let callbacks = vm.new_list(&[]);
    vm.dict_set_str(d, "callbacks", callbacks);
    for (k, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        vm.dict_set_str(d, k, Value::small(v));
    }
    Ok(())
}

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: Value) -> PyResult<()> {
    let p = ArgParser::new(name, args, kwnames);
    if !p.kwnames.is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")));
    }
    p.expect(vm, 0, 0)
}

fn gc_collect(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("collect", args, kwnames);
    p.check_kw(vm, &["generation"])?;
    p.expect(vm, 0, 1)?;
    let kind = match p.get(0, "generation") {
        None => CollectKind::Full,
        Some(g) => match vm.as_i64(g) {
            Some(0) => CollectKind::Minor,
            Some(1) | Some(2) => CollectKind::Full,
            Some(_) => return Err(vm.new_exc(Exc::ValueError, "invalid generation")),
            None => {
                let tn = vm.type_name(g);
                return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    skiff_gc::conservative::clear_dead_stack::<{ 64 * 1024 }>();
    vm.heap.gc.collect(kind, &vm.r);
    vm.run_finalizers();
    Ok(Value::small(0))
}

fn gc_enable(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "enable", args, kwnames)?;
    ENABLED.with(|e| e.set(true));
    Ok(Value::NONE)
}

fn gc_disable(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "disable", args, kwnames)?;
    ENABLED.with(|e| e.set(false));
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "isenabled", args, kwnames)?;
    Ok(Value::bool(ENABLED.with(|e| e.get())))
}

/// `gc.get_stats()`: a list with one dict describing the whole heap.
///
/// CPython returns one dict per generation with the keys `collections`,
/// `collected` and `uncollectable`; skiff's collectors do not have CPython's
/// three generations, so the list holds a single dict that carries those
/// keys (`collected` and `uncollectable` are always 0: plugins count bytes,
/// not objects) and skiff's own:
///
/// | key | meaning |
/// | --- | --- |
/// | `plugin` | the active collector's name, as `gc.plugin()` |
/// | `collections` | collections of any kind since start-up |
/// | `minor_collections` | young-generation collections (0 without generations) |
/// | `major_collections` | whole-heap collections |
/// | `bytes_allocated`, `objects_allocated` | allocated since start-up |
/// | `bytes_promoted` | copied from the young to the old generation (0 without generations) |
/// | `pinned_objects` | objects pinned by conservative references, summed over collections |
/// | `pause_p50_ms`, `pause_p99_ms`, `pause_max_ms` | collection pauses (float milliseconds; percentiles are rounded up by at most 12.5%) |
/// | `minor_pause_p50_ms`, `minor_pause_p99_ms`, `minor_pause_max_ms` | the pauses of minor collections alone (0.0 without generations) |
/// | `pause_total_ns`, `pause_max_ns` | the same, total and maximum, in integer nanoseconds |
/// | `heap_bytes`, `peak_heap_bytes` | memory the collector holds now, and at most |
/// | `live_bytes_after_last` | live data after the last collection |
/// | `finalizers_queued` | objects queued for `__del__` since start-up |
fn gc_get_stats(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "get_stats", args, kwnames)?;
    let s = vm.heap.gc.stats();
    let d = vm.new_dict();
    let fields = [
        ("collections", s.collections), ("collected", 0), ("uncollectable", 0),
        ("minor_collections", s.minor_collections), ("major_collections", s.major_collections),
        ("bytes_allocated", s.bytes_allocated), ("objects_allocated", s.objects_allocated),
        ("bytes_promoted", s.bytes_promoted), ("pinned_objects", s.pinned_objects),
        ("heap_bytes", s.heap_bytes), ("peak_heap_bytes", s.peak_heap_bytes),
        ("live_bytes_after_last", s.live_bytes_after_last), ("finalizers_queued", s.finalizers_queued),
        ("pause_total_ns", s.pause_total_ns), ("pause_max_ns", s.pause_max_ns),
    ];
    for (k, v) in fields {
        let n = vm.new_bigint(num_bigint::BigInt::from(v));
        vm.dict_set_str(d, k, n);
    }
    let pauses = [
        ("pause_p50_ms", s.pauses.percentile(0.5)),
        ("pause_p99_ms", s.pauses.percentile(0.99)),
        ("pause_max_ms", s.pause_max_ns.max(s.pauses.max_ns())),
        ("minor_pause_p50_ms", s.minor_pauses.percentile(0.5)),
        ("minor_pause_p99_ms", s.minor_pauses.percentile(0.99)),
        ("minor_pause_max_ms", s.minor_pauses.max_ns()),
    ];
    for (k, ns) in pauses {
        let ms = vm.new_float(ns as f64 / 1e6);
        vm.dict_set_str(d, k, ms);
    }
    let name = vm.new_str(vm.heap.gc.name());
    vm.dict_set_str(d, "plugin", name);
    Ok(vm.new_list(&[d]))
}

fn gc_get_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "get_count", args, kwnames)?;
    Ok(vm.new_tuple(&[Value::small(0), Value::small(0), Value::small(0)]))
}

fn gc_get_threshold(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "get_threshold", args, kwnames)?;
    let (a, b, c) = THRESHOLD.with(|t| t.get());
    Ok(vm.new_tuple(&[Value::small(a), Value::small(b), Value::small(c)]))
}

/// Recorded for `get_threshold` only; collections are driven by memory need.
fn gc_set_threshold(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("set_threshold", args, kwnames);
    if !p.kwnames.is_empty() { return Err(vm.new_exc(Exc::TypeError, "set_threshold() takes no keyword arguments")); }
    p.expect(vm, 1, 3)?;
    let mut t = THRESHOLD.with(|t| t.get());
    for (i, &v) in p.pos.iter().enumerate() {
        let Some(n) = vm.as_i64(v) else {
            let tn = vm.type_name(v);
            return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let n = n.clamp(i32::MIN as i64, i32::MAX as i64);
        match i { 0 => t.0 = n, 1 => t.1 = n, _ => t.2 = n }
    }
    THRESHOLD.with(|c| c.set(t));
    Ok(Value::NONE)
}

/// As in CPython, objects that cannot refer to others (immediates, str,
/// bytes, numbers) are reported untracked; everything else is tracked.
fn gc_is_tracked(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    use skiff_vm::heap::{kind_of, Kind};
    let p = ArgParser::new("is_tracked", args, kwnames);
    p.expect(vm, 1, 1)?;
    let v = p.pos[0];
    Ok(Value::bool(v.is_ref() && !matches!(kind_of(v), Kind::Str | Kind::Bytes | Kind::Float | Kind::BigInt)))
}

/// `gc.plugin()`: the name of the active collector (a skiff extension).
fn gc_plugin(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_args(vm, "plugin", args, kwnames)?;
    Ok(vm.new_str(vm.heap.gc.name()))
}

fn gc_noop(_vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult { Ok(Value::NONE) }
