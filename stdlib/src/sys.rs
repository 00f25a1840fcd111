//! The `sys` module: interpreter state (`argv`, `path`, `modules`, the
//! recursion limit, frames, the exception being handled), the standard
//! streams, and constants describing the implementation.
//!
//! `sys.stdout`, `sys.stderr` and `sys.stdin` are native file objects for
//! `vm.files` 1, 2 and 0 (the same objects `print()` writes through while
//! they are installed); `sys.__stdout__` and friends keep the originals.
//! `init` also registers the `builtins` module in `sys.modules`, sharing
//! the VM's builtins dict.
//!
//! `version_info` is a tuple subclass with named fields, like CPython's
//! struct sequence. Deliberately simplified: `implementation` and
//! `float_info` are simple namespace objects, and
//! `getsizeof` is an estimate shaped like CPython's numbers, not skiff's
//! real object sizes.

use crate::builtins::{new_file_object, STD_TEXT_OPTS};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::names::N;
use skiff_vm::vm::PyErr;
use skiff_vm::{Exc, PyResult, Ty, Value, Vm};

const VERSION: &str = "3.11.7 (skiff 0.1.0)";
const HEXVERSION: i64 = 0x030B07F0;

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    vm.init_std_files();
    let argv = vm.new_list(&[]);
    for a in vm.config.argv.clone() { let s = vm.new_str(&a); vm.list_append(argv, s); }
    vm.dict_set_str(d, "argv", argv);
    let path = vm.new_list(&[]);
    for p in vm.config.path.clone() { let s = vm.new_str(&p); vm.list_append(path, s); }
    vm.dict_set_str(d, "path", path);
    let modules = vm.r.modules.get();
    vm.dict_set_str(d, "modules", modules);

    // The builtins module, sharing the VM's builtins dict.
    let bname = vm.new_str("builtins");
    if vm.dict_get(modules, bname)?.is_none() {
        let bd = vm.r.builtins.get();
        let bm = vm.new_obj4(Kind::Module, vm.ty(Ty::Module), [bname, bd, Value::NULL, Value::NULL]);
        vm.dict_set(modules, bname, bm)?;
    }

    for (idx, name, mode) in [(0usize, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")] {
        let n = vm.new_str(&format!("<{name}>"));
        let f = new_file_object(vm, n, mode, idx, STD_TEXT_OPTS);
        vm.dict_set_str(d, name, f);
        vm.dict_set_str(d, &format!("__{name}__"), f);
    }

    let v = vm.new_str(VERSION);
    vm.dict_set_str(d, "version", v);
    let vi = version_info(vm)?;
    vm.dict_set_str(d, "version_info", vi);
    vm.dict_set_str(d, "hexversion", Value::small(HEXVERSION));
    vm.dict_set_str(d, "api_version", Value::small(1013));
    let maxsize = vm.new_int(i64::MAX);
    vm.dict_set_str(d, "maxsize", maxsize);
    vm.dict_set_str(d, "maxunicode", Value::small(0x10FFFF));
    let bo = vm.new_str(if cfg!(target_endian = "little") { "little" } else { "big" });
    vm.dict_set_str(d, "byteorder", bo);
    let plat = match std::env::consts::OS { "macos" => "darwin", "windows" => "win32", other => other };
    let pv = vm.new_str(plat);
    vm.dict_set_str(d, "platform", pv);
    let exe = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let ev = vm.new_str(&exe);
    vm.dict_set_str(d, "executable", ev);
    let empty = vm.new_str("");
    for k in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] { vm.dict_set_str(d, k, empty); }
    vm.dict_set_str(d, "dont_write_bytecode", Value::TRUE);
    let mut names: Vec<&str> = vm.native_modules.keys().copied().collect();
    names.push("builtins");
    names.sort_unstable();
    names.dedup();
    let rv = skiff_vm::vm::RootedVec::new(&vm.r);
    for n in names { let s = vm.new_str(n); rv.push(s); }
    let bmn = rv.to_tuple(vm);
    drop(rv);
    vm.dict_set_str(d, "builtin_module_names", bmn);

    // Simple namespaces: sys.implementation and sys.float_info.
    let ns_cls = namespace_class(vm)?;
    let implementation = vm.new_instance(ns_cls);
    let name = vm.new_str("skiff");
    let tag = vm.new_str("skiff-011");
    for (k, v) in [("name", name), ("cache_tag", tag), ("version", vi), ("hexversion", Value::small(HEXVERSION))] {
        let kv = vm.intern(k);
        vm.instance_set(implementation, kv, v)?;
    }
    vm.dict_set_str(d, "implementation", implementation);
    let float_info = vm.new_instance(ns_cls);
    let fields: [(&str, Value); 11] = [
        ("max", vm.new_float(f64::MAX)), ("max_exp", Value::small(f64::MAX_EXP as i64)),
        ("max_10_exp", Value::small(f64::MAX_10_EXP as i64)), ("min", vm.new_float(f64::MIN_POSITIVE)),
        ("min_exp", Value::small(f64::MIN_EXP as i64)), ("min_10_exp", Value::small(f64::MIN_10_EXP as i64)),
        ("dig", Value::small(f64::DIGITS as i64)), ("mant_dig", Value::small(f64::MANTISSA_DIGITS as i64)),
        ("epsilon", vm.new_float(f64::EPSILON)), ("radix", Value::small(2)), ("rounds", Value::small(1)),
    ];
    // The floats above are held by `fields` on the native stack until stored.
    for (k, v) in fields {
        let kv = vm.intern(k);
        vm.instance_set(float_info, kv, v)?;
    }
    vm.dict_set_str(d, "float_info", float_info);
    let int_info = vm.new_instance(ns_cls);
    for (k, v) in [("bits_per_digit", 30i64), ("sizeof_digit", 4), ("default_max_str_digits", 4300), ("str_digits_check_threshold", 640)] {
        let kv = vm.intern(k);
        vm.instance_set(int_info, kv, Value::small(v))?;
    }
    vm.dict_set_str(d, "int_info", int_info);

    let fns: &[(&str, skiff_vm::NativeFn)] = &[
        ("exit", sys_exit), ("intern", sys_intern), ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit), ("_getframe", sys_getframe), ("exc_info", sys_exc_info),
        ("exception", sys_exception), ("getsizeof", sys_getsizeof), ("getdefaultencoding", sys_utf8),
        ("getfilesystemencoding", sys_utf8), ("getrefcount", sys_getrefcount),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    Ok(())
}

/// A class whose instances hold attributes and print as
/// `namespace(a=1, b=2)`, like `types.SimpleNamespace`.
fn namespace_class(vm: &mut Vm) -> PyResult<Value> {
    let ns = vm.new_dict();
    let m = vm.new_str("types");
    vm.dict_set_str(ns, "__module__", m);
    let q = vm.new_str("SimpleNamespace");
    vm.dict_set_str(ns, "__qualname__", q);
    let bases = vm.new_tuple(&[]);
    let meta = vm.ty(Ty::Type);
    let cls = vm.new_class(meta, "SimpleNamespace", bases, ns)?;
    vm.add_method(cls, "__repr__", |vm, a, _k| {
        let d = vm.instance_to_dict_mode(a[0]);
        let mut parts = Vec::new();
        for i in 0..vm.dict_used(d) {
            if let Some((k, v)) = vm.dict_entry(d, i) {
                let r = vm.repr_string(v)?;
                parts.push(format!("{}={r}", str_ref(k)));
            }
        }
        Ok(vm.new_str(&format!("namespace({})", parts.join(", "))))
    });
    vm.invalidate_class(cls);
    Ok(cls)
}

fn type_error(vm: &mut Vm, msg: &str) -> PyErr { vm.new_exc(Exc::TypeError, msg) }

fn sys_exit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("exit", args, kwnames);
    if !p.kwnames.is_empty() { return Err(type_error(vm, "exit() takes no keyword arguments")); }
    p.expect(vm, 0, 1)?;
    let cls = vm.exc_type(Exc::SystemExit);
    let e = vm.call(cls, p.pos)?;
    Err(PyErr(e))
}

fn sys_intern(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("intern", args, kwnames);
    p.expect(vm, 1, 1)?;
    let s = p.pos[0];
    if !vm.is_str(s) || cls_of(s) != vm.ty(Ty::Str) {
        let tn = vm.type_name(s);
        return Err(type_error(vm, &format!("intern() argument must be str, not {tn}")));
    }
    Ok(vm.intern(str_ref(s)))
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getrecursionlimit", args, kwnames);
    p.expect(vm, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("setrecursionlimit", args, kwnames);
    p.expect(vm, 1, 1)?;
    let v = p.pos[0];
    let n: BigInt = if vm.is_int_like(v) { vm.as_bigint(v).unwrap() } else {
        let tn = vm.type_name(v);
        return Err(type_error(vm, &format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let Some(n) = n.to_i64().filter(|&n| n <= i32::MAX as i64) else {
        return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C int"));
    };
    if n < 1 { return Err(vm.new_exc(Exc::ValueError, "recursion limit must be greater or equal than 1")); }
    if (n as usize) <= vm.depth {
        let depth = vm.depth;
        return Err(vm.new_exc(Exc::RecursionError, &format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low")));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn sys_getframe(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("_getframe", args, kwnames);
    p.expect(vm, 0, 1)?;
    let depth = match p.pos.first() {
        None => 0,
        Some(&d) => match vm.as_i64(d) {
            Some(d) => d,
            None => {
                let tn = vm.type_name(d);
                return Err(type_error(vm, &format!("'{tn}' object cannot be interpreted as an integer")));
            }
        },
    };
    let mut f = vm.r.frame.get();
    let mut i = 0;
    while i < depth && !f.is_null() {
        f = obj::<FrameL>(f).back;
        i += 1;
    }
    if f.is_null() { return Err(vm.new_exc(Exc::ValueError, "call stack is not deep enough")); }
    Ok(frame_escape(f))
}

/// The exception being handled, or None.
fn current_exception(vm: &Vm) -> Value {
    let e = vm.r.exc_info.get();
    if e.is_null() { Value::NONE } else { e }
}

fn sys_exc_info(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("exc_info", args, kwnames);
    p.expect(vm, 0, 0)?;
    let e = current_exception(vm);
    if e == Value::NONE { return Ok(vm.new_tuple(&[Value::NONE, Value::NONE, Value::NONE])); }
    let t = vm.type_of(e);
    let tb = vm.get_exc_attr(e, N::traceback);
    Ok(vm.new_tuple(&[t, e, tb]))
}

fn sys_exception(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("exception", args, kwnames);
    p.expect(vm, 0, 0)?;
    Ok(current_exception(vm))
}

/// An estimate in CPython's terms (64-bit build), so scripts comparing
/// sizes see familiar relations; `__sizeof__` of user classes is honoured.
fn sys_getsizeof(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getsizeof", args, kwnames);
    p.check_kw(vm, &["object", "default"])?;
    let Some(o) = p.get(0, "object") else {
        return Err(type_error(vm, "getsizeof() missing required argument 'object' (pos 1)"));
    };
    let cls = vm.type_of(o);
    if vm.is_heap_class(cls) {
        if let Some(m) = vm.lookup_type(cls, vm.n(N::sizeof)) {
            if !vm.is_builtin_fn(m) {
                let r = vm.call(m, &[o])?;
                return match vm.as_i64(r) {
                    Some(n) if n >= 0 => Ok(vm.new_int(n + 16)),
                    Some(_) => Err(vm.new_exc(Exc::ValueError, "__sizeof__() should return >= 0")),
                    None => Err(type_error(vm, "an integer is required")),
                };
            }
        }
    }
    let n: i64 = if o.is_int() {
        let i = o.int().unsigned_abs();
        if i == 0 { 24 } else { 24 + 4 * ((64 - i.leading_zeros() as i64 + 29) / 30) }
    } else if !o.is_ref() {
        16
    } else {
        match kind_of(o) {
            Kind::Str => {
                let s = obj::<StrL>(o);
                if s.nchars == s.nbytes { 49 + s.nbytes as i64 } else {
                    let maxc = str_ref(o).chars().map(|c| c as u32).max().unwrap_or(0);
                    let w = if maxc < 256 { 1 } else if maxc < 65536 { 2 } else { 4 };
                    let base = if w == 1 { 73 } else if w == 2 { 74 } else { 76 };
                    base + w * s.nchars as i64
                }
            }
            Kind::BigInt => 24 + 4 * ((bigint_ref(o).bits() as i64 + 29) / 30),
            Kind::Float => 24,
            Kind::Bytes => 33 + obj::<BytesL>(o).len as i64,
            Kind::ByteArray => 57 + obj::<ByteArrayL>(o).len as i64,
            Kind::Tuple => 40 + 8 * obj::<TupleL>(o).len as i64,
            Kind::List => {
                let l = obj::<ListL>(o);
                let cap = if l.items.is_null() { 0 } else { obj::<ArrayL>(l.items).cap };
                56 + 8 * cap as i64
            }
            Kind::Dict => 64 + 24 * vm.dict_used(o) as i64 + if vm.dict_len(o) > 0 { 104 } else { 0 },
            Kind::Set | Kind::FrozenSet => 216,
            Kind::Function => 152,
            Kind::Class => 1072,
            Kind::Instance => 48,
            _ => 48,
        }
    };
    Ok(vm.new_int(n))
}

fn sys_utf8(vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult { Ok(vm.new_str("utf-8")) }

/// skiff has no reference counts; this returns 2 (the argument plus the
/// call's reference), which is what CPython prints for a fresh object.
fn sys_getrefcount(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getrefcount", args, kwnames);
    p.expect(vm, 1, 1)?;
    Ok(Value::small(2))
}

/// `sys.version_info`: a tuple whose class (a `tuple` subclass named
/// `sys.version_info`) adds `major`, `minor`, `micro`, `releaselevel` and
/// `serial` properties and CPython's repr.
fn version_info(vm: &mut Vm) -> PyResult<Value> {
    const FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];
    let ns = vm.new_dict();
    let module = vm.new_str("sys");
    vm.dict_set_str(ns, "__module__", module);
    // Each property's getter is a builtin bound to its field index, so one
    // native function serves all five.
    fn field(_vm: &mut Vm, a: &[Value], _k: Value) -> PyResult {
        let (i, t) = (a[0].int() as usize, a[1]);
        Ok(tuple_slice(t)[i])
    }
    for (i, name) in FIELDS.iter().enumerate() {
        let getter = vm.new_builtin(name, field, Value::small(i as i64));
        let prop = vm.new_obj4(Kind::Property, vm.ty(Ty::Property), [getter, Value::NULL, Value::NULL, Value::NONE]);
        vm.dict_set_str(ns, name, prop);
    }
    let repr = vm.new_builtin("__repr__", |vm, a, _k| {
        // Read from the tuple each time: repr may run Python code.
        let mut parts = Vec::new();
        for (i, name) in FIELDS.iter().enumerate() {
            let Some(&v) = tuple_slice(a[0]).get(i) else { break };
            parts.push(format!("{name}={}", vm.repr_string(v)?));
        }
        Ok(vm.new_str(&format!("sys.version_info({})", parts.join(", "))))
    }, Value::NULL);
    vm.dict_set_str(ns, "__repr__", repr);
    let tuple_cls = vm.ty(Ty::Tuple);
    let bases = vm.new_tuple(&[tuple_cls]);
    let cls = vm.new_class(vm.ty(Ty::Type), "version_info", bases, ns)?;
    let fin = vm.new_str("final");
    let vi = vm.alloc_tuple(5);
    for (i, v) in [Value::small(3), Value::small(11), Value::small(7), fin, Value::small(0)].into_iter().enumerate() {
        tuple_init(vi, i, v);
    }
    obj::<ObjHead>(vi).cls = cls;
    barrier(vi);
    Ok(vi)
}
