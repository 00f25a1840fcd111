//! The bytecode: one table of opcodes, the compiled code unit, and constants.
//!
//! This is the contract between the compiler (`compiler/`) and the interpreter
//! (`interp.rs`). It is deliberately free of heap values: a [`CodeUnit`] is plain
//! Rust data (constants are [`Const`]), so the compiler can be tested without a
//! VM, and the interpreter turns a `CodeUnit` into a GC code object when a module
//! is loaded.
//!
//! Instructions are fixed width ([`Instr`]: opcode plus a 32-bit argument) and
//! jump targets are absolute instruction indices. Stack effects below use
//! `[a, b] -> [c]` with the top of stack on the right; `NULL` is the empty value.
//!
//! Exceptions use a zero-cost exception table (as CPython 3.11 does): when an
//! exception is raised at instruction `pc`, the innermost entry with
//! `start <= pc < end` applies: the value stack is cut back to `depth` entries,
//! the exception is pushed, and execution continues at `handler`. No entry:
//! the frame is popped and the exception propagates to the caller.
//!
//! **Invariant:** the compiler never lets an exception-table entry's `depth`
//! exceed the stack depth at any instruction it covers.

use std::fmt;

macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident, )*) => {
        /// One opcode; see the table in this module's source for each one's
        /// argument and stack effect.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types)]
        pub enum Op { $( $(#[doc = $doc])* $name, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }
        }
    };
}

opcodes! {
    /// Does nothing.
    NOP,
    /// `[a] -> []`
    POP_TOP,
    /// `[a, b] -> [b, a]`
    ROT_TWO,
    /// `[a, b, c] -> [c, a, b]`
    ROT_THREE,
    /// `[a, b, c, d] -> [d, a, b, c]`
    ROT_FOUR,
    /// `[a] -> [a, a]`
    DUP_TOP,
    /// `[a, b] -> [a, b, a, b]`
    DUP_TOP_TWO,
    /// arg n >= 1: push a copy of the n-th item from the top (1 = top).
    COPY,
    /// arg n >= 2: swap the top with the n-th item from the top.
    SWAP,
    /// `[] -> [NULL]`
    PUSH_NULL,

    /// arg: const index. `[] -> [consts[arg]]`
    LOAD_CONST,
    /// arg: local slot. `[] -> [locals[arg]]`; UnboundLocalError if empty.
    LOAD_FAST,
    /// arg: local slot. `[v] -> []`
    STORE_FAST,
    /// arg: local slot. Empties it; UnboundLocalError if already empty.
    DELETE_FAST,
    /// arg: cell index (cellvars then freevars). `[] -> [cell.contents]`;
    /// NameError ("free variable ... referenced before assignment") if empty.
    LOAD_DEREF,
    /// arg: cell index. `[v] -> []`
    STORE_DEREF,
    /// arg: cell index. Empties the cell.
    DELETE_DEREF,
    /// arg: cell index. `[] -> [cell]` (the cell object itself, for closures).
    LOAD_CLOSURE,
    /// arg: cell index. In a class body: look the free variable's name up in
    /// the class namespace first, then in the cell.
    LOAD_CLASSDEREF,
    /// arg: name index. `[] -> [v]` from globals, then builtins; NameError.
    LOAD_GLOBAL,
    /// arg: name index. `[v] -> []` into globals.
    STORE_GLOBAL,
    /// arg: name index.
    DELETE_GLOBAL,
    /// arg: name index. Module and class bodies: locals mapping, then globals,
    /// then builtins.
    LOAD_NAME,
    /// arg: name index. `[v] -> []` into the locals mapping.
    STORE_NAME,
    /// arg: name index.
    DELETE_NAME,

    /// arg: name index. `[obj] -> [obj.name]`
    LOAD_ATTR,
    /// arg: name index. `[v, obj] -> []` does `obj.name = v`.
    STORE_ATTR,
    /// arg: name index. `[obj] -> []`
    DELETE_ATTR,
    /// arg: name index. `[obj] -> [meth, obj]` when `obj.name` is a plain
    /// function found on the type (call with `obj` as first argument), or
    /// `[obj] -> [NULL, obj.name]` otherwise. Consumed by CALL.
    LOAD_METHOD,

    /// `[obj, key] -> [obj[key]]`
    BINARY_SUBSCR,
    /// `[v, obj, key] -> []` does `obj[key] = v`.
    STORE_SUBSCR,
    /// `[obj, key] -> []`
    DELETE_SUBSCR,
    /// arg 2 or 3: `[lo, hi] -> [slice]` or `[lo, hi, step] -> [slice]`.
    BUILD_SLICE,

    /// arg: a [`BinOp`] number. `[a, b] -> [a op b]`; in-place variants try
    /// `__iop__` first.
    BINARY_OP,
    /// `[a] -> [-a]`
    UNARY_NEGATIVE,
    /// `[a] -> [+a]`
    UNARY_POSITIVE,
    /// `[a] -> [~a]`
    UNARY_INVERT,
    /// `[a] -> [not a]`
    UNARY_NOT,
    /// arg: a [`CmpOp`] number (<, <=, ==, !=, >, >=). `[a, b] -> [a op b]`
    COMPARE_OP,
    /// arg 0: `is`, 1: `is not`. `[a, b] -> [bool]`
    IS_OP,
    /// arg 0: `in`, 1: `not in`. `[a, b] -> [bool]` (is `a` in `b`)
    CONTAINS_OP,

    /// arg n: `[x1..xn] -> [(x1, .., xn)]`
    BUILD_TUPLE,
    /// arg n: `[x1..xn] -> [[x1, .., xn]]`
    BUILD_LIST,
    /// arg n: `[x1..xn] -> [{x1, .., xn}]`
    BUILD_SET,
    /// arg n: `[k1, v1, .., kn, vn] -> [{k1: v1, ..}]`
    BUILD_MAP,
    /// arg n: `[k1..kn, (names)] -> [dict]` (keys from a constant tuple).
    BUILD_CONST_KEY_MAP,
    /// arg n: `[s1..sn] -> [s1 + .. + sn]` (all str).
    BUILD_STRING,
    /// arg i: `[.., list, .. (i-1 items), v] -> [.., list, ..]`: `list.append(v)`
    /// where `list` is the i-th item from the top after popping `v`.
    LIST_APPEND,
    /// arg i: as LIST_APPEND for a set: `set.add(v)`.
    SET_ADD,
    /// arg i: `[.., dict, .., k, v] -> [.., dict, ..]`: `dict[k] = v`, dict
    /// being the i-th item from the top after popping k and v.
    MAP_ADD,
    /// arg i: `[.., list, .., it] -> [.., list, ..]`: `list.extend(it)`.
    LIST_EXTEND,
    /// arg i: `[.., set, .., it] -> [.., set, ..]`: `set.update(it)`.
    SET_UPDATE,
    /// arg i: `[.., dict, .., m] -> [.., dict, ..]`: `dict.update(m)`.
    DICT_UPDATE,
    /// arg i: as DICT_UPDATE, but a repeated key is a TypeError ("got multiple
    /// values for keyword argument") and non-mappings are a TypeError
    /// ("argument after ** must be a mapping"); used for `f(**a, **b)`.
    DICT_MERGE,
    /// `[list] -> [tuple(list)]`
    LIST_TO_TUPLE,
    /// arg: bits 0-1 conversion (0 none, 1 str, 2 repr, 3 ascii), bit 2 set
    /// when a format spec is on the stack. `[v] -> [format(v)]` or
    /// `[v, spec] -> [format(v, spec)]`.
    FORMAT_VALUE,

    /// arg n: `[seq] -> [xn, .., x1]` (x1 on top); ValueError on wrong length.
    UNPACK_SEQUENCE,
    /// arg: before | (after << 8). `[seq] -> [after items.., list, before items..]`
    /// pushed so that the first item ends on top.
    UNPACK_EX,

    /// arg: target. Unconditional jump.
    JUMP,
    /// arg: target. `[v] -> []`, jump if `v` is false.
    POP_JUMP_IF_FALSE,
    /// arg: target. `[v] -> []`, jump if `v` is true.
    POP_JUMP_IF_TRUE,
    /// arg: target. If top is false jump and keep it, else pop it.
    JUMP_IF_FALSE_OR_POP,
    /// arg: target. If top is true jump and keep it, else pop it.
    JUMP_IF_TRUE_OR_POP,
    /// arg: target. Same as JUMP but marks a loop back-edge: a safe point.
    JUMP_BACKWARD,
    /// `[obj] -> [iter(obj)]`
    GET_ITER,
    /// arg: target. `[it] -> [it, next(it)]`, or on exhaustion `[it] -> []` and
    /// jump to target.
    FOR_ITER,
    /// `[v] -> []`, return `v` to the caller.
    RETURN_VALUE,

    /// arg: const index of a tuple of keyword names for the next CALL.
    KW_NAMES,
    /// arg n: `[callable, a1..an] -> [result]`. If a KW_NAMES preceded it, the
    /// last len(kwnames) arguments are keyword arguments.
    CALL,
    /// arg n: `[m, s, a1..an] -> [result]`: after LOAD_METHOD. If `m` is NULL
    /// calls `s(a1..an)`, else `m(s, a1..an)`. KW_NAMES as for CALL.
    CALL_METHOD,
    /// arg 0 or 1: `[callable, args_tuple] -> [r]` or
    /// `[callable, args_tuple, kwargs_dict] -> [r]` (arg 1).
    CALL_FUNCTION_EX,
    /// arg: flags of [`MakeFunctionFlags`]. `[defaults?, kwdefaults?, closure?,
    /// code] -> [function]`: optional items present in that order when their
    /// flag is set (defaults: tuple, kwdefaults: dict, closure: tuple of cells).
    MAKE_FUNCTION,
    /// `[] -> [builtins.__build_class__]`; then CALL with (body function, name,
    /// *bases, **keywords).
    LOAD_BUILD_CLASS,

    /// arg 0: re-raise the exception being handled (`raise`), 1: `[exc] -> `
    /// raise exc, 2: `[exc, cause] ->` raise exc from cause.
    RAISE_VARARGS,
    /// `[exc] -> ` re-raise `exc` unchanged (keeps its traceback).
    RERAISE,
    /// `[exc] -> [prev, exc]`: prev is the exception being handled before
    /// (or None); `exc` becomes the one being handled.
    PUSH_EXC_INFO,
    /// `[prev] -> []`: the exception being handled becomes `prev`.
    POP_EXCEPT,
    /// `[exc, type] -> [exc, bool]`: isinstance check for an except clause
    /// (type may be a tuple); TypeError if type is not an exception class.
    CHECK_EXC_MATCH,
    /// `[mgr] -> [exit, mgr.__enter__()]` where `exit` is `mgr.__exit__`
    /// bound.
    BEFORE_WITH,
    /// `[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]`
    WITH_EXCEPT_START,
    /// `[] -> [AssertionError]`
    LOAD_ASSERTION_ERROR,

    /// `[v] -> [sent]`: suspend the generator, yielding `v`; on resume the
    /// sent value (None for `next`) is pushed.
    YIELD_VALUE,
    /// `[obj] -> [iter]`: iter(obj), unless obj is a generator already.
    GET_YIELD_FROM_ITER,
    /// `[iter, v] -> [iter, v']` or, when the subiterator finishes, jumps to
    /// target with `[iter, v] -> [result]`. arg: target. Sends `v` into the
    /// subiterator (`next` if v is None and iter is not a generator); if it
    /// yields `v'`, the compiler follows with YIELD_VALUE and a JUMP back to
    /// this SEND. Exceptions thrown into the outer generator while suspended
    /// at that YIELD_VALUE are forwarded to the subiterator by the interpreter.
    SEND,

    /// arg: name index. `[level, fromlist] -> [module]`
    IMPORT_NAME,
    /// arg: name index. `[module] -> [module, module.name]`; ImportError.
    IMPORT_FROM,
    /// `[module] -> []`: `from module import *` into the locals mapping.
    IMPORT_STAR,
    /// `[] -> []`: create `__annotations__` in the locals mapping (ignored now).
    SETUP_ANNOTATIONS,
}

/// BINARY_OP argument values. The in-place forms are `INPLACE_OFFSET` above
/// the plain ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
}

impl BinOp {
    pub const INPLACE_OFFSET: u32 = 16;
    pub const ALL: [BinOp; 13] = [
        BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::MatMul, BinOp::TrueDiv, BinOp::FloorDiv,
        BinOp::Mod, BinOp::Pow, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Or, BinOp::Xor,
    ];
    pub fn from_arg(arg: u32) -> (BinOp, bool) {
        let inplace = arg >= Self::INPLACE_OFFSET;
        let i = if inplace { arg - Self::INPLACE_OFFSET } else { arg };
        (Self::ALL[i as usize], inplace)
    }
    /// The operator as written in source, e.g. `+`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+", BinOp::Sub => "-", BinOp::Mul => "*", BinOp::MatMul => "@",
            BinOp::TrueDiv => "/", BinOp::FloorDiv => "//", BinOp::Mod => "%", BinOp::Pow => "**",
            BinOp::LShift => "<<", BinOp::RShift => ">>", BinOp::And => "&", BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// The dunder names: (`__add__`, `__radd__`, `__iadd__`).
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// COMPARE_OP argument values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp { Lt, Le, Eq, Ne, Gt, Ge }

impl CmpOp {
    pub const ALL: [CmpOp; 6] = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
    pub fn from_arg(arg: u32) -> CmpOp { Self::ALL[arg as usize] }
    pub fn symbol(self) -> &'static str {
        match self { CmpOp::Lt => "<", CmpOp::Le => "<=", CmpOp::Eq => "==", CmpOp::Ne => "!=", CmpOp::Gt => ">", CmpOp::Ge => ">=" }
    }
    /// (`__lt__`, reflected `__gt__`)
    pub fn dunders(self) -> (&'static str, &'static str) {
        match self {
            CmpOp::Lt => ("__lt__", "__gt__"), CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Eq => ("__eq__", "__eq__"), CmpOp::Ne => ("__ne__", "__ne__"),
            CmpOp::Gt => ("__gt__", "__lt__"), CmpOp::Ge => ("__ge__", "__le__"),
        }
    }
    pub fn swapped(self) -> CmpOp {
        match self { CmpOp::Lt => CmpOp::Gt, CmpOp::Le => CmpOp::Ge, CmpOp::Gt => CmpOp::Lt, CmpOp::Ge => CmpOp::Le, o => o }
    }
}

/// MAKE_FUNCTION flag bits.
pub struct MakeFunctionFlags;
impl MakeFunctionFlags {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

/// One instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

impl fmt::Debug for Instr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.op.name(), self.arg)
    }
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    /// Decimal digits of an integer that does not fit in i64 (may start with '-').
    BigInt(String),
    Float(f64),
    /// Imaginary literals are parsed but complex numbers are not supported yet.
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    Code(Box<CodeUnit>),
}

/// One entry of the exception table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// Code flags.
pub struct CodeFlags;
impl CodeFlags {
    /// Uses fast locals (function scope); otherwise LOAD_NAME/STORE_NAME.
    pub const OPTIMIZED: u32 = 1;
    pub const NEWLOCALS: u32 = 2;
    pub const VARARGS: u32 = 4;
    pub const VARKEYWORDS: u32 = 8;
    pub const NESTED: u32 = 16;
    pub const GENERATOR: u32 = 32;
    /// A class body (LOAD_CLASSDEREF semantics, `__class__` cell).
    pub const CLASS_BODY: u32 = 64;
}

/// A compiled code object, before it is put on the heap.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    /// Function name (`<module>`, `<lambda>`, `<listcomp>`, ...).
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub flags: u32,
    /// Positional parameters including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction (same length as `instrs`).
    pub lines: Vec<u32>,
    /// Source byte range `(start, end)` of the expression or statement each
    /// instruction belongs to (same length as `instrs`); tracebacks use it
    /// for CPython 3.11's position markers.
    pub positions: Vec<(u32, u32)>,
    pub consts: Vec<Const>,
    /// Names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_*.
    pub names: Vec<String>,
    /// Local variable names: parameters first (positional, keyword-only,
    /// then *args and **kwargs names), then other locals.
    pub varnames: Vec<String>,
    /// Names of locals that live in cells (captured by inner scopes).
    pub cellvars: Vec<String>,
    /// Names of free variables (cells received through the closure).
    pub freevars: Vec<String>,
    /// For each cellvar that is also a parameter: (cell index, varnames index),
    /// so the interpreter moves the argument into its cell on entry.
    pub cell2arg: Vec<(u32, u32)>,
    pub exc_table: Vec<ExcEntry>,
    /// Maximum value-stack depth.
    pub stacksize: u32,
    /// Docstring, if the body starts with one.
    pub doc: Option<String>,
}
