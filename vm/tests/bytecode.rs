//! Data-driven bytecode tests: each `tests/bytecode/*.txt` holds a Python
//! snippet, a line `----`, and the expected disassembly (or the expected
//! compile error as `error: Kind: message (line L, col C)`).
//!
//! Run with `SKIFF_BLESS=1` to rewrite the expected parts from the current
//! compiler output; review the diff before committing.

use std::path::{Path, PathBuf};

use skiff_vm::compiler::{compile_module, verify_stack};
use skiff_vm::dis::disassemble;

const SEPARATOR: &str = "----";

/// What the compiler makes of a snippet, in fixture form.
fn render(source: &str) -> String {
    match compile_module(source, "<fixture>") {
        Ok(code) => {
            let mut out = disassemble(&code);
            if let Err(problem) = verify_stack(&code) {
                out.push_str(&format!("STACK CHECK FAILED: {problem}\n"));
            }
            out
        }
        Err(e) => format!(
            "error: {}: {} (line {}, col {})\n",
            e.kind, e.message, e.line, e.col
        ),
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bytecode")
}

#[test]
fn bytecode_fixtures() {
    let bless = std::env::var_os("SKIFF_BLESS").is_some_and(|v| v == "1");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("tests/bytecode exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let (source, expected) = match text.split_once(&format!("\n{SEPARATOR}\n")) {
            Some((s, e)) => (format!("{s}\n"), e.to_string()),
            None => (text.trim_end_matches(SEPARATOR).to_string(), String::new()),
        };
        let actual = render(&source);
        if actual != expected {
            if bless {
                let new = format!("{}{SEPARATOR}\n{actual}", source);
                std::fs::write(path, new).unwrap();
            } else {
                failures.push(format!(
                    "--- {}\n--- expected:\n{expected}--- actual:\n{actual}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bytecode fixtures differ (re-bless with SKIFF_BLESS=1):\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

/// Every script of the language test suite compiles, and its code passes the
/// stack checks (CPython accepts them all: their expected output comes from
/// running them under `python3`).
#[test]
fn test_scripts_compile() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/py");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let Ok(source) = std::fs::read_to_string(&path) else {
            continue;
        };
        count += 1;
        match compile_module(&source, &path.to_string_lossy()) {
            Ok(code) => {
                if let Err(problem) = verify_stack(&code) {
                    failures.push(format!("{}: stack check: {problem}", path.display()));
                }
            }
            Err(e) => failures.push(format!(
                "{}: {}: {} (line {})",
                path.display(),
                e.kind,
                e.message,
                e.line
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} scripts failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn expect_error(source: &str, kind: &str, message: &str) {
    match compile_module(source, "<deep>") {
        Ok(_) => panic!("expected {kind}: {message}, but it compiled"),
        Err(e) => assert_eq!((e.kind, e.message.as_str()), (kind, message)),
    }
}

/// Deeply nested input fails with a SyntaxError instead of overflowing the
/// native stack, whatever construct does the nesting.
#[test]
fn deep_nesting_is_a_syntax_error() {
    const N: usize = 100_000;
    let nested = "too many nested parentheses";
    expect_error(
        &format!("x = {}1{}\n", "(".repeat(N), ")".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(
        &format!("x = {}{}\n", "[".repeat(N), "]".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(
        &format!("x = {}1{}\n", "{1: ".repeat(N), "}".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(&format!("x = {}1\n", "-".repeat(N)), "SyntaxError", nested);
    expect_error(
        &format!("x = {}1\n", "not ".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(
        &format!("x = {}2\n", "2**".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(
        &format!("x = {}1\n", "lambda: ".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(
        &format!("x = {}1\n", "1 if y else ".repeat(N)),
        "SyntaxError",
        nested,
    );
    expect_error(&format!("x = a{}\n", ".b".repeat(N)), "SyntaxError", nested);
    expect_error(&format!("x = f{}\n", "()".repeat(N)), "SyntaxError", nested);
    // 1500 levels: accepted by the parser pre-scan, rejected by the AST depth limit.
    expect_error(
        &format!("x = {}1\n", "-".repeat(1500)),
        "SyntaxError",
        nested,
    );
    let ifs: String = (0..1000)
        .map(|i| format!("{}if x:\n", " ".repeat(i)))
        .collect();
    expect_error(
        &format!("{ifs}{}pass\n", " ".repeat(1000)),
        "IndentationError",
        "too many levels of indentation",
    );
    let fors: String = (0..30)
        .map(|i| format!("{}for x in y:\n", " ".repeat(i)))
        .collect();
    expect_error(
        &format!("{fors}{}pass\n", " ".repeat(30)),
        "SyntaxError",
        "too many statically nested blocks",
    );
}

/// Long flat or left-leaning constructs are not nesting and compile.
#[test]
fn long_flat_code_compiles() {
    const N: usize = 20_000;
    let terms = vec!["a"; N];
    for src in [
        format!("x = {}\n", terms.join(" + ")),
        format!("x = {}\n", terms.join(" and ")),
        format!("x = [{}]\n", terms.join(", ")),
        format!(
            "x = {{{}}}\n",
            (0..N)
                .map(|i| format!("{i}: -{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        (0..N).map(|i| format!("x{i} = {i}\n")).collect(),
    ] {
        let code = compile_module(&src, "<flat>").expect("compiles");
        verify_stack(&code).unwrap();
    }
}

#[test]
fn eval_mode() {
    let code = skiff_vm::compiler::compile_expression("  a + 1", "<string>").unwrap();
    assert_eq!(render_code(&code), "# flags -  stack 2\n   1      0 LOAD_NAME                 0 (a)\n          1 LOAD_CONST                0 (1)\n          2 BINARY_OP                 0 (+)\n          3 RETURN_VALUE\n");
    let e = skiff_vm::compiler::compile_expression("x = 1", "<string>").unwrap_err();
    assert_eq!(e.kind, "SyntaxError");
}

fn render_code(code: &skiff_vm::bytecode::CodeUnit) -> String {
    disassemble(code)
}
