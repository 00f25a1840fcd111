//! String representation and formatting: `repr(str)`, `ascii()`, str
//! indexing, `format(value, spec)` dispatch, and `%`-formatting.
//! The format-spec mini-language itself lives in `types/fmtspec.rs`.

use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};

/// Python's `repr()` of a str.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => { out.push('\\'); out.push(c); }
            c if is_printable(c) => out.push(c),
            c => {
                let n = c as u32;
                if n < 0x100 { out.push_str(&format!("\\x{n:02x}")); }
                else if n < 0x10000 { out.push_str(&format!("\\u{n:04x}")); }
                else { out.push_str(&format!("\\U{n:08x}")); }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character (Unicode 14 tables, as CPython 3.11).
pub fn is_printable(c: char) -> bool { crate::types::str::py_isprintable(c) }

/// `ascii()` of a str repr: non-ASCII characters escaped.
pub fn ascii_escape(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 { out.push(c); }
        else if n < 0x100 { out.push_str(&format!("\\x{n:02x}")); }
        else if n < 0x10000 { out.push_str(&format!("\\u{n:04x}")); }
        else { out.push_str(&format!("\\U{n:08x}")); }
    }
    out
}

impl Vm {
    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let r = self.repr_string(v)?;
        Ok(self.new_str(&ascii_escape(&r)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let spec = if spec.is_null() { self.r.empty_str.get() } else { spec };
        let cls = self.type_of(v);
        if !self.is_heap_class(cls) || self.lookup_type(cls, self.n(N::format)).map_or(false, |m| self.is_builtin_fn(m)) {
            if let Some(r) = crate::types::fmtspec::format_builtin(self, v, str_ref(spec))? {
                return Ok(self.new_str(&r));
            }
        }
        let m = self.lookup_type(cls, self.n(N::format)).expect("object.__format__");
        let r = self.call(m, &[v, spec])?;
        if !self.is_str(r) {
            let tn = self.type_name(r);
            return Err(self.new_exc(Exc::TypeError, &format!("__format__ must return a str, not {tn}")));
        }
        Ok(r)
    }
}

/// Index of the `i`-th character's byte offset.
pub fn char_offset(s: &str, nchars: usize, i: usize) -> usize {
    if s.len() == nchars { i } else { s.char_indices().nth(i).map(|(o, _)| o).unwrap_or(s.len()) }
}

/// `s[k]` for a str.
pub fn str_getitem(vm: &mut Vm, s: Value, k: Value) -> PyResult<Value> {
    let n = obj::<StrL>(s).nchars;
    let st = str_ref(s);
    if k.is_ref() && kind_of(k) == Kind::Slice {
        let pos = vm.slice_positions(k, n)?;
        if n == st.len() {
            let b = st.as_bytes();
            let out: Vec<u8> = pos.iter().map(|&i| b[i]).collect();
            // SAFETY-free: ASCII bytes are valid UTF-8.
            return Ok(vm.new_str(std::str::from_utf8(&out).unwrap()));
        }
        let chars: Vec<char> = st.chars().collect();
        let out: String = pos.iter().map(|&i| chars[i]).collect();
        return Ok(vm.new_str(&out));
    }
    let Some(i) = vm.index_value(k)? else {
        let tn = vm.type_name(k);
        return Err(vm.new_exc(Exc::TypeError, &format!("string indices must be integers, not '{tn}'")));
    };
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 { return Err(vm.new_exc(Exc::IndexError, "string index out of range")); }
    let off = char_offset(st, n, j as usize);
    let c = st[off..].chars().next().unwrap();
    let mut buf = [0u8; 4];
    Ok(vm.new_str(c.encode_utf8(&mut buf)))
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let r = crate::types::fmtspec::percent_format(vm, str_ref(fmt), args)?;
    Ok(vm.new_str(&r))
}

/// `bytes % args` (ASCII-compatible subset).
pub fn percent_format_bytes(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let f = bytes_slice(fmt).to_vec();
    let r = crate::types::fmtspec::percent_format_bytes(vm, &f, args)?;
    Ok(vm.new_bytes(&r))
}

#[allow(dead_code)]
fn _ty(vm: &Vm) -> Value { vm.ty(Ty::Str) }
