//! The record tags and primitive encodings of skiff's pickle format.
//!
//! Integers are LEB128 varints (`uvar`), signed ones zigzag-encoded first
//! (`svar`); strings and byte strings are a length then the bytes. Records
//! start with a one-byte tag:
//!
//! | tag | record | payload |
//! |-----|--------|---------|
//! | NULL, NONE, TRUE, FALSE, ELLIPSIS, NOTIMPL | immediates | - |
//! | INT | small int | svar |
//! | BIGINT | big int | len, two's complement little-endian bytes |
//! | FLOAT / COMPLEX | | 8 / 16 bytes, IEEE little-endian |
//! | STR / BYTES / BYTEARRAY | | len, bytes (STR: UTF-8) |
//! | TUPLE / FROZENSET | | count, values |
//! | LIST / SET | | values, END |
//! | DICT | | key, value pairs, END |
//! | REF | earlier object | memo number |
//! | GLOBAL | class or function by name | module str, qualname str |
//! | MODULE / GLOBALS | a module / its `__dict__` | name str |
//! | BUILTIN_METHOD | `obj.name`, a bound builtin | obj, name str |
//! | FUNCTION | a function, whole | code, globals, name, qualname, then defaults, kwdefaults, closure, dict, module, doc |
//! | CODE | a code object | see `dec::load_code` |
//! | CELL | a cell | contents |
//! | FRAME | an interpreter frame | code, globals, fields, slots |
//! | GENERATOR | | state, name, qualname, frame |
//! | BOUND_METHOD | | function, self |
//! | INSTANCE | an instance, default protocol | class, state kind, state |
//! | REDUCE | `__reduce__` result | callable, args, state, listitems, dictitems |
//! | RANGE / SLICE | | three values |
//! | ITER | a builtin iterator | kind, four slot values |
//! | TRACEBACK | | next, frame, line, pc |
//! | TASKLET / CHANNEL | | see `enc::save_tasklet` / `enc::save_channel` |
//! | SUBCLASS | a list/dict/set/tuple/... subclass instance | class, inner record, attrs |

pub const MAGIC: &[u8; 4] = b"SKPK";
pub const FORMAT_VERSION: u8 = 1;

pub mod tag {
    pub const NULL: u8 = 0;
    pub const NONE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const FALSE: u8 = 3;
    pub const ELLIPSIS: u8 = 4;
    pub const NOTIMPL: u8 = 5;
    pub const INT: u8 = 6;
    pub const BIGINT: u8 = 7;
    pub const FLOAT: u8 = 8;
    pub const COMPLEX: u8 = 9;
    pub const STR: u8 = 10;
    pub const BYTES: u8 = 11;
    pub const BYTEARRAY: u8 = 12;
    pub const TUPLE: u8 = 13;
    pub const LIST: u8 = 14;
    pub const DICT: u8 = 15;
    pub const SET: u8 = 16;
    pub const FROZENSET: u8 = 17;
    pub const REF: u8 = 18;
    pub const GLOBAL: u8 = 19;
    pub const MODULE: u8 = 20;
    pub const GLOBALS: u8 = 21;
    pub const FUNCTION: u8 = 22;
    pub const CODE: u8 = 23;
    pub const CELL: u8 = 24;
    pub const FRAME: u8 = 25;
    pub const GENERATOR: u8 = 26;
    pub const BOUND_METHOD: u8 = 27;
    pub const INSTANCE: u8 = 28;
    pub const REDUCE: u8 = 29;
    pub const RANGE: u8 = 30;
    pub const SLICE: u8 = 31;
    pub const ITER: u8 = 32;
    pub const TRACEBACK: u8 = 33;
    pub const TASKLET: u8 = 34;
    pub const CHANNEL: u8 = 35;
    pub const BUILTIN_METHOD: u8 = 36;
    pub const SUBCLASS: u8 = 37;
    pub const END: u8 = 38;
}

/// The iterator kinds an ITER record may hold, by their number in the record.
pub const ITER_KINDS: &[skiff_vm::heap::Kind] = {
    use skiff_vm::heap::Kind::*;
    &[ListIter, TupleIter, RangeIter, StrIter, BytesIter, DictKeyIter, DictValueIter, DictItemIter, SetIter,
      Enumerate, Zip, Map, Filter, Reversed, SeqIter, CallIter]
};

/// The bytecode ABI: FNV-1a over the opcode names in order and the frame
/// layout's version, so renumbered opcodes or a changed frame layout make
/// old pickles fail cleanly instead of running the wrong instructions.
pub fn abi() -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| { h ^= b as u32; h = h.wrapping_mul(0x0100_0193); };
    for op in skiff_vm::bytecode::Op::ALL {
        for b in op.name().bytes() { eat(b); }
        eat(b',');
    }
    for b in b"frame-v1 tasklet-v1" { eat(*b); }
    h
}

pub fn put_uvar(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 { out.push(b); return; }
        out.push(b | 0x80);
    }
}

pub fn put_svar(out: &mut Vec<u8>, v: i64) { put_uvar(out, ((v << 1) ^ (v >> 63)) as u64) }

pub fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_uvar(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// A cursor over untrusted input: every read is bounds-checked and fails
/// with a message instead of panicking.
pub struct Reader<'a> {
    pub data: &'a [u8],
    pub pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self { Reader { data, pos: 0 } }
    pub fn remaining(&self) -> usize { self.data.len() - self.pos }
    pub fn u8(&mut self) -> Result<u8, String> {
        let b = *self.data.get(self.pos).ok_or("pickle data was truncated")?;
        self.pos += 1;
        Ok(b)
    }
    pub fn peek(&self) -> Result<u8, String> { self.data.get(self.pos).copied().ok_or_else(|| "pickle data was truncated".into()) }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.remaining() { return Err("pickle data was truncated".into()); }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn uvar(&mut self) -> Result<u64, String> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            let bits = (b & 0x7f) as u64;
            if shift == 63 && bits > 1 { return Err("varint overflows 64 bits".into()); }
            v |= bits << shift;
            if b & 0x80 == 0 { return Ok(v); }
        }
        Err("varint is too long".into())
    }
    pub fn svar(&mut self) -> Result<i64, String> {
        let u = self.uvar()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    pub fn u32v(&mut self) -> Result<u32, String> {
        u32::try_from(self.uvar()?).map_err(|_| "number out of range".to_string())
    }
    /// A count of items that each take at least `min_bytes` of input: larger
    /// counts cannot be honest, so they fail before anything is allocated.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, String> {
        let n = self.uvar()?;
        if n > (self.remaining() / min_bytes.max(1)) as u64 {
            return Err(format!("count {n} exceeds the remaining data"));
        }
        Ok(n as usize)
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.count(1)?;
        self.take(n)
    }
    pub fn f64(&mut self) -> Result<f64, String> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }
}
