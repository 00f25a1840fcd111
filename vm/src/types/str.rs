//! Methods of the builtin `str` type: the constructor, searching and
//! splitting, case mapping and the `is*` predicates (with Unicode tables
//! generated from CPython 3.11's `unicodedata`), padding, encoding,
//! `str.format`/`format_map`, `maketrans`/`translate`, and the dunders user
//! code may call explicitly.
//!
//! Strings are UTF-8 with a character count (`StrL.nchars`); when
//! `nchars == nbytes` the string is ASCII and character indices are byte
//! offsets. Methods take indices in characters (as Python does) and convert
//! them with [`byte_offset`]/[`char_count`], keeping ASCII strings on O(1)
//! paths.
//!
//! Every method returns an exact `str` (never a subclass instance), as
//! CPython does; unchanged results reuse `self` only when it is an exact str.
//!
//! GC: the `&str` views taken from argument strings stay valid because the
//! arguments are held by the caller; result lists are built with
//! `vm.new_list` + `vm.list_append`, never kept only in a Rust `Vec`.

use crate::bytecode::CmpOp;
use crate::call::ArgParser;
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, PyErr, PyResult, Ty, Vm};

pub fn init(vm: &mut Vm) {
    let methods: &[(&str, NativeFn)] = &[
        ("split", str_split), ("rsplit", str_rsplit), ("splitlines", str_splitlines), ("join", str_join),
        ("strip", str_strip), ("lstrip", str_lstrip), ("rstrip", str_rstrip),
        ("replace", str_replace), ("find", str_find), ("rfind", str_rfind), ("index", str_index),
        ("rindex", str_rindex), ("count", str_count), ("startswith", str_startswith), ("endswith", str_endswith),
        ("upper", str_upper), ("lower", str_lower), ("title", str_title), ("capitalize", str_capitalize),
        ("swapcase", str_swapcase), ("casefold", str_casefold),
        ("isdigit", str_isdigit), ("isdecimal", str_isdecimal), ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha), ("isalnum", str_isalnum), ("isspace", str_isspace), ("isupper", str_isupper),
        ("islower", str_islower), ("istitle", str_istitle), ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable), ("isascii", str_isascii),
        ("center", str_center), ("ljust", str_ljust), ("rjust", str_rjust), ("zfill", str_zfill),
        ("partition", str_partition), ("rpartition", str_rpartition), ("expandtabs", str_expandtabs),
        ("encode", str_encode), ("format", str_format), ("format_map", str_format_map),
        ("removeprefix", str_removeprefix), ("removesuffix", str_removesuffix), ("translate", str_translate),
        ("__len__", str_len), ("__getitem__", str_getitem), ("__contains__", str_contains),
        ("__add__", str_add), ("__mul__", str_mul), ("__rmul__", str_mul), ("__mod__", str_mod),
        ("__rmod__", str_rmod), ("__hash__", str_hash), ("__iter__", str_iter), ("__repr__", str_repr),
        ("__str__", str_str), ("__format__", str_dunder_format), ("__getnewargs__", str_getnewargs),
        ("__eq__", str_eq), ("__ne__", str_ne), ("__lt__", str_lt), ("__le__", str_le), ("__gt__", str_gt),
        ("__ge__", str_ge), ("__sizeof__", str_sizeof),
    ];
    for &(name, f) in methods { vm.add_ty_method(Ty::Str, name, f); }
    let cls = vm.ty(Ty::Str);
    vm.add_static(cls, "__new__", str_new, false);
    vm.add_static(cls, "maketrans", str_maketrans, false);
}

// ---------------------------------------------------------------------------
// Argument helpers (shared with bytes.rs)

/// `self` of a `str` method, with CPython's descriptor errors.
fn this<'a>(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'a str> {
    match args.first() {
        Some(&v) if vm.is_str(v) => Ok(str_ref(v)),
        Some(&v) => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("descriptor '{name}' for 'str' objects doesn't apply to a '{tn}' object")))
        }
        None => Err(vm.new_exc(Exc::TypeError, &format!("unbound method str.{name}() needs an argument"))),
    }
}

/// Whether a str value is ASCII (character index == byte offset).
fn is_ascii_val(v: Value) -> bool {
    let o = obj::<StrL>(v);
    o.nchars == o.nbytes
}

/// The number of characters of a str value.
fn nchars(v: Value) -> usize { obj::<StrL>(v).nchars }

/// Errors unless no keyword arguments were passed.
pub(crate) fn no_kw(vm: &mut Vm, kwnames: Value, qual: &str) -> PyResult<()> {
    if !kwnames.is_null() && !tuple_slice(kwnames).is_empty() {
        return Err(vm.new_exc(Exc::TypeError, &format!("{qual}() takes no keyword arguments")));
    }
    Ok(())
}

/// METH_NOARGS: `self` only.
fn noargs<'a>(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<&'a str> {
    let s = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("str.{name}"))?; }
    if args.len() != 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("str.{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(s)
}

/// METH_O: exactly one argument after self.
pub(crate) fn one_arg(vm: &mut Vm, args: &[Value], kwnames: Value, qual: &str) -> PyResult<Value> {
    no_kw(vm, kwnames, qual)?;
    if args.len() != 2 {
        return Err(vm.new_exc(Exc::TypeError, &format!("{qual}() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    Ok(args[1])
}

/// Argument Clinic positional check: "NAME expected at least N arguments, got M".
pub(crate) fn check_positional(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name} expected at least {min} argument{s}, got {n}")));
    }
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name} expected at most {max} argument{s}, got {n}")));
    }
    Ok(())
}

/// PyArg_ParseTuple-style count check: "NAME() takes at least N argument (M given)".
pub(crate) fn check_tuple_args(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n < min {
        let s = if min == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes at least {min} argument{s} ({n} given)")));
    }
    if n > max {
        let s = if max == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes at most {max} argument{s} ({n} given)")));
    }
    Ok(())
}

/// Keyword-capable methods: unknown keywords and too many positionals.
pub(crate) fn check_kw_args(vm: &mut Vm, p: &ArgParser, name: &str, allowed: &[&str]) -> PyResult<()> {
    for &k in p.kwnames {
        let ks = str_ref(k);
        if !allowed.contains(&ks) {
            return Err(vm.new_exc(Exc::TypeError, &format!("'{ks}' is an invalid keyword argument for {name}()")));
        }
    }
    let n = p.pos.len();
    if n > allowed.len() {
        let m = allowed.len();
        let s = if m == 1 { "" } else { "s" };
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() takes at most {m} argument{s} ({n} given)")));
    }
    for (i, &k) in allowed.iter().enumerate() {
        if i < n && p.kw(k).is_some() {
            return Err(vm.new_exc(Exc::TypeError, &format!("argument for {name}() given by name ('{k}') and position ({})", i + 1)));
        }
    }
    Ok(())
}

/// An `__index__` integer argument (a C `Py_ssize_t`), with CPython's
/// TypeError and OverflowError.
pub(crate) fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_ref() && kind_of(v) == Kind::BigInt {
        return Err(vm.new_exc(Exc::OverflowError, "Python int too large to convert to C ssize_t"));
    }
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
        }
    }
}

/// A start/end argument of find-like methods: None or an index.
pub(crate) fn slice_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v == Value::NONE => Ok(None),
        Some(v) => match vm.index_value(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(vm.new_exc(Exc::TypeError, "slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's ADJUST_INDICES: clamps `start`/`end` against `len`.
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len { e = len; } else if e < 0 { e += len; if e < 0 { e = 0; } }
    if s < 0 { s += len; if s < 0 { s = 0; } }
    (s, e)
}

/// Byte offset of character `i` in `s` (the end when past it).
pub fn byte_offset(s: &str, ascii: bool, i: usize) -> usize {
    if ascii { return i.min(s.len()); }
    s.char_indices().nth(i).map(|(o, _)| o).unwrap_or(s.len())
}

/// Number of characters in `s[..b]`.
pub fn char_count(s: &str, ascii: bool, b: usize) -> usize {
    if ascii { b } else { s[..b].chars().count() }
}

/// A str result that may be `self` unchanged: reuses `v` when it is an
/// exact str, else copies it.
fn unchanged(vm: &mut Vm, v: Value) -> Value {
    if cls_of(v) == vm.ty(Ty::Str) { v } else { let s = str_ref(v).to_string(); vm.new_str(&s) }
}

/// A new str of class `cls` (a str subclass) with contents `s`.
fn new_str_of(vm: &mut Vm, s: &str, cls: Value) -> Value {
    if cls == vm.ty(Ty::Str) { return vm.new_str(s); }
    let v = if s.is_empty() {
        let v = vm.alloc(Kind::Str, cls, std::mem::size_of::<StrL>());
        let o = obj::<StrL>(v);
        o.hash = -1;
        o.nbytes = 0;
        o.nchars = 0;
        v
    } else {
        vm.new_str(s)
    };
    set_field!(v, ObjHead, cls, cls);
    v
}

/// A list of new strs.
/// A list of new strs for `parts`, slices of the str `src`. The slices may
/// sit in a Rust Vec, which the collector does not scan, so `src` is kept
/// in a live local until the end: the conservative scan pins the string
/// the slices point into while the new strs are allocated.
fn str_list(vm: &mut Vm, src: &str, parts: &[&str]) -> Value {
    let l = vm.new_list_cap(parts.len());
    for p in parts {
        let s = vm.new_str(p);
        vm.list_append(l, s);
    }
    std::hint::black_box(src);
    l
}

/// Python's `str.isspace` for one character.
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's line boundaries (`str.splitlines`).
fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn must_be_str(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    if vm.is_str(v) { return Ok(str_ref(v)); }
    let tn = vm.type_name(v);
    Err(vm.new_exc(Exc::TypeError, &format!("must be str, not {tn}")))
}

// ---------------------------------------------------------------------------
// Constructor and dunders

fn str_new(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let p = ArgParser::new("str", args, kwnames);
    let Some(&cls) = p.pos.first() else {
        return Err(vm.new_exc(Exc::TypeError, "str.__new__(): not enough arguments"));
    };
    if !vm.is_class(cls) || !vm.is_subclass(cls, vm.ty(Ty::Str)) {
        return Err(vm.new_exc(Exc::TypeError, "str.__new__(X): X is not a subtype of str"));
    }
    let rest = ArgParser { name: "str", pos: &p.pos[1..], kwnames: p.kwnames, kwvals: p.kwvals };
    check_kw_args(vm, &rest, "str", &["object", "encoding", "errors"])?;
    let object = rest.get(0, "object");
    let encoding = rest.get(1, "encoding");
    let errors = rest.get(2, "errors");
    for (v, what) in [(encoding, "encoding"), (errors, "errors")] {
        if let Some(v) = v {
            if !vm.is_str(v) {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("str() argument '{what}' must be str, not {tn}")));
            }
        }
    }
    let s: String = if encoding.is_some() || errors.is_some() {
        match object {
            None => String::new(),
            Some(o) if vm.is_str(o) => return Err(vm.new_exc(Exc::TypeError, "decoding str is not supported")),
            Some(o) => match vm.bytes_like(o) {
                Some(data) => {
                    let enc = encoding.map(str_ref).unwrap_or("utf-8");
                    let err = errors.map(str_ref).unwrap_or("strict");
                    crate::types::bytes::decode_bytes(vm, &data, enc, err)?
                }
                None => {
                    let tn = vm.type_name(o);
                    return Err(vm.new_exc(Exc::TypeError, &format!("decoding to str: need a bytes-like object, {tn} found")));
                }
            },
        }
    } else {
        match object {
            None => String::new(),
            Some(o) => {
                let r = vm.to_str(o)?;
                if cls == vm.ty(Ty::Str) { return Ok(r); }
                str_ref(r).to_string()
            }
        }
    };
    Ok(new_str_of(vm, &s, cls))
}

fn str_len(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    this(vm, args, "__len__")?;
    no_kw(vm, kwnames, "str.__len__")?;
    if args.len() != 1 {
        return Err(vm.new_exc(Exc::TypeError, &format!("expected 0 arguments, got {}", args.len() - 1)));
    }
    Ok(Value::small(nchars(args[0]) as i64))
}

fn str_getitem(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    this(vm, args, "__getitem__")?;
    let k = one_arg(vm, args, kwnames, "str.__getitem__")?;
    crate::strfmt::str_getitem(vm, args[0], k)
}

fn str_contains(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "__contains__")?;
    let x = one_arg(vm, args, kwnames, "str.__contains__")?;
    if !vm.is_str(x) {
        let tn = vm.type_name(x);
        return Err(vm.new_exc(Exc::TypeError, &format!("'in <string>' requires string as left operand, not {tn}")));
    }
    Ok(Value::bool(s.contains(str_ref(x))))
}

fn str_add(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "__add__")?;
    let o = one_arg(vm, args, kwnames, "str.__add__")?;
    if !vm.is_str(o) {
        let tn = vm.type_name(o);
        return Err(vm.new_exc(Exc::TypeError, &format!("can only concatenate str (not \"{tn}\") to str")));
    }
    let mut r = String::with_capacity(s.len() + str_bytes(o).len());
    r.push_str(s);
    r.push_str(str_ref(o));
    Ok(vm.new_str(&r))
}

fn str_mul(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "__mul__")?;
    let n = one_arg(vm, args, kwnames, "str.__mul__")?;
    let n = index_arg(vm, n)?;
    if n <= 0 { return Ok(vm.new_str("")); }
    if n == 1 { return Ok(unchanged(vm, args[0])); }
    if (s.len() as u128) * (n as u128) > (1u128 << 34) {
        return Err(vm.new_exc(Exc::MemoryError, ""));
    }
    let r = s.repeat(n as usize);
    Ok(vm.new_str(&r))
}

fn str_mod(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "__mod__")?;
    let a = one_arg(vm, args, kwnames, "str.__mod__")?;
    let r = crate::types::fmtspec::percent_format(vm, s, a)?;
    Ok(vm.new_str(&r))
}

fn str_rmod(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    this(vm, args, "__rmod__")?;
    let a = one_arg(vm, args, kwnames, "str.__rmod__")?;
    if !vm.is_str(a) { return Ok(Value::NOT_IMPLEMENTED); }
    let r = crate::types::fmtspec::percent_format(vm, str_ref(a), args[0])?;
    Ok(vm.new_str(&r))
}

fn str_hash(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    noargs(vm, args, kwnames, "__hash__")?;
    let h = vm.str_hash(args[0]);
    Ok(vm.new_int(h))
}

fn str_iter(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    noargs(vm, args, kwnames, "__iter__")?;
    Ok(vm.new_obj4(Kind::StrIter, vm.ty(Ty::StrIter), [args[0], Value::small(0), Value::NULL, Value::NULL]))
}

fn str_repr(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = noargs(vm, args, kwnames, "__repr__")?;
    let r = crate::strfmt::repr_str(s);
    Ok(vm.new_str(&r))
}

fn str_str(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    noargs(vm, args, kwnames, "__str__")?;
    Ok(unchanged(vm, args[0]))
}

fn str_getnewargs(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = noargs(vm, args, kwnames, "__getnewargs__")?;
    let c = vm.new_str(s);
    Ok(vm.new_tuple(&[c]))
}

fn str_sizeof(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = noargs(vm, args, kwnames, "__sizeof__")?;
    Ok(Value::small((std::mem::size_of::<StrL>() + s.len() + 1) as i64))
}

fn str_dunder_format(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    this(vm, args, "__format__")?;
    let spec = one_arg(vm, args, kwnames, "str.__format__")?;
    if !vm.is_str(spec) {
        let tn = vm.type_name(spec);
        return Err(vm.new_exc(Exc::TypeError, &format!("__format__() argument must be str, not {tn}")));
    }
    let v = args[0];
    if str_ref(spec).is_empty() { return Ok(unchanged(vm, v)); }
    let r = crate::types::fmtspec::format_builtin(vm, v, str_ref(spec))?.unwrap_or_default();
    Ok(vm.new_str(&r))
}

fn str_cmp(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, op: CmpOp) -> PyResult {
    let s = this(vm, args, name)?;
    let o = one_arg(vm, args, kwnames, &format!("str.{name}"))?;
    if !vm.is_str(o) { return Ok(Value::NOT_IMPLEMENTED); }
    Ok(Value::bool(crate::ops::cmp_result(s.as_bytes().cmp(str_bytes(o)), op)))
}
fn str_eq(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__eq__", CmpOp::Eq) }
fn str_ne(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__ne__", CmpOp::Ne) }
fn str_lt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__lt__", CmpOp::Lt) }
fn str_le(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__le__", CmpOp::Le) }
fn str_gt(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__gt__", CmpOp::Gt) }
fn str_ge(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_cmp(vm, a, k, "__ge__", CmpOp::Ge) }

// ---------------------------------------------------------------------------
// Splitting and joining

/// Reads `sep` and `maxsplit` for split/rsplit.
fn split_args(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<(Option<&'static str>, i64)> {
    this(vm, args, name)?;
    let full = ArgParser::new(name, args, kwnames);
    let rest = ArgParser { name, pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, name, &["sep", "maxsplit"])?;
    let sep = match rest.get(0, "sep") {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) if vm.is_str(v) => Some(str_ref(v)),
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.new_exc(Exc::TypeError, &format!("must be str or None, not {tn}")));
        }
    };
    let maxsplit = match rest.get(1, "maxsplit") { None => -1, Some(v) => index_arg(vm, v)? };
    if sep == Some("") { return Err(vm.new_exc(Exc::ValueError, "empty separator")); }
    Ok((sep, maxsplit))
}

/// Whitespace split from the left (`str.split()` with no separator).
fn split_ws<'a>(s: &'a str, maxsplit: i64, ws: impl Fn(char) -> bool) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| ws(c));
        if rest.is_empty() { break; }
        if maxsplit >= 0 && out.len() as i64 >= maxsplit { out.push(rest); break; }
        match rest.find(|c: char| ws(c)) {
            Some(i) => { out.push(&rest[..i]); rest = &rest[i..]; }
            None => { out.push(rest); break; }
        }
    }
    out
}

/// Whitespace split from the right (`str.rsplit()`); parts in order.
fn rsplit_ws<'a>(s: &'a str, maxsplit: i64, ws: impl Fn(char) -> bool) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(|c: char| ws(c));
        if rest.is_empty() { break; }
        if maxsplit >= 0 && out.len() as i64 >= maxsplit { out.push(rest); break; }
        match rest.rfind(|c: char| ws(c)) {
            Some(i) => {
                let w = rest[i..].chars().next().unwrap().len_utf8();
                out.push(&rest[i + w..]);
                rest = &rest[..i];
            }
            None => { out.push(rest); break; }
        }
    }
    out.reverse();
    out
}

fn str_split(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (sep, maxsplit) = split_args(vm, args, kwnames, "split")?;
    let s = str_ref(args[0]);
    let parts: Vec<&str> = match sep {
        None => split_ws(s, maxsplit, py_isspace),
        Some(sep) => if maxsplit < 0 { s.split(sep).collect() } else { s.splitn(maxsplit as usize + 1, sep).collect() },
    };
    Ok(str_list(vm, s, &parts))
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let (sep, maxsplit) = split_args(vm, args, kwnames, "rsplit")?;
    let s = str_ref(args[0]);
    let parts: Vec<&str> = match sep {
        None => rsplit_ws(s, maxsplit, py_isspace),
        Some(sep) => {
            let mut v: Vec<&str> = if maxsplit < 0 { s.rsplit(sep).collect() } else { s.rsplitn(maxsplit as usize + 1, sep).collect() };
            v.reverse();
            v
        }
    };
    Ok(str_list(vm, s, &parts))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "splitlines")?;
    let full = ArgParser::new("splitlines", args, kwnames);
    let rest = ArgParser { name: "splitlines", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "splitlines", &["keepends"])?;
    let keepends = match rest.get(0, "keepends") { None => false, Some(v) => index_arg(vm, v)? != 0 };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) { continue; }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() { it.next(); end += 1; }
        }
        parts.push(if keepends { &s[start..end] } else { &s[start..i] });
        start = end;
    }
    if start < s.len() { parts.push(&s[start..]); }
    Ok(str_list(vm, s, &parts))
}

fn str_join(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let sep = this(vm, args, "join")?;
    let it = one_arg(vm, args, kwnames, "str.join")?;
    let seq = if it.is_ref() && matches!(kind_of(it), Kind::List | Kind::Tuple) && !vm.is_heap_class(cls_of(it)) {
        it
    } else {
        match vm.collect_list(it) {
            Ok(l) => l,
            Err(e) if vm.exc_matches(e, Exc::TypeError) && !vm.is_iterable(it) => {
                return Err(vm.new_exc(Exc::TypeError, "can only join an iterable"));
            }
            Err(e) => return Err(e),
        }
    };
    let items: &[Value] = if kind_of(seq) == Kind::Tuple { tuple_slice(seq) } else { list_slice(seq) };
    if items.len() == 1 && vm.is_str(items[0]) && cls_of(items[0]) == vm.ty(Ty::Str) {
        return Ok(items[0]);
    }
    let mut out = String::new();
    for (i, &x) in items.iter().enumerate() {
        if !vm.is_str(x) {
            let tn = vm.type_name(x);
            return Err(vm.new_exc(Exc::TypeError, &format!("sequence item {i}: expected str instance, {tn} found")));
        }
        if i > 0 { out.push_str(sep); }
        out.push_str(str_ref(x));
    }
    let r = vm.new_str(&out);
    std::hint::black_box(seq);
    Ok(r)
}

fn str_partition_impl(vm: &mut Vm, args: &[Value], kwnames: Value, rev: bool) -> PyResult {
    let name = if rev { "rpartition" } else { "partition" };
    let s = this(vm, args, name)?;
    let sepv = one_arg(vm, args, kwnames, &format!("str.{name}"))?;
    let sep = must_be_str(vm, sepv)?;
    if sep.is_empty() { return Err(vm.new_exc(Exc::ValueError, "empty separator")); }
    let found = if rev { s.rfind(sep) } else { s.find(sep) };
    let (a, b, c) = match found {
        Some(i) => (&s[..i], sep, &s[i + sep.len()..]),
        None if rev => ("", "", s),
        None => (s, "", ""),
    };
    let x = vm.new_str(a);
    let y = vm.new_str(b);
    let z = vm.new_str(c);
    Ok(vm.new_tuple(&[x, y, z]))
}
fn str_partition(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_partition_impl(vm, a, k, false) }
fn str_rpartition(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { str_partition_impl(vm, a, k, true) }

// ---------------------------------------------------------------------------
// Stripping, replacing, affixes

fn strip_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, left: bool, right: bool) -> PyResult {
    let s = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("str.{name}"))?; }
    check_positional(vm, name, args.len() - 1, 0, 1)?;
    let chars = match args.get(1) {
        None => None,
        Some(&v) if v == Value::NONE => None,
        Some(&v) if vm.is_str(v) => Some(str_ref(v)),
        Some(_) => return Err(vm.new_exc(Exc::TypeError, &format!("{name} arg must be None or str"))),
    };
    let r = match chars {
        None => {
            let mut r = s;
            if left { r = r.trim_start_matches(py_isspace); }
            if right { r = r.trim_end_matches(py_isspace); }
            r
        }
        Some(cs) => {
            let set: Vec<char> = cs.chars().collect();
            let mut r = s;
            if left { r = r.trim_start_matches(|c| set.contains(&c)); }
            if right { r = r.trim_end_matches(|c| set.contains(&c)); }
            r
        }
    };
    if r.len() == s.len() { return Ok(unchanged(vm, args[0])); }
    Ok(vm.new_str(r))
}
fn str_strip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "strip", true, true) }
fn str_lstrip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "lstrip", true, false) }
fn str_rstrip(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { strip_impl(vm, a, k, "rstrip", false, true) }

fn str_replace(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "replace")?;
    no_kw(vm, kwnames, "str.replace")?;
    check_positional(vm, "replace", args.len() - 1, 2, 3)?;
    for i in 1..3 {
        if !vm.is_str(args[i]) {
            let tn = vm.type_name(args[i]);
            return Err(vm.new_exc(Exc::TypeError, &format!("replace() argument {i} must be str, not {tn}")));
        }
    }
    let (old, new) = (str_ref(args[1]), str_ref(args[2]));
    let count = match args.get(3) { None => -1, Some(&v) => index_arg(vm, v)? };
    if count == 0 || (!old.is_empty() && !s.contains(old)) { return Ok(unchanged(vm, args[0])); }
    let r = if count < 0 { s.replace(old, new) } else { s.replacen(old, new, count as usize) };
    if r.len() > (1 << 34) { return Err(vm.new_exc(Exc::MemoryError, "")); }
    Ok(vm.new_str(&r))
}

fn affix_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, prefix: bool) -> PyResult {
    let s = this(vm, args, name)?;
    let a = one_arg(vm, args, kwnames, &format!("str.{name}"))?;
    if !vm.is_str(a) {
        let tn = vm.type_name(a);
        return Err(vm.new_exc(Exc::TypeError, &format!("{name}() argument must be str, not {tn}")));
    }
    let a = str_ref(a);
    let r = if prefix { s.strip_prefix(a) } else { s.strip_suffix(a) };
    match r {
        Some(r) if !a.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(unchanged(vm, args[0])),
    }
}
fn str_removeprefix(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_impl(vm, a, k, "removeprefix", true) }
fn str_removesuffix(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_impl(vm, a, k, "removesuffix", false) }

// ---------------------------------------------------------------------------
// Searching

/// `(sub, start, end)` of a find-like method: the substring, the byte range
/// `lo..hi` of `self` to search, and the adjusted character indices. `ok` is
/// false when the range can never match (start past the end or end before
/// start).
struct FindArgs { sub: &'static str, lo: usize, hi: usize, start_char: i64, end_char: i64, ok: bool }

fn find_args(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult<FindArgs> {
    let s = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("str.{name}"))?; }
    check_tuple_args(vm, name, args.len() - 1, 1, 3)?;
    let sub = must_be_str(vm, args[1])?;
    let start = slice_arg(vm, args.get(2).copied())?;
    let end = slice_arg(vm, args.get(3).copied())?;
    let n = nchars(args[0]);
    let (st, en) = adjust_indices(start, end, n);
    let ascii = is_ascii_val(args[0]);
    if st > n as i64 || en < st {
        return Ok(FindArgs { sub, lo: 0, hi: 0, start_char: st, end_char: en, ok: false });
    }
    let lo = byte_offset(s, ascii, st as usize);
    let hi = if ascii { en as usize } else { lo + byte_offset(&s[lo..], false, (en - st) as usize) };
    Ok(FindArgs { sub, lo, hi, start_char: st, end_char: en, ok: true })
}

fn find_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, rev: bool) -> PyResult<i64> {
    let f = find_args(vm, args, kwnames, name)?;
    if !f.ok { return Ok(-1); }
    let s = str_ref(args[0]);
    let hay = &s[f.lo..f.hi];
    let r = if rev { hay.rfind(f.sub) } else { hay.find(f.sub) };
    let ascii = is_ascii_val(args[0]);
    Ok(match r {
        Some(b) => f.start_char + char_count(hay, ascii, b) as i64,
        None => -1,
    })
}
fn str_find(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { find_impl(vm, a, k, "find", false).map(Value::small) }
fn str_rfind(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { find_impl(vm, a, k, "rfind", true).map(Value::small) }
fn str_index(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    match find_impl(vm, a, k, "index", false)? {
        -1 => Err(vm.new_exc(Exc::ValueError, "substring not found")),
        i => Ok(Value::small(i)),
    }
}
fn str_rindex(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    match find_impl(vm, a, k, "rindex", true)? {
        -1 => Err(vm.new_exc(Exc::ValueError, "substring not found")),
        i => Ok(Value::small(i)),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let f = find_args(vm, args, kwnames, "count")?;
    if !f.ok { return Ok(Value::small(0)); }
    if f.sub.is_empty() { return Ok(Value::small(f.end_char - f.start_char + 1)); }
    let hay = &str_ref(args[0])[f.lo..f.hi];
    Ok(Value::small(hay.matches(f.sub).count() as i64))
}

fn affix_match_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, starts: bool) -> PyResult {
    let s = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("str.{name}"))?; }
    check_tuple_args(vm, name, args.len() - 1, 1, 3)?;
    let start = slice_arg(vm, args.get(2).copied())?;
    let end = slice_arg(vm, args.get(3).copied())?;
    let n = nchars(args[0]);
    let (st, en) = adjust_indices(start, end, n);
    let ascii = is_ascii_val(args[0]);
    let window = if st > n as i64 || en < st { None } else {
        let lo = byte_offset(s, ascii, st as usize);
        let hi = lo + byte_offset(&s[lo..], ascii, (en - st) as usize);
        Some(&s[lo..hi])
    };
    let check = |w: Option<&str>, p: &str| -> bool {
        match w { None => false, Some(w) => if starts { w.starts_with(p) } else { w.ends_with(p) } }
    };
    let pat = args[1];
    if vm.is_str(pat) { return Ok(Value::bool(check(window, str_ref(pat)))); }
    if pat.is_ref() && kind_of(pat) == Kind::Tuple {
        for &p in tuple_slice(pat) {
            if !vm.is_str(p) {
                let tn = vm.type_name(p);
                return Err(vm.new_exc(Exc::TypeError, &format!("tuple for {name} must only contain str, not {tn}")));
            }
            if check(window, str_ref(p)) { return Ok(Value::TRUE); }
        }
        return Ok(Value::FALSE);
    }
    let tn = vm.type_name(pat);
    Err(vm.new_exc(Exc::TypeError, &format!("{name} first arg must be str or a tuple of str, not {tn}")))
}
fn str_startswith(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_match_impl(vm, a, k, "startswith", true) }
fn str_endswith(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { affix_match_impl(vm, a, k, "endswith", false) }

// ---------------------------------------------------------------------------
// Case mapping

/// Whether Rust's (newer) Unicode case data applies to `c`: characters
/// unassigned in Unicode 14.0, CPython 3.11's version, are uncased there.
fn case_known(c: char) -> bool { c.is_ascii() || unidata::is_printable(c) }

/// Unicode "Lowercase" as CPython 3.11 sees it (a few characters changed
/// between Unicode 14 and the version Rust's tables follow).
fn py_lower_flag(c: char) -> bool {
    match c as u32 {
        0x295 => true,
        0x10fc | 0xa7f2..=0xa7f4 | 0xab69 => false,
        _ => case_known(c) && c.is_lowercase(),
    }
}
/// Unicode "Uppercase" as CPython 3.11 sees it.
fn py_upper_flag(c: char) -> bool { case_known(c) && c.is_uppercase() }

/// Full uppercase mapping as in Unicode 14.0.
fn push_upper(out: &mut String, c: char) {
    // These gained uppercase partners after Unicode 14.
    if !case_known(c) || matches!(c as u32, 0x19b | 0x264 | 0xa7d3 | 0xa7d5) { out.push(c); } else { out.extend(c.to_uppercase()); }
}

fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}
/// Unicode "Cased": uppercase, lowercase or titlecase.
fn is_cased(c: char) -> bool { py_upper_flag(c) || py_lower_flag(c) || is_titlecase(c) }

/// CPython's final-sigma rule for a capital sigma at `i`.
fn final_sigma(cs: &[char], i: usize) -> bool {
    let mut j = i;
    let mut before = false;
    while j > 0 {
        j -= 1;
        if !unidata::is_case_ignorable(cs[j]) { before = is_cased(cs[j]); break; }
    }
    if !before { return false; }
    for &c in &cs[i + 1..] {
        if !unidata::is_case_ignorable(c) { return !is_cased(c); }
    }
    true
}

/// Lowercase of `cs[i]` with the final-sigma rule.
fn push_lower(out: &mut String, cs: &[char], i: usize) {
    let c = cs[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(cs, i) { '\u{3c2}' } else { '\u{3c3}' });
    } else if case_known(c) {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}
fn push_title(out: &mut String, c: char) {
    match unidata::title_of(c) {
        Some(m) => out.extend(m.iter()),
        None => push_upper(out, c),
    }
}

fn case_map(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult {
    let s = noargs(vm, args, kwnames, name)?;
    let ascii = is_ascii_val(args[0]);
    let r: String = if ascii {
        let b = s.as_bytes();
        let mut out = Vec::with_capacity(b.len());
        match name {
            "upper" => out.extend(b.iter().map(|c| c.to_ascii_uppercase())),
            "lower" | "casefold" => out.extend(b.iter().map(|c| c.to_ascii_lowercase())),
            "swapcase" => out.extend(b.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })),
            "capitalize" => {
                for (i, &c) in b.iter().enumerate() { out.push(if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }); }
            }
            _ => {
                let mut prev = false;
                for &c in b {
                    out.push(if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() });
                    prev = c.is_ascii_alphabetic();
                }
            }
        }
        String::from_utf8(out).unwrap_or_default()
    } else {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        match name {
            "upper" => for &c in &cs { push_upper(&mut out, c); },
            "lower" => for i in 0..cs.len() { push_lower(&mut out, &cs, i); },
            "casefold" => for &c in &cs {
                match unidata::fold_of(c) {
                    Some(m) => out.extend(m.iter()),
                    None if case_known(c) => out.extend(c.to_lowercase()),
                    None => out.push(c),
                }
            },
            "swapcase" => for i in 0..cs.len() {
                let c = cs[i];
                if py_upper_flag(c) { push_lower(&mut out, &cs, i); }
                else if py_lower_flag(c) { push_upper(&mut out, c); }
                else { out.push(c); }
            },
            "capitalize" => for i in 0..cs.len() {
                if i == 0 { push_title(&mut out, cs[0]); } else { push_lower(&mut out, &cs, i); }
            },
            _ => {
                let mut prev = false;
                for i in 0..cs.len() {
                    if prev { push_lower(&mut out, &cs, i); } else { push_title(&mut out, cs[i]); }
                    prev = is_cased(cs[i]);
                }
            }
        }
        out
    };
    Ok(vm.new_str(&r))
}
fn str_upper(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "upper") }
fn str_lower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "lower") }
fn str_title(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "title") }
fn str_capitalize(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "capitalize") }
fn str_swapcase(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "swapcase") }
fn str_casefold(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { case_map(vm, a, k, "casefold") }

// ---------------------------------------------------------------------------
// Predicates

/// `all(pred(c))` over a non-empty string.
fn pred_all(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str, pred: fn(char) -> bool) -> PyResult {
    let s = noargs(vm, args, kwnames, name)?;
    Ok(Value::bool(!s.is_empty() && s.chars().all(pred)))
}
pub fn py_isdecimal(c: char) -> bool { if c.is_ascii() { c.is_ascii_digit() } else { unidata::is_decimal(c) } }
pub fn py_isdigit(c: char) -> bool { if c.is_ascii() { c.is_ascii_digit() } else { unidata::is_digit(c) } }
pub fn py_isnumeric(c: char) -> bool { if c.is_ascii() { c.is_ascii_digit() } else { unidata::is_numeric(c) } }
pub fn py_isalpha(c: char) -> bool { if c.is_ascii() { c.is_ascii_alphabetic() } else { unidata::is_alpha(c) } }
pub fn py_isalnum(c: char) -> bool { py_isalpha(c) || py_isdecimal(c) || py_isdigit(c) || py_isnumeric(c) }
pub fn py_isprintable(c: char) -> bool {
    if c.is_ascii() { (' '..='~').contains(&c) } else { unidata::is_printable(c) }
}
fn str_isdigit(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isdigit", py_isdigit) }
fn str_isdecimal(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isdecimal", py_isdecimal) }
fn str_isnumeric(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isnumeric", py_isnumeric) }
fn str_isalpha(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isalpha", py_isalpha) }
fn str_isalnum(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isalnum", py_isalnum) }
fn str_isspace(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pred_all(vm, a, k, "isspace", py_isspace) }
fn str_isascii(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    noargs(vm, a, k, "isascii")?;
    Ok(Value::bool(is_ascii_val(a[0])))
}
fn str_isprintable(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let s = noargs(vm, a, k, "isprintable")?;
    Ok(Value::bool(s.chars().all(py_isprintable)))
}
fn str_isupper(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let s = noargs(vm, a, k, "isupper")?;
    let mut cased = false;
    for c in s.chars() {
        if py_lower_flag(c) || is_titlecase(c) { return Ok(Value::FALSE); }
        if py_upper_flag(c) { cased = true; }
    }
    Ok(Value::bool(cased))
}
fn str_islower(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let s = noargs(vm, a, k, "islower")?;
    let mut cased = false;
    for c in s.chars() {
        if py_upper_flag(c) || is_titlecase(c) { return Ok(Value::FALSE); }
        if py_lower_flag(c) { cased = true; }
    }
    Ok(Value::bool(cased))
}
fn str_istitle(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let s = noargs(vm, a, k, "istitle")?;
    let (mut cased, mut prev) = (false, false);
    for c in s.chars() {
        if py_upper_flag(c) || is_titlecase(c) {
            if prev { return Ok(Value::FALSE); }
            prev = true;
            cased = true;
        } else if py_lower_flag(c) {
            if !prev { return Ok(Value::FALSE); }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}
/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        None => false,
        Some(c) => {
            let start = if c.is_ascii() { c.is_ascii_alphabetic() || c == '_' } else { unidata::is_xid_start(c) };
            start && it.all(|c| if c.is_ascii() { c.is_ascii_alphanumeric() || c == '_' } else { unidata::is_xid_continue(c) })
        }
    }
}
fn str_isidentifier(vm: &mut Vm, a: &[Value], k: Value) -> PyResult {
    let s = noargs(vm, a, k, "isidentifier")?;
    Ok(Value::bool(is_identifier(s)))
}

// ---------------------------------------------------------------------------
// Padding

/// The `fillchar` argument of center/ljust/rjust.
fn fill_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<char> {
    let Some(v) = v else { return Ok(' ') };
    if !vm.is_str(v) {
        let tn = vm.type_name(v);
        return Err(vm.new_exc(Exc::TypeError, &format!("The fill character must be a unicode character, not {tn}")));
    }
    let mut it = str_ref(v).chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(vm.new_exc(Exc::TypeError, "The fill character must be exactly one character long")),
    }
}

fn pad_impl(vm: &mut Vm, args: &[Value], kwnames: Value, name: &str) -> PyResult {
    let s = this(vm, args, name)?;
    if !kwnames.is_null() { no_kw(vm, kwnames, &format!("str.{name}"))?; }
    check_positional(vm, name, args.len() - 1, 1, 2)?;
    let width = index_arg(vm, args[1])?;
    let fill = fill_arg(vm, args.get(2).copied())?;
    let len = nchars(args[0]) as i64;
    if width <= len { return Ok(unchanged(vm, args[0])); }
    if width > 1 << 32 { return Err(vm.new_exc(Exc::MemoryError, "")); }
    let marg = width - len;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => { let l = marg / 2 + (marg & width & 1); (l, marg - l) }
    };
    let mut out = String::with_capacity(s.len() + marg as usize * fill.len_utf8());
    for _ in 0..left { out.push(fill); }
    out.push_str(s);
    for _ in 0..right { out.push(fill); }
    Ok(vm.new_str(&out))
}
fn str_center(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "center") }
fn str_ljust(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "ljust") }
fn str_rjust(vm: &mut Vm, a: &[Value], k: Value) -> PyResult { pad_impl(vm, a, k, "rjust") }

fn str_zfill(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "zfill")?;
    let w = one_arg(vm, args, kwnames, "str.zfill")?;
    let width = index_arg(vm, w)?;
    let len = nchars(args[0]) as i64;
    if width <= len { return Ok(unchanged(vm, args[0])); }
    if width > 1 << 32 { return Err(vm.new_exc(Exc::MemoryError, "")); }
    let fill = (width - len) as usize;
    let mut out = String::with_capacity(width as usize);
    let body = match s.chars().next() {
        Some(c @ ('+' | '-')) => { out.push(c); &s[1..] }
        _ => s,
    };
    for _ in 0..fill { out.push('0'); }
    out.push_str(body);
    Ok(vm.new_str(&out))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "expandtabs")?;
    let full = ArgParser::new("expandtabs", args, kwnames);
    let rest = ArgParser { name: "expandtabs", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "expandtabs", &["tabsize"])?;
    let tabsize = match rest.get(0, "tabsize") { None => 8, Some(v) => index_arg(vm, v)? };
    if !s.contains('\t') { return Ok(unchanged(vm, args[0])); }
    let mut out = String::with_capacity(s.len() + 16);
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    for _ in 0..n { out.push(' '); }
                    col += n;
                }
            }
            '\n' | '\r' => { out.push(c); col = 0; }
            _ => { out.push(c); col += 1; }
        }
    }
    Ok(vm.new_str(&out))
}

// ---------------------------------------------------------------------------
// Encoding

/// A codec name normalised and mapped to one skiff implements.
pub(crate) fn codec_of(name: &str) -> Option<&'static str> {
    let n: String = name.trim().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c.to_ascii_lowercase() }).collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf_8_sig" => if n == "utf_8_sig" { "utf-8-sig" } else { "utf-8" },
        "ascii" | "us_ascii" | "646" | "us" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => "latin-1",
        "utf_16" | "utf16" | "u16" => "utf-16",
        "utf_16_le" | "utf_16le" => "utf-16-le",
        "utf_16_be" | "utf_16be" => "utf-16-be",
        "utf_32" | "utf32" | "u32" => "utf-32",
        "utf_32_le" | "utf_32le" => "utf-32-le",
        "utf_32_be" | "utf_32be" => "utf-32-be",
        "cp1252" | "windows_1252" => "cp1252",
        _ => return None,
    })
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_exc(Exc::LookupError, &format!("unknown error handler name '{errors}'"))
}

/// A UnicodeEncodeError/UnicodeDecodeError with its message and the
/// attributes CPython gives it.
pub(crate) fn unicode_error(vm: &mut Vm, e: Exc, encoding: &str, object: Value, start: usize, end: usize, reason: &str, msg: &str) -> PyErr {
    let err = vm.new_exc(e, msg);
    let enc = vm.new_str(encoding);
    let rs = vm.new_str(reason);
    for (name, v) in [("encoding", enc), ("object", object), ("start", Value::small(start as i64)),
                      ("end", Value::small(end as i64)), ("reason", rs)] {
        let n = vm.intern(name);
        let _ = vm.instance_set(err.0, n, v);
    }
    err
}

/// `s.encode(encoding, errors)`; `sv` is the str value (for error objects).
pub(crate) fn encode_str(vm: &mut Vm, sv: Value, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let s = str_ref(sv);
    let Some(codec) = codec_of(encoding) else {
        return Err(vm.new_exc(Exc::LookupError, &format!("unknown encoding: {encoding}")));
    };
    let limit: u32 = match codec {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "utf-8-sig" => { let mut v = vec![0xef, 0xbb, 0xbf]; v.extend_from_slice(s.as_bytes()); return Ok(v); }
        "utf-16" | "utf-16-le" | "utf-16-be" => {
            let mut out = Vec::with_capacity(s.len() * 2 + 2);
            let be = codec == "utf-16-be";
            if codec == "utf-16" { out.extend_from_slice(&[0xff, 0xfe]); }
            for u in s.encode_utf16() { out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() }); }
            return Ok(out);
        }
        "utf-32" | "utf-32-le" | "utf-32-be" => {
            let mut out = Vec::with_capacity(s.len() * 4 + 4);
            let be = codec == "utf-32-be";
            if codec == "utf-32" { out.extend_from_slice(&[0xff, 0xfe, 0, 0]); }
            for c in s.chars() { out.extend_from_slice(&if be { (c as u32).to_be_bytes() } else { (c as u32).to_le_bytes() }); }
            return Ok(out);
        }
        "ascii" => 128,
        "cp1252" => return encode_charmap(vm, sv, errors),
        _ => 256,
    };
    if s.is_ascii() { return Ok(s.as_bytes().to_vec()); }
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(cs.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if (c as u32) < limit { out.push(c as u32 as u8); i += 1; continue; }
        let mut j = i;
        while j < cs.len() && cs[j] as u32 >= limit { j += 1; }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                let what = if j - i == 1 {
                    let n = c as u32;
                    let esc = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                    format!("character '{esc}' in position {i}")
                } else {
                    format!("characters in position {}-{}", i, j - 1)
                };
                let reason = format!("ordinal not in range({limit})");
                let msg = format!("'{codec}' codec can't encode {what}: {reason}");
                return Err(unicode_error(vm, Exc::UnicodeEncodeError, codec, sv, i, j, &reason, &msg));
            }
            "ignore" => {}
            "replace" => { for _ in i..j { out.push(b'?'); } }
            "backslashreplace" => {
                for &c in &cs[i..j] {
                    let n = c as u32;
                    let esc = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            "xmlcharrefreplace" => {
                for &c in &cs[i..j] { out.extend_from_slice(format!("&#{};", c as u32).as_bytes()); }
            }
            _ => return Err(unknown_handler(vm, errors)),
        }
        i = j;
    }
    Ok(out)
}

/// The upper half of Windows-1252 (0x80..=0x9f); 0 marks undefined bytes.
/// The rest of the code page is Latin-1.
pub(crate) const CP1252_HIGH: [u16; 32] = [
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
    0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/// Encodes with the cp1252 charmap (CPython's "charmap" error messages).
fn encode_charmap(vm: &mut Vm, sv: Value, errors: &str) -> PyResult<Vec<u8>> {
    let s = str_ref(sv);
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let n = c as u32;
        let b = if n < 0x80 || (0xa0..0x100).contains(&n) { Some(n as u8) } else {
            CP1252_HIGH.iter().position(|&u| u as u32 == n && u != 0).map(|k| 0x80 + k as u8)
        };
        match (b, errors) {
            (Some(b), _) => out.push(b),
            (None, "strict") => {
                let esc = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                let reason = "character maps to <undefined>";
                let msg = format!("'charmap' codec can't encode character '{esc}' in position {i}: {reason}");
                return Err(unicode_error(vm, Exc::UnicodeEncodeError, "charmap", sv, i, i + 1, reason, &msg));
            }
            (None, "ignore") => {}
            (None, "replace") => out.push(b'?'),
            (None, "xmlcharrefreplace") => out.extend_from_slice(format!("&#{n};").as_bytes()),
            (None, "backslashreplace") => {
                let esc = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                out.extend_from_slice(esc.as_bytes());
            }
            (None, _) => return Err(unknown_handler(vm, errors)),
        }
    }
    Ok(out)
}

fn str_encode(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    this(vm, args, "encode")?;
    let full = ArgParser::new("encode", args, kwnames);
    let rest = ArgParser { name: "encode", pos: &full.pos[1..], kwnames: full.kwnames, kwvals: full.kwvals };
    check_kw_args(vm, &rest, "encode", &["encoding", "errors"])?;
    let mut names = ["utf-8", "strict"];
    for (i, key) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = rest.get(i, key) {
            if !vm.is_str(v) {
                let tn = vm.type_name(v);
                return Err(vm.new_exc(Exc::TypeError, &format!("encode() argument '{key}' must be str, not {tn}")));
            }
            names[i] = str_ref(v);
        }
    }
    let b = encode_str(vm, args[0], names[0], names[1])?;
    Ok(vm.new_bytes(&b))
}

// ---------------------------------------------------------------------------
// str.format

/// Where `str.format` finds named fields.
enum Kwargs<'a> {
    /// Keyword arguments of the call (names and values).
    Call(&'a [Value], &'a [Value]),
    /// A mapping (`format_map`), read with `__getitem__`.
    Map(Value),
}

/// Auto-numbering state: None until the first numeric field decides.
struct AutoNumber { state: Option<bool>, next: usize }

fn fmt_err(vm: &mut Vm, msg: &str) -> PyErr { vm.new_exc(Exc::ValueError, msg) }

/// All-digit text as an index (None when not all digits or empty).
fn field_index(vm: &mut Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) { return Ok(None); }
    let mut acc: usize = 0;
    for &c in s {
        acc = acc.checked_mul(10).and_then(|a| a.checked_add(c as usize - '0' as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| fmt_err(vm, "Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// Resolves a field name (`0`, `name`, `0.attr[key]`) to its object.
fn get_field(vm: &mut Vm, name: &[char], pos: &[Value], kw: &Kwargs, auto: &mut AutoNumber) -> PyResult<Value> {
    let mut i = 0;
    while i < name.len() && name[i] != '.' && name[i] != '[' { i += 1; }
    let first = &name[..i];
    let idx = field_index(vm, first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if auto.state.is_none() { auto.state = Some(empty); }
        match auto.state {
            Some(false) if empty => return Err(fmt_err(vm, "cannot switch from manual field specification to automatic field numbering")),
            Some(true) if !empty => return Err(fmt_err(vm, "cannot switch from automatic field numbering to manual field specification")),
            _ => {}
        }
    }
    let mut obj = if empty || idx.is_some() {
        let n = if empty { let n = auto.next; auto.next += 1; n } else { idx.unwrap() };
        if let Kwargs::Map(_) = kw {
            return Err(fmt_err(vm, "Format string contains positional fields"));
        }
        match pos.get(n) {
            Some(&v) => v,
            None => return Err(vm.new_exc(Exc::IndexError, &format!("Replacement index {n} out of range for positional args tuple"))),
        }
    } else {
        let key: String = first.iter().collect();
        match kw {
            Kwargs::Call(names, vals) => {
                match names.iter().position(|&k| str_ref(k) == key) {
                    Some(j) => vals[j],
                    None => { let k = vm.new_str(&key); return Err(vm.key_error(k)); }
                }
            }
            Kwargs::Map(m) => { let k = vm.new_str(&key); vm.getitem(*m, k)? }
        }
    };
    // The rest: .attr and [key] parts.
    while i < name.len() {
        let c = name[i];
        i += 1;
        let start = i;
        match c {
            '.' => {
                while i < name.len() && name[i] != '.' && name[i] != '[' { i += 1; }
                if i == start { return Err(fmt_err(vm, "Empty attribute in format string")); }
                let attr: String = name[start..i].iter().collect();
                obj = vm.getattr_str(obj, &attr)?;
            }
            '[' => {
                while i < name.len() && name[i] != ']' { i += 1; }
                if i >= name.len() { return Err(fmt_err(vm, "Missing ']' in format string")); }
                let key = &name[start..i];
                i += 1;
                if key.is_empty() { return Err(fmt_err(vm, "Empty attribute in format string")); }
                let k = match field_index(vm, key)? {
                    Some(n) => vm.new_int(n as i64),
                    None => { let s: String = key.iter().collect(); vm.new_str(&s) }
                };
                obj = vm.getitem(obj, k)?;
            }
            _ => return Err(fmt_err(vm, "Only '.' or '[' may follow ']' in format field specifier")),
        }
    }
    Ok(obj)
}

/// CPython's `build_string`: expands `fmt` with `pos`/`kw`.
fn build_format(vm: &mut Vm, fmt: &[char], pos: &[Value], kw: &Kwargs, depth: i32, auto: &mut AutoNumber) -> PyResult<String> {
    if depth <= 0 { return Err(fmt_err(vm, "Max string recursion exceeded")); }
    vm.check_stack()?;
    let n = fmt.len();
    let mut out = String::new();
    let mut i = 0;
    while i < n {
        let c = fmt[i];
        i += 1;
        if c != '{' && c != '}' { out.push(c); continue; }
        let at_end = i >= n;
        if c == '}' {
            if at_end || fmt[i] != '}' { return Err(fmt_err(vm, "Single '}' encountered in format string")); }
            out.push('}');
            i += 1;
            continue;
        }
        if at_end { return Err(fmt_err(vm, "Single '{' encountered in format string")); }
        if fmt[i] == '{' { out.push('{'); i += 1; continue; }
        // A replacement field: name, then !conversion, then :spec.
        let name_start = i;
        let mut term = '\0';
        while i < n {
            let ch = fmt[i];
            i += 1;
            match ch {
                '{' => return Err(fmt_err(vm, "unexpected '{' in field name")),
                '[' => { while i < n && fmt[i] != ']' { i += 1; } }
                '}' | ':' | '!' => { term = ch; break; }
                _ => {}
            }
        }
        let name_end = if term == '\0' { i } else { i - 1 };
        let name = &fmt[name_start..name_end];
        let mut conversion = '\0';
        let mut spec: &[char] = &[];
        let mut spec_nested = false;
        if term == '!' || term == ':' {
            let mut t = term;
            if t == '!' {
                if i >= n { return Err(fmt_err(vm, "end of string while looking for conversion specifier")); }
                conversion = fmt[i];
                i += 1;
                if i < n {
                    t = fmt[i];
                    i += 1;
                    if t != '}' && t != ':' { return Err(fmt_err(vm, "expected ':' after conversion specifier")); }
                } else {
                    t = ':';
                }
            }
            if t == ':' {
                let spec_start = i;
                let mut count = 1;
                let mut closed = false;
                while i < n {
                    let ch = fmt[i];
                    i += 1;
                    if ch == '{' { spec_nested = true; count += 1; }
                    else if ch == '}' { count -= 1; if count == 0 { closed = true; break; } }
                }
                if !closed { return Err(fmt_err(vm, "unmatched '{' in format spec")); }
                spec = &fmt[spec_start..i - 1];
            }
        } else if term != '}' {
            return Err(fmt_err(vm, "expected '}' before end of string"));
        }
        let mut v = get_field(vm, name, pos, kw, auto)?;
        match conversion {
            '\0' => {}
            'r' => v = vm.repr(v)?,
            's' => v = vm.to_str(v)?,
            'a' => v = vm.ascii(v)?,
            c => {
                let n = c as u32;
                let msg = if n > 32 && n < 127 { format!("Unknown conversion specifier {c}") } else { format!("Unknown conversion specifier \\x{n:x}") };
                return Err(fmt_err(vm, &msg));
            }
        }
        let spec_s: String = if spec_nested {
            build_format(vm, spec, pos, kw, depth - 1, auto)?
        } else {
            spec.iter().collect()
        };
        let spec_v = vm.new_str(&spec_s);
        let r = vm.format(v, spec_v)?;
        out.push_str(str_ref(r));
    }
    Ok(out)
}

/// `fmt.format(*pos, **kw)` as a Rust string (also used by other types).
pub fn format_str(vm: &mut Vm, fmt: &str, pos: &[Value], kwnames: &[Value], kwvals: &[Value]) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut auto = AutoNumber { state: None, next: 0 };
    build_format(vm, &chars, pos, &Kwargs::Call(kwnames, kwvals), 2, &mut auto)
}

fn str_format(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "format")?;
    let p = ArgParser::new("format", args, kwnames);
    let r = format_str(vm, s, &p.pos[1..], p.kwnames, p.kwvals)?;
    Ok(vm.new_str(&r))
}

fn str_format_map(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "format_map")?;
    let m = one_arg(vm, args, kwnames, "str.format_map")?;
    let chars: Vec<char> = s.chars().collect();
    let mut auto = AutoNumber { state: None, next: 0 };
    let r = build_format(vm, &chars, &[], &Kwargs::Map(m), 2, &mut auto)?;
    Ok(vm.new_str(&r))
}

// ---------------------------------------------------------------------------
// maketrans / translate

fn str_maketrans(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    no_kw(vm, kwnames, "maketrans")?;
    check_positional(vm, "maketrans", args.len(), 1, 3)?;
    let d = vm.new_dict();
    if args.len() == 1 {
        let x = args[0];
        if !(x.is_ref() && kind_of(x) == Kind::Dict) {
            return Err(vm.new_exc(Exc::TypeError, "if you give only one argument to maketrans it must be a dict"));
        }
        for (k, v) in vm.dict_items(x) {
            let key = if vm.is_str(k) {
                let mut it = str_ref(k).chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Value::small(c as i64),
                    _ => return Err(vm.new_exc(Exc::ValueError, "string keys in translate table must be of length 1")),
                }
            } else if vm.is_int_like(k) {
                k
            } else {
                return Err(vm.new_exc(Exc::TypeError, "keys in translate table must be strings or integers"));
            };
            vm.dict_set(d, key, v)?;
        }
        return Ok(d);
    }
    for (i, &a) in args.iter().enumerate() {
        if !vm.is_str(a) {
            let tn = vm.type_name(a);
            return Err(vm.new_exc(Exc::TypeError, &format!("maketrans() argument {} must be str, not {tn}", i + 1)));
        }
    }
    let (x, y) = (str_ref(args[0]), str_ref(args[1]));
    if nchars(args[0]) != nchars(args[1]) {
        return Err(vm.new_exc(Exc::ValueError, "the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        vm.dict_set(d, Value::small(a as i64), Value::small(b as i64))?;
    }
    if let Some(&z) = args.get(2) {
        for c in str_ref(z).chars() { vm.dict_set(d, Value::small(c as i64), Value::NONE)?; }
    }
    Ok(d)
}

fn str_translate(vm: &mut Vm, args: &[Value], kwnames: Value) -> PyResult {
    let s = this(vm, args, "translate")?;
    let table = one_arg(vm, args, kwnames, "str.translate")?;
    let exact_dict = table.is_ref() && kind_of(table) == Kind::Dict && !vm.is_heap_class(cls_of(table));
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::small(c as i64);
        let m = if exact_dict {
            vm.dict_get(table, key)?
        } else {
            match vm.getitem(table, key) {
                Ok(v) => Some(v),
                Err(e) if vm.exc_matches(e, Exc::LookupError) => None,
                Err(e) => return Err(e),
            }
        };
        match m {
            None => out.push(c),
            Some(v) if v == Value::NONE => {}
            Some(v) if vm.is_str(v) => out.push_str(str_ref(v)),
            Some(v) if vm.is_int_like(v) => {
                match vm.as_i64(v).filter(|&n| (0..0x110000).contains(&n)) {
                    Some(n) => out.push(char::from_u32(n as u32).unwrap_or('\u{fffd}')),
                    None => return Err(vm.new_exc(Exc::ValueError, "character mapping must be in range(0x110000)")),
                }
            }
            Some(_) => return Err(vm.new_exc(Exc::TypeError, "character mapping must return integer, None or str")),
        }
    }
    Ok(vm.new_str(&out))
}

// ---------------------------------------------------------------------------
// Unicode tables

/// Character properties from CPython 3.11's `unicodedata` (Unicode 14.0),
/// stored as compact range lists and decoded on first use.
pub mod unidata {
    use std::collections::HashMap;
    use std::sync::OnceLock;

    // Generated by a script from CPython 3.11's unicodedata (Unicode 14.0.0).
    // Each range table is a list of "GAP.LEN" hex pairs: the range starts GAP
    // code points after the end of the previous one and is LEN code points long.
    /// str.isalpha: general categories Lu Ll Lt Lm Lo.
    pub const ALPHA: &str = "41.1a 6.1a 2f.1 a.1 4.1 5.17 1.1f 1.1ca 4.c e.5 7.1 1.1 81.5 1.2 2.4 1.1 6.1 1.3 1.1 1.14 1.53 \
        1.8b 8.a6 1.26 2.1 6.29 47.1b 4.4 2d.2b 23.2 1.63 1.1 f.2 7.2 a.3 2.1 10.1 1.1e 1d.59 b.1 18.21 \
        9.2 4.1 5.16 4.1 9.1 3.1 17.19 7.b 5.18 1.6 11.2a 3a.36 3.1 12.1 7.a f.10 4.8 2.2 2.16 1.7 1.1 \
        3.4 3.1 10.1 d.2 1.3 e.2 a.1 8.6 4.2 2.16 1.7 1.2 1.2 1.2 1f.4 1.1 13.3 10.9 1.3 1.16 1.7 1.2 \
        1.5 3.1 12.1 f.2 17.1 b.8 2.2 2.16 1.7 1.2 1.5 3.1 1e.2 1.3 f.1 11.1 1.6 3.3 1.4 3.2 1.1 1.2 \
        3.2 3.3 3.c 16.1 34.8 1.3 1.17 1.10 3.1 1a.3 2.1 2.2 1e.1 4.8 1.3 1.17 1.a 1.5 3.1 1f.2 1.2 f.2 \
        11.9 1.3 1.29 2.1 10.1 5.3 8.3 18.6 5.12 3.18 1.9 1.1 2.7 3a.30 1.2 c.7 3a.2 1.1 1.5 1.18 1.1 \
        1.a 1.2 9.1 2.5 1.1 15.4 20.1 3f.8 1.24 1b.5 73.2b 14.1 10.6 4.4 3.1 3.2 7.3 4.d c.1 11.26 1.1 \
        5.1 2.2b 1.14d 1.4 2.7 1.1 1.4 2.29 1.4 2.21 1.4 2.7 1.1 1.4 2.f 1.39 1.4 2.43 25.10 10.56 2.6 \
        3.26c 2.11 1.1a 5.4b 6.8 7.12 d.13 e.12 e.d 1.3 f.34 23.1 4.1 43.59 7.5 2.22 1.1 5.46 a.1f \
        31.1e 2.5 b.2c 4.1a 36.17 9.35 52.1 5d.2f 11.8 36.1e d.2 a.2c 1a.24 29.3 a.24 2.9 7.2b 2.3 29.4 \
        1.6 1.2 3.1 5.c0 40.116 2.6 2.26 2.6 2.8 1.1 1.1 1.1 1.1f 2.35 1.7 1.1 3.3 1.7 3.4 2.6 4.d 5.3 \
        1.7 74.1 d.1 10.d 65.1 4.1 2.a 1.1 3.5 6.1 1.1 1.1 1.4 1.b 2.4 5.5 4.1 34.2 a7b.e5 6.4 3.2 c.26 \
        1.1 5.1 2.38 7.1 10.17 9.7 1.7 1.7 1.7 1.7 1.7 1.7 1.7 50.1 1d5.2 2a.5 5.2 4.56 6.3 1.5a 1.4 \
        5.2b 1.5e 11.20 30.10 200.19c0 40.568d 43.2e 2.10d 3.10 a.2 14.2f 10.1f 2.46 31.9 2.67 2.40 5.2 \
        1.1 1.5 18.10 1.3 1.4 1.17 1d.34 e.32 3e.6 3.1 1.2 b.1c a.17 19.1d 7.2f 1c.1 10.5 1.a a.5 1.29 \
        17.3 1.8 14.17 3.1 3.32 1.1 3.2 2.5 2.1 1.1 18.3 2.b 7.3 c.6 2.6 2.6 9.7 1.7 1.2b 1.e 6.73 \
        1d.2ba4 c.17 4.31 2104.16e 2.6a 26.7 c.5 5.1 1.a 1.d 1.5 1.1 1.2 1.2 1.6c 21.16b 12.40 2.36 \
        28.c 74.5 1.87 24.1a 6.1a b.59 3.6 2.6 2.6 2.3 23.c 1.1a 1.13 1.2 1.f 2.e 22.7b 185.1d 3.31 \
        2f.20 d.14 1.8 6.26 a.1e 2.24 4.8 30.9e 12.24 4.24 4.28 8.34 c.b 1.f 1.7 1.2 1.b 1.f 1.7 1.2 \
        43.137 9.16 a.8 18.6 1.2a 1.9 45.6 2.1 1.2c 1.2 3.1 2.17 a.17 9.1f 41.13 1.2 a.16 a.1a 46.38 \
        6.2 40.1 f.4 1.3 1.1d 2a.1d 3.1d 23.8 1.1c 1b.36 a.16 a.13 d.12 6e.49 37.33 d.33 d.24 15c.2a \
        6.2 4e.1d a.1 8.16 2a.12 2e.15 1b.17 c.35 39.2 2.1 d.2d 20.19 1a.24 1d.1 2.1 8.23 3.1 c.30 e.4 \
        15.1 1.1 23.12 1.19 54.7 1.1 1.4 1.f 1.a 7.2f 26.8 2.2 2.16 1.7 1.2 1.5 3.1 12.1 c.5 9e.35 12.4 \
        14.3 1e.30 14.2 1.1 b8.2f 29.4 24.30 14.1 3b.2b d.1 47.1b 25.7 b9.2c 74.40 1f.8 2.1 2.8 1.2 \
        1.18 f.1 1.1 5e.8 2.27 10.1 1.1 1c.1 a.28 7.1 15.1 b.2e 13.1 12.49 107.9 1.25 11.1 31.1e 70.7 \
        1.2 1.26 15.1 19.6 1.2 1.20 e.1 147.13 bd.1 4f.39a e6.c4 a4c.61 f.42f fd1.247 21b9.239 7.1f \
        11.4f 11.1e 12.30 10.4 1f.15 5.13 2b0.40 80.4b 5.1 42.d 40.2 1.1 1c.17f8 8.4d6 2a.9 22e7.4 1.7 \
        1.2 1.123 2d.3 11.4 8.18c 904.6b 5.d 3.9 7.a 1766.55 1.47 1.2 2.1 2.2 2.4 1.c 1.1 1.7 1.41 1.4 \
        2.8 1.7 1.1c 1.4 1.5 1.1 3.7 1.154 2.19 1.19 1.1f 1.19 1.1f 1.19 1.1f 1.19 1.1f 1.19 1.8 734.1f \
        1e1.2d a.7 10.1 141.1e 12.2c 4f4.7 1.4 1.2 1.f 1.c5 3b.44 7.1 4b4.4 1.1b 1.2 1.1 2.1 1.a 1.4 \
        1.1 1.1 6.1 4.1 1.1 1.1 1.3 1.2 1.1 2.1 1.1 1.1 1.1 1.1 1.2 1.1 2.4 1.7 1.4 1.4 1.1 1.a 1.11 \
        5.3 1.5 1.11 1144.a6e0 20.1039 7.de 2.1682 e.1d31 c1f.21e 5e2.134b";
    /// str.isdecimal: general category Nd.
    pub const DECIMAL: &str = "30.a 626.a 86.a c6.a 19c.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 60.a 76.a 46.a 116.a \
        46.a 746.a 26.a 12c.a 80.a a6.a 6.a b6.a 56.a 86.a 6.a 89c6.a 2a6.a 26.a c6.a 16.a 56.a 196.a \
        5316.a 586.a 886.a 32c.a 80.a 3c.a 90.a 116.a 156.a 76.a 176.a 66.a 66.a 1a6.a 66.a 2f6.a f6.a \
        46.a 4cb6.a 56.a 86.a 6c74.32 940.a 1a6.a 656.a 1296.a";
    /// str.isdigit: Numeric_Type Digit or Decimal.
    pub const DIGIT: &str = "30.a 78.2 5.1 5a6.a 86.a c6.a 19c.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 76.a 60.a 76.a 46.a \
        116.a 46.a 2cf.9 46e.a 26.a 12c.a 80.b a5.a 6.a b6.a 56.a 86.a 6.a 416.1 3.6 6.a 3d6.9 b.9 b.9 \
        59.1 a.9 1.1 276.9 1.9 1.9 7e8d.a 2a6.a 26.a c6.a 16.a 56.a 196.a 5316.a 586.a 596.4 2ec.a \
        126.9 1e9.9 b.a 80.a 3c.a 90.a 116.a 156.a 76.a 176.a 66.a 66.a 1a6.a 66.a 2f6.a f6.a 46.a \
        4cb6.a 56.a 86.a 6c74.32 940.a 1a6.a 656.a 7a6.b ae5.a";
    /// str.isnumeric: any Numeric_Type.
    pub const NUMERIC: &str = "30.a 78.2 5.1 2.3 5a1.a 86.a c6.a 19c.a 76.a 4.6 6c.a 76.a 76.a 2.6 6e.d 73.a 8.7 67.a 68.7 \
        7.13 6d.a 60.a 76.a 46.14 10c.a 46.a 2cf.14 371.3 ef.a 6.a 16.a 12c.a 80.b a5.a 6.a b6.a 56.a \
        86.a 6.a 416.1 3.6 6.a c6.33 2.5 2d6.3c 4e.16 276.1e 569.1 309.1 19.9 e.3 157.4 8a.a 1e.8 1.f \
        20.a 27.f 145.1 7d.1 3a6.1 322.1 12b2.1 2.1 3.1 1.1 53.1 2e.1 7.1 1.1 28.2 1e.1 8.1 24.1 62.1 \
        193.1 41.1 22.1 1.1 1.1 1d3.1 1.3 6.1 74.4 316.1 215.1 7.1 580.1 83.2 c.3 1.1 3ed.1 4d.1 485.1 \
        733.1 48f.1 2e7.1 a07.1 3a5.1 881.1 4.1 7c.1 8f0.1 24.1 5.1 2b.1 7d.1 f29.a bc.a 140.6 9a.a \
        26.a c6.a 16.a 56.a 196.a 4d71.1 7.1 4.1 39.1 1e.1 1.1 29.1 512.a 1ed.2d c.39 11.2 155.1b 24.4 \
        1d.1 8.1 86.5 ca.a 3ae.8 19.7 27.9 4b.5 16.6 a0.2 2.10 2.2e 40.9 34.2 1e.3 4b.5 68.8 18.8 29.7 \
        14a.6 30.a 126.1f 9e.a 2a.4 70.7 86.1e 80.a 3c.a 90.a 7.14 fb.a 156.a 76.a 176.a 66.a 66.c \
        1a4.13 5d.a 2f6.1d e3.a 46.a 216.15 42b.6f 45f1.a 56.a 86.a 1.7 31e.17 6449.14 6c.19 455.32 \
        940.a 1a6.a 5cd.9 80.a 317.3b 1.3 1.4 4c.2d 1.f 3c2.d ae3.a 407.1 62.1 7d.1 3e.1 808.1 58.1 8.1 \
        f.1 14d.1 12.1 1b.1 1876.1 607.1 1182.1 2751.1 9622.1";
    /// str.isprintable: not Cc Cf Cs Co Cn Zl Zp, nor Zs other than space.
    pub const PRINTABLE: &str = "20.5f 22.c 1.2ca 2.6 4.7 1.1 1.14 1.18d 1.26 2.32 2.3 1.37 8.1b 4.6 11.16 1.c0 1.30 2.3b 2.65 \
        e.3b 2.31 2.f 1.1c 2.1 1.b 5.1f 9.4a 1.a1 1.8 2.2 2.16 1.7 1.1 3.4 2.9 2.2 2.4 8.1 4.2 1.5 2.19 \
        2.3 1.6 4.2 2.16 1.7 1.2 1.2 1.2 2.1 1.5 4.2 2.3 3.1 7.4 1.1 7.11 a.3 1.9 1.3 1.16 1.7 1.2 1.5 \
        2.a 1.3 1.3 2.1 f.4 2.c 7.7 1.3 1.8 2.2 2.16 1.7 1.2 1.5 2.9 2.2 2.3 7.3 4.2 1.5 2.12 a.2 1.6 \
        3.3 1.4 3.2 1.1 1.2 3.2 3.3 3.c 4.5 3.3 1.4 2.1 6.1 e.15 5.d 1.3 1.17 1.10 2.9 1.3 1.4 7.2 1.3 \
        2.1 2.4 2.a 7.16 1.3 1.17 1.a 1.5 2.9 1.3 1.4 7.2 6.2 1.4 2.a 1.2 d.d 1.3 1.33 1.3 1.6 4.10 \
        2.1a 1.3 1.12 3.18 1.9 1.1 2.7 3.1 4.6 1.1 1.8 6.a 2.3 c.3a 4.1d 25.2 1.1 1.5 1.18 1.1 1.17 2.5 \
        1.1 1.6 2.a 2.4 20.48 1.24 4.27 1.24 1.f 1.d 25.c6 1.1 5.1 2.179 1.4 2.7 1.1 1.4 2.29 1.4 2.21 \
        1.4 2.7 1.1 1.4 2.f 1.39 1.4 2.43 2.20 3.1a 6.56 2.6 2.280 1.1c 3.59 7.16 9.18 9.14 c.d 1.3 1.2 \
        c.5e 2.a 6.a 6.e 1.b 6.59 7.2b 5.46 a.1f 1.c 4.c 4.1 3.2a 2.5 b.2c 4.1a 6.b 3.3e 2.41 1.1d 2.b \
        6.a 6.e 2.1f 31.4d 3.2f 1.74 8.3c 3.f 3.3c 7.2b 2.b 8.2b 5.216 2.6 2.26 2.6 2.8 1.1 1.1 1.1 \
        1.1f 2.35 1.f 1.e 2.6 1.13 2.3 1.9 11.18 8.2f 11.2 2.1b 1.d 3.21 f.21 f.8c 4.297 19.b 15.714 \
        2.20 1.15d 5.2d 1.1 5.1 2.38 7.2 e.18 9.7 1.7 1.7 1.7 1.7 1.7 1.7 1.7 1.7e 22.1a 1.59 c.d6 1a.c \
        5.3f 1.56 2.67 5.2b 1.5e 1.54 c.2f 1.726d 3.37 9.15c 14.b8 8.cb 5.2 1.1 1.5 18.3b 3.a 6.38 8.46 \
        8.c 6.74 b.1e 3.4e 1.b 4.21 1.37 9.e 2.a 2.67 18.1c a.6 2.6 2.6 9.7 1.7 1.3c 4.7e 2.a 6.2ba4 \
        c.17 4.31 2104.16e 2.6a 26.7 c.5 5.1a 1.5 1.1 1.2 1.2 1.7d 10.1bd 2.36 7.1 20.2a 6.33 1.13 1.4 \
        4.5 1.87 4.be 3.6 2.6 2.6 2.3 3.7 1.7 d.2 2.c 1.1a 1.13 1.2 1.f 2.e 22.7b 5.3 4.2d 3.58 1.d 3.1 \
        2f.2e 82.1d 3.31 f.1c 4.24 9.1e 5.2b 5.1e 1.25 4.e 2a.9e 2.a 6.24 4.24 4.28 8.34 b.c 1.f 1.7 \
        1.2 1.b 1.f 1.7 1.2 43.137 9.16 a.8 18.6 1.2a 1.9 45.6 2.1 1.2c 1.2 3.1 2.17 1.48 8.9 30.13 1.2 \
        5.21 3.1b 5.1 40.38 4.14 2.32 1.2 5.8 1.3 1.1d 2.3 4.a 7.9 7.40 20.27 4.c 9.36 3.1d 2.1b 5.1a \
        7.4 c.7 50.49 37.33 d.33 7.2e 8.a 126.1f 1.2a 1.3 2.2 4e.28 8.2a 16.1a 26.1c 14.17 9.4e 4.24 \
        9.3e 1.5 d.19 7.a 6.35 1.12 8.27 9.60 1.14 b.12 1.2c 41.7 1.1 1.4 1.f 1.b 6.3b 5.a 6.4 1.8 2.2 \
        2.16 1.7 1.2 1.5 1.a 2.2 2.3 2.1 6.1 5.7 2.7 3.5 8b.5c 1.5 1e.48 8.a a6.36 2.26 22.45 b.a 6.d \
        13.3a 6.a 36.1b 2.f 4.17 b9.3c 64.53 c.8 2.1 2.8 1.2 1.1e 1.2 2.c 9.a 46.8 2.2e 2.b 1b.48 8.53 \
        d.49 107.9 1.2d 1.e a.1d 3.20 2.16 1.e 49.7 1.2 1.2c 3.1 1.2 1.9 8.a 6.6 1.2 1.25 1.2 1.6 7.a \
        136.19 b7.1 f.32 d.39b 66.6f 1.5 b.c4 a4c.63 d.42f fd1.247 21b9.239 7.1f 1.a 4.51 1.a 6.1e 2.6 \
        a.46 a.a 1.7 1.15 5.13 2b0.5b 65.4b 4.39 7.11 40.5 b.2 e.17f8 8.4d6 2a.9 22e7.4 1.7 1.2 1.123 \
        2d.3 11.4 8.18c 904.6b 5.d 3.9 7.a 2.4 1260.2e 2.17 9.74 3c.f6 a.27 2.4a 8.70 15.46 9a.14 c.57 \
        9.19 87.55 1.47 1.2 2.1 2.2 2.4 1.c 1.1 1.7 1.41 1.4 2.8 1.7 1.1c 1.4 1.5 1.1 3.7 1.154 2.124 \
        2.2be f.5 1.f 450.1f e1.7 1.11 2.7 1.2 1.5 d5.2d 3.e 2.a 4.2 140.1f 11.3a 5.1 4e0.7 1.4 1.2 1.f \
        1.c5 2.10 29.4c 4.a 4.2 311.44 4c.3d c2.4 1.1b 1.2 1.1 2.1 1.a 1.4 1.1 1.1 6.1 4.1 1.1 1.1 1.3 \
        1.2 1.1 2.1 1.1 1.1 1.1 1.1 1.2 1.1 2.4 1.7 1.4 1.4 1.1 1.a 1.11 5.3 1.5 1.11 34.2 10e.2c 4.64 \
        c.f 2.f 1.f 1.25 a.ae 38.1d d.2c 4.9 7.2 e.6 9a.3d8 5.10 3.d 3.74 c.59 7.c 4.1 f.c 4.38 8.a \
        6.28 8.1e 2.2 4e.154 c.e 2.5 3.5 3.7 9.1d 3.b 5.6 a.a 6.8 8.7 9.93 1.37 25.a 406.a6e0 20.1039 \
        7.de 2.1682 e.1d31 c1f.21e 5e2.134b aedb5.f0";
    /// identifier start characters (XID_Start plus _).
    pub const XID_START: &str = "41.1a 4.1 1.1a 2f.1 a.1 4.1 5.17 1.1f 1.1ca 4.c e.5 7.1 1.1 81.5 1.2 3.3 1.1 6.1 1.3 1.1 1.14 \
        1.53 1.8b 8.a6 1.26 2.1 6.29 47.1b 4.4 2d.2b 23.2 1.63 1.1 f.2 7.2 a.3 2.1 10.1 1.1e 1d.59 b.1 \
        18.21 9.2 4.1 5.16 4.1 9.1 3.1 17.19 7.b 5.18 1.6 11.2a 3a.36 3.1 12.1 7.a f.10 4.8 2.2 2.16 \
        1.7 1.1 3.4 3.1 10.1 d.2 1.3 e.2 a.1 8.6 4.2 2.16 1.7 1.2 1.2 1.2 1f.4 1.1 13.3 10.9 1.3 1.16 \
        1.7 1.2 1.5 3.1 12.1 f.2 17.1 b.8 2.2 2.16 1.7 1.2 1.5 3.1 1e.2 1.3 f.1 11.1 1.6 3.3 1.4 3.2 \
        1.1 1.2 3.2 3.3 3.c 16.1 34.8 1.3 1.17 1.10 3.1 1a.3 2.1 2.2 1e.1 4.8 1.3 1.17 1.a 1.5 3.1 1f.2 \
        1.2 f.2 11.9 1.3 1.29 2.1 10.1 5.3 8.3 18.6 5.12 3.18 1.9 1.1 2.7 3a.30 1.1 d.7 3a.2 1.1 1.5 \
        1.18 1.1 1.a 1.1 a.1 2.5 1.1 15.4 20.1 3f.8 1.24 1b.5 73.2b 14.1 10.6 4.4 3.1 3.2 7.3 4.d c.1 \
        11.26 1.1 5.1 2.2b 1.14d 1.4 2.7 1.1 1.4 2.29 1.4 2.21 1.4 2.7 1.1 1.4 2.f 1.39 1.4 2.43 25.10 \
        10.56 2.6 3.26c 2.11 1.1a 5.4b 3.b 7.12 d.13 e.12 e.d 1.3 f.34 23.1 4.1 43.59 7.29 1.1 5.46 \
        a.1f 31.1e 2.5 b.2c 4.1a 36.17 9.35 52.1 5d.2f 11.8 36.1e d.2 a.2c 1a.24 29.3 a.24 2.9 7.2b 2.3 \
        29.4 1.6 1.2 3.1 5.c0 40.116 2.6 2.26 2.6 2.8 1.1 1.1 1.1 1.1f 2.35 1.7 1.1 3.3 1.7 3.4 2.6 4.d \
        5.3 1.7 74.1 d.1 10.d 65.1 4.1 2.a 1.1 2.6 6.1 1.1 1.1 1.10 2.4 5.5 4.1 11.29 a77.e5 6.4 3.2 \
        c.26 1.1 5.1 2.38 7.1 10.17 9.7 1.7 1.7 1.7 1.7 1.7 1.7 1.7 226.3 19.9 7.5 2.5 4.56 6.3 1.5a \
        1.4 5.2b 1.5e 11.20 30.10 200.19c0 40.568d 43.2e 2.10d 3.10 a.2 14.2f 10.1f 2.50 27.9 2.67 2.40 \
        5.2 1.1 1.5 18.10 1.3 1.4 1.17 1d.34 e.32 3e.6 3.1 1.2 b.1c a.17 19.1d 7.2f 1c.1 10.5 1.a a.5 \
        1.29 17.3 1.8 14.17 3.1 3.32 1.1 3.2 2.5 2.1 1.1 18.3 2.b 7.3 c.6 2.6 2.6 9.7 1.7 1.2b 1.e 6.73 \
        1d.2ba4 c.17 4.31 2104.16e 2.6a 26.7 c.5 5.1 1.a 1.d 1.5 1.1 1.2 1.2 1.6c 21.8b 6.da 12.40 2.36 \
        28.a 77.1 1.1 3.1 1.1 1.1 1.1 1.7e 24.1a 6.1a b.38 2.1f 3.6 2.6 2.6 2.3 23.c 1.1a 1.13 1.2 1.f \
        2.e 22.7b 45.35 10b.1d 3.31 2f.20 d.1e 5.26 a.1e 2.24 4.8 1.5 2a.9e 12.24 4.24 4.28 8.34 c.b \
        1.f 1.7 1.2 1.b 1.f 1.7 1.2 43.137 9.16 a.8 18.6 1.2a 1.9 45.6 2.1 1.2c 1.2 3.1 2.17 a.17 9.1f \
        41.13 1.2 a.16 a.1a 46.38 6.2 40.1 f.4 1.3 1.1d 2a.1d 3.1d 23.8 1.1c 1b.36 a.16 a.13 d.12 6e.49 \
        37.33 d.33 d.24 15c.2a 6.2 4e.1d a.1 8.16 2a.12 2e.15 1b.17 c.35 39.2 2.1 d.2d 20.19 1a.24 1d.1 \
        2.1 8.23 3.1 c.30 e.4 15.1 1.1 23.12 1.19 54.7 1.1 1.4 1.f 1.a 7.2f 26.8 2.2 2.16 1.7 1.2 1.5 \
        3.1 12.1 c.5 9e.35 12.4 14.3 1e.30 14.2 1.1 b8.2f 29.4 24.30 14.1 3b.2b d.1 47.1b 25.7 b9.2c \
        74.40 1f.8 2.1 2.8 1.2 1.18 f.1 1.1 5e.8 2.27 10.1 1.1 1c.1 a.28 7.1 15.1 b.2e 13.1 12.49 107.9 \
        1.25 11.1 31.1e 70.7 1.2 1.26 15.1 19.6 1.2 1.20 e.1 147.13 bd.1 4f.39a 66.6f 11.c4 a4c.61 \
        f.42f fd1.247 21b9.239 7.1f 11.4f 11.1e 12.30 10.4 1f.15 5.13 2b0.40 80.4b 5.1 42.d 40.2 1.1 \
        1c.17f8 8.4d6 2a.9 22e7.4 1.7 1.2 1.123 2d.3 11.4 8.18c 904.6b 5.d 3.9 7.a 1766.55 1.47 1.2 2.1 \
        2.2 2.4 1.c 1.1 1.7 1.41 1.4 2.8 1.7 1.1c 1.4 1.5 1.1 3.7 1.154 2.19 1.19 1.1f 1.19 1.1f 1.19 \
        1.1f 1.19 1.1f 1.19 1.8 734.1f 1e1.2d a.7 10.1 141.1e 12.2c 4f4.7 1.4 1.2 1.f 1.c5 3b.44 7.1 \
        4b4.4 1.1b 1.2 1.1 2.1 1.a 1.4 1.1 1.1 6.1 4.1 1.1 1.1 1.3 1.2 1.1 2.1 1.1 1.1 1.1 1.1 1.2 1.1 \
        2.4 1.7 1.4 1.4 1.1 1.a 1.11 5.3 1.5 1.11 1144.a6e0 20.1039 7.de 2.1682 e.1d31 c1f.21e 5e2.134b";
    /// identifier continuation characters (XID_Continue).
    pub const XID_CONTINUE: &str = "30.a 7.1a 4.1 1.1a 2f.1 a.1 1.1 2.1 5.17 1.1f 1.1ca 4.c e.5 7.1 1.1 11.75 1.2 3.3 1.1 6.5 1.1 \
        1.14 1.53 1.8b 1.5 2.a6 1.26 2.1 6.29 8.2d 1.1 1.2 1.2 1.1 8.1b 4.4 1d.b 5.4a 4.66 1.8 2.a 1.13 \
        2.1 10.3b 2.65 e.36 4.1 2.1 2.2e 12.1c 4.b 5.18 1.6 9.4a 1.81 2.a 1.13 1.8 2.2 2.16 1.7 1.1 3.4 \
        2.9 2.2 2.4 8.1 4.2 1.5 2.c a.1 1.1 2.3 1.6 4.2 2.16 1.7 1.2 1.2 1.2 2.1 1.5 4.2 2.3 3.1 7.4 \
        1.1 7.10 b.3 1.9 1.3 1.16 1.7 1.2 1.5 2.a 1.3 1.3 2.1 f.4 2.a 9.7 1.3 1.8 2.2 2.16 1.7 1.2 1.5 \
        2.9 2.2 2.3 7.3 4.2 1.5 2.a 1.1 10.2 1.6 3.3 1.4 3.2 1.1 1.2 3.2 3.3 3.c 4.5 3.3 1.4 2.1 6.1 \
        e.a 10.d 1.3 1.17 1.10 2.9 1.3 1.4 7.2 1.3 2.1 2.4 2.a 10.4 1.8 1.3 1.17 1.a 1.5 2.9 1.3 1.4 \
        7.2 6.2 1.4 2.a 1.2 d.d 1.3 1.33 1.3 1.5 5.4 7.5 2.a a.6 1.3 1.12 3.18 1.9 1.1 2.7 3.1 4.6 1.1 \
        1.8 6.a 2.2 d.3a 5.f 1.a 27.2 1.1 1.5 1.18 1.1 1.17 2.5 1.1 1.6 2.a 2.4 20.1 17.2 6.a b.1 1.1 \
        1.1 4.a 1.24 4.14 1.12 1.24 9.1 39.4a 6.4e 2.26 1.1 5.1 2.2b 1.14d 1.4 2.7 1.1 1.4 2.29 1.4 \
        2.21 1.4 2.7 1.1 1.4 2.f 1.39 1.4 2.43 2.3 9.9 e.10 10.56 2.6 3.26c 2.11 1.1a 5.4b 3.b 7.16 \
        9.16 b.14 c.d 1.3 1.2 c.54 3.1 4.2 2.a 21.3 1.b 6.59 7.2b 5.46 a.1f 1.c 4.c a.28 2.5 b.2c 4.1a \
        6.b 25.1c 4.3f 1.1d 2.b 6.a d.1 8.e 1.10 31.4d 3.a 11.9 c.74 c.38 8.a 3.31 2.9 7.2b 2.3 10.3 \
        1.27 5.216 2.6 2.26 2.6 2.8 1.1 1.1 1.1 1.1f 2.35 1.7 1.1 3.3 1.7 3.4 2.6 4.d 5.3 1.7 42.2 13.1 \
        1c.1 d.1 10.d 33.d 4.1 3.c 11.1 4.1 2.a 1.1 2.6 6.1 1.1 1.1 1.10 2.4 5.5 4.1 11.29 a77.e5 6.9 \
        c.26 1.1 5.1 2.38 7.1 f.18 9.7 1.7 1.7 1.7 1.7 1.7 1.7 1.7 1.20 205.3 19.f 1.5 2.5 4.56 2.2 2.3 \
        1.5a 1.4 5.2b 1.5e 11.20 30.10 200.19c0 40.568d 43.2e 2.10d 3.1c 14.30 4.a 1.73 25.9 2.67 2.40 \
        5.2 1.1 1.5 18.36 4.1 13.34 c.46 a.a 6.18 3.1 1.31 2.24 c.1d 3.41 e.b 6.1f 1.37 9.e 2.a 6.17 \
        3.49 18.3 2.10 2.5 a.6 2.6 2.6 9.7 1.7 1.2b 1.e 6.7b 1.2 2.a 6.2ba4 c.17 4.31 2104.16e 2.6a \
        26.7 c.5 5.c 1.d 1.5 1.1 1.2 1.2 1.6c 21.8b 6.da 12.40 2.36 28.a 6.10 10.10 3.2 18.3 21.1 1.1 \
        3.1 1.1 1.1 1.1 1.7e 13.a 7.1a 4.1 1.1a b.59 3.6 2.6 2.6 2.3 23.c 1.1a 1.13 1.2 1.f 2.e 22.7b \
        45.35 88.1 82.1d 3.31 f.1 1f.20 d.1e 5.2b 5.1e 2.24 4.8 1.5 2a.9e 2.a 6.24 4.24 4.28 8.34 c.b \
        1.f 1.7 1.2 1.b 1.f 1.7 1.2 43.137 9.16 a.8 18.6 1.2a 1.9 45.6 2.1 1.2c 1.2 3.1 2.17 a.17 9.1f \
        41.13 1.2 a.16 a.1a 46.38 6.2 40.4 1.2 5.8 1.3 1.1d 2.3 4.1 20.1d 3.1d 23.8 1.1e 19.36 a.16 \
        a.13 d.12 6e.49 37.33 d.33 d.28 8.a 146.2a 1.2 3.2 4e.1d a.1 8.21 1f.16 2a.15 1b.17 9.47 1f.10 \
        9.3c 7.1 d.19 7.a 6.35 1.a 4.4 8.24 2.1 9.45 4.4 1.d 1.1 23.12 1.25 6.1 41.7 1.1 1.4 1.f 1.a \
        7.3b 5.a 6.4 1.8 2.2 2.16 1.7 1.2 1.5 1.a 2.2 2.3 2.1 6.1 5.7 2.7 3.5 8b.4b 5.a 4.4 1e.46 1.1 \
        8.a a6.36 2.9 17.6 22.41 3.1 b.a 26.39 7.a 36.1b 2.f 4.a 6.7 b9.3b 65.4a 15.8 2.1 2.8 1.2 1.1e \
        1.2 2.9 c.a 46.8 2.2e 2.8 1.2 1b.3f 8.1 8.4a 3.1 12.49 107.9 1.2d 1.9 f.a 18.1e 2.16 1.e 49.7 \
        1.2 1.2c 3.1 1.2 1.9 8.a 6.6 1.2 1.25 1.2 1.6 7.a 136.17 b9.1 4f.39a 66.6f 11.c4 a4c.61 f.42f \
        fd1.247 21b9.239 7.1f 1.a 6.4f 1.a 6.1e 2.5 b.37 9.4 c.a 9.15 5.13 2b0.40 80.4b 4.39 7.11 40.2 \
        1.2 b.2 e.17f8 8.4d6 2a.9 22e7.4 1.7 1.2 1.123 2d.3 11.4 8.18c 904.6b 5.d 3.9 7.a 3.2 1261.2e \
        2.17 21e.5 3.6 8.8 2.7 1e.4 94.3 1bb.55 1.47 1.2 2.1 2.2 2.4 1.c 1.1 1.7 1.41 1.4 2.8 1.7 1.1c \
        1.4 1.5 1.1 3.7 1.154 2.19 1.19 1.1f 1.19 1.1f 1.19 1.1f 1.19 1.1f 1.19 1.8 2.32 200.37 4.32 \
        8.1 e.1 16.5 1.f 450.1f e1.7 1.11 2.7 1.2 1.5 d5.2d 3.e 2.a 4.1 141.1f 11.3a 4e6.7 1.4 1.2 1.f \
        1.c5 b.7 29.4c 4.a 4a6.4 1.1b 1.2 1.1 2.1 1.a 1.4 1.1 1.1 6.1 4.1 1.1 1.1 1.3 1.2 1.1 2.1 1.1 \
        1.1 1.1 1.1 1.2 1.1 2.4 1.7 1.4 1.4 1.1 1.a 1.11 5.3 1.5 1.11 d34.a 406.a6e0 20.1039 7.de \
        2.1682 e.1d31 c1f.21e 5e2.134b aedb5.f0";
    /// Case_Ignorable (for the final-sigma rule): Mn Me Cf Lm Sk and word-internal punctuation.
    pub const CASE_IGNORABLE: &str = "27.1 6.1 b.1 23.1 1.1 47.1 4.1 1.1 4.1 2.2 1f7.c0 4.2 4.1 9.2 1.1 fb.7 cf.1 5.1 31.2d 1.1 1.2 \
        1.2 1.1 2c.1 b.6 a.b 1.1 23.1 a.15 10.1 65.8 1.a 1.4 21.1 1.1 1e.1b 5b.b 3a.b 4.1 2.1 18.18 \
        2b.3 2c.1 7.2 6.8 29.3a 37.1 1.1 4.8 4.1 3.7 a.2 d.1 f.1 3a.1 4.4 8.1 14.2 1a.1 2.2 39.1 4.2 \
        4.2 2.3 3.1 1e.2 3.1 b.2 39.1 4.5 1.2 4.1 14.2 16.6 1.1 3a.1 2.1 1.4 8.1 7.2 b.2 1e.1 3d.1 c.1 \
        32.1 3.1 37.1 1.3 5.3 1.4 7.2 b.2 1d.1 3a.1 2.1 6.1 5.2 14.2 1c.2 39.2 4.4 8.1 14.2 1d.1 48.1 \
        7.3 1.1 5a.1 2.7 b.9 62.1 2.9 9.1 1.6 4a.2 1b.1 1.1 1.1 37.e 1.5 1.2 5.b 1.24 9.1 66.4 1.6 1.2 \
        2.2 19.2 4.3 10.4 d.1 2.2 6.1 f.1 5e.1 260.3 3b2.3 1d.2 1e.2 1e.2 40.2 1.7 8.1 2.b 3.1 5.1 2d.5 \
        33.1 41.2 22.1 76.3 4.2 9.1 6.3 db.2 2.1 3a.1 1.7 1.1 1.1 2.8 6.a 2.1 27.1 8.1f 31.4 30.1 1.5 \
        1.1 5.1 28.9 c.2 20.4 2.2 1.3 38.1 1.2 3.1 1.3 3a.8 2.2 40.6 52.3 1.d 1.7 4.1 6.1 3.2 32.3f d.1 \
        22.65 1bd.1 1.3 b.3 d.3 d.3 d.2 c.5 8.2 a.1 2.1 2.5 31.5 1.a 1.1 d.1 10.d 33.21 b8b.2 71.3 7d.1 \
        f.1 60.20 2f.1 1d5.1 24.4 3.5 5.1 5d.6 5d.3 6f16.1 4e2.6 10e.1 62.4 1.a 1.1 1c.4 50.2 e.22 4e.1 \
        17.3 67.3 3.2 8.1 3.1 4.1 19.2 5.1 97.2 1a.12 d.1 26.8 19.b 2e.3 30.1 2.4 2.2 11.1 15.2 42.6 \
        2.2 2.2 c.1 8.1 23.1 b.1 33.1 1.3 2.2 5.2 1.1 1b.1 e.2 5.2 1.1 64.5 9.3 79.1 2.1 4.1 4f30.1 \
        93.11 23d.10 3.1 c.10 22.1 2.1 a9.1 7.1 6.1 b.1 23.1 1.1 2f.1 2d.2 43.1 15.3 201.1 e2.1 95.5 \
        405.6 1.2a 1.9 246.3 1.2 5.4 28.3 4.1 a5.2 23d.4 183.2 99.b 31.4 7b.1 36.f 29.1 2.2 a.3 31.4 \
        2.2 2.1 4.1 a.1 32.3 24.5 1.8 3e.1 c.2 34.9 a.4 2.1 5f.3 2.1 1.2 6.1 a0.1 3.8 15.2 39.2 3.1 \
        25.7 3.5 c3.8 2.3 1.1 17.1 54.6 1.1 4.2 1.2 ee.4 6.2 1.2 1b.2 55.8 2.1 1.2 6a.1 1.1 2.6 1.1 \
        65.3 2.4 1.5 103.9 1.2 100.2 1.1 4.1 90.4 2.2 4.1 20.a 28.6 2.4 8.1 9.6 2.3 2e.d 1.2 196.7 1.6 \
        1.1 52.16 2.7 1.2 1.2 7a.6 3.1 1.2 1.7 1.1 48.2 3.1 1.1 15b.2 153b.9 36b7.5 3b.7 9.4 40b.1 \
        3f.11 40.2 1.2 400b.4 1.7 1.2 c9e.2 1.4 125c.2e 2.17 220.3 9.10 2.7 1e.4 94.3 7bb.37 4.32 8.1 \
        e.1 16.5 1.f 550.7 1.11 2.7 1.2 1.5 105.e 170.1 3d.4 5e0.7 6d.8 aaf.5 c0c01.1 1e.60 80.f0";
    /// Titlecase mappings that differ from the uppercase mapping: "CODE:MAPPED..;".
    pub const TITLE: &str = "df:53 73;1c4:1c5;1c5:1c5;1c6:1c5;1c7:1c8;1c8:1c8;1c9:1c8;1ca:1cb;1cb:1cb;1cc:1cb;1f1:1f2;\
        1f2:1f2;1f3:1f2;587:535 582;10d0:10d0;10d1:10d1;10d2:10d2;10d3:10d3;10d4:10d4;10d5:10d5;\
        10d6:10d6;10d7:10d7;10d8:10d8;10d9:10d9;10da:10da;10db:10db;10dc:10dc;10dd:10dd;10de:10de;\
        10df:10df;10e0:10e0;10e1:10e1;10e2:10e2;10e3:10e3;10e4:10e4;10e5:10e5;10e6:10e6;10e7:10e7;\
        10e8:10e8;10e9:10e9;10ea:10ea;10eb:10eb;10ec:10ec;10ed:10ed;10ee:10ee;10ef:10ef;10f0:10f0;\
        10f1:10f1;10f2:10f2;10f3:10f3;10f4:10f4;10f5:10f5;10f6:10f6;10f7:10f7;10f8:10f8;10f9:10f9;\
        10fa:10fa;10fd:10fd;10fe:10fe;10ff:10ff;1f80:1f88;1f81:1f89;1f82:1f8a;1f83:1f8b;1f84:1f8c;\
        1f85:1f8d;1f86:1f8e;1f87:1f8f;1f88:1f88;1f89:1f89;1f8a:1f8a;1f8b:1f8b;1f8c:1f8c;1f8d:1f8d;\
        1f8e:1f8e;1f8f:1f8f;1f90:1f98;1f91:1f99;1f92:1f9a;1f93:1f9b;1f94:1f9c;1f95:1f9d;1f96:1f9e;\
        1f97:1f9f;1f98:1f98;1f99:1f99;1f9a:1f9a;1f9b:1f9b;1f9c:1f9c;1f9d:1f9d;1f9e:1f9e;1f9f:1f9f;\
        1fa0:1fa8;1fa1:1fa9;1fa2:1faa;1fa3:1fab;1fa4:1fac;1fa5:1fad;1fa6:1fae;1fa7:1faf;1fa8:1fa8;\
        1fa9:1fa9;1faa:1faa;1fab:1fab;1fac:1fac;1fad:1fad;1fae:1fae;1faf:1faf;1fb2:1fba 345;1fb3:1fbc;\
        1fb4:386 345;1fb7:391 342 345;1fbc:1fbc;1fc2:1fca 345;1fc3:1fcc;1fc4:389 345;1fc7:397 342 345;\
        1fcc:1fcc;1ff2:1ffa 345;1ff3:1ffc;1ff4:38f 345;1ff7:3a9 342 345;1ffc:1ffc;fb00:46 66;fb01:46 69;\
        fb02:46 6c;fb03:46 66 69;fb04:46 66 6c;fb05:53 74;fb06:53 74;fb13:544 576;fb14:544 565;\
        fb15:544 56b;fb16:54e 576;fb17:544 56d";
    /// Case foldings that differ from the lowercase mapping: "CODE:MAPPED..;".
    pub const FOLD: &str = "b5:3bc;df:73 73;149:2bc 6e;17f:73;1f0:6a 30c;345:3b9;390:3b9 308 301;3b0:3c5 308 301;3c2:3c3;\
        3d0:3b2;3d1:3b8;3d5:3c6;3d6:3c0;3f0:3ba;3f1:3c1;3f5:3b5;587:565 582;13a0:13a0;13a1:13a1;\
        13a2:13a2;13a3:13a3;13a4:13a4;13a5:13a5;13a6:13a6;13a7:13a7;13a8:13a8;13a9:13a9;13aa:13aa;\
        13ab:13ab;13ac:13ac;13ad:13ad;13ae:13ae;13af:13af;13b0:13b0;13b1:13b1;13b2:13b2;13b3:13b3;\
        13b4:13b4;13b5:13b5;13b6:13b6;13b7:13b7;13b8:13b8;13b9:13b9;13ba:13ba;13bb:13bb;13bc:13bc;\
        13bd:13bd;13be:13be;13bf:13bf;13c0:13c0;13c1:13c1;13c2:13c2;13c3:13c3;13c4:13c4;13c5:13c5;\
        13c6:13c6;13c7:13c7;13c8:13c8;13c9:13c9;13ca:13ca;13cb:13cb;13cc:13cc;13cd:13cd;13ce:13ce;\
        13cf:13cf;13d0:13d0;13d1:13d1;13d2:13d2;13d3:13d3;13d4:13d4;13d5:13d5;13d6:13d6;13d7:13d7;\
        13d8:13d8;13d9:13d9;13da:13da;13db:13db;13dc:13dc;13dd:13dd;13de:13de;13df:13df;13e0:13e0;\
        13e1:13e1;13e2:13e2;13e3:13e3;13e4:13e4;13e5:13e5;13e6:13e6;13e7:13e7;13e8:13e8;13e9:13e9;\
        13ea:13ea;13eb:13eb;13ec:13ec;13ed:13ed;13ee:13ee;13ef:13ef;13f0:13f0;13f1:13f1;13f2:13f2;\
        13f3:13f3;13f4:13f4;13f5:13f5;13f8:13f0;13f9:13f1;13fa:13f2;13fb:13f3;13fc:13f4;13fd:13f5;\
        1c80:432;1c81:434;1c82:43e;1c83:441;1c84:442;1c85:442;1c86:44a;1c87:463;1c88:a64b;1e96:68 331;\
        1e97:74 308;1e98:77 30a;1e99:79 30a;1e9a:61 2be;1e9b:1e61;1e9e:73 73;1f50:3c5 313;\
        1f52:3c5 313 300;1f54:3c5 313 301;1f56:3c5 313 342;1f80:1f00 3b9;1f81:1f01 3b9;1f82:1f02 3b9;\
        1f83:1f03 3b9;1f84:1f04 3b9;1f85:1f05 3b9;1f86:1f06 3b9;1f87:1f07 3b9;1f88:1f00 3b9;\
        1f89:1f01 3b9;1f8a:1f02 3b9;1f8b:1f03 3b9;1f8c:1f04 3b9;1f8d:1f05 3b9;1f8e:1f06 3b9;\
        1f8f:1f07 3b9;1f90:1f20 3b9;1f91:1f21 3b9;1f92:1f22 3b9;1f93:1f23 3b9;1f94:1f24 3b9;\
        1f95:1f25 3b9;1f96:1f26 3b9;1f97:1f27 3b9;1f98:1f20 3b9;1f99:1f21 3b9;1f9a:1f22 3b9;\
        1f9b:1f23 3b9;1f9c:1f24 3b9;1f9d:1f25 3b9;1f9e:1f26 3b9;1f9f:1f27 3b9;1fa0:1f60 3b9;\
        1fa1:1f61 3b9;1fa2:1f62 3b9;1fa3:1f63 3b9;1fa4:1f64 3b9;1fa5:1f65 3b9;1fa6:1f66 3b9;\
        1fa7:1f67 3b9;1fa8:1f60 3b9;1fa9:1f61 3b9;1faa:1f62 3b9;1fab:1f63 3b9;1fac:1f64 3b9;\
        1fad:1f65 3b9;1fae:1f66 3b9;1faf:1f67 3b9;1fb2:1f70 3b9;1fb3:3b1 3b9;1fb4:3ac 3b9;1fb6:3b1 342;\
        1fb7:3b1 342 3b9;1fbc:3b1 3b9;1fbe:3b9;1fc2:1f74 3b9;1fc3:3b7 3b9;1fc4:3ae 3b9;1fc6:3b7 342;\
        1fc7:3b7 342 3b9;1fcc:3b7 3b9;1fd2:3b9 308 300;1fd3:3b9 308 301;1fd6:3b9 342;1fd7:3b9 308 342;\
        1fe2:3c5 308 300;1fe3:3c5 308 301;1fe4:3c1 313;1fe6:3c5 342;1fe7:3c5 308 342;1ff2:1f7c 3b9;\
        1ff3:3c9 3b9;1ff4:3ce 3b9;1ff6:3c9 342;1ff7:3c9 342 3b9;1ffc:3c9 3b9;ab70:13a0;ab71:13a1;\
        ab72:13a2;ab73:13a3;ab74:13a4;ab75:13a5;ab76:13a6;ab77:13a7;ab78:13a8;ab79:13a9;ab7a:13aa;\
        ab7b:13ab;ab7c:13ac;ab7d:13ad;ab7e:13ae;ab7f:13af;ab80:13b0;ab81:13b1;ab82:13b2;ab83:13b3;\
        ab84:13b4;ab85:13b5;ab86:13b6;ab87:13b7;ab88:13b8;ab89:13b9;ab8a:13ba;ab8b:13bb;ab8c:13bc;\
        ab8d:13bd;ab8e:13be;ab8f:13bf;ab90:13c0;ab91:13c1;ab92:13c2;ab93:13c3;ab94:13c4;ab95:13c5;\
        ab96:13c6;ab97:13c7;ab98:13c8;ab99:13c9;ab9a:13ca;ab9b:13cb;ab9c:13cc;ab9d:13cd;ab9e:13ce;\
        ab9f:13cf;aba0:13d0;aba1:13d1;aba2:13d2;aba3:13d3;aba4:13d4;aba5:13d5;aba6:13d6;aba7:13d7;\
        aba8:13d8;aba9:13d9;abaa:13da;abab:13db;abac:13dc;abad:13dd;abae:13de;abaf:13df;abb0:13e0;\
        abb1:13e1;abb2:13e2;abb3:13e3;abb4:13e4;abb5:13e5;abb6:13e6;abb7:13e7;abb8:13e8;abb9:13e9;\
        abba:13ea;abbb:13eb;abbc:13ec;abbd:13ed;abbe:13ee;abbf:13ef;fb00:66 66;fb01:66 69;fb02:66 6c;\
        fb03:66 66 69;fb04:66 66 6c;fb05:73 74;fb06:73 74;fb13:574 576;fb14:574 565;fb15:574 56b;\
        fb16:57e 576;fb17:574 56d";

    /// Decodes a "GAP.LEN" range table into sorted inclusive ranges.
    fn decode(table: &str) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        let mut prev = 0u32;
        for part in table.split_ascii_whitespace() {
            let (gap, len) = part.split_once('.').expect("range table entry");
            let start = prev + u32::from_str_radix(gap, 16).expect("hex");
            let end = start + u32::from_str_radix(len, 16).expect("hex") - 1;
            out.push((start, end));
            prev = end + 1;
        }
        out
    }

    fn decode_map(table: &str) -> HashMap<u32, Vec<char>> {
        let mut m = HashMap::new();
        for part in table.split(';') {
            let Some((k, v)) = part.split_once(':') else { continue };
            let k = u32::from_str_radix(k.trim(), 16).expect("hex");
            let v: Vec<char> = v.split_ascii_whitespace()
                .filter_map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32)).collect();
            m.insert(k, v);
        }
        m
    }

    fn contains(ranges: &[(u32, u32)], c: char) -> bool {
        let c = c as u32;
        match ranges.binary_search_by(|&(lo, hi)| {
            if hi < c { std::cmp::Ordering::Less } else if lo > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }
        }) {
            Ok(_) => true,
            Err(_) => false,
        }
    }

    macro_rules! range_pred {
        ($name:ident, $table:ident) => {
            pub fn $name(c: char) -> bool {
                static T: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
                contains(T.get_or_init(|| decode($table)), c)
            }
        };
    }
    range_pred!(is_alpha, ALPHA);
    range_pred!(is_decimal, DECIMAL);
    range_pred!(is_digit, DIGIT);
    range_pred!(is_numeric, NUMERIC);
    range_pred!(is_printable, PRINTABLE);
    range_pred!(is_xid_start, XID_START);
    range_pred!(is_xid_continue, XID_CONTINUE);
    range_pred!(is_case_ignorable, CASE_IGNORABLE);

    /// The titlecase mapping of `c` when it differs from its uppercase.
    pub fn title_of(c: char) -> Option<&'static [char]> {
        static T: OnceLock<HashMap<u32, Vec<char>>> = OnceLock::new();
        T.get_or_init(|| decode_map(TITLE)).get(&(c as u32)).map(|v| v.as_slice())
    }
    /// The case folding of `c` when it differs from its lowercase.
    pub fn fold_of(c: char) -> Option<&'static [char]> {
        static T: OnceLock<HashMap<u32, Vec<char>>> = OnceLock::new();
        T.get_or_init(|| decode_map(FOLD)).get(&(c as u32)).map(|v| v.as_slice())
    }
}
