//! Code objects on the heap: a `CodeUnit` from the compiler becomes a `Code`
//! object whose constants are Values, plus Rust-side `CodeData` (bytecode,
//! line table, exception table, inline caches).

use crate::bytecode::{Const, CodeUnit, ExcEntry, Instr, CodeFlags};
use crate::heap::*;
use crate::value::Value;
use crate::vm::{Ty, Vm};

/// One inline-cache entry. Values stored here are never traced: each entry
/// is trusted only while the version or shape it records still matches, and
/// versions are unique and shapes immortal, so a matching entry's value is
/// still reachable from the structure it was read from.
#[derive(Clone, Copy, Default)]
pub struct Cache {
    pub key: u64,
    pub key2: u64,
    pub val: u64,
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
        let consts = self.rooted_tuple(&rv.to_vec());
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
        let v: Vec<Value> = names.iter().map(|n| self.intern(n)).collect();
        // Interned strings are rooted by the intern table.
        self.new_tuple(&v)
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
                self.rooted_tuple(&rv.to_vec())
            }
            Const::Code(u) => self.make_code(u),
        }
    }
}
