//! The `_pickle` module behind `pickle` (stdlib/lib/pickle.py): skiff's own
//! binary pickle format, with tasklets, channels, frames, generators and
//! code objects.
//!
//! # Format
//!
//! A pickle is a header followed by one value:
//!
//! ```text
//!   "SKPK"  magic
//!   u8      format version (FORMAT_VERSION)
//!   u32 LE  bytecode ABI: a hash of the opcode table and frame layout; a
//!           loader with another ABI refuses the pickle (code objects and
//!           frames hold raw instruction numbers)
//!   value   one record (format.rs lists the tags)
//! ```
//!
//! Every heap object gets a memo number when its record starts, in the same
//! order on both sides, so later references to it (sharing, cycles) are a
//! `REF n` record. Mutable objects (lists, dicts, instances, frames,
//! tasklets, channels, cells, functions) are created empty first and filled
//! afterwards, so cycles through them work.
//!
//! # What is pickled how
//!
//! - Classes, and functions reachable as `module.qualname`, by reference;
//!   other functions (lambdas, closures, nested functions) whole: code,
//!   globals (by module name), defaults, closure cells.
//! - Instances through `__reduce_ex__`/`__reduce__` when their class defines
//!   one, else their class plus `__getstate__()` (when defined) or their
//!   attributes; loading calls `__setstate__` when the class has one.
//! - Code objects whole; frames with their value stack; generators;
//!   tasklets with their frame chain, tempval, flags and pending exception;
//!   channels with the tasklets blocked on them, which are linked back into
//!   the channel's queue on load. A loaded tasklet is never scheduled: a
//!   runnable one is resumed by `insert()` (or `run()`/`switch()`), a
//!   blocked one when a partner arrives on its channel.
//! - A tasklet that is not restorable (blocked below native code: a hard
//!   switch, or sleeping, waiting for I/O, the main or the running tasklet)
//!   refuses with `PicklingError` saying why.
//!
//! # Trust model
//!
//! `loads` validates everything it reads: lengths against the remaining
//! input (so it never allocates more than a small multiple of the input
//! size), every record's kind and field types, code objects with the
//! bytecode verifier (`skiff_vm::verify`), frames' stack depths against the
//! verifier's flow analysis, and the consistency of tasklets, generators and
//! channels. Malformed input raises `UnpicklingError`; it never crashes the
//! VM. Global references resolve only attributes of importable modules,
//! and only to classes and functions; `REDUCE` calls only such globals.
//!
//! Loading imports modules (running their top-level code, as CPython's
//! `find_class` does) and calls classes' `__new__`/`__setstate__` and the
//! callables named by `__reduce__`. A pickle that contains code objects,
//! functions, generators or tasklets carries *code*: it runs when you call
//! or resume what you loaded, and only then. (An unpickled tasklet is not
//! even killed when it becomes unreachable before it first ran: it keeps no
//! lost-tasklet finalizer until then, `tf::LOADED`.) Code from a pickle
//! cannot crash the VM: it passed the verifier and the interpreter checks
//! the operands it casts. But it can do anything Python code can, loop
//! forever included, so resume such pickles only from a source you trust,
//! as with CPython's pickle.

mod dec;
mod enc;
mod format;

use skiff_vm::call::ArgParser;
use skiff_vm::{Exc, NativeFn, PyErr, PyResult, Ty, Value, Vm};

pub use format::{FORMAT_VERSION, MAGIC};

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let ty = vm.ty(Ty::Type);
    let mk = |vm: &mut Vm, name: &str, base: Value| -> PyResult<Value> {
        let ns = vm.new_dict();
        let m = vm.new_str("pickle");
        vm.dict_set_str(ns, "__module__", m);
        let bases = vm.new_tuple(&[base]);
        vm.new_class(ty, name, bases, ns)
    };
    let exc = vm.exc_type(Exc::Exception);
    let base = mk(vm, "PickleError", exc)?;
    vm.dict_set_str(d, "PickleError", base);
    let pe = mk(vm, "PicklingError", base)?;
    vm.dict_set_str(d, "PicklingError", pe);
    let ue = mk(vm, "UnpicklingError", base)?;
    vm.dict_set_str(d, "UnpicklingError", ue);
    let fns: &[(&str, NativeFn)] = &[("dumps", p_dumps), ("loads", p_loads), ("_loads_prefix", p_loads_prefix)];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    vm.dict_set_str(d, "FORMAT_VERSION", Value::small(FORMAT_VERSION as i64));
    Ok(())
}

/// An instance of `_pickle.<name>` (PicklingError / UnpicklingError) with
/// message `msg`.
pub(crate) fn pickle_error(vm: &mut Vm, name: &str, msg: &str) -> PyErr {
    let m = match vm.import_module("_pickle") { Ok(m) => m, Err(e) => return e };
    let d = vm.module_dict(m);
    let cls = vm.dict_get_by_name(d, name).unwrap_or_else(|| vm.exc_type(Exc::Exception));
    let s = vm.new_str(msg);
    let args = vm.new_tuple(&[s]);
    vm.new_exc_args(cls, args)
}

/// `_pickle.dumps(obj, protocol=None)`: the protocol is accepted for
/// compatibility and ignored (there is one format).
fn p_dumps(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("dumps", args, kwnames);
    p.check_kw(vm, &["protocol", "fix_imports", "buffer_callback"])?;
    p.expect(vm, 1, 2)?;
    let obj = p.get(0, "obj").unwrap_or(Value::NONE);
    if let Some(proto) = p.get(1, "protocol") {
        if proto != Value::NONE && !proto.is_int() {
            let tn = vm.type_name(proto);
            return Err(vm.new_exc(Exc::TypeError, &format!("an integer is required (got type {tn})")));
        }
    }
    let bytes = enc::dumps(vm, obj)?;
    Ok(vm.new_bytes(&bytes))
}

fn data_arg(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<Vec<u8>> {
    let p = ArgParser::new(name, args, kwnames);
    p.check_kw(vm, &["fix_imports", "encoding", "errors", "buffers"])?;
    p.expect(vm, 1, 1)?;
    let data = args[0];
    match vm.bytes_like(data) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(data);
            Err(vm.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// `_pickle.loads(data)`: exactly one pickle; trailing bytes are an error.
fn p_loads(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let data = data_arg(vm, args, kwnames, "loads")?;
    let (v, used) = dec::loads(vm, &data)?;
    if used != data.len() {
        return Err(pickle_error(vm, "UnpicklingError", &format!("{} bytes of trailing data after the pickle", data.len() - used)));
    }
    Ok(v)
}

/// `_pickle._loads_prefix(data)`: `(obj, nbytes)` for the pickle at the
/// start of `data` (used by `pickle.load` on files holding several).
fn p_loads_prefix(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let data = data_arg(vm, args, kwnames, "_loads_prefix")?;
    let (v, used) = dec::loads(vm, &data)?;
    Ok(vm.rooted_tuple(&[v, Value::small(used as i64)]))
}
