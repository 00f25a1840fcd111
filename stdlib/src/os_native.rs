//! The `_os` module: the system calls behind the pure-Python `os` module
//! (stdlib/lib/os.py), written with `std` only.
//!
//! Paths may be str, bytes or objects with `__fspath__`; functions that
//! return names (`listdir`, `readlink`, `getcwd`) give bytes for a bytes
//! argument as CPython does. Failures raise the OSError subclass CPython
//! picks for the errno, with the path argument as `filename` (and the
//! second path as `filename2` for `rename`/`replace`/`symlink`).
//!
//! `stat`/`lstat` return a plain tuple that os.py wraps in `stat_result`:
//! (mode, ino, dev, nlink, uid, gid, size, atime_ns, mtime_ns, ctime_ns,
//! blksize, blocks, rdev).
//!
//! The environment is read with `std::env::vars_os` and changed with
//! `std::env::set_var`/`remove_var`; skiff runs Python code on one thread,
//! so nothing reads the environment concurrently.

use skiff_vm::call::ArgParser;
use skiff_vm::heap::*;
use skiff_vm::names::N;
use skiff_vm::{Exc, NativeFn, PyErr, PyResult, Value, Vm};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::MetadataExt;
use std::path::PathBuf;

pub fn init(vm: &mut Vm, d: Value) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("getcwd", o_getcwd), ("getcwdb", o_getcwdb), ("chdir", o_chdir), ("listdir", o_listdir),
        ("mkdir", o_mkdir), ("rmdir", o_rmdir), ("unlink", o_unlink), ("remove", o_unlink), ("rename", o_rename),
        ("stat", o_stat), ("lstat", o_lstat), ("readlink", o_readlink), ("symlink", o_symlink),
        ("environ", o_environ), ("putenv", o_putenv), ("unsetenv", o_unsetenv),
        ("getpid", o_getpid), ("getppid", o_getppid), ("cpu_count", o_cpu_count),
        ("urandom", o_urandom), ("strerror", o_strerror), ("chmod", o_chmod), ("utime_ns", o_utime_ns),
    ];
    for &(name, f) in fns { vm.add_module_fn(d, name, f); }
    Ok(())
}

// -- arguments and errors --------------------------------------------------------------

/// A path argument: the path and whether it was given as bytes.
fn path_arg(vm: &mut Vm, fname: &str, v: Value, what: &str) -> PyResult<(PathBuf, bool)> {
    let mut v = v;
    if !(vm.is_str(v) || (v.is_ref() && kind_of(v) == Kind::Bytes)) {
        let cls = vm.type_of(v);
        if let Some(m) = vm.lookup_type(cls, vm.n(N::fspath)) {
            let r = vm.call(m, &[v])?;
            if !(vm.is_str(r) || (r.is_ref() && kind_of(r) == Kind::Bytes)) {
                let (tn, rn) = (vm.type_name(v), vm.type_name(r));
                return Err(vm.new_exc(Exc::TypeError, &format!("expected {tn}.__fspath__() to return str or bytes, not {rn}")));
            }
            v = r;
        } else {
            let tn = vm.type_name(v);
            return Err(vm.new_exc(Exc::TypeError, &format!("{fname}: {what} should be string, bytes or os.PathLike, not {tn}")));
        }
    }
    if vm.is_str(v) {
        let s = str_ref(v);
        if s.contains('\0') { return Err(vm.new_exc(Exc::ValueError, &format!("{fname}: embedded null character in {what}"))); }
        Ok((PathBuf::from(s), false))
    } else {
        let b = bytes_slice(v);
        if b.contains(&0) { return Err(vm.new_exc(Exc::ValueError, &format!("{fname}: embedded null byte"))); }
        Ok((PathBuf::from(OsStr::from_bytes(b)), true))
    }
}

/// A name in the caller's flavour: bytes if the path argument was bytes.
fn os_name(vm: &mut Vm, s: &OsStr, bytes: bool) -> Value {
    if bytes { vm.new_bytes(s.as_bytes()) } else { vm.new_str(&s.to_string_lossy()) }
}

/// The OSError subclass for an errno, as CPython's `OSError.__new__` picks it.
fn exc_for_errno(errno: i32) -> Exc {
    match errno {
        1 | 13 => Exc::PermissionError,
        2 => Exc::FileNotFoundError,
        17 => Exc::FileExistsError,
        20 => Exc::NotADirectoryError,
        21 => Exc::IsADirectoryError,
        110 => Exc::TimeoutError,
        _ => Exc::OSError,
    }
}

fn strerror_text(errno: i32) -> String {
    let msg = std::io::Error::from_raw_os_error(errno).to_string();
    msg.split(" (os error").next().unwrap_or("").to_string()
}

/// OSError(errno, strerror, filename) of the right subclass; `filename2`
/// is stored as an attribute (skiff's OSError takes at most three
/// arguments, so its str shows only the first name).
fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<Value>, filename2: Option<Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let cls = vm.exc_type(exc_for_errno(errno));
    let m = vm.new_str(&strerror_text(errno));
    let r = match filename {
        Some(f) => vm.call(cls, &[Value::small(errno as i64), m, f]),
        None => vm.call(cls, &[Value::small(errno as i64), m]),
    };
    match r {
        Ok(v) => {
            if let Some(f2) = filename2 {
                let k = vm.intern("filename2");
                if let Err(e) = vm.setattr(v, k, f2) { return e; }
            }
            PyErr(v)
        }
        Err(e) => e,
    }
}

fn no_kw(vm: &mut Vm, name: &str, p: &ArgParser) -> PyResult<()> {
    if p.kwnames.is_empty() { return Ok(()); }
    Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes no keyword arguments")))
}

/// The single path argument of `name(path)`.
fn one_path(vm: &mut Vm, name: &str, args: &[Value], kwnames: Value) -> PyResult<(Value, PathBuf, bool)> {
    let p = ArgParser::new(name, args, kwnames);
    p.check_kw(vm, &["path", "dir_fd"])?;
    let Some(v) = p.get(0, "path") else {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() missing required argument 'path' (pos 1)")));
    };
    let (pb, b) = path_arg(vm, name, v, "path")?;
    Ok((v, pb, b))
}

// -- functions --------------------------------------------------------------------------

fn o_getcwd(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getcwd", args, kwnames);
    no_kw(vm, "getcwd", &p)?;
    p.expect(vm, 0, 0)?;
    match std::env::current_dir() {
        Ok(d) => Ok(os_name(vm, d.as_os_str(), false)),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn o_getcwdb(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getcwdb", args, kwnames);
    no_kw(vm, "getcwdb", &p)?;
    p.expect(vm, 0, 0)?;
    match std::env::current_dir() {
        Ok(d) => Ok(os_name(vm, d.as_os_str(), true)),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn o_chdir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (v, path, _) = one_path(vm, "chdir", args, kwnames)?;
    std::env::set_current_dir(&path).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(Value::NONE)
}

fn o_listdir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("listdir", args, kwnames);
    p.check_kw(vm, &["path"])?;
    let v = p.get(0, "path").unwrap_or(Value::NONE);
    let (path, bytes) = if v == Value::NONE { (PathBuf::from("."), false) } else { path_arg(vm, "listdir", v, "path")? };
    let rd = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, Some(if v == Value::NONE { vm.new_str(".") } else { v }), None))?;
    let out = vm.new_list(&[]);
    for ent in rd {
        let ent = ent.map_err(|e| os_error(vm, &e, Some(v), None))?;
        let name = ent.file_name();
        let s = os_name(vm, &name, bytes);
        vm.list_append(out, s);
    }
    Ok(out)
}

fn o_mkdir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("mkdir", args, kwnames);
    p.check_kw(vm, &["path", "mode", "dir_fd"])?;
    let Some(v) = p.get(0, "path") else {
        return Err(vm.new_exc(Exc::TypeError, "mkdir() missing required argument 'path' (pos 1)"));
    };
    let (path, _) = path_arg(vm, "mkdir", v, "path")?;
    let mode = match p.get(1, "mode") {
        Some(m) => vm.index_value(m)?.unwrap_or(0o777) as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&path).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(Value::NONE)
}

fn o_rmdir(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (v, path, _) = one_path(vm, "rmdir", args, kwnames)?;
    std::fs::remove_dir(&path).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(Value::NONE)
}

fn o_unlink(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (v, path, _) = one_path(vm, "remove", args, kwnames)?;
    // unlink(2) on a directory fails with EISDIR on Linux; std's
    // remove_file is unlink(2), so the error matches CPython's.
    std::fs::remove_file(&path).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(Value::NONE)
}

fn two_paths(vm: &mut Vm, name: &str, args: &[Value], kwnames: Value) -> PyResult<(Value, PathBuf, Value, PathBuf)> {
    let p = ArgParser::new(name, args, kwnames);
    p.check_kw(vm, &["src", "dst", "src_dir_fd", "dst_dir_fd"])?;
    let (Some(a), Some(b)) = (p.get(0, "src"), p.get(1, "dst")) else {
        let which = if p.get(0, "src").is_none() { "'src' (pos 1)" } else { "'dst' (pos 2)" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() missing required argument {which}")));
    };
    let (pa, _) = path_arg(vm, name, a, "src")?;
    let (pb, _) = path_arg(vm, name, b, "dst")?;
    Ok((a, pa, b, pb))
}

fn o_rename(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, pa, b, pb) = two_paths(vm, "rename", args, kwnames)?;
    std::fs::rename(&pa, &pb).map_err(|e| os_error(vm, &e, Some(a), Some(b)))?;
    Ok(Value::NONE)
}

fn o_symlink(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (a, pa, b, pb) = two_paths(vm, "symlink", args, kwnames)?;
    std::os::unix::fs::symlink(&pa, &pb).map_err(|e| os_error(vm, &e, Some(a), Some(b)))?;
    Ok(Value::NONE)
}

fn o_readlink(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (v, path, bytes) = one_path(vm, "readlink", args, kwnames)?;
    let t = std::fs::read_link(&path).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(os_name(vm, t.as_os_str(), bytes))
}

fn stat_common(vm: &mut Vm, name: &str, args: &[Value], kwnames: Value, follow: bool) -> PyResult {
    let p = ArgParser::new(name, args, kwnames);
    p.check_kw(vm, &["path", "dir_fd", "follow_symlinks"])?;
    let Some(v) = p.get(0, "path") else {
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() missing required argument 'path' (pos 1)")));
    };
    let follow = match p.kw("follow_symlinks") { Some(f) => follow && vm.truthy(f)?, None => follow };
    let (path, _) = path_arg(vm, name, v, "path")?;
    let md = if follow { std::fs::metadata(&path) } else { std::fs::symlink_metadata(&path) };
    let md = md.map_err(|e| os_error(vm, &e, Some(v), None))?;
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let mut items = [Value::NONE; 13];
    let ints: [i128; 13] = [
        md.mode() as i128, md.ino() as i128, md.dev() as i128, md.nlink() as i128, md.uid() as i128,
        md.gid() as i128, md.size() as i128, ns(md.atime(), md.atime_nsec()), ns(md.mtime(), md.mtime_nsec()),
        ns(md.ctime(), md.ctime_nsec()), md.blksize() as i128, md.blocks() as i128, md.rdev() as i128,
    ];
    for (slot, x) in items.iter_mut().zip(ints) {
        *slot = match i64::try_from(x) { Ok(i) => vm.new_int(i), Err(_) => vm.new_bigint(x.into()) };
    }
    Ok(vm.new_tuple(&items))
}

fn o_stat(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { stat_common(vm, "stat", args, kwnames, true) }
fn o_lstat(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult { stat_common(vm, "lstat", args, kwnames, false) }

fn o_chmod(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("chmod", args, kwnames);
    p.check_kw(vm, &["path", "mode", "dir_fd", "follow_symlinks"])?;
    let (Some(v), Some(m)) = (p.get(0, "path"), p.get(1, "mode")) else {
        return Err(vm.new_exc(Exc::TypeError, "chmod() missing required argument 'mode' (pos 2)"));
    };
    let (path, _) = path_arg(vm, "chmod", v, "path")?;
    let mode = vm.index_value(m)?.unwrap_or(0) as u32;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).map_err(|e| os_error(vm, &e, Some(v), None))?;
    Ok(Value::NONE)
}

/// `utime_ns(path, atime_ns, mtime_ns)`: os.py's `utime` in nanoseconds.
fn o_utime_ns(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("utime", args, kwnames);
    p.expect(vm, 3, 3)?;
    let (path, _) = path_arg(vm, "utime", p.pos[0], "path")?;
    let to_time = |vm: &mut Vm, v: Value| -> PyResult<std::time::SystemTime> {
        let ns = vm.index_value(v)?.unwrap_or(0);
        let d = std::time::Duration::from_nanos(ns.unsigned_abs());
        Ok(if ns >= 0 { std::time::UNIX_EPOCH + d } else { std::time::UNIX_EPOCH - d })
    };
    let (a, m) = (to_time(vm, p.pos[1])?, to_time(vm, p.pos[2])?);
    let r = std::fs::File::options().write(true).open(&path).or_else(|_| std::fs::File::open(&path))
        .and_then(|f| f.set_times(std::fs::FileTimes::new().set_accessed(a).set_modified(m)));
    r.map_err(|e| os_error(vm, &e, Some(p.pos[0]), None))?;
    Ok(Value::NONE)
}

fn o_environ(vm: &mut Vm, _args: &[Value], _kwnames: Value) -> PyResult {
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let (ks, vs) = (vm.new_str(&k.to_string_lossy()), vm.new_str(&v.to_string_lossy()));
        vm.dict_set(d, ks, vs)?;
    }
    Ok(d)
}

/// An environment name or value: a str, or bytes.
fn env_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<OsString> {
    if vm.is_str(v) { return Ok(OsString::from(str_ref(v))); }
    if v.is_ref() && kind_of(v) == Kind::Bytes { return Ok(OsString::from_vec(bytes_slice(v).to_vec())); }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("{what}: str expected, not {tn}")))
}

fn o_putenv(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("putenv", args, kwnames);
    no_kw(vm, "putenv", &p)?;
    p.expect(vm, 2, 2)?;
    let k = env_arg(vm, p.pos[0], "putenv() argument 1")?;
    let v = env_arg(vm, p.pos[1], "putenv() argument 2")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.new_exc(Exc::ValueError, "illegal environment variable name"));
    }
    if k.as_bytes().contains(&0) || v.as_bytes().contains(&0) {
        return Err(vm.new_exc(Exc::ValueError, "embedded null byte"));
    }
    std::env::set_var(&k, &v);
    Ok(Value::NONE)
}

fn o_unsetenv(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("unsetenv", args, kwnames);
    no_kw(vm, "unsetenv", &p)?;
    p.expect(vm, 1, 1)?;
    let k = env_arg(vm, p.pos[0], "unsetenv() argument")?;
    if k.is_empty() || k.as_bytes().contains(&b'=') {
        return Err(vm.new_exc(Exc::ValueError, "illegal environment variable name"));
    }
    if k.as_bytes().contains(&0) { return Err(vm.new_exc(Exc::ValueError, "embedded null byte")); }
    std::env::remove_var(&k);
    Ok(Value::NONE)
}

fn o_getpid(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getpid", args, kwnames);
    p.expect(vm, 0, 0)?;
    Ok(vm.new_int(std::process::id() as i64))
}

fn o_getppid(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("getppid", args, kwnames);
    p.expect(vm, 0, 0)?;
    Ok(vm.new_int(std::os::unix::process::parent_id() as i64))
}

/// The number of online CPUs (CPython uses sysconf(_SC_NPROCESSORS_ONLN),
/// which ignores the affinity mask): parsed from sysfs, else std's guess.
fn o_cpu_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("cpu_count", args, kwnames);
    p.expect(vm, 0, 0)?;
    let from_sysfs = std::fs::read_to_string("/sys/devices/system/cpu/online").ok().and_then(|s| {
        let mut n = 0usize;
        for part in s.trim().split(',') {
            let mut r = part.split('-');
            let lo: usize = r.next()?.parse().ok()?;
            let hi: usize = match r.next() { Some(h) => h.parse().ok()?, None => lo };
            n += hi.checked_sub(lo)? + 1;
        }
        Some(n)
    });
    match from_sysfs.or_else(|| std::thread::available_parallelism().ok().map(|n| n.get())) {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Ok(Value::NONE),
    }
}

fn o_urandom(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("urandom", args, kwnames);
    no_kw(vm, "urandom", &p)?;
    p.expect(vm, 1, 1)?;
    let n = match vm.index_value(p.pos[0])? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(p.pos[0]);
            return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
        }
    };
    if n < 0 { return Err(vm.new_exc(Exc::ValueError, "negative argument not allowed")); }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(&buf))
}

fn o_strerror(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("strerror", args, kwnames);
    no_kw(vm, "strerror", &p)?;
    p.expect(vm, 1, 1)?;
    let Some(n) = vm.index_value(p.pos[0])? else {
        let tn = vm.type_name(p.pos[0]);
        return Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")));
    };
    let n = i32::try_from(n).unwrap_or(i32::MAX);
    Ok(vm.new_str(&strerror_text(n)))
}
