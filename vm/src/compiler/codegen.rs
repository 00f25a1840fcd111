//! Code generation: AST + symbol table -> [`CodeUnit`]s.
//!
//! The instruction shapes are a contract with the interpreter (see the
//! opcode table in `bytecode.rs`); the ones that are not obvious from a
//! single opcode are written out at the function that emits them:
//! [`Compiler::compile_try_except`], [`Compiler::compile_try_finally`],
//! [`Compiler::compile_with`], [`Compiler::call_helper`],
//! [`Compiler::compile_comprehension`].
//!
//! Rules this pass obeys:
//! - A statement starts with exactly the values its enclosing *frame blocks*
//!   keep on the stack (a `for` iterator, a `with` exit, the previous
//!   exception of an `except` body, ...); [`Compiler::stack_base`] is that
//!   count, and it is the depth of every exception handler set up there.
//! - `break`, `continue` and `return` unwind the frame blocks they leave at
//!   compile time, emitting each block's exit code inline, under the
//!   exception handler that was current *outside* that block.
//! - Every backward jump is `JUMP_BACKWARD` (a safe point); conditional jumps
//!   only go forward.
//! - Names are mangled inside class bodies; loads and stores use the
//!   instruction family the symbol table's scope calls for (`*_FAST`,
//!   `*_DEREF`, `*_GLOBAL`, `*_NAME`; module code uses `*_NAME` throughout).
//! - Recursion is counted and stops at [`MAX_NESTING`].

use ruff_python_ast::{self as ast, Expr, InterpolatedStringElement, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::assemble::{Assembler, CodeMeta, Label};
use super::errors::{ErrorAt, LineIndex};
use super::symtable::{mangle, NameScope, ScopeId, ScopeKind, SymbolTable};
use super::MAX_NESTING;
use crate::bytecode::{BinOp, CmpOp, CodeFlags, CodeUnit, Const, MakeFunctionFlags, Op};

type R<T = ()> = Result<T, ErrorAt>;

/// CPython's limit on statically nested blocks (loops, try, with, ...).
const MAX_BLOCKS: usize = 20;
/// Displays with more elements than this are built incrementally, so the
/// stack stays small.
const STACK_USE_GUIDELINE: usize = 30;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Load,
    Store,
    Del,
}

/// What an enclosing block needs done when control leaves it early.
#[derive(Clone)]
enum FBlockKind<'a> {
    While {
        head: Label,
        exit: Label,
    },
    For {
        head: Label,
        exit: Label,
    },
    /// The body of a `try` with `except` clauses.
    TryExcept,
    /// The body of a `try` with a `finally` clause: leaving runs the
    /// finally body inline.
    FinallyTry {
        body: &'a [Stmt],
    },
    /// The finally body on the exception path: stack `[prev, exc]`.
    FinallyEnd,
    /// A `with` body: stack `[exit]`.
    With,
    /// An `except` body: stack `[prev]`; the `as` name is cleared on exit.
    HandlerCleanup {
        name: Option<&'a str>,
    },
    /// A return value kept below an inlined finally body.
    PopValue,
}

impl FBlockKind<'_> {
    fn stack_items(&self) -> u32 {
        match self {
            FBlockKind::For { .. }
            | FBlockKind::With
            | FBlockKind::HandlerCleanup { .. }
            | FBlockKind::PopValue => 1,
            FBlockKind::FinallyEnd => 2,
            FBlockKind::While { .. } | FBlockKind::TryExcept | FBlockKind::FinallyTry { .. } => 0,
        }
    }
}

#[derive(Clone)]
struct FBlock<'a> {
    kind: FBlockKind<'a>,
    /// Length of the handler stack outside this block.
    outer_handlers: usize,
}

/// A code unit being compiled.
struct Unit<'a> {
    scope: ScopeId,
    kind: ScopeKind,
    asm: Assembler,
    fblocks: Vec<FBlock<'a>>,
    name: String,
    qualname: String,
    /// The class name used for private-name mangling, if inside a class.
    private: Option<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    first_line: u32,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    Tuple,
    List,
    Set,
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    source: &'a str,
    filename: &'a str,
    lines: &'a LineIndex,
    /// `from __future__ import annotations` (PEP 563): annotations are
    /// stored as their source text, not evaluated.
    stringized_annotations: bool,
    units: Vec<Unit<'a>>,
    depth: u32,
    /// The node being compiled, for errors raised below it.
    cur_range: TextRange,
    /// First line for the next generator expression: an unparenthesized
    /// `f(x for x in y)` starts, as in CPython, at the call's parenthesis.
    genexpr_line: Option<u32>,
}

/// What is being compiled: a module, or an expression for `eval()`.
pub(crate) enum Body<'a> {
    Module(&'a ast::ModModule),
    Expression(&'a Expr),
}

pub(crate) fn compile<'a>(
    body: &Body<'a>,
    table: &'a SymbolTable,
    source: &'a str,
    filename: &'a str,
    lines: &'a LineIndex,
) -> R<CodeUnit> {
    let mut c = Compiler {
        table,
        source,
        filename,
        lines,
        units: Vec::new(),
        depth: 0,
        cur_range: TextRange::default(),
        genexpr_line: None,
        stringized_annotations: false,
    };
    match *body {
        Body::Module(m) => c.compile_module(m),
        Body::Expression(e) => {
            c.enter_unit(0, "<module>".into(), "<module>".into(), 1, None);
            c.compile_expr(e)?;
            c.op(Op::RETURN_VALUE);
            Ok(c.leave_unit(0, 0, 0, 0, 0, None))
        }
    }
}

fn internal(msg: &str) -> ErrorAt {
    ErrorAt::syntax(
        format!("internal compiler error: {msg}"),
        TextRange::default(),
    )
}

/// The docstring of a body: a first statement that is a plain string.
fn docstring(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str().to_string());
        }
    }
    None
}

/// Decimal constant from an integer literal too big for i64. ruff keeps the
/// source token then (possibly `0x...`, `0o...`, `0b...`, with underscores).
fn big_int_const(token: &str) -> Const {
    let t: String = token.chars().filter(|&c| c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if lower.starts_with("0x") {
        (&t[2..], 16)
    } else if lower.starts_with("0o") {
        (&t[2..], 8)
    } else if lower.starts_with("0b") {
        (&t[2..], 2)
    } else {
        (&t[..], 10)
    };
    let v = num_bigint::BigUint::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
    let dec = v.to_str_radix(10);
    match dec.parse::<i64>() {
        Ok(i) => Const::Int(i),
        Err(_) => Const::BigInt(dec),
    }
}

fn number_const(n: &ast::Number) -> Const {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => Const::Int(v),
            None => big_int_const(&i.to_string()),
        },
        ast::Number::Float(f) => Const::Float(*f),
        ast::Number::Complex { real, imag } => Const::Complex(*real, *imag),
    }
}

fn negate_const(c: Const) -> Option<Const> {
    Some(match c {
        Const::Int(v) => match v.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::BigInt((-(v as i128)).to_string()),
        },
        Const::BigInt(s) => {
            let n = match s.strip_prefix('-') {
                Some(r) => r.to_string(),
                None => format!("-{s}"),
            };
            match n.parse::<i64>() {
                Ok(i) => Const::Int(i),
                Err(_) => Const::BigInt(n),
            }
        }
        Const::Float(f) => Const::Float(-f),
        Const::Complex(r, i) => Const::Complex(-r, -i),
        _ => return None,
    })
}

/// The value of a constant expression (literals, tuples of constants,
/// negated numbers), for folding.
fn const_value(e: &Expr) -> Option<Const> {
    Some(match e {
        Expr::NoneLiteral(_) => Const::None,
        Expr::BooleanLiteral(b) => {
            if b.value {
                Const::True
            } else {
                Const::False
            }
        }
        Expr::EllipsisLiteral(_) => Const::Ellipsis,
        Expr::StringLiteral(s) => Const::Str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect()),
        Expr::NumberLiteral(n) => number_const(&n.value),
        Expr::Tuple(t) => Const::Tuple(t.elts.iter().map(const_value).collect::<Option<Vec<_>>>()?),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match &*u.operand {
            Expr::NumberLiteral(n) => negate_const(number_const(&n.value))?,
            _ => return None,
        },
        _ => return None,
    })
}

fn is_literal(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NoneLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
    )
}

fn is_const_true(e: &Expr) -> bool {
    match e {
        Expr::BooleanLiteral(b) => b.value,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => i.as_u64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        },
        _ => false,
    }
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::FloorDiv => BinOp::FloorDiv,
    }
}

use super::errors::describe;

impl<'a> Compiler<'a> {
    // ----- small helpers -----

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn cur(&self) -> &Unit<'a> {
        self.units.last().unwrap()
    }

    fn asm(&mut self) -> &mut Assembler {
        &mut self.u().asm
    }

    fn emit(&mut self, op: Op, arg: u32) {
        self.asm().emit(op, arg)
    }

    fn op(&mut self, op: Op) {
        self.asm().emit(op, 0)
    }

    fn jump(&mut self, op: Op, l: Label) {
        self.asm().emit_jump(op, l)
    }

    fn label(&mut self) -> Label {
        self.asm().new_label()
    }

    fn bind(&mut self, l: Label) {
        self.asm().bind(l)
    }

    fn load_const(&mut self, c: Const) {
        if !self.asm().is_reachable() {
            return;
        }
        let i = self.asm().add_const(c);
        self.emit(Op::LOAD_CONST, i)
    }

    fn line_of(&self, r: TextRange) -> u32 {
        self.lines.line_of_size(r.start())
    }

    fn set_line(&mut self, r: TextRange) {
        let l = self.line_of(r);
        self.asm().line = l;
        self.asm().range = (r.start().into(), r.end().into());
        self.cur_range = r;
    }

    /// Sets only the source range recorded for the next instructions.
    fn set_range(&mut self, r: TextRange) {
        self.asm().range = (r.start().into(), r.end().into());
    }

    fn emit_name(&mut self, op: Op, name: &str) {
        let i = self.asm().add_name(name);
        self.emit(op, i)
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.cur().private.as_deref(), name)
    }

    fn stack_base(&self) -> u32 {
        self.cur()
            .fblocks
            .iter()
            .map(|f| f.kind.stack_items())
            .sum()
    }

    fn handlers_len(&mut self) -> usize {
        self.asm().handler_stack.len()
    }

    fn push_fblock(&mut self, kind: FBlockKind<'a>, outer_handlers: usize, range: TextRange) -> R {
        if self.cur().fblocks.len() >= MAX_BLOCKS {
            return Err(ErrorAt::syntax("too many statically nested blocks", range));
        }
        self.u().fblocks.push(FBlock {
            kind,
            outer_handlers,
        });
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    fn scope_for<T>(&self, node: &T) -> R<ScopeId> {
        self.table
            .scope_of_node(node)
            .ok_or_else(|| internal("no scope for node"))
    }

    // ----- units -----

    fn enter_unit(
        &mut self,
        scope: ScopeId,
        name: String,
        qualname: String,
        first_line: u32,
        private: Option<String>,
    ) {
        let sc = &self.table.scopes[scope];
        self.units.push(Unit {
            scope,
            kind: sc.kind,
            asm: Assembler::new(first_line),
            fblocks: Vec::new(),
            name,
            qualname,
            private,
            cellvars: sc.cellvars.clone(),
            freevars: sc.freevars.clone(),
            first_line,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn leave_unit(
        &mut self,
        flags: u32,
        argcount: u32,
        posonly: u32,
        kwonly: u32,
        nparams: usize,
        doc: Option<String>,
    ) -> CodeUnit {
        let u = self.units.pop().unwrap();
        u.asm.finish(CodeMeta {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.to_string(),
            first_line: u.first_line,
            flags,
            argcount,
            posonlyargcount: posonly,
            kwonlyargcount: kwonly,
            nparams,
            cellvars: u.cellvars,
            freevars: u.freevars,
            doc,
        })
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str, def_or_class: bool) -> String {
        let parent = self.cur();
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if def_or_class {
            let mangled = mangle(parent.private.as_deref(), name);
            if let Some(sym) = self.table.scopes[parent.scope].lookup(&mangled) {
                if sym.scope == NameScope::GlobalExplicit {
                    return name.to_string();
                }
            }
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    fn compile_module(&mut self, m: &'a ast::ModModule) -> R<CodeUnit> {
        self.enter_unit(0, "<module>".into(), "<module>".into(), 1, None);
        let body = &m.body[..];
        let rest = match docstring(body) {
            Some(doc) => {
                self.set_line(body[0].range());
                self.load_const(Const::Str(doc));
                self.name_op("__doc__", Ctx::Store)?;
                &body[1..]
            }
            None => body,
        };
        self.stringized_annotations = body.iter().any(|st| matches!(st, Stmt::ImportFrom(i)
            if i.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__")
                && i.names.iter().any(|a| a.name.id.as_str() == "annotations")));
        if has_annotations(body) { self.op(Op::SETUP_ANNOTATIONS); }
        self.compile_body(rest)?;
        self.load_const(Const::None);
        self.op(Op::RETURN_VALUE);
        Ok(self.leave_unit(0, 0, 0, 0, 0, None))
    }

    // ----- names -----

    fn deref_index(&self, name: &str) -> R<u32> {
        let u = self.cur();
        if let Some(i) = u.cellvars.iter().position(|c| c == name) {
            return Ok(i as u32);
        }
        if let Some(i) = u.freevars.iter().position(|c| c == name) {
            return Ok((u.cellvars.len() + i) as u32);
        }
        Err(internal(&format!("no cell for '{name}'")))
    }

    fn name_op(&mut self, name: &str, ctx: Ctx) -> R {
        enum T {
            Fast,
            Deref,
            Global,
            Name,
        }
        if name == "__debug__" {
            // CPython folds `__debug__` to a constant and forbids binding it.
            return match ctx {
                Ctx::Load => {
                    self.load_const(Const::True);
                    Ok(())
                }
                Ctx::Store => Err(ErrorAt::syntax(
                    "cannot assign to __debug__",
                    self.cur_range,
                )),
                Ctx::Del => Err(ErrorAt::syntax("cannot delete __debug__", self.cur_range)),
            };
        }
        let mangled = self.mangled(name);
        let u = self.cur();
        let kind = u.kind;
        let sym = self.table.scopes[u.scope].lookup(&mangled).map(|s| s.scope);
        let t = if kind == ScopeKind::Module {
            T::Name
        } else {
            match sym {
                Some(NameScope::Free) | Some(NameScope::Cell) => T::Deref,
                Some(NameScope::Local) if kind.is_function_like() => T::Fast,
                Some(NameScope::GlobalImplicit) if kind.is_function_like() => T::Global,
                Some(NameScope::GlobalExplicit) => T::Global,
                _ => T::Name,
            }
        };
        match t {
            T::Fast => {
                let i = self.asm().add_varname(&mangled);
                let op = match ctx {
                    Ctx::Load => Op::LOAD_FAST,
                    Ctx::Store => Op::STORE_FAST,
                    Ctx::Del => Op::DELETE_FAST,
                };
                self.emit(op, i);
            }
            T::Deref => {
                let i = self.deref_index(&mangled)?;
                let op = match ctx {
                    Ctx::Load if kind == ScopeKind::Class => Op::LOAD_CLASSDEREF,
                    Ctx::Load => Op::LOAD_DEREF,
                    Ctx::Store => Op::STORE_DEREF,
                    Ctx::Del => Op::DELETE_DEREF,
                };
                self.emit(op, i);
            }
            T::Global => {
                let op = match ctx {
                    Ctx::Load => Op::LOAD_GLOBAL,
                    Ctx::Store => Op::STORE_GLOBAL,
                    Ctx::Del => Op::DELETE_GLOBAL,
                };
                self.emit_name(op, &mangled);
            }
            T::Name => {
                let op = match ctx {
                    Ctx::Load => Op::LOAD_NAME,
                    Ctx::Store => Op::STORE_NAME,
                    Ctx::Del => Op::DELETE_NAME,
                };
                self.emit_name(op, &mangled);
            }
        }
        Ok(())
    }

    // ----- statements -----

    fn compile_body(&mut self, body: &'a [Stmt]) -> R {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    fn compile_stmt(&mut self, s: &'a Stmt) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax(
                "too many statically nested blocks",
                s.range(),
            ));
        }
        self.set_line(s.range());
        let r = self.compile_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(f),
            Stmt::ClassDef(c) => self.compile_class_def(c),
            Stmt::Return(r) => self.compile_return(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.op(Op::DUP_TOP);
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_aug_assign(a),
            Stmt::AnnAssign(a) => {
                let evaluated = self.cur().kind != ScopeKind::Function;
                match &a.value {
                    Some(v) => {
                        self.compile_expr(v)?;
                        self.store_target(&a.target)?;
                        if evaluated { self.store_annotation(a)?; }
                        return Ok(());
                    }
                    None => match &*a.target {
                        Expr::Attribute(at) => {
                            self.compile_expr(&at.value)?;
                            self.op(Op::POP_TOP);
                        }
                        Expr::Subscript(sub) => {
                            self.compile_expr(&sub.value)?;
                            self.op(Op::POP_TOP);
                            self.compile_expr(&sub.slice)?;
                            self.op(Op::POP_TOP);
                        }
                        _ => {}
                    },
                }
                if evaluated { self.store_annotation(a)?; }
                Ok(())
            }
            Stmt::For(f) => self.compile_for(f),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => self.compile_if(i),
            Stmt::With(w) => self.compile_with(w, 0),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => {
                if t.finalbody.is_empty() {
                    self.compile_try_except(t)
                } else {
                    self.compile_try_finally(t)
                }
            }
            Stmt::Assert(a) => {
                let ok = self.label();
                self.jump_if(&a.test, true, ok)?;
                self.op(Op::LOAD_ASSERTION_ERROR);
                if let Some(m) = &a.msg {
                    self.compile_expr(m)?;
                    self.emit(Op::CALL, 1);
                }
                self.emit(Op::RAISE_VARARGS, 1);
                self.bind(ok);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    self.load_const(Const::Int(0));
                    self.load_const(Const::None);
                    self.emit_name(Op::IMPORT_NAME, &alias.name.id);
                    match &alias.asname {
                        Some(asname) => {
                            // `import a.b.c as d`: IMPORT_NAME returns `a`;
                            // walk down to the leaf.
                            for part in alias.name.id.split('.').skip(1) {
                                self.emit_name(Op::IMPORT_FROM, part);
                                self.op(Op::ROT_TWO);
                                self.op(Op::POP_TOP);
                            }
                            self.name_op(&asname.id, Ctx::Store)?;
                        }
                        None => {
                            let first = alias.name.id.split('.').next().unwrap_or("");
                            self.name_op(first, Ctx::Store)?;
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map_or("", |m| m.id.as_str());
                self.load_const(Const::Int(i.level as i64));
                if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
                    self.load_const(Const::Tuple(vec![Const::Str("*".into())]));
                    self.emit_name(Op::IMPORT_NAME, module);
                    self.op(Op::IMPORT_STAR);
                    return Ok(());
                }
                let names = i
                    .names
                    .iter()
                    .map(|a| Const::Str(a.name.id.to_string()))
                    .collect();
                self.load_const(Const::Tuple(names));
                self.emit_name(Op::IMPORT_NAME, module);
                for alias in &i.names {
                    self.emit_name(Op::IMPORT_FROM, &alias.name.id);
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(&stored.id, Ctx::Store)?;
                }
                self.op(Op::POP_TOP);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if is_literal(&e.value) {
                    return Ok(());
                }
                self.compile_expr(&e.value)?;
                self.op(Op::POP_TOP);
                Ok(())
            }
            Stmt::Break(b) => self.compile_break(b.range),
            Stmt::Continue(c) => self.compile_continue(c.range),
            Stmt::Match(m) => Err(ErrorAt::syntax(
                "the 'match' statement is not supported by skiff yet",
                m.range,
            )),
            Stmt::TypeAlias(t) => Err(ErrorAt::syntax(
                "type parameter syntax is not supported by skiff yet",
                t.range,
            )),
            Stmt::IpyEscapeCommand(c) => Err(ErrorAt::syntax("invalid syntax", c.range)),
        }
    }

    fn compile_aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop(a.op) as u32 + BinOp::INPLACE_OFFSET;
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(&n.id, Ctx::Load)?;
                self.compile_expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.name_op(&n.id, Ctx::Store)
            }
            Expr::Attribute(at) => {
                self.compile_expr(&at.value)?;
                self.op(Op::DUP_TOP);
                let attr = self.mangled(&at.attr.id);
                self.emit_name(Op::LOAD_ATTR, &attr);
                self.compile_expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.op(Op::ROT_TWO);
                self.emit_name(Op::STORE_ATTR, &attr);
                Ok(())
            }
            Expr::Subscript(sub) => {
                self.compile_expr(&sub.value)?;
                self.compile_expr(&sub.slice)?;
                self.op(Op::DUP_TOP_TWO);
                self.op(Op::BINARY_SUBSCR);
                self.compile_expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.op(Op::ROT_THREE);
                self.op(Op::STORE_SUBSCR);
                Ok(())
            }
            other => Err(ErrorAt::syntax(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(other)
                ),
                other.range(),
            )),
        }
    }

    fn store_target(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.cur_range = n.range;
                self.name_op(&n.id, Ctx::Store)
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let attr = self.mangled(&a.attr.id);
                self.emit_name(Op::STORE_ATTR, &attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.op(Op::STORE_SUBSCR);
                Ok(())
            }
            Expr::Tuple(tu) => self.unpack_targets(&tu.elts, tu.range),
            Expr::List(l) => self.unpack_targets(&l.elts, l.range),
            Expr::Starred(s) => Err(ErrorAt::syntax(
                "starred assignment target must be in a list or tuple",
                s.range,
            )),
            other => Err(ErrorAt::syntax(
                format!("cannot assign to {}", describe(other)),
                other.range(),
            )),
        }
    }

    fn unpack_targets(&mut self, elts: &'a [Expr], range: TextRange) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax("too many nested parentheses", range));
        }
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e, Expr::Starred(_)) {
                if star.is_some() {
                    return Err(ErrorAt::syntax(
                        "multiple starred expressions in assignment",
                        range,
                    ));
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let (before, after) = (i, elts.len() - i - 1);
                if before >= 256 || after >= (1 << 24) {
                    return Err(ErrorAt::syntax(
                        "too many expressions in star-unpacking assignment",
                        range,
                    ));
                }
                self.emit(Op::UNPACK_EX, (before | (after << 8)) as u32);
            }
            None => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                _ => self.store_target(e)?,
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        match t {
            Expr::Name(n) => {
                self.cur_range = n.range;
                self.name_op(&n.id, Ctx::Del)
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let attr = self.mangled(&a.attr.id);
                self.emit_name(Op::DELETE_ATTR, &attr);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.op(Op::DELETE_SUBSCR);
                Ok(())
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            other => Err(ErrorAt::syntax(
                format!("cannot delete {}", describe(other)),
                other.range(),
            )),
        }
    }

    fn compile_if(&mut self, s: &'a ast::StmtIf) -> R {
        let end = self.label();
        let mut next = self.label();
        self.jump_if(&s.test, false, next)?;
        self.compile_body(&s.body)?;
        for clause in &s.elif_else_clauses {
            self.jump(Op::JUMP, end);
            self.bind(next);
            next = self.label();
            self.set_line(clause.range);
            if let Some(t) = &clause.test {
                self.jump_if(t, false, next)?;
            }
            self.compile_body(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    /// ```text
    ///     <iter>; GET_ITER
    /// head: FOR_ITER orelse
    ///     <store target>; <body>; JUMP_BACKWARD head
    /// orelse: <orelse>
    /// end:                       (break: POP_TOP; JUMP end)
    /// ```
    fn compile_for(&mut self, f: &'a ast::StmtFor) -> R {
        self.compile_expr(&f.iter)?;
        self.op(Op::GET_ITER);
        let (head, orelse, end) = (self.label(), self.label(), self.label());
        self.bind(head);
        self.jump(Op::FOR_ITER, orelse);
        let outer = self.handlers_len();
        self.push_fblock(FBlockKind::For { head, exit: end }, outer, f.range)?;
        self.store_target(&f.target)?;
        self.compile_body(&f.body)?;
        self.pop_fblock();
        self.set_line(f.range);
        self.jump(Op::JUMP_BACKWARD, head);
        self.bind(orelse);
        self.compile_body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> R {
        let (head, orelse, end) = (self.label(), self.label(), self.label());
        self.bind(head);
        if !is_const_true(&w.test) {
            self.jump_if(&w.test, false, orelse)?;
        }
        let outer = self.handlers_len();
        self.push_fblock(FBlockKind::While { head, exit: end }, outer, w.range)?;
        self.compile_body(&w.body)?;
        self.pop_fblock();
        self.set_line(w.range);
        self.jump(Op::JUMP_BACKWARD, head);
        self.bind(orelse);
        self.compile_body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try`/`except` (depth `d` = [`Self::stack_base`]):
    /// ```text
    ///     [handler H, depth d] <body> [end]
    ///     <orelse>; JUMP end
    /// H:  [handler C, depth d+1]             stack: exc
    ///     PUSH_EXC_INFO                      prev, exc
    ///     per typed clause: <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
    ///       STORE name [handler N, depth d+1] (or POP_TOP, still under C)
    ///       <clause body>
    ///       [outer handler] POP_EXCEPT; (named: None -> name; del name); JUMP end
    ///     N: None -> name; del name; RERAISE     (under C)
    ///     next: ...
    ///     RERAISE                            no clause matched (under C)
    /// C:  [outer handler] SWAP 2; POP_EXCEPT; RERAISE
    /// end:
    /// ```
    fn compile_try_except(&mut self, t: &'a ast::StmtTry) -> R {
        let d = self.stack_base();
        let (handler, cleanup, end) = (self.label(), self.label(), self.label());
        let outer = self.handlers_len();
        self.asm().push_handler(handler, d);
        self.push_fblock(FBlockKind::TryExcept, outer, t.range)?;
        self.compile_body(&t.body)?;
        self.pop_fblock();
        self.asm().pop_handler();
        self.compile_body(&t.orelse)?;
        self.jump(Op::JUMP, end);

        self.bind(handler);
        self.asm().push_handler(cleanup, d + 1);
        self.op(Op::PUSH_EXC_INFO);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.range);
            let next = self.label();
            if let Some(ty) = &h.type_ {
                self.compile_expr(ty)?;
                self.op(Op::CHECK_EXC_MATCH);
                self.jump(Op::POP_JUMP_IF_FALSE, next);
            }
            match &h.name {
                Some(name) => {
                    self.name_op(name, Ctx::Store)?;
                    let named_cleanup = self.label();
                    self.asm().push_handler(named_cleanup, d + 1);
                    self.push_fblock(
                        FBlockKind::HandlerCleanup {
                            name: Some(name.id.as_str()),
                        },
                        outer,
                        h.range,
                    )?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.asm().pop_handler();
                    self.asm().pop_handler();
                    self.op(Op::POP_EXCEPT);
                    self.clear_name(name)?;
                    self.jump(Op::JUMP, end);
                    self.asm().push_handler(cleanup, d + 1);
                    self.bind(named_cleanup);
                    self.clear_name(name)?;
                    self.op(Op::RERAISE);
                }
                None => {
                    self.op(Op::POP_TOP);
                    self.push_fblock(FBlockKind::HandlerCleanup { name: None }, outer, h.range)?;
                    self.compile_body(&h.body)?;
                    self.pop_fblock();
                    self.asm().pop_handler();
                    self.op(Op::POP_EXCEPT);
                    self.jump(Op::JUMP, end);
                    self.asm().push_handler(cleanup, d + 1);
                }
            }
            self.bind(next);
        }
        self.op(Op::RERAISE);
        self.asm().pop_handler();
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.op(Op::RERAISE);
        self.bind(end);
        Ok(())
    }

    /// `name = None; del name`, clearing an `except ... as name` binding.
    fn clear_name(&mut self, name: &str) -> R {
        self.load_const(Const::None);
        self.name_op(name, Ctx::Store)?;
        self.name_op(name, Ctx::Del)
    }

    /// `try`/`finally` (depth `d`):
    /// ```text
    ///     [handler F, depth d] <body, with the try/except if any> [end]
    ///     <finalbody>; JUMP end
    /// F:  [handler C, depth d+1]             stack: exc
    ///     PUSH_EXC_INFO                      prev, exc
    ///     <finalbody>
    ///     [outer handler] SWAP 2; POP_EXCEPT; RERAISE
    /// C:  SWAP 2; POP_EXCEPT; RERAISE
    /// end:
    /// ```
    fn compile_try_finally(&mut self, t: &'a ast::StmtTry) -> R {
        let d = self.stack_base();
        let (fin, cleanup, end) = (self.label(), self.label(), self.label());
        let outer = self.handlers_len();
        self.asm().push_handler(fin, d);
        self.push_fblock(
            FBlockKind::FinallyTry { body: &t.finalbody },
            outer,
            t.range,
        )?;
        if t.handlers.is_empty() {
            self.compile_body(&t.body)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.pop_fblock();
        self.asm().pop_handler();
        self.compile_body(&t.finalbody)?;
        self.jump(Op::JUMP, end);

        self.bind(fin);
        self.asm().push_handler(cleanup, d + 1);
        self.op(Op::PUSH_EXC_INFO);
        self.push_fblock(FBlockKind::FinallyEnd, outer, t.range)?;
        self.compile_body(&t.finalbody)?;
        self.pop_fblock();
        self.asm().pop_handler();
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.op(Op::RERAISE);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.op(Op::RERAISE);
        self.bind(end);
        Ok(())
    }

    /// `with` (depth `d`; several items nest):
    /// ```text
    ///     <ctx>; BEFORE_WITH                 exit, enter_result
    ///     [handler H, depth d+1] <store target or POP_TOP>; <body> [end]
    ///     LOAD_CONST None; DUP_TOP; DUP_TOP; CALL 3; POP_TOP; JUMP end
    /// H:  [handler C, depth d+2]             exit, exc
    ///     PUSH_EXC_INFO; WITH_EXCEPT_START   exit, prev, exc, res
    ///     POP_JUMP_IF_TRUE suppress; RERAISE
    /// suppress: [outer handler] POP_TOP; POP_EXCEPT; POP_TOP; JUMP end
    /// C:  SWAP 2; POP_EXCEPT; RERAISE
    /// end:
    /// ```
    fn compile_with(&mut self, w: &'a ast::StmtWith, idx: usize) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax(
                "too many statically nested blocks",
                w.range,
            ));
        }
        let item = &w.items[idx];
        let d = self.stack_base();
        self.compile_expr(&item.context_expr)?;
        self.set_line(w.range);
        self.op(Op::BEFORE_WITH);
        let (handler, cleanup, suppress, end) =
            (self.label(), self.label(), self.label(), self.label());
        let outer = self.handlers_len();
        self.asm().push_handler(handler, d + 1);
        self.push_fblock(FBlockKind::With, outer, w.range)?;
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.op(Op::POP_TOP),
        }
        if idx + 1 < w.items.len() {
            self.compile_with(w, idx + 1)?;
        } else {
            self.compile_body(&w.body)?;
        }
        self.pop_fblock();
        self.asm().pop_handler();
        self.set_line(w.range);
        self.call_exit_with_nones();
        self.jump(Op::JUMP, end);

        self.bind(handler);
        self.asm().push_handler(cleanup, d + 2);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        self.jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.op(Op::RERAISE);
        self.asm().pop_handler();
        self.bind(suppress);
        self.op(Op::POP_TOP);
        self.op(Op::POP_EXCEPT);
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.op(Op::RERAISE);
        self.bind(end);
        self.depth -= 1;
        Ok(())
    }

    /// `[exit] -> []`: calls `exit(None, None, None)` and drops the result.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.op(Op::DUP_TOP);
        self.op(Op::DUP_TOP);
        self.emit(Op::CALL, 3);
        self.op(Op::POP_TOP);
    }

    // ----- leaving blocks early -----

    /// Emits the exit code of one frame block. `preserve`: a return value is
    /// on top of the stack and must stay there.
    fn unwind_fblock(&mut self, fb: &FBlock<'a>, preserve: bool) -> R {
        self.asm().handler_stack.truncate(fb.outer_handlers);
        let swap = |c: &mut Self| {
            if preserve {
                c.emit(Op::SWAP, 2);
            }
        };
        match fb.kind {
            FBlockKind::While { .. } | FBlockKind::TryExcept => {}
            FBlockKind::For { .. } | FBlockKind::PopValue => {
                swap(self);
                self.op(Op::POP_TOP);
            }
            FBlockKind::With => {
                swap(self);
                self.call_exit_with_nones();
            }
            FBlockKind::HandlerCleanup { name } => {
                swap(self);
                self.op(Op::POP_EXCEPT);
                if let Some(n) = name {
                    self.clear_name(n)?;
                }
            }
            FBlockKind::FinallyEnd => {
                swap(self);
                self.op(Op::POP_TOP);
                swap(self);
                self.op(Op::POP_EXCEPT);
            }
            FBlockKind::FinallyTry { body } => {
                if preserve {
                    let outer = self.handlers_len();
                    self.push_fblock(FBlockKind::PopValue, outer, TextRange::default())?;
                }
                self.compile_body(body)?;
                if preserve {
                    self.pop_fblock();
                }
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks from the innermost outwards, stopping at a loop
    /// when `to_loop`. Returns that loop and the blocks popped (to restore
    /// after the jump or return is emitted).
    fn unwind_stack(
        &mut self,
        preserve: bool,
        to_loop: bool,
    ) -> R<(Option<FBlock<'a>>, Vec<FBlock<'a>>)> {
        let mut popped = Vec::new();
        loop {
            let Some(top) = self.cur().fblocks.last().cloned() else {
                return Ok((None, popped));
            };
            if to_loop && matches!(top.kind, FBlockKind::While { .. } | FBlockKind::For { .. }) {
                return Ok((Some(top), popped));
            }
            self.pop_fblock();
            popped.push(top.clone());
            self.unwind_fblock(&top, preserve)?;
        }
    }

    fn restore_blocks(
        &mut self,
        popped: Vec<FBlock<'a>>,
        handlers: Vec<Option<super::assemble::Handler>>,
    ) {
        for fb in popped.into_iter().rev() {
            self.u().fblocks.push(fb);
        }
        self.asm().handler_stack = handlers;
    }

    fn compile_return(&mut self, r: &'a ast::StmtReturn) -> R {
        if !self.cur().kind.is_function_like() {
            return Err(ErrorAt::syntax("'return' outside function", r.range));
        }
        let preserve = r.value.is_some();
        if let Some(v) = &r.value {
            self.compile_expr(v)?;
        }
        let saved = self.asm().handler_stack.clone();
        let (_, popped) = self.unwind_stack(preserve, false)?;
        self.set_line(r.range);
        if !preserve {
            self.load_const(Const::None);
        }
        self.op(Op::RETURN_VALUE);
        self.restore_blocks(popped, saved);
        Ok(())
    }

    fn compile_break(&mut self, range: TextRange) -> R {
        let saved = self.asm().handler_stack.clone();
        let (lp, popped) = self.unwind_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(ErrorAt::syntax("'break' outside loop", range));
        };
        self.set_line(range);
        match lp.kind {
            FBlockKind::For { exit, .. } => {
                self.op(Op::POP_TOP);
                self.jump(Op::JUMP, exit);
            }
            FBlockKind::While { exit, .. } => self.jump(Op::JUMP, exit),
            _ => unreachable!(),
        }
        self.restore_blocks(popped, saved);
        Ok(())
    }

    fn compile_continue(&mut self, range: TextRange) -> R {
        let saved = self.asm().handler_stack.clone();
        let (lp, popped) = self.unwind_stack(false, true)?;
        let Some(lp) = lp else {
            return Err(ErrorAt::syntax("'continue' not properly in loop", range));
        };
        self.set_line(range);
        match lp.kind {
            FBlockKind::For { head, .. } | FBlockKind::While { head, .. } => {
                self.jump(Op::JUMP_BACKWARD, head)
            }
            _ => unreachable!(),
        }
        self.restore_blocks(popped, saved);
        Ok(())
    }

    // ----- functions and classes -----

    /// Pushes positional defaults (a tuple) and keyword-only defaults (a
    /// dict); returns the MAKE_FUNCTION flags for them.
    /// Pushes an annotation: its value, or under PEP 563 its source text.
    fn compile_annotation(&mut self, e: &'a Expr) -> R {
        if self.stringized_annotations {
            let r = e.range();
            let text = self.source[r.start().to_usize()..r.end().to_usize()].to_string();
            self.load_const(Const::Str(text));
            return Ok(());
        }
        self.compile_expr(e)
    }

    /// Pushes a dict of a function's annotations (parameters in order, then
    /// `return`), if it has any.
    fn compile_annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> R<bool> {
        let params = p.posonlyargs.iter().chain(&p.args).map(|pd| &pd.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|pd| &pd.parameter))
            .chain(p.kwarg.as_deref());
        let mut n = 0;
        for a in params {
            if let Some(ann) = &a.annotation {
                let name = self.mangled(&a.name.id);
                self.load_const(Const::Str(name));
                self.compile_annotation(ann)?;
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".into()));
            self.compile_annotation(r)?;
            n += 1;
        }
        if n > 0 { self.emit(Op::BUILD_MAP, n); }
        Ok(n > 0)
    }

    /// Module and class scope: evaluates an annotated assignment's
    /// annotation and, for a simple name target, stores it in
    /// `__annotations__` (the target's value, if any, is stored first).
    fn store_annotation(&mut self, a: &'a ast::StmtAnnAssign) -> R {
        self.compile_annotation(&a.annotation)?;
        match &*a.target {
            Expr::Name(n) if a.simple => {
                self.name_op("__annotations__", Ctx::Load)?;
                let key = self.mangled(&n.id);
                self.load_const(Const::Str(key));
                self.op(Op::STORE_SUBSCR);
            }
            _ => self.op(Op::POP_TOP),
        }
        Ok(())
    }

    fn compile_defaults(&mut self, p: &'a ast::Parameters) -> R<u32> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            self.emit(Op::BUILD_TUPLE, defaults.len() as u32);
            flags |= MakeFunctionFlags::DEFAULTS;
        }
        let kw: Vec<(&ast::Identifier, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| Some((&a.parameter.name, a.default.as_deref()?)))
            .collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let n = self.mangled(&name.id);
                self.load_const(Const::Str(n));
                self.compile_expr(d)?;
            }
            self.emit(Op::BUILD_MAP, kw.len() as u32);
            flags |= MakeFunctionFlags::KWDEFAULTS;
        }
        Ok(flags)
    }

    /// `[defaults?, kwdefaults?] -> [function]`: the closure tuple (if the
    /// code has free variables), the code constant and MAKE_FUNCTION.
    fn make_closure(&mut self, code: CodeUnit, mut flags: u32) -> R {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let i = self.deref_index(name)?;
                self.emit(Op::LOAD_CLOSURE, i);
            }
            self.emit(Op::BUILD_TUPLE, code.freevars.len() as u32);
            flags |= MakeFunctionFlags::CLOSURE;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit(Op::MAKE_FUNCTION, flags);
        Ok(())
    }

    fn compile_function_body(
        &mut self,
        scope: ScopeId,
        name: &str,
        qualname: String,
        params: Option<&'a ast::Parameters>,
        body: FnBody<'a>,
        first_line: u32,
    ) -> R<CodeUnit> {
        let private = self.cur().private.clone();
        self.enter_unit(scope, name.to_string(), qualname, first_line, private);
        let mut flags = CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        let (mut argcount, mut posonly, mut kwonly) = (0, 0, 0);
        if let Some(p) = params {
            for a in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
                let n = self.mangled(&a.parameter.name.id);
                self.asm().add_varname(&n);
            }
            if let Some(v) = &p.vararg {
                let n = self.mangled(&v.name.id);
                self.asm().add_varname(&n);
                flags |= CodeFlags::VARARGS;
            }
            if let Some(k) = &p.kwarg {
                let n = self.mangled(&k.name.id);
                self.asm().add_varname(&n);
                flags |= CodeFlags::VARKEYWORDS;
            }
            argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            posonly = p.posonlyargs.len() as u32;
            kwonly = p.kwonlyargs.len() as u32;
        }
        let nparams = self.cur().asm.varnames.len();
        // CPython lists cells that are parameters first, in parameter order
        // (they share the parameter's slot), then the other cells by name.
        let u = self.u();
        let params = &u.asm.varnames[..nparams];
        u.cellvars
            .sort_by_key(|c| params.iter().position(|p| p == c).unwrap_or(usize::MAX));
        let sc = &self.table.scopes[scope];
        if sc.nested {
            flags |= CodeFlags::NESTED;
        }
        if sc.generator {
            flags |= CodeFlags::GENERATOR;
        }
        let mut doc = None;
        match body {
            FnBody::Stmts(stmts) => {
                let rest = match docstring(stmts) {
                    Some(d) => {
                        doc = Some(d);
                        &stmts[1..]
                    }
                    None => stmts,
                };
                self.compile_body(rest)?;
                self.load_const(Const::None);
                self.op(Op::RETURN_VALUE);
            }
            FnBody::Expr(e) => {
                self.compile_expr(e)?;
                self.op(Op::RETURN_VALUE);
            }
        }
        Ok(self.leave_unit(flags, argcount, posonly, kwonly, nparams, doc))
    }

    fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        for d in &f.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = self.line_of(f.decorator_list.first().map_or(f.range, |d| d.range));
        self.set_line(f.name.range);
        let mut flags = self.compile_defaults(&f.parameters)?;
        if self.compile_annotations(&f.parameters, f.returns.as_deref())? {
            flags |= MakeFunctionFlags::ANNOTATIONS;
        }
        let scope = self.scope_for(f)?;
        let qualname = self.qualname_for(&f.name.id, true);
        let code = self.compile_function_body(
            scope,
            &f.name.id,
            qualname,
            Some(&f.parameters),
            FnBody::Stmts(&f.body),
            first_line,
        )?;
        self.set_line(f.name.range);
        self.make_closure(code, flags)?;
        for _ in &f.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.name_op(&f.name.id, Ctx::Store)
    }

    /// ```text
    ///     <decorators>; LOAD_BUILD_CLASS
    ///     <body function>; LOAD_CONST 'Name'; <bases>; <keywords>
    ///     CALL 2+nbases+nkw (or the CALL_FUNCTION_EX form); CALL 1 per decorator
    ///     STORE name
    /// ```
    /// The body code starts `__module__ = __name__; __qualname__ = '...'`
    /// (then `__doc__`), and returns the `__class__` cell if it has one.
    fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        for d in &c.decorator_list {
            self.compile_expr(&d.expression)?;
        }
        let first_line = self.line_of(c.decorator_list.first().map_or(c.range, |d| d.range));
        self.set_line(c.name.range);
        self.op(Op::LOAD_BUILD_CLASS);
        let scope = self.scope_for(c)?;
        let qualname = self.qualname_for(&c.name.id, true);
        self.enter_unit(
            scope,
            c.name.id.to_string(),
            qualname.clone(),
            first_line,
            Some(c.name.id.to_string()),
        );
        self.set_line(c.name.range);
        self.name_op("__name__", Ctx::Load)?;
        self.name_op("__module__", Ctx::Store)?;
        self.load_const(Const::Str(qualname));
        self.name_op("__qualname__", Ctx::Store)?;
        let rest = match docstring(&c.body) {
            Some(doc) => {
                self.set_line(c.body[0].range());
                self.load_const(Const::Str(doc));
                self.name_op("__doc__", Ctx::Store)?;
                &c.body[1..]
            }
            None => &c.body[..],
        };
        if has_annotations(&c.body) { self.op(Op::SETUP_ANNOTATIONS); }
        self.compile_body(rest)?;
        let sc = &self.table.scopes[scope];
        if sc.needs_class_closure {
            let i = self.deref_index("__class__")?;
            self.emit(Op::LOAD_CLOSURE, i);
        } else {
            self.load_const(Const::None);
        }
        self.op(Op::RETURN_VALUE);
        let code = self.leave_unit(CodeFlags::CLASS_BODY, 0, 0, 0, 0, None);
        self.set_line(c.name.range);
        self.make_closure(code, 0)?;
        self.load_const(Const::Str(c.name.id.to_string()));
        match &c.arguments {
            Some(args) => self.call_helper(2, &args.args, &args.keywords, args.range)?,
            None => self.emit(Op::CALL, 2),
        }
        for _ in &c.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.name_op(&c.name.id, Ctx::Store)
    }

    // ----- expressions -----

    fn compile_expr(&mut self, e: &'a Expr) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax("too many nested parentheses", e.range()));
        }
        let saved_line = self.asm().line;
        let saved_range = self.asm().range;
        self.set_line(e.range());
        let r = self.compile_expr_inner(e);
        self.asm().line = saved_line;
        self.asm().range = saved_range;
        self.depth -= 1;
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                let end = self.label();
                let op = match b.op {
                    ast::BoolOp::And => Op::JUMP_IF_FALSE_OR_POP,
                    ast::BoolOp::Or => Op::JUMP_IF_TRUE_OR_POP,
                };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.compile_expr(v)?;
                    self.jump(op, end);
                }
                self.compile_expr(&b.values[n - 1])?;
                self.bind(end);
            }
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.op(Op::DUP_TOP);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(_) => {
                // Left spines are compiled iteratively (see the symbol table).
                let mut spine = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    spine.push(b);
                    cur = &b.left;
                }
                self.compile_expr(cur)?;
                for b in spine.iter().rev() {
                    self.compile_expr(&b.right)?;
                    self.set_line(b.range);
                    self.emit(Op::BINARY_OP, binop(b.op) as u32);
                }
            }
            Expr::UnaryOp(u) => {
                if u.op == ast::UnaryOp::USub {
                    if let Some(c) = const_value(e) {
                        self.load_const(c);
                        return Ok(());
                    }
                }
                self.compile_expr(&u.operand)?;
                self.op(match u.op {
                    ast::UnaryOp::Invert => Op::UNARY_INVERT,
                    ast::UnaryOp::Not => Op::UNARY_NOT,
                    ast::UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    ast::UnaryOp::USub => Op::UNARY_NEGATIVE,
                });
            }
            Expr::Lambda(l) => {
                let flags = match &l.parameters {
                    Some(p) => self.compile_defaults(p)?,
                    None => 0,
                };
                let scope = self.scope_for(l)?;
                let qualname = self.qualname_for("<lambda>", false);
                let line = self.line_of(l.range);
                let code = self.compile_function_body(
                    scope,
                    "<lambda>",
                    qualname,
                    l.parameters.as_deref(),
                    FnBody::Expr(&l.body),
                    line,
                )?;
                self.make_closure(code, flags)?;
            }
            Expr::If(i) => {
                let (orelse, end) = (self.label(), self.label());
                self.jump_if(&i.test, false, orelse)?;
                self.compile_expr(&i.body)?;
                self.jump(Op::JUMP, end);
                self.bind(orelse);
                self.compile_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.compile_dict(d)?,
            Expr::Set(s) => self.compile_sequence(&s.elts, SeqKind::Set)?,
            Expr::ListComp(c) => {
                self.compile_comprehension(c, c.range, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.compile_comprehension(c, c.range, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => self.compile_comprehension(
                c,
                c.range,
                CompKind::Dict,
                &c.generators,
                &c.key,
                Some(&c.value),
            )?,
            Expr::Generator(c) => {
                self.compile_comprehension(c, c.range, CompKind::Gen, &c.generators, &c.elt, None)?
            }
            Expr::Await(a) => {
                return Err(ErrorAt::syntax(
                    "'await' is not supported by skiff yet",
                    a.range,
                ))
            }
            Expr::Yield(y) => {
                self.check_in_function("'yield' outside function", y.range)?;
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.op(Op::YIELD_VALUE);
            }
            Expr::YieldFrom(y) => {
                self.check_in_function("'yield' outside function", y.range)?;
                self.compile_expr(&y.value)?;
                self.op(Op::GET_YIELD_FROM_ITER);
                self.load_const(Const::None);
                let (head, exit) = (self.label(), self.label());
                self.bind(head);
                self.jump(Op::SEND, exit);
                self.op(Op::YIELD_VALUE);
                self.jump(Op::JUMP_BACKWARD, head);
                self.bind(exit);
            }
            Expr::Compare(c) => self.compile_compare(c)?,
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => self.compile_fstring(f)?,
            Expr::TString(t) => {
                return Err(ErrorAt::syntax(
                    "template strings are not supported by skiff yet",
                    t.range,
                ))
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = const_value(e).ok_or_else(|| internal("literal"))?;
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                // The attribute's own line (for multi-line chains), but the
                // whole expression's range, as CPython 3.11 positions it.
                self.set_line(a.attr.range);
                self.set_range(a.range);
                let attr = self.mangled(&a.attr.id);
                self.emit_name(Op::LOAD_ATTR, &attr);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.op(Op::BINARY_SUBSCR);
            }
            Expr::Starred(s) => {
                return Err(ErrorAt::syntax(
                    "can't use starred expression here",
                    s.range,
                ))
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load)?,
            Expr::List(l) => self.compile_sequence(&l.elts, SeqKind::List)?,
            Expr::Tuple(t) => {
                if let Some(c) = const_value(e) {
                    self.load_const(c);
                } else {
                    self.compile_sequence(&t.elts, SeqKind::Tuple)?;
                }
            }
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(x) => self.compile_expr(x)?,
                        None => self.load_const(Const::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.compile_expr(step)?;
                    n = 3;
                }
                self.emit(Op::BUILD_SLICE, n);
            }
            Expr::IpyEscapeCommand(c) => return Err(ErrorAt::syntax("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn check_in_function(&self, msg: &str, range: TextRange) -> R {
        if self.cur().kind.is_function_like() {
            Ok(())
        } else {
            Err(ErrorAt::syntax(msg, range))
        }
    }

    /// Emits code that jumps to `target` when `bool(e) == cond` and falls
    /// through otherwise; `not`, `and` and `or` become jumps.
    fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax("too many nested parentheses", e.range()));
        }
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.jump_if(&u.operand, !cond, target)?
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let n = b.values.len();
                if cond == is_or {
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.label();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(&b.values[n - 1], cond, target)?;
                    self.bind(skip);
                }
            }
            _ => {
                self.compile_expr(e)?;
                self.jump(
                    if cond {
                        Op::POP_JUMP_IF_TRUE
                    } else {
                        Op::POP_JUMP_IF_FALSE
                    },
                    target,
                );
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn emit_compare(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Eq => self.emit(Op::COMPARE_OP, CmpOp::Eq as u32),
            C::NotEq => self.emit(Op::COMPARE_OP, CmpOp::Ne as u32),
            C::Lt => self.emit(Op::COMPARE_OP, CmpOp::Lt as u32),
            C::LtE => self.emit(Op::COMPARE_OP, CmpOp::Le as u32),
            C::Gt => self.emit(Op::COMPARE_OP, CmpOp::Gt as u32),
            C::GtE => self.emit(Op::COMPARE_OP, CmpOp::Ge as u32),
            C::Is => self.emit(Op::IS_OP, 0),
            C::IsNot => self.emit(Op::IS_OP, 1),
            C::In => self.emit(Op::CONTAINS_OP, 0),
            C::NotIn => self.emit(Op::CONTAINS_OP, 1),
        }
    }

    /// Chained `a < b < c`:
    /// ```text
    ///     a; b; DUP_TOP; ROT_THREE; COMPARE_OP <; JUMP_IF_FALSE_OR_POP cleanup
    ///     c; COMPARE_OP <; JUMP end
    /// cleanup: ROT_TWO; POP_TOP
    /// end:
    /// ```
    fn compile_compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.compile_expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compile_expr(&c.comparators[0])?;
            self.emit_compare(c.ops[0]);
            return Ok(());
        }
        let (cleanup, end) = (self.label(), self.label());
        for i in 0..n - 1 {
            self.compile_expr(&c.comparators[i])?;
            self.op(Op::DUP_TOP);
            self.op(Op::ROT_THREE);
            self.emit_compare(c.ops[i]);
            self.jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.compile_expr(&c.comparators[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.op(Op::ROT_TWO);
        self.op(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    fn compile_call(&mut self, c: &'a ast::ExprCall) -> R {
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if let (Expr::Attribute(a), false) = (&*c.func, star) {
            self.compile_expr(&a.value)?;
            self.set_line(a.attr.range);
            self.set_range(a.range);
            let attr = self.mangled(&a.attr.id);
            self.emit_name(Op::LOAD_METHOD, &attr);
            for x in args.iter() {
                self.compile_arg(x, c.arguments.range)?;
            }
            for k in kws.iter() {
                self.compile_expr(&k.value)?;
            }
            self.emit_kw_names(kws);
            self.set_line(a.attr.range);
            self.set_range(c.range);
            self.emit(Op::CALL_METHOD, (args.len() + kws.len()) as u32);
            return Ok(());
        }
        self.compile_expr(&c.func)?;
        self.call_helper(0, args, kws, c.arguments.range)
    }

    /// Compiles a positional call argument; `args_range` is the range of the
    /// parenthesized argument list.
    fn compile_arg(&mut self, x: &'a Expr, args_range: TextRange) -> R {
        if let Expr::Generator(g) = x {
            if !g.parenthesized {
                self.genexpr_line = Some(self.line_of(args_range));
            }
        }
        self.compile_expr(x)
    }

    fn emit_kw_names(&mut self, kws: &[ast::Keyword]) {
        if kws.is_empty() || !self.asm().is_reachable() {
            return;
        }
        let names = kws
            .iter()
            .map(|k| Const::Str(k.arg.as_ref().map_or("", |a| a.id.as_str()).to_string()))
            .collect();
        let i = self.asm().add_const(Const::Tuple(names));
        self.emit(Op::KW_NAMES, i);
    }

    /// Pushes the arguments and calls; `pushed` arguments are already on the
    /// stack above the callable. Without `*`/`**`: args, keyword values,
    /// `KW_NAMES`, `CALL n`. With them:
    /// ```text
    ///     BUILD_LIST pushed; per arg: x; LIST_APPEND 1 | *x; LIST_EXTEND 1
    ///     LIST_TO_TUPLE
    ///     [BUILD_MAP 0; per run of plain keywords: 'k'; v; ...; BUILD_MAP n;
    ///      DICT_MERGE 1; per **m: m; DICT_MERGE 1]
    ///     CALL_FUNCTION_EX 0|1
    /// ```
    fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        args_range: TextRange,
    ) -> R {
        let star = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !star {
            for x in args {
                self.compile_arg(x, args_range)?;
            }
            for k in kws {
                self.compile_expr(&k.value)?;
            }
            self.emit_kw_names(kws);
            self.emit(Op::CALL, pushed + (args.len() + kws.len()) as u32);
            return Ok(());
        }
        self.emit(Op::BUILD_LIST, pushed);
        for x in args {
            match x {
                Expr::Starred(s) => {
                    self.compile_expr(&s.value)?;
                    self.emit(Op::LIST_EXTEND, 1);
                }
                _ => {
                    self.compile_expr(x)?;
                    self.emit(Op::LIST_APPEND, 1);
                }
            }
        }
        self.op(Op::LIST_TO_TUPLE);
        if kws.is_empty() {
            self.emit(Op::CALL_FUNCTION_EX, 0);
            return Ok(());
        }
        self.emit(Op::BUILD_MAP, 0);
        let mut i = 0;
        while i < kws.len() {
            match &kws[i].arg {
                None => {
                    self.compile_expr(&kws[i].value)?;
                    self.emit(Op::DICT_MERGE, 1);
                    i += 1;
                }
                Some(_) => {
                    let start = i;
                    while i < kws.len() {
                        let Some(name) = &kws[i].arg else { break };
                        self.load_const(Const::Str(name.id.to_string()));
                        self.compile_expr(&kws[i].value)?;
                        i += 1;
                    }
                    self.emit(Op::BUILD_MAP, (i - start) as u32);
                    self.emit(Op::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Op::CALL_FUNCTION_EX, 1);
        Ok(())
    }

    fn compile_sequence(&mut self, elts: &'a [Expr], kind: SeqKind) -> R {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star && elts.len() <= STACK_USE_GUIDELINE {
            for x in elts {
                self.compile_expr(x)?;
            }
            let op = match kind {
                SeqKind::Tuple => Op::BUILD_TUPLE,
                SeqKind::List => Op::BUILD_LIST,
                SeqKind::Set => Op::BUILD_SET,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        let (build, add, extend) = match kind {
            SeqKind::Set => (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE),
            _ => (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND),
        };
        self.emit(build, 0);
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    self.compile_expr(&s.value)?;
                    self.emit(extend, 1);
                }
                _ => {
                    self.compile_expr(x)?;
                    self.emit(add, 1);
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.op(Op::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn compile_dict(&mut self, d: &'a ast::ExprDict) -> R {
        let has_unpack = d.items.iter().any(|i| i.key.is_none());
        if !has_unpack && d.items.len() <= STACK_USE_GUIDELINE / 2 {
            for item in &d.items {
                if let Some(k) = &item.key {
                    self.compile_expr(k)?;
                }
                self.compile_expr(&item.value)?;
            }
            self.emit(Op::BUILD_MAP, d.items.len() as u32);
            return Ok(());
        }
        self.emit(Op::BUILD_MAP, 0);
        for item in &d.items {
            match &item.key {
                None => {
                    self.compile_expr(&item.value)?;
                    self.emit(Op::DICT_UPDATE, 1);
                }
                Some(k) => {
                    self.compile_expr(k)?;
                    self.compile_expr(&item.value)?;
                    self.emit(Op::MAP_ADD, 1);
                }
            }
        }
        Ok(())
    }

    /// ```text
    ///     <closure?>; LOAD_CONST <code>; MAKE_FUNCTION
    ///     <first iterable>; GET_ITER; CALL 1
    /// ```
    /// The code takes the iterator as its only parameter `.0`:
    /// ```text
    ///     BUILD_LIST 0 (BUILD_SET 0, BUILD_MAP 0; nothing for genexprs)
    ///     LOAD_FAST .0
    /// head: FOR_ITER end; <store target>
    ///     per if: <cond>; POP_JUMP_IF_FALSE again
    ///     (inner for: <iter>; GET_ITER; head2: FOR_ITER ...)
    ///     <elt>; LIST_APPEND n+1 (SET_ADD n+1; <key>; <value>; MAP_ADD n+1;
    ///     genexpr: YIELD_VALUE; POP_TOP)       n = number of `for`s
    /// again: JUMP_BACKWARD head
    /// end: RETURN_VALUE (genexprs: LOAD_CONST None; RETURN_VALUE)
    /// ```
    fn compile_comprehension<T>(
        &mut self,
        node: &'a T,
        range: TextRange,
        kind: CompKind,
        generators: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        let scope = self.scope_for(node)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qualname = self.qualname_for(name, false);
        let first_line = match self.genexpr_line.take() {
            Some(line) if kind == CompKind::Gen => line,
            _ => self.line_of(range),
        };
        let private = self.cur().private.clone();
        self.enter_unit(scope, name.to_string(), qualname, first_line, private);
        self.asm().add_varname(".0");
        match kind {
            CompKind::List => self.emit(Op::BUILD_LIST, 0),
            CompKind::Set => self.emit(Op::BUILD_SET, 0),
            CompKind::Dict => self.emit(Op::BUILD_MAP, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, kind, elt, value)?;
        if kind == CompKind::Gen {
            self.load_const(Const::None);
        }
        self.op(Op::RETURN_VALUE);
        let sc = &self.table.scopes[scope];
        let mut flags = CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        if sc.nested {
            flags |= CodeFlags::NESTED;
        }
        if sc.generator {
            flags |= CodeFlags::GENERATOR;
        }
        let code = self.leave_unit(flags, 1, 0, 0, 1, None);
        self.make_closure(code, 0)?;
        self.compile_expr(&generators[0].iter)?;
        self.op(Op::GET_ITER);
        self.emit(Op::CALL, 1);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R {
        self.depth += 1;
        let g = &generators[i];
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax("too many nested parentheses", g.range));
        }
        if i == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.compile_expr(&g.iter)?;
            self.op(Op::GET_ITER);
        }
        let (head, again, end) = (self.label(), self.label(), self.label());
        self.bind(head);
        self.jump(Op::FOR_ITER, end);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, again)?;
        }
        if i + 1 < generators.len() {
            self.comprehension_generator(generators, i + 1, kind, elt, value)?;
        } else {
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::List => {
                    self.compile_expr(elt)?;
                    self.emit(Op::LIST_APPEND, depth);
                }
                CompKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit(Op::SET_ADD, depth);
                }
                CompKind::Dict => {
                    self.compile_expr(elt)?;
                    self.compile_expr(value.ok_or_else(|| internal("dict comprehension value"))?)?;
                    self.emit(Op::MAP_ADD, depth);
                }
                CompKind::Gen => {
                    self.compile_expr(elt)?;
                    self.op(Op::YIELD_VALUE);
                    self.op(Op::POP_TOP);
                }
            }
        }
        self.bind(again);
        self.jump(Op::JUMP_BACKWARD, head);
        self.bind(end);
        self.depth -= 1;
        Ok(())
    }

    /// f-strings: literal parts are merged into string constants, each
    /// replacement field is its value then FORMAT_VALUE (with the spec, itself
    /// built the same way, when present); BUILD_STRING joins the pieces.
    fn compile_fstring(&mut self, f: &'a ast::ExprFString) -> R {
        let mut pieces = 0;
        let mut buf = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(s) => buf.push_str(&s.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut buf, &mut pieces)?
                }
            }
        }
        if !buf.is_empty() || pieces == 0 {
            self.load_const(Const::Str(buf));
            pieces += 1;
        }
        if pieces > 1 {
            self.emit(Op::BUILD_STRING, pieces);
        }
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &'a ast::InterpolatedStringElements,
        buf: &mut String,
        pieces: &mut u32,
    ) -> R {
        for el in elements.iter() {
            match el {
                InterpolatedStringElement::Literal(l) => buf.push_str(&l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dbg) = &i.debug_text {
                        buf.push_str(&dbg.leading);
                        let r = i.expression.range();
                        buf.push_str(&self.source[r.start().to_usize()..r.end().to_usize()]);
                        buf.push_str(&dbg.trailing);
                    }
                    if !buf.is_empty() {
                        self.load_const(Const::Str(std::mem::take(buf)));
                        *pieces += 1;
                    }
                    self.compile_expr(&i.expression)?;
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if i.debug_text.is_some() && conv == 0 && i.format_spec.is_none() {
                        conv = 2;
                    }
                    if let Some(spec) = &i.format_spec {
                        let mut spec_buf = String::new();
                        let mut spec_pieces = 0;
                        self.fstring_elements(&spec.elements, &mut spec_buf, &mut spec_pieces)?;
                        if !spec_buf.is_empty() || spec_pieces == 0 {
                            self.load_const(Const::Str(spec_buf));
                            spec_pieces += 1;
                        }
                        if spec_pieces > 1 {
                            self.emit(Op::BUILD_STRING, spec_pieces);
                        }
                        conv |= 4;
                    }
                    self.emit(Op::FORMAT_VALUE, conv);
                    *pieces += 1;
                }
            }
        }
        Ok(())
    }
}

/// Whether a module or class body has an annotated assignment (outside
/// nested functions and classes): it then starts with SETUP_ANNOTATIONS.
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|st| match st {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body) || has_annotations(&t.orelse) || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| match h {
                    ast::ExceptHandler::ExceptHandler(h) => has_annotations(&h.body),
                })
        }
        _ => false,
    })
}
