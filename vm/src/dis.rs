//! A disassembler for [`CodeUnit`]s, in the spirit of `python3 -m dis`.
//!
//! Used by `skiff --dis FILE` and by the bytecode fixture tests
//! (`vm/tests/bytecode/`). Each code unit is listed as:
//!
//! ```text
//! Disassembly of f (line 1):            (nested units only)
//! # flags OPTIMIZED|NEWLOCALS  args 2 (posonly 0, kwonly 0)  stack 3
//! # varnames a, b   # cellvars ...   # freevars ...   # cell2arg ...
//!   1      0 LOAD_FAST                0 (a)
//!          1 RETURN_VALUE
//! ExceptionTable:
//!   2 to 5 -> 7 [1]                     (end exclusive, [depth])
//! ```
//!
//! followed by every nested code unit found among the constants. The
//! disassembler never panics, even on malformed code (bad indices print as
//! `<bad index>`).

use std::fmt::Write;

use crate::bytecode::{BinOp, CmpOp, CodeFlags, CodeUnit, Const, MakeFunctionFlags, Op};

/// Disassembles a code unit and, recursively, the code units nested in it.
pub fn disassemble(code: &CodeUnit) -> String {
    let mut out = String::new();
    dis_unit(code, &mut out, true);
    out
}

fn dis_unit(code: &CodeUnit, out: &mut String, top: bool) {
    if !top {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "Disassembly of {} (line {}):",
            code.qualname, code.first_line
        );
    }
    let mut meta = format!("# flags {}", flag_names(code.flags));
    if code.flags & CodeFlags::OPTIMIZED != 0 {
        let _ = write!(
            meta,
            "  args {} (posonly {}, kwonly {})",
            code.argcount, code.posonlyargcount, code.kwonlyargcount
        );
    }
    let _ = write!(meta, "  stack {}", code.stacksize);
    let _ = writeln!(out, "{meta}");
    let mut vars = Vec::new();
    if !code.varnames.is_empty() {
        vars.push(format!("# varnames {}", code.varnames.join(", ")));
    }
    if !code.cellvars.is_empty() {
        vars.push(format!("# cellvars {}", code.cellvars.join(", ")));
    }
    if !code.freevars.is_empty() {
        vars.push(format!("# freevars {}", code.freevars.join(", ")));
    }
    if !code.cell2arg.is_empty() {
        let pairs: Vec<String> = code
            .cell2arg
            .iter()
            .map(|(c, a)| format!("{c}<-{a}"))
            .collect();
        vars.push(format!("# cell2arg {}", pairs.join(", ")));
    }
    if let Some(doc) = &code.doc {
        vars.push(format!("# doc {}", str_repr(doc)));
    }
    if !vars.is_empty() {
        let _ = writeln!(out, "{}", vars.join("  "));
    }
    let mut last_line = None;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.lines.get(i).copied().unwrap_or(0);
        let line_col = if last_line != Some(line) {
            last_line = Some(line);
            format!("{line:>4}")
        } else {
            "    ".to_string()
        };
        let name = ins.op.name();
        let mut text = if has_arg(ins.op) {
            format!("{line_col} {i:>6} {name:<22}{:>5}", ins.arg)
        } else {
            format!("{line_col} {i:>6} {name}")
        };
        if let Some(resolved) = resolve(code, ins.op, ins.arg) {
            let _ = write!(text, " ({resolved})");
        }
        let _ = writeln!(out, "{}", text.trim_end());
    }
    if !code.exc_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exc_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start, e.end, e.handler, e.depth
            );
        }
    }
    for c in &code.consts {
        if let Const::Code(inner) = c {
            dis_unit(inner, out, false);
        }
    }
}

fn flag_names(flags: u32) -> String {
    let names = [
        (CodeFlags::OPTIMIZED, "OPTIMIZED"),
        (CodeFlags::NEWLOCALS, "NEWLOCALS"),
        (CodeFlags::VARARGS, "VARARGS"),
        (CodeFlags::VARKEYWORDS, "VARKEYWORDS"),
        (CodeFlags::NESTED, "NESTED"),
        (CodeFlags::GENERATOR, "GENERATOR"),
        (CodeFlags::CLASS_BODY, "CLASS_BODY"),
    ];
    let set: Vec<&str> = names
        .iter()
        .filter(|(f, _)| flags & f != 0)
        .map(|(_, n)| *n)
        .collect();
    if set.is_empty() {
        "-".to_string()
    } else {
        set.join("|")
    }
}

fn has_arg(op: Op) -> bool {
    !matches!(
        op,
        Op::NOP
            | Op::POP_TOP
            | Op::ROT_TWO
            | Op::ROT_THREE
            | Op::ROT_FOUR
            | Op::DUP_TOP
            | Op::DUP_TOP_TWO
            | Op::PUSH_NULL
            | Op::BINARY_SUBSCR
            | Op::STORE_SUBSCR
            | Op::DELETE_SUBSCR
            | Op::UNARY_NEGATIVE
            | Op::UNARY_POSITIVE
            | Op::UNARY_INVERT
            | Op::UNARY_NOT
            | Op::LIST_TO_TUPLE
            | Op::GET_ITER
            | Op::RETURN_VALUE
            | Op::LOAD_BUILD_CLASS
            | Op::RERAISE
            | Op::PUSH_EXC_INFO
            | Op::POP_EXCEPT
            | Op::CHECK_EXC_MATCH
            | Op::BEFORE_WITH
            | Op::WITH_EXCEPT_START
            | Op::LOAD_ASSERTION_ERROR
            | Op::YIELD_VALUE
            | Op::GET_YIELD_FROM_ITER
            | Op::IMPORT_STAR
            | Op::SETUP_ANNOTATIONS
    )
}

fn get<T: Clone>(v: &[T], i: u32) -> Option<T> {
    v.get(i as usize).cloned()
}

fn resolve(code: &CodeUnit, op: Op, arg: u32) -> Option<String> {
    let bad = || "<bad index>".to_string();
    Some(match op {
        Op::LOAD_CONST | Op::KW_NAMES => code.consts.get(arg as usize).map_or_else(bad, const_repr),
        Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => {
            get(&code.varnames, arg).unwrap_or_else(bad)
        }
        Op::LOAD_DEREF
        | Op::STORE_DEREF
        | Op::DELETE_DEREF
        | Op::LOAD_CLOSURE
        | Op::LOAD_CLASSDEREF => {
            let i = arg as usize;
            if i < code.cellvars.len() {
                code.cellvars[i].clone()
            } else {
                get(&code.freevars, (i - code.cellvars.len()) as u32).unwrap_or_else(bad)
            }
        }
        Op::LOAD_GLOBAL
        | Op::STORE_GLOBAL
        | Op::DELETE_GLOBAL
        | Op::LOAD_NAME
        | Op::STORE_NAME
        | Op::DELETE_NAME
        | Op::LOAD_ATTR
        | Op::STORE_ATTR
        | Op::DELETE_ATTR
        | Op::LOAD_METHOD
        | Op::IMPORT_NAME
        | Op::IMPORT_FROM => match get(&code.names, arg) {
            Some(n) if n.is_empty() => "''".to_string(),
            Some(n) => n,
            None => bad(),
        },
        Op::JUMP
        | Op::JUMP_BACKWARD
        | Op::POP_JUMP_IF_FALSE
        | Op::POP_JUMP_IF_TRUE
        | Op::JUMP_IF_FALSE_OR_POP
        | Op::JUMP_IF_TRUE_OR_POP
        | Op::FOR_ITER
        | Op::SEND => format!("to {arg}"),
        Op::COMPARE_OP => match CmpOp::ALL.get(arg as usize) {
            Some(c) => c.symbol().to_string(),
            None => bad(),
        },
        Op::BINARY_OP => {
            let inplace = arg >= BinOp::INPLACE_OFFSET;
            let i = if inplace {
                arg - BinOp::INPLACE_OFFSET
            } else {
                arg
            };
            match BinOp::ALL.get(i as usize) {
                Some(b) if inplace => format!("{}=", b.symbol()),
                Some(b) => b.symbol().to_string(),
                None => bad(),
            }
        }
        Op::IS_OP => (if arg == 0 { "is" } else { "is not" }).to_string(),
        Op::CONTAINS_OP => (if arg == 0 { "in" } else { "not in" }).to_string(),
        Op::FORMAT_VALUE => {
            let mut parts = Vec::new();
            match arg & 3 {
                1 => parts.push("str"),
                2 => parts.push("repr"),
                3 => parts.push("ascii"),
                _ => {}
            }
            if arg & 4 != 0 {
                parts.push("with format");
            }
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        Op::MAKE_FUNCTION => {
            let mut parts = Vec::new();
            if arg & MakeFunctionFlags::DEFAULTS != 0 {
                parts.push("defaults");
            }
            if arg & MakeFunctionFlags::KWDEFAULTS != 0 {
                parts.push("kwdefaults");
            }
            if arg & MakeFunctionFlags::ANNOTATIONS != 0 {
                parts.push("annotations");
            }
            if arg & MakeFunctionFlags::CLOSURE != 0 {
                parts.push("closure");
            }
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        Op::UNPACK_EX => format!("{} before, {} after", arg & 0xff, arg >> 8),
        _ => return None,
    })
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::True => "True".into(),
        Const::False => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(s) => s.clone(),
        Const::Float(f) => float_repr(*f),
        Const::Complex(re, im) => complex_repr(*re, *im),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form outside
/// `1e-4 <= |x| < 1e16`.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let body = if (-4..16).contains(&exp) {
        let point = exp + 1;
        if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        }
    } else {
        let m = if digits.len() == 1 {
            digits.clone()
        } else {
            format!("{}.{}", &digits[..1], &digits[1..])
        };
        format!("{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    };
    if f < 0.0 {
        format!("-{body}")
    } else {
        body
    }
}

fn complex_part(x: f64) -> String {
    let s = float_repr(x);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", complex_part(im))
    } else {
        let im_s = complex_part(im);
        let sign = if im_s.starts_with('-') { "" } else { "+" };
        format!("({}{sign}{im_s}j)", complex_part(re))
    }
}

/// Python's `repr(str)` (shared with the runtime).
pub fn str_repr(s: &str) -> String {
    crate::strfmt::repr_str(s)
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
