//! The assembler: an instruction buffer with labels, per-instruction
//! exception handlers and line numbers, turned into a [`CodeUnit`].
//!
//! Rules this pass obeys:
//! - Jump arguments are label ids until [`Assembler::finish`] replaces them
//!   with instruction indices; every label a jump uses must be bound.
//! - A `JUMP` to the label bound right after it is removed.
//! - Code that cannot be reached is not emitted: after an unconditional
//!   transfer (`JUMP`, `JUMP_BACKWARD`, `RETURN_VALUE`, `RAISE_VARARGS`,
//!   `RERAISE`) emission is suppressed until a label that some emitted jump
//!   (or some emitted instruction's exception handler) refers to is bound.
//! - Every instruction records the handler that was current when it was
//!   emitted; runs of instructions with the same handler become one
//!   exception-table entry.
//! - `stacksize` comes from a flow analysis over the final instructions,
//!   seeded at instruction 0 with depth 0 and at every handler with its
//!   entry's depth plus one (the pushed exception).

use std::collections::HashMap;

use crate::bytecode::{CodeUnit, Const, ExcEntry, Instr, MakeFunctionFlags, Op};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

/// An exception handler: where to go, and the stack depth to cut back to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Handler {
    pub label: Label,
    pub depth: u32,
}

const UNBOUND: u32 = u32::MAX;

/// Hashable identity of a constant, for deduplication (floats by bits, so
/// `0.0` and `-0.0` stay distinct; `True` and `1` are distinct variants).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    Big(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::True => ConstKey::True,
        Const::False => ConstKey::False,
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(s) => ConstKey::Big(s.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?),
        Const::Code(_) => return None,
    })
}

/// Everything about a code unit that is not its instructions.
pub(crate) struct CodeMeta {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Number of leading varnames that are parameters.
    pub nparams: usize,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub doc: Option<String>,
}

pub(crate) struct Assembler {
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    positions: Vec<(u32, u32)>,
    handlers: Vec<Option<Handler>>,
    labels: Vec<u32>,
    label_used: Vec<bool>,
    /// The handler stack; its top applies to newly emitted instructions.
    /// The bottom entry is `None` (no handler: propagate to the caller).
    pub handler_stack: Vec<Option<Handler>>,
    pub line: u32,
    /// Source byte range of the node being compiled (for `positions`).
    pub range: (u32, u32),
    reachable: bool,
    consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_index: HashMap<String, u32>,
}

pub(crate) fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP
            | Op::JUMP_BACKWARD
            | Op::POP_JUMP_IF_FALSE
            | Op::POP_JUMP_IF_TRUE
            | Op::JUMP_IF_FALSE_OR_POP
            | Op::JUMP_IF_TRUE_OR_POP
            | Op::FOR_ITER
            | Op::SEND
    )
}

/// Control never falls through to the next instruction.
pub(crate) fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP | Op::JUMP_BACKWARD | Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE
    )
}

impl Assembler {
    pub fn new(first_line: u32) -> Self {
        Assembler {
            instrs: Vec::new(),
            lines: Vec::new(),
            positions: Vec::new(),
            range: (0, 0),
            handlers: Vec::new(),
            labels: Vec::new(),
            label_used: Vec::new(),
            handler_stack: vec![None],
            line: first_line,
            reachable: true,
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(UNBOUND);
        self.label_used.push(false);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        // A `JUMP` to the very next instruction is dropped: control falls
        // through instead. Labels bound at the JUMP now name the instruction
        // after it, which is where the JUMP went anyway.
        if let Some(last) = self.instrs.last() {
            if last.op == Op::JUMP && last.arg == l.0 && !self.reachable {
                self.instrs.pop();
                self.lines.pop();
                self.positions.pop();
                self.handlers.pop();
                self.reachable = true;
            }
        }
        self.labels[l.0 as usize] = self.instrs.len() as u32;
        if self.label_used[l.0 as usize] {
            self.reachable = true;
        }
    }

    pub fn is_reachable(&self) -> bool {
        self.reachable
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        if !self.reachable {
            return;
        }
        let h = *self.handler_stack.last().unwrap();
        if let Some(h) = h {
            self.label_used[h.label.0 as usize] = true;
        }
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.line);
        self.positions.push(self.range);
        self.handlers.push(h);
        if is_terminal(op) {
            self.reachable = false;
        }
    }

    pub fn emit_jump(&mut self, op: Op, l: Label) {
        debug_assert!(is_jump(op));
        if !self.reachable {
            return;
        }
        self.label_used[l.0 as usize] = true;
        self.emit(op, l.0);
    }

    pub fn push_handler(&mut self, label: Label, depth: u32) {
        self.handler_stack.push(Some(Handler { label, depth }));
    }

    pub fn pop_handler(&mut self) {
        debug_assert!(self.handler_stack.len() > 1);
        self.handler_stack.pop();
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        match const_key(&c) {
            Some(key) => {
                if let Some(&i) = self.const_index.get(&key) {
                    return i;
                }
                let i = self.consts.len() as u32;
                self.consts.push(c);
                self.const_index.insert(key, i);
                i
            }
            None => {
                self.consts.push(c);
                self.consts.len() as u32 - 1
            }
        }
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_index.insert(name.to_string(), i);
        i
    }

    pub fn add_varname(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.var_index.get(name) {
            return i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(name.to_string());
        self.var_index.insert(name.to_string(), i);
        i
    }

    pub fn finish(self, meta: CodeMeta) -> CodeUnit {
        let mut instrs = self.instrs;
        for ins in &mut instrs {
            if is_jump(ins.op) {
                let target = self.labels[ins.arg as usize];
                assert!(target != UNBOUND, "compiler bug: jump to an unbound label");
                ins.arg = target;
            }
        }
        let mut exc_table: Vec<ExcEntry> = Vec::new();
        let mut i = 0;
        while i < self.handlers.len() {
            let Some(h) = self.handlers[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < self.handlers.len() && self.handlers[i] == Some(h) {
                i += 1;
            }
            let handler = self.labels[h.label.0 as usize];
            assert!(
                handler != UNBOUND,
                "compiler bug: unbound exception handler"
            );
            exc_table.push(ExcEntry {
                start: start as u32,
                end: i as u32,
                handler,
                depth: h.depth,
            });
        }
        let cell2arg = meta
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| {
                self.varnames[..meta.nparams.min(self.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|vi| (ci as u32, vi as u32))
            })
            .collect();
        let mut code = CodeUnit {
            name: meta.name,
            qualname: meta.qualname,
            filename: meta.filename,
            first_line: meta.first_line,
            flags: meta.flags,
            argcount: meta.argcount,
            posonlyargcount: meta.posonlyargcount,
            kwonlyargcount: meta.kwonlyargcount,
            instrs,
            lines: self.lines,
            positions: self.positions,
            consts: self.consts,
            names: self.names,
            varnames: self.varnames,
            cellvars: meta.cellvars,
            freevars: meta.freevars,
            cell2arg,
            exc_table,
            stacksize: 0,
            doc: meta.doc,
        };
        code.stacksize = flow_depths(&code).0;
        code
    }
}

/// Stack effect of an instruction: on the fall-through path, and when the
/// jump is taken (for jumps).
pub(crate) fn stack_effect(ins: Instr, jump: bool) -> i32 {
    let n = ins.arg as i32;
    match ins.op {
        Op::NOP | Op::ROT_TWO | Op::ROT_THREE | Op::ROT_FOUR | Op::SWAP => 0,
        Op::POP_TOP => -1,
        Op::DUP_TOP | Op::COPY | Op::PUSH_NULL => 1,
        Op::DUP_TOP_TWO => 2,
        Op::LOAD_CONST
        | Op::LOAD_FAST
        | Op::LOAD_DEREF
        | Op::LOAD_CLOSURE
        | Op::LOAD_CLASSDEREF
        | Op::LOAD_GLOBAL
        | Op::LOAD_NAME => 1,
        Op::STORE_FAST | Op::STORE_DEREF | Op::STORE_GLOBAL | Op::STORE_NAME => -1,
        Op::DELETE_FAST | Op::DELETE_DEREF | Op::DELETE_GLOBAL | Op::DELETE_NAME => 0,
        Op::LOAD_ATTR => 0,
        Op::STORE_ATTR => -2,
        Op::DELETE_ATTR => -1,
        Op::LOAD_METHOD => 1,
        Op::BINARY_SUBSCR => -1,
        Op::STORE_SUBSCR => -3,
        Op::DELETE_SUBSCR => -2,
        Op::BUILD_SLICE => 1 - n,
        Op::BINARY_OP => -1,
        Op::UNARY_NEGATIVE | Op::UNARY_POSITIVE | Op::UNARY_INVERT | Op::UNARY_NOT => 0,
        Op::COMPARE_OP | Op::IS_OP | Op::CONTAINS_OP => -1,
        Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_STRING => 1 - n,
        Op::BUILD_MAP => 1 - 2 * n,
        Op::BUILD_CONST_KEY_MAP => -n,
        Op::LIST_APPEND | Op::SET_ADD => -1,
        Op::MAP_ADD => -2,
        Op::LIST_EXTEND | Op::SET_UPDATE | Op::DICT_UPDATE | Op::DICT_MERGE => -1,
        Op::LIST_TO_TUPLE => 0,
        Op::FORMAT_VALUE => {
            if n & 4 != 0 {
                -1
            } else {
                0
            }
        }
        Op::UNPACK_SEQUENCE => n - 1,
        Op::UNPACK_EX => (n & 0xff) + (n >> 8),
        Op::JUMP | Op::JUMP_BACKWARD => 0,
        Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE => -1,
        Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => {
            if jump {
                0
            } else {
                -1
            }
        }
        Op::GET_ITER => 0,
        Op::FOR_ITER => {
            if jump {
                -1
            } else {
                1
            }
        }
        Op::RETURN_VALUE => -1,
        Op::KW_NAMES => 0,
        Op::CALL => -n,
        Op::CALL_METHOD => -n - 1,
        Op::CALL_FUNCTION_EX => -1 - n,
        Op::MAKE_FUNCTION => {
            let f = ins.arg;
            -(((f & MakeFunctionFlags::DEFAULTS != 0) as i32)
                + ((f & MakeFunctionFlags::KWDEFAULTS != 0) as i32)
                + ((f & MakeFunctionFlags::ANNOTATIONS != 0) as i32)
                + ((f & MakeFunctionFlags::CLOSURE != 0) as i32))
        }
        Op::LOAD_BUILD_CLASS => 1,
        Op::RAISE_VARARGS => -n,
        Op::RERAISE => -1,
        Op::PUSH_EXC_INFO => 1,
        Op::POP_EXCEPT => -1,
        Op::CHECK_EXC_MATCH => 0,
        Op::BEFORE_WITH => 1,
        Op::WITH_EXCEPT_START => 1,
        Op::LOAD_ASSERTION_ERROR => 1,
        Op::YIELD_VALUE => 0,
        Op::GET_YIELD_FROM_ITER => 0,
        Op::SEND => {
            if jump {
                -1
            } else {
                0
            }
        }
        Op::IMPORT_NAME => -1,
        Op::IMPORT_FROM => 1,
        Op::IMPORT_STAR => -1,
        Op::SETUP_ANNOTATIONS => 0,
    }
}

/// Flow analysis: (max depth, depth at entry of each instruction (-1 when
/// unreachable), list of inconsistencies found).
pub(crate) fn flow_depths(code: &CodeUnit) -> (u32, Vec<i32>, Vec<String>) {
    let n = code.instrs.len();
    let mut depth = vec![-1i32; n];
    let mut problems = Vec::new();
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    for e in &code.exc_table {
        work.push((e.handler as usize, e.depth as i32 + 1));
    }
    let mut max = 0i32;
    while let Some((pc, d)) = work.pop() {
        if pc >= n {
            if pc > n || d != 0 {
                problems.push(format!("flow falls off the end at {pc} with depth {d}"));
            }
            continue;
        }
        if depth[pc] >= 0 {
            if depth[pc] != d {
                problems.push(format!(
                    "instruction {pc} reached with depths {} and {d}",
                    depth[pc]
                ));
            }
            continue;
        }
        if d < 0 {
            problems.push(format!("negative stack depth at {pc}"));
            continue;
        }
        depth[pc] = d;
        max = max.max(d);
        let ins = code.instrs[pc];
        let fall = d + stack_effect(ins, false);
        max = max.max(fall);
        if is_jump(ins.op) {
            let j = d + stack_effect(ins, true);
            max = max.max(j);
            work.push((ins.arg as usize, j));
        }
        if !is_terminal(ins.op) {
            work.push((pc + 1, fall));
        }
    }
    (max.max(0) as u32, depth, problems)
}

/// Checks the invariants the interpreter relies on: consistent stack depths
/// on every path, no underflow, and no exception-table entry deeper than the
/// stack at any instruction it covers. Recurses into nested code.
pub(crate) fn verify_stack(code: &CodeUnit) -> Result<(), String> {
    let (_, depth, mut problems) = flow_depths(code);
    for e in &code.exc_table {
        for pc in e.start..e.end {
            let d = depth[pc as usize];
            if d >= 0 && (e.depth as i32) > d {
                problems.push(format!(
                    "exception entry {e:?} deeper than stack ({d}) at {pc}"
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(format!("{}: {}", code.qualname, problems.join("; ")));
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            verify_stack(inner)?;
        }
    }
    Ok(())
}
