//! Code objects on the heap: a `CodeUnit` from the compiler becomes a `Code`
//! object whose constants are Values, plus Rust-side `CodeData` (bytecode,
//! line table, exception table, inline caches).

use crate::bytecode::{Const, CodeUnit, ExcEntry, Instr, CodeFlags, Op};
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Ty, Vm};
use skiff_gc::Tracer;

/// One inline-cache entry (one per instruction, in `CodeData::caches`).
/// An entry is trusted only while the versions it records still match
/// (dict and class versions come from one counter and are never reused).
///
/// **Rule (references in caches):** the words that hold object addresses
/// are *traced*: the Code object's trace function calls [`trace_caches`],
/// which visits them, so a moving collector updates them (an untraced stale
/// address could later match a new object allocated at the same place).
/// Which words hold references follows from the instruction and the low
/// bits of `key`, and nothing else; plain integers (versions, slot indices)
/// are never visited. The forms:
///
/// | instruction            | key                        | key2          | val                 |
/// |------------------------|----------------------------|---------------|---------------------|
/// | LOAD_GLOBAL            | globals version            | builtins vers.| **Value** (0: empty)|
/// | LOAD_ATTR (instance)   | **shape**                  | class version | slot index          |
/// | LOAD_ATTR / LOAD_METHOD (module) | **module dict** `\| 4` | dict version | **Value**     |
/// | LOAD_ATTR (class)      | **class** `\| 2`          | class version | **Value**           |
/// | LOAD_ATTR (instance, class value) | **shape** `\| 1` | class version | **Value**     |
/// | LOAD_METHOD (method)   | **shape** `\| 1`, or 0 (not an instance) | class version | **Value** |
/// | STORE_ATTR (slot)      | **shape**                  | class version | slot index          |
/// | STORE_ATTR (transition)| **shape** `\| 2`          | class version | **shape** (Value)   |
/// | KW_NAMES               | 1 once checked             | 0             | 0                   |
///
/// (bold: a reference; the tag bits in `key`'s low three bits are kept
/// when it is updated.) Every fill that stores a reference runs
/// `heap::barrier(code)` right after: the code object may be old while the
/// cached object is young.
#[derive(Clone, Copy, Default)]
pub struct Cache {
    pub key: u64,
    pub key2: u64,
    pub val: u64,
}

/// Tag in `Cache::key`'s low bits: the module-attribute form (key is the
/// module dict's address).
pub const CACHE_KEY_MODULE: u64 = 4;
/// Tag in `Cache::key`'s low bits: LOAD_METHOD's method form on an instance.
pub const CACHE_KEY_METHOD: u64 = 1;
/// Tag in `Cache::key`'s low bits: STORE_ATTR's transition form.
pub const CACHE_KEY_TRANSITION: u64 = 2;
/// Tag in `Cache::key`'s low bits: LOAD_ATTR's form for an attribute of a
/// class object (key is the class's address).
pub const CACHE_KEY_CLASS: u64 = 2;
/// Tag in `Cache::key`'s low bits: LOAD_ATTR's form for a plain value found
/// on the class of an instance whose shape lacks the name.
pub const CACHE_KEY_CLASS_VALUE: u64 = 1;

/// Visits every cache word of `data` that holds a reference (see the table
/// at [`Cache`]), for the trace function of `Kind::Code` (heap.rs), so a
/// moving collector updates them. Integers (versions, indices) are not
/// visited.
pub fn trace_caches(data: &mut CodeData, t: &mut dyn Tracer) {
    /// A word holding a Value (visited as it is).
    #[inline]
    fn value(t: &mut dyn Tracer, w: &mut u64) {
        if *w != 0 { t.visit(w as *mut u64); }
    }
    /// A word holding an address with a tag in its low three bits: the
    /// address alone is visited (through a temporary, read and rewritten
    /// at once) and the tag kept.
    #[inline]
    fn tagged(t: &mut dyn Tracer, w: &mut u64) {
        let (addr, tag) = (*w & !7, *w & 7);
        if addr == 0 { return; }
        if tag == 0 { t.visit(w as *mut u64); return; }
        let mut tmp = addr;
        t.visit(&mut tmp as *mut u64);
        // Written back only when moved: marking threads trace without
        // writing.
        if tmp != addr { *w = tmp | tag; }
    }
    for (ins, c) in data.instrs.iter().zip(data.caches.iter_mut()) {
        match ins.op {
            Op::LOAD_GLOBAL => value(t, &mut c.val),
            // Instance form: a shape and a slot index; module form: tagged
            // dict and a Value.
            Op::LOAD_ATTR => {
                let holds_value = matches!(c.key & 7, CACHE_KEY_MODULE | CACHE_KEY_CLASS | CACHE_KEY_CLASS_VALUE);
                tagged(t, &mut c.key);
                if holds_value { value(t, &mut c.val); }
            }
            // Both forms cache a Value; key is a tagged dict, a tagged
            // shape, or 0.
            Op::LOAD_METHOD => {
                tagged(t, &mut c.key);
                value(t, &mut c.val);
            }
            // Slot form: shape and index; transition form: tagged shape and
            // the new shape.
            Op::STORE_ATTR => {
                let transition = c.key & 7 == CACHE_KEY_TRANSITION;
                tagged(t, &mut c.key);
                if transition { value(t, &mut c.val); }
            }
            _ => {}
        }
    }
}

pub struct CodeData {
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub positions: Vec<(u32, u32)>,
    pub exc_table: Vec<ExcEntry>,
    pub caches: Vec<Cache>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub nlocals: u32,
    pub ncellvars: u32,
    pub nfreevars: u32,
    pub stacksize: u32,
    pub cell2arg: Vec<(u32, u32)>,
    pub first_line: u32,
    /// Hotness counter for the JIT hook and statistics.
    pub calls: u64,
}

impl CodeData {
    pub fn is_generator(&self) -> bool { self.flags & CodeFlags::GENERATOR != 0 }
    pub fn nslots(&self) -> u32 { self.nlocals + self.ncellvars + self.nfreevars + self.stacksize }
    /// The source line of instruction `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.lines.get(pc).copied().unwrap_or(self.first_line)
    }
}

/// The Rust-side part of a code object for a compiled unit: what
/// [`Vm::make_code`] stores, with fresh (empty) inline caches and the
/// compiler's stack size plus two spare slots.
pub fn code_data_from_unit(u: &CodeUnit) -> CodeData {
    CodeData {
        instrs: u.instrs.clone(),
        lines: u.lines.clone(),
        positions: u.positions.clone(),
        exc_table: u.exc_table.clone(),
        caches: vec![Cache::default(); u.instrs.len()],
        flags: u.flags,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        nlocals: u.varnames.len() as u32,
        ncellvars: u.cellvars.len() as u32,
        nfreevars: u.freevars.len() as u32,
        stacksize: u.stacksize + 2,
        cell2arg: u.cell2arg.clone(),
        first_line: u.first_line,
        calls: 0,
    }
}

impl Vm {
    /// Puts a compiled unit on the heap.
    pub fn make_code(&mut self, u: &CodeUnit) -> Value {
        let rv = crate::vm::RootedVec::new(&self.r);
        for c in &u.consts { let v = self.make_const(c); rv.push(v); }
        let consts = rv.to_tuple(self);
        let names = self.intern_tuple(&u.names);
        let varnames = self.intern_tuple(&u.varnames);
        let cellvars = self.intern_tuple(&u.cellvars);
        let freevars = self.intern_tuple(&u.freevars);
        let name = self.intern(&u.name);
        let qualname = self.new_str(&u.qualname);
        let filename = self.new_str(&u.filename);
        let doc = match &u.doc { Some(d) => self.new_str(d), None => Value::NONE };
        self.new_code([consts, names, varnames, cellvars, freevars, name, qualname, filename, doc], code_data_from_unit(u))
    }

    /// A code object from its heap parts, in `CodeL` order (consts, names,
    /// varnames, cellvars, freevars, name, qualname, filename, doc), and its
    /// bytecode. Code from anywhere but the compiler must pass
    /// `crate::verify::verify_code` first.
    pub fn new_code(&mut self, parts: [Value; 9], data: CodeData) -> Value {
        let [consts, names, varnames, cellvars, freevars, name, qualname, filename, doc] = parts;
        let c = self.alloc(Kind::Code, self.ty(Ty::Code), std::mem::size_of::<CodeL>());
        set_field!(c, CodeL, consts, consts);
        set_field!(c, CodeL, names, names);
        set_field!(c, CodeL, varnames, varnames);
        set_field!(c, CodeL, cellvars, cellvars);
        set_field!(c, CodeL, freevars, freevars);
        set_field!(c, CodeL, name, name);
        set_field!(c, CodeL, qualname, qualname);
        set_field!(c, CodeL, filename, filename);
        set_field!(c, CodeL, doc, doc);
        obj::<CodeL>(c).data = Box::into_raw(Box::new(data));
        c
    }

    /// A tuple built from values that are only held by a Rust Vec: the Vec is
    /// copied into a rooted buffer first so a collection during the tuple's
    /// allocation cannot free them.
    pub fn rooted_tuple(&mut self, items: &[Value]) -> Value {
        let rv = crate::vm::RootedVec::new(&self.r);
        for &x in items { rv.push(x); }
        let t = self.alloc_tuple(items.len());
        for i in 0..rv.len() { tuple_init(t, i, rv.get(i)); }
        if items.is_empty() { return self.new_tuple(&[]); }
        t
    }

    fn intern_tuple(&mut self, names: &[String]) -> Value {
        if names.is_empty() { return self.new_tuple(&[]); }
        // Each name goes into the tuple as soon as it is interned: interning
        // allocates, and a copy in a Rust Vec would go stale if a moving
        // collector ran meanwhile.
        let t = self.alloc_tuple(names.len());
        for (i, n) in names.iter().enumerate() {
            let v = self.intern(n);
            tuple_init(t, i, v);
        }
        t
    }

    pub fn make_const(&mut self, c: &Const) -> Value {
        match c {
            Const::None => Value::NONE,
            Const::True => Value::TRUE,
            Const::False => Value::FALSE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) => self.new_int(*i),
            Const::BigInt(s) => self.new_bigint(s.parse().expect("compiler emits decimal digits")),
            Const::Float(f) => self.new_float(*f),
            Const::Complex(re, im) => self.new_complex(*re, *im),
            Const::Str(s) => {
                // Identifier-like constants are interned (CPython does the same),
                // so attribute-name strings compare by pointer.
                if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') { self.intern(s) } else { self.new_str(s) }
            }
            Const::Bytes(b) => self.new_bytes(b),
            Const::Tuple(items) => {
                let rv = crate::vm::RootedVec::new(&self.r);
                for x in items { let v = self.make_const(x); rv.push(v); }
                rv.to_tuple(self)
            }
            Const::Code(u) => self.make_code(u),
        }
    }
}
