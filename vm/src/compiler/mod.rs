//! The compiler: Python source -> [`CodeUnit`] (see `bytecode.rs`).
//!
//! Parsing uses the ruff parser; a symbol-table pass (`symtable.rs`) decides
//! each name's scope (fast local, cell, free, global, name) following CPython's
//! rules; code generation (`codegen.rs`) emits the bytecode described in
//! `bytecode.rs` through a small assembler (`assemble.rs`) that resolves jump
//! labels, builds the exception table and computes the stack size.
//!
//! Every recursive pass is bounded: a token pre-scan rejects bracket nesting
//! deeper than CPython's tokenizer allows (200) and indentation deeper than
//! 100 levels, the whole compilation runs on a thread with a large stack, and
//! the symbol table and code generator count their recursion depth and give
//! up with a `SyntaxError` past [`MAX_NESTING`] levels. No input can overflow
//! the native stack.

pub(crate) mod assemble;
mod codegen;
mod errors;
mod symtable;

use crate::bytecode::CodeUnit;

/// A syntax or compile error, reported the way CPython prints it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: &'static str,
    pub message: String,
    pub filename: String,
    /// 1-based line of the error.
    pub line: u32,
    /// 1-based column (in characters) of the start of the error on that line.
    pub col: u32,
    /// 1-based end column on the same line (>= col), for the carets.
    pub end_col: u32,
    /// The source line, without its line ending (empty if unknown).
    pub text: String,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind, self.message, self.filename, self.line
        )
    }
}

impl std::error::Error for CompileError {}

/// Recursion limit of the symbol table and the code generator, in AST nesting
/// levels (statements and expressions together).
pub const MAX_NESTING: u32 = 1000;

/// Stack size of the thread that parses and compiles. The ruff parser is
/// recursive; the pre-scan bounds bracket and indentation nesting, and this
/// leaves room for the remaining right-recursive constructs (unary operators,
/// `**`, conditional expressions, lambdas) up to [`MAX_NESTING`] and beyond.
const COMPILER_STACK: usize = 256 << 20;

/// Compiles a whole module.
pub fn compile_module(source: &str, filename: &str) -> Result<CodeUnit, CompileError> {
    on_big_stack(source, filename, Mode::Module)
}

/// Compiles a single expression, as `eval()` does: module-level code (names
/// are looked up with `LOAD_NAME`) that returns the expression's value.
/// Leading spaces and tabs are ignored, as CPython's `eval` does.
pub fn compile_expression(source: &str, filename: &str) -> Result<CodeUnit, CompileError> {
    on_big_stack(source, filename, Mode::Expression)
}

#[derive(Clone, Copy)]
enum Mode {
    Module,
    Expression,
}

/// Runs the compilation on a fresh thread with [`COMPILER_STACK`] bytes of
/// stack, so deep (but accepted) nesting cannot exhaust the caller's stack.
fn on_big_stack(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let src = source.to_owned();
    let name = filename.to_owned();
    let worker = std::thread::Builder::new()
        .name("skiff-compiler".into())
        .stack_size(COMPILER_STACK)
        .spawn(move || compile_here(&src, &name, mode));
    match worker {
        Ok(handle) => match handle.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        },
        // No thread available (resource exhaustion): compile on this stack.
        Err(_) => compile_here(source, filename, mode),
    }
}

/// Compiles on the current thread's stack (the caller guarantees it is big).
fn compile_here(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    let source = match mode {
        Mode::Module => source,
        Mode::Expression => source.trim_start_matches([' ', '\t']),
    };
    let lines = errors::LineIndex::new(source);
    let fail = |e: errors::ErrorAt| Err(e.into_compile_error(source, filename, &lines));
    let pre = errors::prescan(source);
    if let Some(e) = pre.error {
        return fail(e);
    }
    let parser_mode = match mode {
        Mode::Module => ruff_python_parser::Mode::Module,
        Mode::Expression => ruff_python_parser::Mode::Expression,
    };
    let parsed = ruff_python_parser::parse_unchecked(
        source,
        ruff_python_parser::ParseOptions::from(parser_mode)
            .with_target_version(ruff_python_ast::PythonVersion::PY311),
    );
    if let Some(e) = errors::first_parse_error(source, &parsed, pre.unclosed) {
        return fail(e);
    }
    let body = match parsed.syntax() {
        ruff_python_ast::Mod::Module(m) => codegen::Body::Module(m),
        ruff_python_ast::Mod::Expression(e) => codegen::Body::Expression(&e.body),
    };
    let table = match symtable::SymbolTable::build(&body) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    match codegen::compile(&body, &table, source, filename, &lines) {
        Ok(code) => Ok(code),
        Err(e) => fail(e),
    }
}

/// Checks the invariants the interpreter relies on in compiled code (and
/// recursively in its nested code): every instruction is reached with one
/// stack depth, the stack never underflows, and no exception-table entry's
/// depth exceeds the stack depth at an instruction it covers. For tests.
pub fn verify_stack(code: &CodeUnit) -> Result<(), String> {
    assemble::verify_stack(code)
}
