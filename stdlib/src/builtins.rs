//! The functions of the `builtins` module (`print`, `len`, `sorted`, `min`,
//! `open`, ...) and the methods of the two file classes `open()` returns.
//!
//! The builtin *classes* (`int`, `list`, `enumerate`, ...) are registered by
//! skiff-vm's bootstrap and `types`; this file only adds functions. Each one
//! follows CPython 3.11's argument handling and error messages, checked
//! against `python3`.
//!
//! File objects are `Kind::File` Obj4s (see skiff-vm's `io.rs`):
//!
//! | slot | contents                                                    |
//! |------|-------------------------------------------------------------|
//! | s[0] | `name` (str, as given to `open`)                            |
//! | s[1] | `mode` (str, as given)                                      |
//! | s[2] | index of the `FileState` in `vm.files` (small int)          |
//! | s[3] | text options (small int, bits below; 0 for binary files)   |
//!
//! A closed disk file's `FileState` is dropped (`vm.files[i] = None`), which
//! closes the OS file; indices are never reused, so a stale file object can
//! only ever see "closed". The standard streams (indices 0-2) are marked
//! closed instead, so `flush_std` keeps working. Files that become garbage
//! without `close()` stay open until the process ends (there is no finalizer
//! for `Kind::File`); `Vm::flush_std` still flushes them at exit.
//!
//! Reading uses `fill_some` (one `read` call) rather than
//! `FileState::fill`, which loops until it has the requested byte count and
//! so would block an interactive `input()` until 64 KiB or EOF arrive.
//! Text files support UTF-8, Latin-1 and ASCII, universal newlines on input
//! (`newline=None`) and `\r\n`/`\r` translation on output; `tell()` returns
//! byte offsets. `io.UnsupportedOperation` (raised for "not readable" and
//! "not writable") is created on first use and kept in the dict of the
//! internal class `Ty::Misc`, so each VM has its own and no Rust static
//! holds a Value.
//!
//! `exec`, `eval` and `compile` run the real compiler; namespaces other
//! than dicts are refused because the name opcodes read `locals` as a dict.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use skiff_vm::bytecode::{BinOp, CmpOp};
use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::io::{FileHandle, FileState};
use skiff_vm::names::N;
use skiff_vm::set_field;
use skiff_vm::vm::PyErr;
use skiff_vm::{Exc, PyResult, Ty, Value, Vm};
use std::io::{Read, Seek, SeekFrom, Write};

/// Registers every builtin function and the file classes' methods.
pub fn init(vm: &mut Vm) {
    let fns: &[(&str, skiff_vm::NativeFn)] = &[
        ("print", bi_print), ("len", bi_len), ("sorted", bi_sorted), ("min", bi_min), ("max", bi_max),
        ("sum", bi_sum), ("abs", bi_abs), ("all", bi_all), ("any", bi_any),
        ("isinstance", bi_isinstance), ("issubclass", bi_issubclass),
        ("hasattr", bi_hasattr), ("getattr", bi_getattr), ("setattr", bi_setattr), ("delattr", bi_delattr),
        ("id", bi_id), ("hash", bi_hash), ("iter", bi_iter), ("next", bi_next), ("callable", bi_callable),
        ("ord", bi_ord), ("chr", bi_chr), ("hex", bi_hex), ("oct", bi_oct), ("bin", bi_bin),
        ("round", bi_round), ("divmod", bi_divmod), ("pow", bi_pow), ("repr", bi_repr), ("ascii", bi_ascii),
        ("format", bi_format), ("vars", bi_vars), ("dir", bi_dir), ("globals", bi_globals),
        ("locals", bi_locals), ("open", bi_open), ("input", bi_input), ("__import__", bi_import),
        ("exit", bi_exit), ("quit", bi_exit), ("exec", bi_exec), ("eval", bi_eval), ("compile", bi_compile),
    ];
    for &(name, f) in fns { vm.add_builtin(name, f); }
    init_file_classes(vm);
}

// ---------------------------------------------------------------------------
// Small helpers

fn type_error(vm: &mut Vm, msg: &str) -> PyErr { vm.new_exc(Exc::TypeError, msg) }

fn is_kind(v: Value, k: Kind) -> bool { v.is_ref() && kind_of(v) == k }

/// Whether `v` is an instance of a builtin (non-heap) class.
fn is_builtin_instance(vm: &Vm, v: Value) -> bool { !v.is_ref() || !vm.is_heap_class(cls_of(v)) }

/// The interned form of an attribute-name argument, with CPython's error.
fn attr_name(vm: &mut Vm, name: Value) -> PyResult<Value> {
    if !vm.is_str(name) {
        let tn = vm.type_name(name);
        return Err(type_error(vm, &format!("attribute name must be string, not '{tn}'")));
    }
    Ok(vm.intern(str_ref(name)))
}

/// "'x' is an invalid keyword argument for f()" for keywords outside `allowed`.
fn check_kw_invalid(vm: &mut Vm, p: &ArgParser, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for &k in p.kwnames {
        let ks = str_ref(k);
        if !allowed.contains(&ks) {
            return Err(type_error(vm, &format!("'{ks}' is an invalid keyword argument for {fname}()")));
        }
    }
    Ok(())
}

/// "f() takes no keyword arguments" when any keyword is given.
fn no_kw(vm: &mut Vm, p: &ArgParser) -> PyResult<()> {
    if !p.kwnames.is_empty() {
        let name = p.name;
        return Err(type_error(vm, &format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// `operator.index(v)` as a BigInt, with CPython's error messages.
fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if vm.is_int_like(v) {
        if let Some(b) = vm.as_bigint(v) { return Ok(b); }
    }
    let cls = vm.type_of(v);
    if let Some(m) = vm.lookup_type(cls, vm.n(N::index)) {
        let r = vm.call(m, &[v])?;
        if vm.is_int_like(r) {
            if let Some(b) = vm.as_bigint(r) { return Ok(b); }
        }
        let tn = vm.type_name(r);
        return Err(type_error(vm, &format!("__index__ returned non-int (type {tn})")));
    }
    let tn = vm.type_name(v);
    Err(type_error(vm, &format!("'{tn}' object cannot be interpreted as an integer")))
}

/// Kinds whose iterator protocol the VM implements natively (`vm.next`).
fn is_native_iterator(v: Value) -> bool {
    v.is_ref() && matches!(kind_of(v), Kind::ListIter | Kind::TupleIter | Kind::StrIter | Kind::BytesIter
        | Kind::DictKeyIter | Kind::DictValueIter | Kind::DictItemIter | Kind::SetIter | Kind::RangeIter
        | Kind::Enumerate | Kind::Zip | Kind::Map | Kind::Filter | Kind::Reversed | Kind::SeqIter
        | Kind::CallIter | Kind::Generator)
}

// ---------------------------------------------------------------------------
// print / input

fn bi_print(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("print", args, kwnames);
    check_kw_invalid(vm, &p, "print", &["sep", "end", "file", "flush"])?;
    let sep = p.kw("sep").unwrap_or(Value::NONE);
    let end = p.kw("end").unwrap_or(Value::NONE);
    for (what, v) in [("sep", sep), ("end", end)] {
        if v != Value::NONE && !vm.is_str(v) {
            let tn = vm.type_name(v);
            return Err(type_error(vm, &format!("{what} must be None or a string, not {tn}")));
        }
    }
    let mut file = p.kw("file").unwrap_or(Value::NONE);
    if file == Value::NONE {
        file = sys_stream(vm, "stdout");
        // print() with sys.stdout set to None does nothing, as in CPython.
        if file == Value::NONE { return Ok(Value::NONE); }
    }
    let flush = match p.kw("flush") { Some(f) => vm.truthy(f)?, None => false };
    let sep_s = if sep == Value::NONE { " " } else { str_ref(sep) };
    let end_s = if end == Value::NONE { "\n" } else { str_ref(end) };
    if is_kind(file, Kind::File) || file.is_null() {
        // Native file: each piece goes to the buffer as soon as it is
        // converted, so output printed by a __str__ lands where CPython
        // puts it.
        let put = |vm: &mut Vm, s: &str| -> PyResult<()> {
            if file.is_null() { vm.write_stdout(s); Ok(()) } else { file_write_text(vm, file, s) }
        };
        for (i, &a) in p.pos.iter().enumerate() {
            if i > 0 { put(vm, sep_s)?; }
            let s = vm.to_str(a)?;
            put(vm, str_ref(s))?;
        }
        put(vm, end_s)?;
        if flush {
            if file.is_null() { vm.flush_std(); } else { file_flush(vm, file)?; }
        }
        return Ok(Value::NONE);
    }
    // Any other object: one write() call per piece, like CPython.
    let write = vm.getattr(file, vm.intern("write"))?;
    for (i, &a) in p.pos.iter().enumerate() {
        if i > 0 {
            let s = if sep == Value::NONE { vm.new_str(" ") } else { sep };
            vm.call(write, &[s])?;
        }
        let s = vm.to_str(a)?;
        vm.call(write, &[s])?;
    }
    let e = if end == Value::NONE { vm.new_str("\n") } else { end };
    vm.call(write, &[e])?;
    if flush { vm.call_method(file, "flush", &[])?; }
    Ok(Value::NONE)
}

/// `sys.<name>` (stdout, stderr, stdin); NULL when `sys` is not set up yet,
/// meaning "the process stream".
fn sys_stream(vm: &mut Vm, name: &str) -> Value {
    let sys = vm.r.sys.get();
    if sys.is_null() { return Value::NULL; }
    let d = vm.module_dict(sys);
    vm.dict_get_by_name(d, name).unwrap_or(Value::NULL)
}

fn bi_input(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("input", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let stdout = sys_stream(vm, "stdout");
    if let Some(&prompt) = p.pos.first() {
        let s = vm.to_str(prompt)?;
        if stdout.is_null() {
            vm.write_stdout(str_ref(s));
        } else if is_kind(stdout, Kind::File) {
            file_write_text(vm, stdout, str_ref(s))?;
        } else if stdout != Value::NONE {
            vm.call_method(stdout, "write", &[s])?;
        }
    }
    if is_kind(stdout, Kind::File) || stdout.is_null() {
        vm.flush_std();
    } else if stdout != Value::NONE {
        vm.call_method(stdout, "flush", &[])?;
    }
    let stdin = sys_stream(vm, "stdin");
    let line = if stdin.is_null() || is_kind(stdin, Kind::File) {
        let f = if stdin.is_null() { None } else { Some(stdin) };
        read_line_native(vm, f)?
    } else if stdin == Value::NONE {
        return Err(vm.new_exc(Exc::RuntimeError, "input(): lost sys.stdin"));
    } else {
        vm.call_method(stdin, "readline", &[])?
    };
    if !vm.is_str(line) {
        let tn = vm.type_name(line);
        return Err(type_error(vm, &format!("object.readline() returned non-string (type {tn})")));
    }
    let s = str_ref(line);
    if s.is_empty() { return Err(vm.new_exc(Exc::EOFError, "EOF when reading a line")); }
    let s = s.strip_suffix('\n').unwrap_or(s).to_string();
    Ok(vm.new_str(&s))
}

/// One line from a native text file (`None`: the process stdin).
fn read_line_native(vm: &mut Vm, f: Option<Value>) -> PyResult {
    match f {
        Some(f) => file_readline_value(vm, f, None),
        None => {
            vm.init_std_files();
            let r = match vm.files[0].as_mut() {
                Some(st) => take_text(st, None, true, Enc::Utf8, false),
                None => Ok(Vec::new()),
            };
            let bytes = r.map_err(|e| vm.os_error(&e, None))?;
            decode_text(vm, bytes, Enc::Utf8)
        }
    }
}

// ---------------------------------------------------------------------------
// len, sorted, min/max, sum, abs, all/any

fn bi_len(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("len", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let n = length_of(vm, p.pos[0])?;
    Ok(vm.new_int(n))
}

/// `len(v)`.
fn length_of(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_ref() {
        let heap = vm.is_heap_class(cls_of(v));
        if !heap {
            if let Some(n) = builtin_len(vm, v)? { return Ok(n); }
        }
        let cls = cls_of(v);
        if let Some(m) = vm.lookup_type(cls, vm.n(N::len)) {
            let r = vm.call(m, &[v])?;
            return vm.len_result(r);
        }
        if let Some(n) = builtin_len(vm, v)? { return Ok(n); }
    }
    let tn = vm.type_name(v);
    Err(type_error(vm, &format!("object of type '{tn}' has no len()")))
}

fn builtin_len(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    Ok(Some(match kind_of(v) {
        Kind::Str => obj::<StrL>(v).nchars as i64,
        Kind::List => obj::<ListL>(v).len as i64,
        Kind::Tuple => obj::<TupleL>(v).len as i64,
        Kind::Dict => vm.dict_len(v) as i64,
        Kind::Set | Kind::FrozenSet => vm.dict_len(obj::<SetL>(v).dict) as i64,
        Kind::Bytes => obj::<BytesL>(v).len as i64,
        Kind::ByteArray => obj::<ByteArrayL>(v).len as i64,
        Kind::Range => vm.range_len(v)?,
        Kind::DictKeys | Kind::DictValues | Kind::DictItems => vm.dict_len(s4(v, 0)) as i64,
        _ => return Ok(None),
    }))
}

fn bi_sorted(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("sorted", args, kwnames);
    if p.pos.len() != 1 {
        return Err(type_error(vm, &format!("sorted expected 1 argument, got {}", p.pos.len())));
    }
    let l = vm.collect_list(p.pos[0])?;
    let sort = vm.getattr(l, vm.intern("sort"))?;
    // Keywords (key=, reverse=) go to list.sort unchanged, so its errors
    // ("'cmp' is an invalid keyword argument for sort()") are CPython's too.
    let npos = p.pos.len();
    vm.call_kw(sort, &args[npos..], kwnames)?;
    Ok(l)
}

fn bi_min(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { min_max(vm, args, kwnames, "min", CmpOp::Lt) }
fn bi_max(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { min_max(vm, args, kwnames, "max", CmpOp::Gt) }

fn min_max(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, op: CmpOp) -> PyResult {
    let p = ArgParser::new(name, args, kwnames);
    if p.kwnames.len() > 2 {
        return Err(type_error(vm, &format!("{name}() takes at most 2 keyword arguments ({} given)", p.kwnames.len())));
    }
    check_kw_invalid(vm, &p, name, &["key", "default"])?;
    if p.pos.is_empty() {
        return Err(type_error(vm, &format!("{name} expected at least 1 argument, got 0")));
    }
    let key = p.kw("key").filter(|&k| k != Value::NONE);
    let default = p.kw("default");
    if p.pos.len() > 1 && default.is_some() {
        return Err(type_error(vm, &format!("Cannot specify a default for {name}() with multiple positional arguments")));
    }
    // Several arguments are iterated as a tuple (rooted while we run).
    let src = if p.pos.len() == 1 { p.pos[0] } else { vm.new_tuple(p.pos) };
    let it = vm.get_iter(src)?;
    let mut best = Value::NULL;
    let mut best_key = Value::NULL;
    while let Some(item) = vm.next(it)? {
        let k = match key { Some(f) => vm.call(f, &[item])?, None => item };
        if best.is_null() {
            best = item;
            best_key = k;
            continue;
        }
        let r = vm.compare(k, best_key, op)?;
        if vm.truthy(r)? {
            best = item;
            best_key = k;
        }
    }
    std::hint::black_box(src);
    if best.is_null() {
        if let Some(d) = default { return Ok(d); }
        return Err(vm.new_exc(Exc::ValueError, &format!("{name}() arg is an empty sequence")));
    }
    Ok(best)
}

fn bi_sum(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("sum", args, kwnames);
    let total = p.pos.len() + p.kwnames.len();
    if total > 2 {
        return Err(type_error(vm, &format!("sum() takes at most 2 arguments ({total} given)")));
    }
    p.check_kw(vm, &["start"])?;
    if p.pos.is_empty() {
        return Err(type_error(vm, "sum() takes at least 1 positional argument (0 given)"));
    }
    if p.pos.len() == 2 && p.kw("start").is_some() {
        return Err(type_error(vm, "argument for sum() given by name ('start') and position (2)"));
    }
    let mut acc = p.get(1, "start").unwrap_or(Value::small(0));
    if acc.is_ref() {
        let what = match kind_of(acc) {
            Kind::Str => Some("strings [use ''.join(seq) instead]"),
            Kind::Bytes => Some("bytes [use b''.join(seq) instead]"),
            Kind::ByteArray => Some("bytearray [use b''.join(seq) instead]"),
            _ => None,
        };
        if let Some(w) = what { return Err(type_error(vm, &format!("sum() can't sum {w}"))); }
    }
    let it = vm.get_iter(p.pos[0])?;
    // Fast paths as in CPython: an int accumulator while items are small
    // ints, then a float accumulator while items are floats or small ints;
    // everything else goes through `+`.
    let float_cls = vm.ty(Ty::Float);
    while let Some(item) = vm.next(it)? {
        if acc.is_int() && item.is_int() {
            if let Some(v) = acc.int().checked_add(item.int()).and_then(Value::try_small) {
                acc = v;
                continue;
            }
        }
        let acc_float = is_kind(acc, Kind::Float) && cls_of(acc) == float_cls;
        if acc_float && ((is_kind(item, Kind::Float) && cls_of(item) == float_cls) || item.is_int()) {
            let x = if item.is_int() { item.int() as f64 } else { float_val(item) };
            acc = vm.new_float(float_val(acc) + x);
            continue;
        }
        acc = vm.binary_op(acc, item, BinOp::Add, false)?;
    }
    Ok(acc)
}

fn bi_abs(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("abs", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    vm.unary_op(p.pos[0], N::abs)
}

fn bi_all(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { all_any(vm, args, kwnames, "all", false) }
fn bi_any(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { all_any(vm, args, kwnames, "any", true) }

/// `all` stops at the first false item, `any` (`stop_on` true) at the first true one.
fn all_any(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, stop_on: bool) -> PyResult {
    let p = ArgParser::new(name, args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let it = vm.get_iter(p.pos[0])?;
    while let Some(v) = vm.next(it)? {
        if vm.truthy(v)? == stop_on { return Ok(Value::bool(stop_on)); }
    }
    Ok(Value::bool(!stop_on))
}

// ---------------------------------------------------------------------------
// isinstance / issubclass

fn bi_isinstance(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("isinstance", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 2)?;
    let r = isinstance_check(vm, p.pos[0], p.pos[1])?;
    Ok(Value::bool(r))
}

fn isinstance_check(vm: &mut Vm, o: Value, cls: Value) -> PyResult<bool> {
    if vm.type_of(o) == cls { return Ok(true); }
    if vm.is_class(cls) {
        let meta = cls_of(cls);
        if vm.is_heap_class(meta) {
            if let Some(m) = vm.lookup_type(meta, vm.n(N::instancecheck)) {
                if !vm.is_builtin_fn(m) {
                    let r = vm.call(m, &[cls, o])?;
                    return vm.truthy(r);
                }
            }
        }
        return Ok(vm.isinstance(o, cls));
    }
    if is_kind(cls, Kind::Tuple) {
        vm.check_stack()?;
        let n = tuple_slice(cls).len();
        for i in 0..n {
            let c = tuple_slice(cls)[i];
            if isinstance_check(vm, o, c)? { return Ok(true); }
        }
        return Ok(false);
    }
    // Any object may answer through its type's __instancecheck__ (a union,
    // typing's aliases).
    if let Some(m) = vm.lookup_type(vm.type_of(cls), vm.n(N::instancecheck)) {
        let r = vm.call(m, &[cls, o])?;
        return vm.truthy(r);
    }
    Err(type_error(vm, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

fn bi_issubclass(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("issubclass", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 2)?;
    let r = issubclass_check(vm, p.pos[0], p.pos[1])?;
    Ok(Value::bool(r))
}

fn issubclass_check(vm: &mut Vm, c: Value, cls: Value) -> PyResult<bool> {
    if vm.is_class(cls) {
        let meta = cls_of(cls);
        if vm.is_heap_class(meta) {
            if let Some(m) = vm.lookup_type(meta, vm.n(N::subclasscheck)) {
                if !vm.is_builtin_fn(m) {
                    let r = vm.call(m, &[cls, c])?;
                    return vm.truthy(r);
                }
            }
        }
        if !vm.is_class(c) { return Err(type_error(vm, "issubclass() arg 1 must be a class")); }
        return Ok(vm.is_subclass(c, cls));
    }
    if is_kind(cls, Kind::Tuple) {
        vm.check_stack()?;
        let n = tuple_slice(cls).len();
        for i in 0..n {
            let x = tuple_slice(cls)[i];
            if issubclass_check(vm, c, x)? { return Ok(true); }
        }
        return Ok(false);
    }
    if let Some(m) = vm.lookup_type(vm.type_of(cls), vm.n(N::subclasscheck)) {
        let r = vm.call(m, &[cls, c])?;
        return vm.truthy(r);
    }
    if !vm.is_class(c) { return Err(type_error(vm, "issubclass() arg 1 must be a class")); }
    Err(type_error(vm, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
}

// ---------------------------------------------------------------------------
// attributes

fn bi_hasattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("hasattr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 2)?;
    let name = attr_name(vm, p.pos[1])?;
    match vm.getattr_opt(p.pos[0], name) {
        Ok(r) => Ok(Value::bool(r.is_some())),
        Err(e) if vm.exc_matches(e, Exc::AttributeError) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn bi_getattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getattr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 3)?;
    let (o, default) = (p.pos[0], p.pos.get(2).copied());
    let name = attr_name(vm, p.pos[1])?;
    match vm.getattr_opt(o, name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match default { Some(d) => Ok(d), None => Err(vm.attr_error(o, name)) },
        Err(e) if default.is_some() && vm.exc_matches(e, Exc::AttributeError) => Ok(default.unwrap()),
        Err(e) => Err(e),
    }
}

fn bi_setattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("setattr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 3, 3)?;
    let name = attr_name(vm, p.pos[1])?;
    vm.setattr(p.pos[0], name, p.pos[2])?;
    Ok(Value::NONE)
}

fn bi_delattr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("delattr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 2)?;
    let name = attr_name(vm, p.pos[1])?;
    vm.delattr(p.pos[0], name)?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// id, hash, iter, next, callable

fn bi_id(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("id", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    // Unique among simultaneously live values: a heap object's identity
    // (`heap::identity`: its address, or under a moving collector the
    // address it keeps for life) is a distinct 8-aligned word, small ints
    // are odd, and the other immediates are distinct small even words. It
    // is what object.__repr__ prints, as CPython's repr shows hex(id(o)).
    Ok(vm.new_bigint(BigInt::from(skiff_vm::bootstrap::identity_of(p.pos[0]))))
}

fn bi_hash(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("hash", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let h = vm.hash(p.pos[0])?;
    Ok(vm.new_int(h))
}

fn bi_iter(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("iter", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 2)?;
    if p.pos.len() == 1 { return vm.get_iter(p.pos[0]); }
    let (f, sentinel) = (p.pos[0], p.pos[1]);
    if !is_callable(vm, f) { return Err(type_error(vm, "iter(v, w): v must be callable")); }
    Ok(vm.new_obj4(Kind::CallIter, vm.ty(Ty::CallIter), [f, sentinel, Value::NULL, Value::NULL]))
}

fn bi_next(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("next", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 2)?;
    let (it, default) = (p.pos[0], p.pos.get(1).copied());
    let native = is_native_iterator(it) && is_builtin_instance(vm, it);
    if native {
        return match vm.next(it)? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d),
                None => {
                    let ret = if is_kind(it, Kind::Generator) { std::mem::replace(&mut vm.last_return, Value::NONE) } else { Value::NONE };
                    Err(vm.stop_iteration(ret))
                }
            },
        };
    }
    let cls = vm.type_of(it);
    let Some(m) = vm.lookup_type(cls, vm.n(N::next)) else {
        if is_native_iterator(it) {
            return match vm.next(it)? { Some(v) => Ok(v), None => default.ok_or_else(|| vm.stop_iteration(Value::NONE)) };
        }
        let tn = vm.type_name(it);
        return Err(type_error(vm, &format!("'{tn}' object is not an iterator")));
    };
    // A Python __next__'s own StopIteration (with its value) propagates.
    match vm.call(m, &[it]) {
        Ok(v) => Ok(v),
        Err(e) if default.is_some() && vm.exc_matches(e, Exc::StopIteration) => Ok(default.unwrap()),
        Err(e) => Err(e),
    }
}

/// `callable(v)`.
pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    if !v.is_ref() { return false; }
    match kind_of(v) {
        Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Class => true,
        _ => {
            let cls = cls_of(v);
            vm.lookup_type(cls, vm.n(N::call)).is_some()
        }
    }
}

fn bi_callable(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("callable", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    Ok(Value::bool(is_callable(vm, p.pos[0])))
}

// ---------------------------------------------------------------------------
// ord, chr, hex, oct, bin

fn bi_ord(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("ord", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let v = p.pos[0];
    let n = if vm.is_str(v) {
        let s = str_ref(v);
        let n = obj::<StrL>(v).nchars;
        if n == 1 { return Ok(Value::small(s.chars().next().unwrap() as i64)); }
        n
    } else if let Some(b) = vm.bytes_like(v) {
        if b.len() == 1 { return Ok(Value::small(b[0] as i64)); }
        b.len()
    } else {
        let tn = vm.type_name(v);
        return Err(type_error(vm, &format!("ord() expected string of length 1, but {tn} found")));
    };
    Err(type_error(vm, &format!("ord() expected a character, but string of length {n} found")))
}

fn bi_chr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("chr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let i = index_bigint(vm, p.pos[0])?;
    let Some(i) = i.to_i32() else {
        return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C int"));
    };
    if !(0..0x110000).contains(&i) {
        return Err(vm.new_exc(Exc::ValueError, "chr() arg not in range(0x110000)"));
    }
    // Lone surrogates cannot be stored in skiff's UTF-8 strings; they become
    // U+FFFD (FIXME: CPython keeps them).
    let c = char::from_u32(i as u32).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

fn radix_str(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, radix: u32, prefix: &str) -> PyResult {
    let p = ArgParser::new(name, args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let b = index_bigint(vm, p.pos[0])?;
    let sign = if b.is_negative() { "-" } else { "" };
    let digits = b.magnitude().to_str_radix(radix);
    Ok(vm.new_str(&format!("{sign}{prefix}{digits}")))
}

fn bi_hex(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { radix_str(vm, args, kwnames, "hex", 16, "0x") }
fn bi_oct(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { radix_str(vm, args, kwnames, "oct", 8, "0o") }
fn bi_bin(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { radix_str(vm, args, kwnames, "bin", 2, "0b") }

// ---------------------------------------------------------------------------
// round, divmod, pow

fn bi_round(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("round", args, kwnames);
    let total = p.pos.len() + p.kwnames.len();
    if total > 2 { return Err(type_error(vm, &format!("round() takes at most 2 arguments ({total} given)"))); }
    p.check_kw(vm, &["number", "ndigits"])?;
    let Some(number) = p.get(0, "number") else {
        return Err(type_error(vm, "round() missing required argument 'number' (pos 1)"));
    };
    let ndigits = p.get(1, "ndigits").filter(|&n| n != Value::NONE);
    let cls = vm.type_of(number);
    let Some(m) = vm.lookup_type(cls, vm.n(N::round)) else {
        let tn = vm.type_name(number);
        return Err(type_error(vm, &format!("type {tn} doesn't define __round__ method")));
    };
    match ndigits {
        None => vm.call(m, &[number]),
        Some(n) => vm.call(m, &[number, n]),
    }
}

fn bi_divmod(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("divmod", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 2, 2)?;
    let (a, b) = (p.pos[0], p.pos[1]);
    if is_builtin_instance(vm, a) && is_builtin_instance(vm, b) {
        if let Some(r) = numeric_divmod(vm, a, b)? { return Ok(r); }
    } else {
        let (ta, tb) = (vm.type_of(a), vm.type_of(b));
        let (name, rname) = (vm.intern("__divmod__"), vm.intern("__rdivmod__"));
        let ma = vm.lookup_type(ta, name);
        let mb = if ta != tb { vm.lookup_type(tb, rname) } else { None };
        let mut mb_done = false;
        if let Some(mb) = mb {
            if vm.is_subclass(tb, ta) && !vm.is_builtin_fn(mb) {
                mb_done = true;
                let r = vm.call(mb, &[b, a])?;
                if r != Value::NOT_IMPLEMENTED { return Ok(r); }
            }
        }
        if let Some(ma) = ma.filter(|&m| !vm.is_builtin_fn(m)) {
            let r = vm.call(ma, &[a, b])?;
            if r != Value::NOT_IMPLEMENTED { return Ok(r); }
        }
        if let Some(mb) = mb.filter(|&m| !mb_done && !vm.is_builtin_fn(m)) {
            let r = vm.call(mb, &[b, a])?;
            if r != Value::NOT_IMPLEMENTED { return Ok(r); }
        }
        // Subclasses of int/float without their own __divmod__.
        if let Some(r) = numeric_divmod(vm, a, b)? { return Ok(r); }
    }
    let (x, y) = (vm.type_name(a), vm.type_name(b));
    Err(type_error(vm, &format!("unsupported operand type(s) for divmod(): '{x}' and '{y}'")))
}

/// divmod of two numbers; Ok(None) when either is not an int or float.
fn numeric_divmod(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    use skiff_vm::numeric::Num;
    let (Some(x), Some(y)) = (vm.as_num(a), vm.as_num(b)) else { return Ok(None) };
    if matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)) {
        let to_f = |vm: &mut Vm, n: &Num| -> PyResult<f64> {
            match n { Num::Int(i) => Ok(*i as f64), Num::Big(b) => vm.big_to_f64(b), Num::Float(f) => Ok(*f) }
        };
        let (fx, fy) = (to_f(vm, &x)?, to_f(vm, &y)?);
        if fy == 0.0 { return Err(vm.new_exc(Exc::ZeroDivisionError, "float divmod()")); }
        let (q, r) = skiff_vm::numeric::float_divmod(fx, fy);
        let (qv, rv) = (vm.new_float(q), vm.new_float(r));
        return Ok(Some(vm.new_tuple(&[qv, rv])));
    }
    let q = vm.num_binop(x.clone(), y.clone(), BinOp::FloorDiv)?;
    let r = vm.num_binop(x, y, BinOp::Mod)?;
    match (q, r) {
        (Some(q), Some(r)) => Ok(Some(vm.new_tuple(&[q, r]))),
        _ => Ok(None),
    }
}

fn bi_pow(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("pow", args, kwnames);
    let total = p.pos.len() + p.kwnames.len();
    if total > 3 { return Err(type_error(vm, &format!("pow() takes at most 3 arguments ({total} given)"))); }
    p.check_kw(vm, &["base", "exp", "mod"])?;
    let Some(base) = p.get(0, "base") else {
        return Err(type_error(vm, "pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = p.get(1, "exp") else {
        return Err(type_error(vm, "pow() missing required argument 'exp' (pos 2)"));
    };
    let modulus = p.get(2, "mod").filter(|&m| m != Value::NONE);
    let Some(m) = modulus else { return vm.binary_op(base, exp, BinOp::Pow, false) };
    let all_int = [base, exp, m].iter().all(|&v| vm.is_int_like(v) && is_builtin_instance(vm, v));
    if !all_int {
        // A user type may implement three-argument __pow__.
        let tb = vm.type_of(base);
        if vm.is_heap_class(tb) {
            if let Some(f) = vm.lookup_type(tb, vm.intern("__pow__")) {
                if !vm.is_builtin_fn(f) {
                    let r = vm.call(f, &[base, exp, m])?;
                    if r != Value::NOT_IMPLEMENTED { return Ok(r); }
                }
            }
        }
        let ints = [base, exp, m].iter().all(|&v| vm.is_int_like(v));
        if !ints {
            let all_num = [base, exp, m].iter().all(|&v| vm.as_num(v).is_some());
            if all_num {
                return Err(type_error(vm, "pow() 3rd argument not allowed unless all arguments are integers"));
            }
            let (x, y, z) = (vm.type_name(base), vm.type_name(exp), vm.type_name(m));
            return Err(type_error(vm, &format!("unsupported operand type(s) for ** or pow(): '{x}', '{y}', '{z}'")));
        }
    }
    let (b, e, md) = (vm.as_bigint(base).unwrap(), vm.as_bigint(exp).unwrap(), vm.as_bigint(m).unwrap());
    let r = mod_pow(vm, b, e, md)?;
    Ok(vm.new_bigint(r))
}

/// `pow(b, e, m)` for integers, with Python's sign conventions.
fn mod_pow(vm: &mut Vm, b: BigInt, e: BigInt, m: BigInt) -> PyResult<BigInt> {
    if m.is_zero() { return Err(vm.new_exc(Exc::ValueError, "pow() 3rd argument cannot be 0")); }
    let mm = m.abs();
    if mm.is_one() { return Ok(BigInt::zero()); }
    let mut base = b.mod_floor(&mm);
    let mut exp = e;
    if exp.is_negative() {
        match mod_inverse(&base, &mm) {
            Some(inv) => base = inv,
            None => return Err(vm.new_exc(Exc::ValueError, "base is not invertible for the given modulus")),
        }
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mm);
    if m.is_negative() && !r.is_zero() { r -= &mm; }
    Ok(r)
}

/// The inverse of `a` modulo `m` (m > 1), if gcd(a, m) == 1.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    if old_r.is_one() { Some(old_s.mod_floor(m)) } else { None }
}

// ---------------------------------------------------------------------------
// repr, ascii, format

fn bi_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("repr", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    vm.repr(p.pos[0])
}

fn bi_ascii(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("ascii", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    vm.ascii(p.pos[0])
}

fn bi_format(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("format", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 2)?;
    let spec = p.pos.get(1).copied().unwrap_or(Value::NULL);
    if !spec.is_null() && !vm.is_str(spec) {
        let tn = vm.type_name(spec);
        return Err(type_error(vm, &format!("format() argument 2 must be str, not {tn}")));
    }
    vm.format(p.pos[0], spec)
}

// ---------------------------------------------------------------------------
// vars, dir, globals, locals, __import__, exit

fn bi_vars(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("vars", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let Some(&o) = p.pos.first() else { return frame_locals(vm) };
    match vm.getattr_opt(o, vm.n(N::dict)) {
        Ok(Some(d)) => Ok(d),
        Ok(None) => Err(type_error(vm, "vars() argument must have __dict__ attribute")),
        Err(e) if vm.exc_matches(e, Exc::AttributeError) => Err(type_error(vm, "vars() argument must have __dict__ attribute")),
        Err(e) => Err(e),
    }
}

fn bi_dir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("dir", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let names = match p.pos.first() {
        None => {
            let d = frame_locals(vm)?;
            let l = vm.new_list(&[]);
            for i in 0..vm.dict_used(d) {
                if let Some((k, _)) = vm.dict_entry(d, i) { vm.list_append(l, k); }
            }
            l
        }
        Some(&o) => {
            let cls = vm.type_of(o);
            match vm.lookup_type(cls, vm.n(N::dir)) {
                Some(m) if !vm.is_builtin_fn(m) => {
                    let r = vm.call(m, &[o])?;
                    vm.collect_list(r)?
                }
                _ => skiff_vm::specialattrs::dir_of(vm, o)?,
            }
        }
    };
    sort_list(vm, names)?;
    Ok(names)
}

/// Sorts a list in place: strings directly, anything else via `list.sort`.
fn sort_list(vm: &mut Vm, l: Value) -> PyResult<()> {
    let items = list_slice(l);
    if items.iter().all(|&v| vm.is_str(v)) {
        items.sort_by(|&a, &b| str_bytes(a).cmp(str_bytes(b)));
        // Only reorders references the array already held, but a collector
        // may track slots rather than objects.
        barrier(obj::<ListL>(l).items);
        return Ok(());
    }
    vm.call_method(l, "sort", &[])?;
    Ok(())
}

fn bi_globals(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("globals", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 0)?;
    let f = vm.r.frame.get();
    if f.is_null() { return Ok(vm.r.builtins.get()); }
    Ok(obj::<FrameL>(f).globals)
}

fn bi_locals(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("locals", args, kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 0)?;
    frame_locals(vm)
}

/// `locals()` of the running Python frame (see `Vm::frame_locals`).
fn frame_locals(vm: &mut Vm) -> PyResult {
    let f = vm.r.frame.get();
    if f.is_null() { return Ok(vm.r.builtins.get()); }
    vm.frame_locals(f)
}

fn bi_import(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("__import__", args, kwnames);
    let total = p.pos.len() + p.kwnames.len();
    if total > 5 { return Err(type_error(vm, &format!("__import__() takes at most 5 arguments ({total} given)"))); }
    p.check_kw(vm, &["name", "globals", "locals", "fromlist", "level"])?;
    let Some(name) = p.get(0, "name") else {
        return Err(type_error(vm, "__import__() missing required argument 'name' (pos 1)"));
    };
    if !vm.is_str(name) {
        let tn = vm.type_name(name);
        return Err(type_error(vm, &format!("__import__() argument 1 must be str, not {tn}")));
    }
    let globals = match p.get(1, "globals") {
        Some(g) if is_kind(g, Kind::Dict) => g,
        _ => vm.new_dict(),
    };
    let fromlist = match p.get(3, "fromlist") {
        None => Value::NONE,
        Some(f) if f == Value::NONE || is_kind(f, Kind::Tuple) => f,
        Some(f) => { let l = vm.collect_list(f)?; vm.new_tuple(list_slice(l)) }
    };
    let level = p.get(4, "level").unwrap_or(Value::small(0));
    if !level.is_int() { return Err(type_error(vm, "'level' must be an integer")); }
    if level.int() < 0 { return Err(vm.new_exc(Exc::ValueError, "level must be >= 0")); }
    if str_ref(name).is_empty() && level.int() == 0 { return Err(vm.new_exc(Exc::ValueError, "Empty module name")); }
    vm.import_name(name, globals, fromlist, level)
}

/// `exit(code=None)` / `quit(...)`: raise SystemExit (CPython's site module
/// installs callable objects with the same effect).
fn bi_exit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("exit", args, kwnames);
    p.check_kw(vm, &["code"])?;
    p.expect(vm, 0, 1)?;
    let code = p.get(0, "code").unwrap_or(Value::NONE);
    let cls = vm.exc_type(Exc::SystemExit);
    let e = vm.call(cls, &[code])?;
    Err(PyErr(e))
}

// ---------------------------------------------------------------------------
// exec, eval, compile

/// Compiles `src` (str or bytes) in `mode` ("exec" or "eval") to a code object.
fn compile_to_code(vm: &mut Vm, fname: &str, src: Value, filename: &str, mode: &str) -> PyResult {
    if is_kind(src, Kind::Code) { return Ok(src); }
    let text = if vm.is_str(src) { str_ref(src).to_string() } else if let Some(b) = vm.bytes_like(src) {
        match String::from_utf8(b) {
            Ok(t) => t,
            Err(_) => return Err(vm.new_exc(Exc::SyntaxError, "source code is not valid UTF-8")),
        }
    } else {
        return Err(type_error(vm, &format!("{fname}() arg 1 must be a string, bytes or code object")));
    };
    if text.contains('\0') {
        return Err(vm.new_exc(Exc::SyntaxError, "source code string cannot contain null bytes"));
    }
    let r = if mode == "eval" {
        skiff_vm::compiler::compile_expression(&text, filename)
    } else {
        skiff_vm::compiler::compile_module(&text, filename)
    };
    // Remembered so tracebacks can show the failing line.
    vm.sources.insert(filename.to_string(), text.as_str().into());
    match r {
        Ok(unit) => Ok(vm.make_code(&unit)),
        Err(e) => Err(vm.syntax_error(&e)),
    }
}

/// Runs module-level code with explicit globals and locals (which may be
/// the same dict), as `exec` and `eval` do.
fn run_code_in(vm: &mut Vm, code: Value, globals: Value, locals: Value) -> PyResult {
    let cd = code_data(code);
    if cd.nfreevars > 0 {
        let n = cd.nfreevars;
        return Err(vm.new_exc(Exc::TypeError, &format!("code object requires a closure of exactly length {n}")));
    }
    let nslots = cd.nslots();
    let base = cd.nlocals + cd.ncellvars + cd.nfreevars;
    let frame = vm.alloc(Kind::Frame, vm.ty(Ty::Frame), std::mem::size_of::<FrameL>() + 8 * nslots as usize);
    let fo = obj::<FrameL>(frame);
    fo.nslots = nslots;
    fo.stack_base = base;
    fo.sp = base;
    fo.lineno = code_data(code).first_line;
    set_field!(frame, FrameL, code, code);
    set_field!(frame, FrameL, globals, globals);
    if locals != globals { set_field!(frame, FrameL, locals, locals); }
    // Its cell variables get empty cells (the interpreter reads them as cells).
    for i in code_data(code).nlocals as usize..base as usize {
        let c = vm.new_cell(Value::NULL);
        frame_set(frame, i, c);
    }
    if vm.dict_get_str(globals, vm.n(N::builtins)).is_none() {
        let b = vm.r.builtins.get();
        vm.dict_set_str(globals, "__builtins__", b);
    }
    vm.run_frame_nested(frame)
}

/// The (globals, locals) pair of `exec`/`eval`: the caller's when omitted.
fn exec_namespaces(vm: &mut Vm, fname: &str, g: Option<Value>, l: Option<Value>) -> PyResult<(Value, Value)> {
    let g = g.filter(|&v| v != Value::NONE);
    let l = l.filter(|&v| v != Value::NONE);
    if let Some(g) = g {
        if !is_kind(g, Kind::Dict) {
            let tn = vm.type_name(g);
            let what = if fname == "exec" { format!("exec() globals must be a dict, not {tn}") } else { "globals must be a real dict; try eval(expr, {}, mapping)".to_string() };
            return Err(type_error(vm, &what));
        }
    }
    if let Some(l) = l {
        let cls = vm.type_of(l);
        if !is_kind(l, Kind::Dict) && vm.lookup_type(cls, vm.n(N::getitem)).is_none() {
            let tn = vm.type_name(l);
            let what = if fname == "exec" { format!("locals must be a mapping or None, not {tn}") } else { "locals must be a mapping".to_string() };
            return Err(type_error(vm, &what));
        }
        // The interpreter's name opcodes read `locals` as a dict.
        if !is_kind(l, Kind::Dict) {
            return Err(type_error(vm, "locals other than dict are not supported by skiff yet"));
        }
    }
    Ok(match (g, l) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g, g),
        (None, l) => {
            let f = vm.r.frame.get();
            let globals = if f.is_null() { vm.r.builtins.get() } else { obj::<FrameL>(f).globals };
            let locals = match l { Some(l) => l, None => frame_locals(vm)? };
            (globals, locals)
        }
    })
}

fn bi_exec(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("exec", args, kwnames);
    p.check_kw(vm, &["globals", "locals", "closure"])?;
    p.expect(vm, 1, 3)?;
    let (g, l) = exec_namespaces(vm, "exec", p.get(1, "globals"), p.get(2, "locals"))?;
    let code = compile_to_code(vm, "exec", p.pos[0], "<string>", "exec")?;
    run_code_in(vm, code, g, l)?;
    Ok(Value::NONE)
}

fn bi_eval(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("eval", args, kwnames);
    p.check_kw(vm, &["globals", "locals"])?;
    p.expect(vm, 1, 3)?;
    let (g, l) = exec_namespaces(vm, "eval", p.get(1, "globals"), p.get(2, "locals"))?;
    let code = compile_to_code(vm, "eval", p.pos[0], "<string>", "eval")?;
    run_code_in(vm, code, g, l)
}

/// `compile(source, filename, mode)`: modes "exec", "eval" and "single"
/// (compiled like "exec"); `flags`, `dont_inherit` and `optimize` are
/// accepted and ignored.
fn bi_compile(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("compile", args, kwnames);
    p.check_kw(vm, &["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"])?;
    let total = p.pos.len() + p.kwnames.len();
    if total > 6 { return Err(type_error(vm, &format!("compile() takes at most 6 arguments ({total} given)"))); }
    let names = ["source", "filename", "mode"];
    let mut vals = [Value::NULL; 3];
    for (i, n) in names.iter().enumerate() {
        match p.get(i, n) {
            Some(v) => vals[i] = v,
            None => return Err(type_error(vm, &format!("compile() missing required argument '{n}' (pos {})", i + 1))),
        }
    }
    let [src, filename, mode] = vals;
    let fname = if vm.is_str(filename) { str_ref(filename).to_string() } else if let Some(b) = vm.bytes_like(filename) {
        String::from_utf8_lossy(&b).into_owned()
    } else {
        let tn = vm.type_name(filename);
        return Err(type_error(vm, &format!("expected str, bytes or os.PathLike object, not {tn}")));
    };
    if !vm.is_str(mode) {
        let tn = vm.type_name(mode);
        return Err(type_error(vm, &format!("compile() argument 'mode' must be str, not {tn}")));
    }
    let m = str_ref(mode).to_string();
    if !matches!(m.as_str(), "exec" | "eval" | "single") {
        return Err(vm.new_exc(Exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'"));
    }
    compile_to_code(vm, "compile", src, &fname, if m == "eval" { "eval" } else { "exec" })
}

// ---------------------------------------------------------------------------
// Files: open() and the file classes

/// Text encodings a file can use; anything else is a LookupError at open().
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Enc { Utf8, Latin1, Ascii }

/// Bits of a text file's options word (slot 3).
mod topt {
    /// Low two bits: the encoding (0 UTF-8, 1 Latin-1, 2 ASCII).
    pub const ENC_MASK: i64 = 3;
    /// Universal newlines on input (`newline=None`).
    pub const TRANSLATE: i64 = 4;
    /// Write `\n` as `\r\n` (`newline='\r\n'`).
    pub const CRLF: i64 = 8;
    /// Write `\n` as `\r` (`newline='\r'`).
    pub const CR: i64 = 16;
    /// No encoding was given (`f.encoding` reports the locale's, 'UTF-8').
    pub const DEFAULT_ENC: i64 = 32;
    /// A text file (binary files have 0).
    pub const TEXT: i64 = 64;
}

/// Options word of the standard streams: UTF-8 and, as CPython creates
/// them on POSIX (`newline='\n'`), no newline translation.
pub(crate) const STD_TEXT_OPTS: i64 = topt::TEXT | topt::DEFAULT_ENC;

fn enc_of(opts: i64) -> Enc {
    match opts & topt::ENC_MASK { 1 => Enc::Latin1, 2 => Enc::Ascii, _ => Enc::Utf8 }
}

/// Creates a file object for `vm.files[idx]`.
pub(crate) fn new_file_object(vm: &mut Vm, name: Value, mode: &str, idx: usize, opts: i64) -> Value {
    let m = vm.new_str(mode);
    let ty = if opts & topt::TEXT != 0 { Ty::TextFile } else { Ty::BinaryFile };
    vm.new_obj4(Kind::File, vm.ty(ty), [name, m, Value::small(idx as i64), Value::small(opts)])
}

fn bi_open(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("open", args, kwnames);
    let total = p.pos.len() + p.kwnames.len();
    if total > 8 { return Err(type_error(vm, &format!("open() takes at most 8 arguments ({total} given)"))); }
    p.check_kw(vm, &["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"])?;
    let Some(file) = p.get(0, "file") else {
        return Err(type_error(vm, "open() missing required argument 'file' (pos 1)"));
    };
    let mode_v = p.get(1, "mode").unwrap_or(Value::NULL);
    let mode = if mode_v.is_null() { "r".to_string() } else if vm.is_str(mode_v) { str_ref(mode_v).to_string() } else {
        let tn = vm.type_name(mode_v);
        return Err(type_error(vm, &format!("open() argument 'mode' must be str, not {tn}")));
    };
    let opt_str = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None => Ok(None),
            Some(x) if x == Value::NONE => Ok(None),
            Some(x) if vm.is_str(x) => Ok(Some(str_ref(x).to_string())),
            Some(x) => {
                let tn = vm.type_name(x);
                Err(type_error(vm, &format!("open() argument '{what}' must be str or None, not {tn}")))
            }
        }
    };
    let encoding = opt_str(vm, p.get(3, "encoding"), "encoding")?;
    let errors = opt_str(vm, p.get(4, "errors"), "errors")?;
    let newline = opt_str(vm, p.get(5, "newline"), "newline")?;

    // The path: str, bytes or os.PathLike.
    let path_v = if vm.is_str(file) || is_kind(file, Kind::Bytes) { file } else {
        let cls = vm.type_of(file);
        match vm.lookup_type(cls, vm.n(N::fspath)) {
            Some(m) => vm.call(m, &[file])?,
            None => {
                let tn = vm.type_name(file);
                return Err(type_error(vm, &format!("expected str, bytes or os.PathLike object, not {tn}")));
            }
        }
    };
    let path = if vm.is_str(path_v) { str_ref(path_v).to_string() } else if is_kind(path_v, Kind::Bytes) {
        String::from_utf8_lossy(bytes_slice(path_v)).into_owned()
    } else {
        let tn = vm.type_name(path_v);
        return Err(type_error(vm, &format!("expected str, bytes or os.PathLike object, not {tn}")));
    };

    // Mode, checked as _io.open does.
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxab+t".contains(c) || seen.contains(c) {
            return Err(vm.new_exc(Exc::ValueError, &format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c: char| seen.contains(c);
    let (reading, writing, creating, appending, updating) = (has('r'), has('w'), has('x'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary { return Err(vm.new_exc(Exc::ValueError, "can't have text and binary mode at once")); }
    let nmodes = [reading, writing, creating, appending].iter().filter(|&&b| b).count();
    if nmodes > 1 { return Err(vm.new_exc(Exc::ValueError, "must have exactly one of create/read/write/append mode")); }
    if nmodes == 0 {
        return Err(vm.new_exc(Exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    if binary {
        for (v, what) in [(&encoding, "an encoding"), (&errors, "an errors"), (&newline, "a newline")] {
            if v.is_some() { return Err(vm.new_exc(Exc::ValueError, &format!("binary mode doesn't take {what} argument"))); }
        }
    }
    let mut opts = 0;
    if !binary {
        opts |= topt::TEXT;
        match encoding.as_deref().map(|e| e.to_ascii_lowercase().replace('_', "-")) {
            None => opts |= topt::DEFAULT_ENC,
            Some(e) => match e.as_str() {
                "utf-8" | "utf8" | "u8" | "utf" => {}
                "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "latin" => opts |= 1,
                "ascii" | "us-ascii" | "646" => opts |= 2,
                _ => {
                    let e = encoding.unwrap_or_default();
                    return Err(vm.new_exc(Exc::LookupError, &format!("unknown encoding: {e}")));
                }
            },
        }
        match newline.as_deref() {
            None => opts |= topt::TRANSLATE,
            Some("") | Some("\n") => {}
            Some("\r\n") => opts |= topt::CRLF,
            Some("\r") => opts |= topt::CR,
            Some(other) => {
                let r = skiff_vm::strfmt::repr_str(other);
                return Err(vm.new_exc(Exc::ValueError, &format!("illegal newline value: {r}")));
            }
        }
    }
    let mut oo = std::fs::OpenOptions::new();
    oo.read(reading || updating);
    if writing { oo.write(true).create(true).truncate(true); }
    if creating { oo.write(true).create_new(true); }
    if appending { oo.append(true).create(true); }
    if reading && updating { oo.write(true); }
    let f = match oo.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(vm.os_error(&e, Some(&path))),
    };
    // Opening a directory for reading succeeds on Linux; CPython reports EISDIR.
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(vm.os_error(&e, Some(&path)));
    }
    vm.init_std_files();
    let idx = vm.files.len();
    vm.files.push(Some(FileState::new(FileHandle::Disk(f), binary, reading || updating, !reading || updating)));
    Ok(new_file_object(vm, file, &mode, idx, opts))
}

/// The `io.UnsupportedOperation` class (OSError and ValueError), kept in
/// the internal class's dict so every VM has its own.
fn unsupported_operation(vm: &mut Vm, msg: &str) -> PyErr {
    let misc = vm.ty(Ty::Misc);
    let d = obj::<ClassL>(misc).dict;
    let key = vm.intern("_io_UnsupportedOperation");
    let cls = match vm.dict_get_str(d, key) {
        Some(c) => c,
        None => {
            let ns = vm.new_dict();
            let m = vm.new_str("io");
            vm.dict_set_str(ns, "__module__", m);
            let bases = vm.new_tuple(&[vm.exc_type(Exc::OSError), vm.exc_type(Exc::ValueError)]);
            let meta = vm.ty(Ty::Type);
            match vm.new_class(meta, "UnsupportedOperation", bases, ns) {
                Ok(c) => { vm.dict_set_str(d, "_io_UnsupportedOperation", c); c }
                Err(e) => return e,
            }
        }
    };
    let m = vm.new_str(msg);
    match vm.call(cls, &[m]) { Ok(e) => PyErr(e), Err(e) => e }
}

fn closed_error(vm: &mut Vm) -> PyErr { vm.new_exc(Exc::ValueError, "I/O operation on closed file.") }

/// Checks `f` is a file object (for methods called through the class).
fn file_arg(vm: &mut Vm, args: &[Value], meth: &str) -> PyResult<Value> {
    match args.first() {
        Some(&f) if is_kind(f, Kind::File) => Ok(f),
        other => {
            let tn = other.map(|&v| vm.type_name(v)).unwrap_or_else(|| "nothing".into());
            Err(type_error(vm, &format!("descriptor '{meth}' requires a '_io.TextIOWrapper' object but received a '{tn}'")))
        }
    }
}

/// The index of an open file's state, or ValueError when closed.
fn open_index(vm: &mut Vm, f: Value) -> PyResult<usize> {
    let idx = vm.file_index(f);
    if idx < 3 { vm.init_std_files(); }
    match vm.files.get(idx) {
        Some(Some(st)) if !st.closed => Ok(idx),
        _ => Err(closed_error(vm)),
    }
}

fn file_opts(f: Value) -> i64 { s4(f, 3).int() }
fn is_text(f: Value) -> bool { file_opts(f) & topt::TEXT != 0 }

fn state(vm: &mut Vm, idx: usize) -> &mut FileState { vm.files[idx].as_mut().expect("open file") }

/// Reads one chunk into the read buffer; false at end of file.
fn fill_some(st: &mut FileState) -> std::io::Result<bool> {
    if st.eof { return Ok(false); }
    let mut chunk = [0u8; 8192];
    let n = match &mut st.handle {
        FileHandle::Stdin => std::io::stdin().lock().read(&mut chunk)?,
        FileHandle::Disk(f) => f.read(&mut chunk)?,
        _ => 0,
    };
    if n == 0 { st.eof = true; return Ok(false); }
    st.rbuf.extend_from_slice(&chunk[..n]);
    Ok(true)
}

/// Before reading from a file opened for update: pending writes go out first.
fn prepare_read(st: &mut FileState) -> std::io::Result<()> { st.flush() }

/// Before writing to a file opened for update: the OS position is moved back
/// over bytes read ahead, so the write lands where the reader stopped.
fn prepare_write(st: &mut FileState) -> std::io::Result<()> {
    if !st.rbuf.is_empty() {
        if let FileHandle::Disk(f) = &mut st.handle { f.seek(SeekFrom::Current(-(st.rbuf.len() as i64)))?; }
        st.rbuf.clear();
    }
    st.eof = false;
    Ok(())
}

/// Bytes of the UTF-8 sequence starting with `b` (1 for invalid lead bytes,
/// which decoding then rejects).
fn utf8_len(b: u8) -> usize {
    match b { 0xC0..=0xDF => 2, 0xE0..=0xEF => 3, 0xF0..=0xF7 => 4, _ => 1 }
}

/// Takes up to `limit` characters (all when None) from a text file's input,
/// stopping after a line end when `line`; translates `\r\n` and `\r` to
/// `\n` when `translate`. Returns the encoded bytes of the characters.
fn take_text(st: &mut FileState, limit: Option<usize>, line: bool, enc: Enc, translate: bool) -> std::io::Result<Vec<u8>> {
    prepare_read(st)?;
    if limit.is_none() && !line {
        while fill_some(st)? {}
        let all = std::mem::take(&mut st.rbuf);
        if !translate || !all.contains(&b'\r') { return Ok(all); }
        let mut out = Vec::with_capacity(all.len());
        let mut i = 0;
        while i < all.len() {
            if all[i] == b'\r' {
                out.push(b'\n');
                i += if all.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            } else { out.push(all[i]); i += 1; }
        }
        return Ok(out);
    }
    let mut out = Vec::new();
    let mut i = 0;
    let mut count = 0;
    loop {
        if limit.is_some_and(|n| count >= n) { break; }
        if i >= st.rbuf.len() {
            if !fill_some(st)? { break; }
            continue;
        }
        let b = st.rbuf[i];
        if b == b'\r' && translate {
            if i + 1 >= st.rbuf.len() && !st.eof { fill_some(st)?; continue; }
            i += if st.rbuf.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            out.push(b'\n');
            count += 1;
            if line { break; }
            continue;
        }
        let clen = if enc == Enc::Utf8 { utf8_len(b) } else { 1 };
        if i + clen > st.rbuf.len() && !st.eof { fill_some(st)?; continue; }
        let end = (i + clen).min(st.rbuf.len());
        out.extend_from_slice(&st.rbuf[i..end]);
        i = end;
        count += 1;
        if line && b == b'\n' { break; }
    }
    // FIXME: FileState has no read cursor, so consuming from the front
    // moves the rest of the (at most a few KiB) buffer.
    st.rbuf.drain(..i);
    Ok(out)
}

/// Takes up to `limit` bytes (all when None), stopping after `\n` when `line`.
fn take_bytes(st: &mut FileState, limit: Option<usize>, line: bool) -> std::io::Result<Vec<u8>> {
    prepare_read(st)?;
    loop {
        let have = st.rbuf.len();
        let done = match (limit, line) {
            (Some(n), _) if have >= n => true,
            (_, true) => st.rbuf.contains(&b'\n'),
            _ => false,
        };
        if done || !fill_some(st)? { break; }
    }
    let mut n = limit.unwrap_or(usize::MAX).min(st.rbuf.len());
    if line {
        if let Some(p) = st.rbuf[..n].iter().position(|&c| c == b'\n') { n = p + 1; }
    }
    Ok(st.rbuf.drain(..n).collect())
}

fn decode_text(vm: &mut Vm, bytes: Vec<u8>, enc: Enc) -> PyResult {
    match enc {
        Enc::Utf8 => match String::from_utf8(bytes) {
            Ok(s) => Ok(vm.new_str(&s)),
            Err(e) => {
                let pos = e.utf8_error().valid_up_to();
                let b = e.as_bytes()[pos];
                Err(vm.new_exc(Exc::UnicodeDecodeError, &format!("'utf-8' codec can't decode byte {b:#04x} in position {pos}: invalid start byte")))
            }
        },
        Enc::Latin1 => { let s: String = bytes.iter().map(|&b| b as char).collect(); Ok(vm.new_str(&s)) }
        Enc::Ascii => {
            if let Some(pos) = bytes.iter().position(|&b| b >= 0x80) {
                let b = bytes[pos];
                return Err(vm.new_exc(Exc::UnicodeDecodeError, &format!("'ascii' codec can't decode byte {b:#04x} in position {pos}: ordinal not in range(128)")));
            }
            Ok(vm.new_str(std::str::from_utf8(&bytes).unwrap_or("")))
        }
    }
}

fn encode_text(vm: &mut Vm, s: &str, opts: i64) -> PyResult<Vec<u8>> {
    let s: std::borrow::Cow<str> = if opts & topt::CRLF != 0 { s.replace('\n', "\r\n").into() }
        else if opts & topt::CR != 0 { s.replace('\n', "\r").into() } else { s.into() };
    match enc_of(opts) {
        Enc::Utf8 => Ok(s.as_bytes().to_vec()),
        enc => {
            let (limit, name) = if enc == Enc::Latin1 { (256, "latin-1") } else { (128, "ascii") };
            let mut out = Vec::with_capacity(s.len());
            for (pos, c) in s.chars().enumerate() {
                if (c as u32) >= limit {
                    let r = skiff_vm::strfmt::repr_str(&c.to_string());
                    return Err(vm.new_exc(Exc::UnicodeEncodeError, &format!(
                        "'{name}' codec can't encode character {} in position {pos}: ordinal not in range({limit})", &r[1..r.len() - 1])));
                }
                out.push(c as u32 as u8);
            }
            Ok(out)
        }
    }
}

/// Writes raw bytes to an open file.
fn write_raw(vm: &mut Vm, idx: usize, data: &[u8]) -> PyResult<()> {
    if !state(vm, idx).writable { return Err(unsupported_operation(vm, "not writable")); }
    if idx == 2 {
        // Keep stdout and stderr interleaved in program order.
        if let Some(out) = vm.files[1].as_mut() { let _ = out.flush(); }
    }
    let st = state(vm, idx);
    if st.wbuf.len() + data.len() > GREEN_WRITE_MIN && matches!(st.handle, FileHandle::Disk(_)) && vm.green_io_ok() {
        let r = prepare_write(state(vm, idx));
        r.map_err(|e| vm.os_error(&e, None))?;
        let st = state(vm, idx);
        let mut buf = std::mem::take(&mut st.wbuf);
        buf.extend_from_slice(data);
        return green_write(vm, idx, buf);
    }
    let st = state(vm, idx);
    let r = prepare_write(st).and_then(|_| st.write(data));
    r.map_err(|e| vm.os_error(&e, None))
}

/// Buffered output at least this large is written on the blocking pool
/// when other tasklets could run meanwhile (smaller writes just buffer).
const GREEN_WRITE_MIN: usize = 1 << 16;

/// Reads ahead into a disk file's buffer on the blocking pool, while other
/// tasklets run, until `enough(buffer)` or end of file. Does nothing when no
/// other tasklet could run (the caller's synchronous read is cheaper then).
fn green_fill(vm: &mut Vm, idx: usize, enough: impl Fn(&[u8]) -> bool) -> PyResult<()> {
    loop {
        let st = state(vm, idx);
        if st.eof || !st.wbuf.is_empty() || enough(&st.rbuf) { return Ok(()); }
        if !matches!(st.handle, FileHandle::Disk(_)) || !vm.green_io_ok() { return Ok(()); }
        let FileHandle::Disk(file) = &state(vm, idx).handle else { return Ok(()) };
        // A duplicate descriptor shares the file offset with the original.
        let mut dup = file.try_clone().map_err(|e| vm.os_error(&e, None))?;
        let job: skiff_vm::sched::IoJob = Box::new(move || {
            let mut chunk = vec![0u8; 1 << 16];
            let r = dup.read(&mut chunk);
            Box::new(move |vm: &mut Vm| {
                let n = r?;
                // The file may have been closed meanwhile (indices are never reused).
                if let Some(Some(st)) = vm.files.get_mut(idx) {
                    if n == 0 { st.eof = true; } else { st.rbuf.extend_from_slice(&chunk[..n]); }
                }
                Ok(())
            })
        });
        vm.green_io(job)?.map_err(|e| vm.os_error(&e, None))?;
    }
}

/// Writes `buf` to a disk file on the blocking pool while other tasklets run.
fn green_write(vm: &mut Vm, idx: usize, buf: Vec<u8>) -> PyResult<()> {
    let FileHandle::Disk(file) = &state(vm, idx).handle else { return Ok(()) };
    let mut dup = file.try_clone().map_err(|e| vm.os_error(&e, None))?;
    let job: skiff_vm::sched::IoJob = Box::new(move || {
        let r = dup.write_all(&buf);
        Box::new(move |_vm: &mut Vm| r)
    });
    vm.green_io(job)?.map_err(|e| vm.os_error(&e, None))
}

/// Writes a str to a native text file (print(), input() prompts).
fn file_write_text(vm: &mut Vm, f: Value, s: &str) -> PyResult<()> {
    let idx = open_index(vm, f)?;
    if !is_text(f) {
        return Err(type_error(vm, "a bytes-like object is required, not 'str'"));
    }
    let data = encode_text(vm, s, file_opts(f))?;
    write_raw(vm, idx, &data)
}

fn file_flush(vm: &mut Vm, f: Value) -> PyResult<()> {
    let idx = open_index(vm, f)?;
    let st = state(vm, idx);
    if !st.wbuf.is_empty() && matches!(st.handle, FileHandle::Disk(_)) && vm.green_io_ok() {
        let buf = std::mem::take(&mut state(vm, idx).wbuf);
        return green_write(vm, idx, buf);
    }
    let r = state(vm, idx).flush();
    r.map_err(|e| vm.os_error(&e, None))
}

/// A `size` argument: None or negative means "everything".
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(x) if x == Value::NONE => Ok(None),
        Some(x) => {
            let n = index_bigint(vm, x)?;
            Ok(if n.is_negative() { None } else { Some(n.to_usize().unwrap_or(usize::MAX)) })
        }
    }
}

fn readable_index(vm: &mut Vm, f: Value) -> PyResult<usize> {
    let idx = open_index(vm, f)?;
    if !state(vm, idx).readable { return Err(unsupported_operation(vm, "not readable")); }
    Ok(idx)
}

/// One line (or up to `limit` characters/bytes of it) as a str or bytes.
fn file_readline_value(vm: &mut Vm, f: Value, limit: Option<usize>) -> PyResult {
    let idx = readable_index(vm, f)?;
    let opts = file_opts(f);
    let want = limit.map(|n| if opts & topt::TEXT != 0 { n.saturating_mul(4) } else { n });
    green_fill(vm, idx, move |b| b.contains(&b'\n') || b.contains(&b'\r') || want.is_some_and(|n| b.len() >= n))?;
    if opts & topt::TEXT != 0 {
        let r = take_text(state(vm, idx), limit, true, enc_of(opts), opts & topt::TRANSLATE != 0);
        let bytes = r.map_err(|e| vm.os_error(&e, None))?;
        decode_text(vm, bytes, enc_of(opts))
    } else {
        let r = take_bytes(state(vm, idx), limit, true);
        let bytes = r.map_err(|e| vm.os_error(&e, None))?;
        Ok(vm.new_bytes(&bytes))
    }
}

fn f_read(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "read")?;
    let p = ArgParser::new("read", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let limit = size_arg(vm, p.pos.first().copied())?;
    let idx = readable_index(vm, f)?;
    let opts = file_opts(f);
    let want = limit.map(|n| if opts & topt::TEXT != 0 { n.saturating_mul(4) } else { n });
    green_fill(vm, idx, move |b| want.is_some_and(|n| b.len() >= n))?;
    if opts & topt::TEXT != 0 {
        let r = take_text(state(vm, idx), limit, false, enc_of(opts), opts & topt::TRANSLATE != 0);
        let bytes = r.map_err(|e| vm.os_error(&e, None))?;
        decode_text(vm, bytes, enc_of(opts))
    } else {
        let r = take_bytes(state(vm, idx), limit, false);
        let bytes = r.map_err(|e| vm.os_error(&e, None))?;
        Ok(vm.new_bytes(&bytes))
    }
}

fn f_readline(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "readline")?;
    let p = ArgParser::new("readline", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let limit = size_arg(vm, p.pos.first().copied())?;
    file_readline_value(vm, f, limit)
}

fn line_is_empty(v: Value) -> bool {
    if is_kind(v, Kind::Str) { obj::<StrL>(v).nbytes == 0 } else { is_kind(v, Kind::Bytes) && obj::<BytesL>(v).len == 0 }
}

fn f_readlines(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "readlines")?;
    let p = ArgParser::new("readlines", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 0, 1)?;
    let hint = size_arg(vm, p.pos.first().copied())?.filter(|&h| h > 0);
    let l = vm.new_list(&[]);
    let mut total = 0usize;
    loop {
        let line = file_readline_value(vm, f, None)?;
        if line_is_empty(line) { break; }
        total += if vm.is_str(line) { obj::<StrL>(line).nchars } else { obj::<BytesL>(line).len };
        vm.list_append(l, line);
        if hint.is_some_and(|h| total >= h) { break; }
    }
    Ok(l)
}

fn f_write(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "write")?;
    let p = ArgParser::new("write", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    let v = p.pos[0];
    let idx = open_index(vm, f)?;
    if is_text(f) {
        if !vm.is_str(v) {
            let tn = vm.type_name(v);
            return Err(type_error(vm, &format!("write() argument must be str, not {tn}")));
        }
        let n = obj::<StrL>(v).nchars;
        let data = encode_text(vm, str_ref(v), file_opts(f))?;
        write_raw(vm, idx, &data)?;
        Ok(vm.new_int(n as i64))
    } else {
        let Some(data) = vm.bytes_like(v) else {
            let tn = vm.type_name(v);
            return Err(type_error(vm, &format!("a bytes-like object is required, not '{tn}'")));
        };
        write_raw(vm, idx, &data)?;
        Ok(vm.new_int(data.len() as i64))
    }
}

fn f_writelines(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "writelines")?;
    let p = ArgParser::new("writelines", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 1)?;
    open_index(vm, f)?;
    let it = vm.get_iter(p.pos[0])?;
    while let Some(line) = vm.next(it)? {
        f_write(vm, &[f, line], Value::NULL)?;
    }
    Ok(Value::NONE)
}

fn f_flush(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "flush")?;
    file_flush(vm, f)?;
    Ok(Value::NONE)
}

fn f_close(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "close")?;
    let idx = vm.file_index(f);
    if idx < 3 { vm.init_std_files(); }
    let r = match vm.files.get_mut(idx) {
        Some(Some(st)) if !st.closed => {
            let r = st.flush();
            st.closed = true;
            r
        }
        _ => return Ok(Value::NONE),
    };
    // Dropping a disk file's state closes the OS file; the standard streams
    // stay (closed) so the VM's final flush still finds them.
    if idx >= 3 { vm.files[idx] = None; }
    r.map_err(|e| vm.os_error(&e, None))?;
    Ok(Value::NONE)
}

fn f_enter(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "__enter__")?;
    open_index(vm, f)?;
    Ok(f)
}

fn f_exit(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "__exit__")?;
    f_close(vm, &[f], Value::NULL)?;
    Ok(Value::NONE)
}

fn f_iter(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "__iter__")?;
    open_index(vm, f)?;
    Ok(f)
}

fn f_next(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "__next__")?;
    let line = file_readline_value(vm, f, None)?;
    if line_is_empty(line) { return Err(vm.stop_iteration(Value::NONE)); }
    Ok(line)
}

fn f_tell(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "tell")?;
    let idx = open_index(vm, f)?;
    let st = state(vm, idx);
    let r = match &mut st.handle {
        FileHandle::Disk(file) => {
            let (ahead, pending) = (st.rbuf.len() as u64, st.wbuf.len() as u64);
            file.stream_position().map(|p| Some(p + pending - ahead))
        }
        _ => Ok(None),
    };
    match r {
        Ok(Some(p)) => Ok(vm.new_int(p as i64)),
        Ok(None) => Err(unsupported_operation(vm, "underlying stream is not seekable")),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn f_seek(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "seek")?;
    let p = ArgParser::new("seek", &args[1..], kwnames);
    no_kw(vm, &p)?;
    p.expect(vm, 1, 2)?;
    let off = index_bigint(vm, p.pos[0])?.to_i64().unwrap_or(i64::MAX);
    let whence = match p.pos.get(1) { Some(&w) => index_bigint(vm, w)?.to_i64().unwrap_or(-1), None => 0 };
    let pos = match whence {
        0 if off < 0 => return Err(vm.new_exc(Exc::ValueError, &format!("negative seek position {off}"))),
        0 => SeekFrom::Start(off as u64),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(vm.new_exc(Exc::ValueError, &format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    let idx = open_index(vm, f)?;
    let st = state(vm, idx);
    let r = st.flush().and_then(|_| {
        let ahead = st.rbuf.len() as i64;
        let r = match (&mut st.handle, pos) {
            (FileHandle::Disk(file), SeekFrom::Current(o)) => file.seek(SeekFrom::Current(o - ahead)).map(Some),
            (FileHandle::Disk(file), pos) => file.seek(pos).map(Some),
            _ => Ok(None),
        };
        if let Ok(Some(_)) = r { st.rbuf.clear(); st.eof = false; }
        r
    });
    match r {
        Ok(Some(p)) => Ok(vm.new_int(p as i64)),
        Ok(None) => Err(unsupported_operation(vm, "underlying stream is not seekable")),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn f_readable(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "readable")?;
    let idx = open_index(vm, f)?;
    Ok(Value::bool(state(vm, idx).readable))
}

fn f_writable(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "writable")?;
    let idx = open_index(vm, f)?;
    Ok(Value::bool(state(vm, idx).writable))
}

fn f_seekable(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "seekable")?;
    let idx = open_index(vm, f)?;
    Ok(Value::bool(matches!(state(vm, idx).handle, FileHandle::Disk(_))))
}

fn f_isatty(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    use std::io::IsTerminal;
    let f = file_arg(vm, args, "isatty")?;
    let idx = open_index(vm, f)?;
    let t = match &state(vm, idx).handle {
        FileHandle::Stdin => std::io::stdin().is_terminal(),
        FileHandle::Stdout => std::io::stdout().is_terminal(),
        FileHandle::Stderr => std::io::stderr().is_terminal(),
        FileHandle::Disk(file) => file.is_terminal(),
    };
    Ok(Value::bool(t))
}

fn f_fileno(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "fileno")?;
    let idx = open_index(vm, f)?;
    let fd: i64 = match &state(vm, idx).handle {
        FileHandle::Stdin => 0,
        FileHandle::Stdout => 1,
        FileHandle::Stderr => 2,
        #[cfg(unix)]
        FileHandle::Disk(file) => { use std::os::unix::io::AsRawFd; file.as_raw_fd() as i64 }
        #[cfg(not(unix))]
        FileHandle::Disk(_) => -1,
    };
    Ok(vm.new_int(fd))
}

fn f_repr(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "__repr__")?;
    let name = vm.repr_string(s4(f, 0))?;
    let mode = str_ref(s4(f, 1)).to_string();
    let s = if is_text(f) {
        let enc = encoding_name(file_opts(f));
        format!("<_io.TextIOWrapper name={name} mode='{mode}' encoding='{enc}'>")
    } else {
        let kind = if mode.contains('r') && !mode.contains('+') { "BufferedReader" }
            else if mode.contains('+') { "BufferedRandom" } else { "BufferedWriter" };
        format!("<_io.{kind} name={name}>")
    };
    Ok(vm.new_str(&s))
}

fn encoding_name(opts: i64) -> &'static str {
    if opts & topt::DEFAULT_ENC != 0 { return "UTF-8"; }
    match enc_of(opts) { Enc::Utf8 => "utf-8", Enc::Latin1 => "latin-1", Enc::Ascii => "ascii" }
}

fn f_closed(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "closed")?;
    let idx = vm.file_index(f);
    if idx < 3 { vm.init_std_files(); }
    let open = matches!(vm.files.get(idx), Some(Some(st)) if !st.closed);
    Ok(Value::bool(!open))
}

fn f_name(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult { Ok(s4(file_arg(vm, args, "name")?, 0)) }
fn f_mode(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult { Ok(s4(file_arg(vm, args, "mode")?, 1)) }
fn f_encoding(vm: &mut Vm, args: &[Value], _kwnames: Value) -> PyResult {
    let f = file_arg(vm, args, "encoding")?;
    Ok(vm.new_str(encoding_name(file_opts(f))))
}

fn init_file_classes(vm: &mut Vm) {
    let methods: &[(&str, skiff_vm::NativeFn)] = &[
        ("read", f_read), ("readline", f_readline), ("readlines", f_readlines), ("write", f_write),
        ("writelines", f_writelines), ("flush", f_flush), ("close", f_close), ("__enter__", f_enter),
        ("__exit__", f_exit), ("__iter__", f_iter), ("__next__", f_next), ("tell", f_tell), ("seek", f_seek),
        ("readable", f_readable), ("writable", f_writable), ("seekable", f_seekable), ("isatty", f_isatty),
        ("fileno", f_fileno), ("__repr__", f_repr),
    ];
    let props: &[(&str, skiff_vm::NativeFn)] = &[("closed", f_closed), ("name", f_name), ("mode", f_mode)];
    let io_mod = vm.new_str("_io");
    for t in [Ty::TextFile, Ty::BinaryFile] {
        let cls = vm.ty(t);
        set_field!(cls, ClassL, module, io_mod);
        for &(name, f) in methods { vm.add_method(cls, name, f); }
        for &(name, f) in props { add_property(vm, cls, name, f); }
    }
    add_property(vm, vm.ty(Ty::TextFile), "encoding", f_encoding);
    // The classes changed after bootstrap: drop any cached lookups.
    for t in [Ty::TextFile, Ty::BinaryFile] { let c = vm.ty(t); vm.invalidate_class(c); }
}

/// Adds a read-only property whose getter is a native function.
fn add_property(vm: &mut Vm, cls: Value, name: &str, f: skiff_vm::NativeFn) {
    let getter = vm.new_builtin(name, f, Value::NULL);
    let prop = vm.new_obj4(Kind::Property, vm.ty(Ty::Property), [getter, Value::NULL, Value::NULL, Value::NULL]);
    let d = obj::<ClassL>(cls).dict;
    vm.dict_set_str(d, name, prop);
}
