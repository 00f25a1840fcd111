//! Syntax errors: the token pre-scan that bounds nesting before the recursive
//! parser runs, the translation of ruff's parse errors into CPython's
//! messages, and byte offsets -> (line, column) conversion.

use ruff_python_parser::{LexicalErrorType, ParseErrorType, Parsed};
use ruff_text_size::{TextRange, TextSize};

use super::{CompileError, MAX_NESTING};

/// An error with a byte range in the source, before it is given a line and
/// column.
#[derive(Clone, Debug)]
pub(crate) struct ErrorAt {
    pub kind: &'static str,
    pub message: String,
    pub range: TextRange,
}

impl ErrorAt {
    pub fn syntax(message: impl Into<String>, range: TextRange) -> Self {
        ErrorAt {
            kind: "SyntaxError",
            message: message.into(),
            range,
        }
    }

    pub fn indentation(message: impl Into<String>, range: TextRange) -> Self {
        ErrorAt {
            kind: "IndentationError",
            message: message.into(),
            range,
        }
    }

    pub fn into_compile_error(
        self,
        source: &str,
        filename: &str,
        lines: &LineIndex,
    ) -> CompileError {
        let start = (u32::from(self.range.start()) as usize).min(source.len());
        let end = (u32::from(self.range.end()) as usize).clamp(start, source.len());
        let line_no = lines.line_of(start);
        let line_start = lines.line_start(line_no);
        let line_end = lines.line_end(line_no, source);
        let text = source[line_start..line_end].to_string();
        let col = char_count(source, line_start, start) + 1;
        let end_col = if end <= line_end {
            char_count(source, line_start, end) + 1
        } else {
            char_count(source, line_start, line_end) + 1
        };
        CompileError {
            kind: self.kind,
            message: self.message,
            filename: filename.to_string(),
            line: line_no,
            col,
            end_col: end_col.max(col),
            text,
        }
    }
}

fn char_count(source: &str, from: usize, to: usize) -> u32 {
    let mut to = to.min(source.len());
    while !source.is_char_boundary(to) {
        to -= 1;
    }
    source[from..to].chars().count() as u32
}

/// Byte offset of the start of every line.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    pub fn line_of_size(&self, offset: TextSize) -> u32 {
        self.line_of(u32::from(offset) as usize)
    }

    fn line_start(&self, line: u32) -> usize {
        self.starts[(line as usize - 1).min(self.starts.len() - 1)]
    }

    fn line_end(&self, line: u32, source: &str) -> usize {
        let next = self
            .starts
            .get(line as usize)
            .copied()
            .unwrap_or(source.len());
        let mut end = next;
        let bytes = source.as_bytes();
        while end > self.line_start(line) && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        end
    }
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::new(start as u32), TextSize::new(end as u32))
}

/// What the pre-scan found: a hard error, or (for use only when the parser
/// fails) the innermost bracket that was never closed.
pub(crate) struct Prescan {
    pub error: Option<ErrorAt>,
    pub unclosed: Option<(char, usize)>,
}

/// CPython's tokenizer limit on bracket nesting.
const MAX_BRACKETS: usize = 200;
/// CPython's tokenizer limit on indentation levels.
const MAX_INDENT: usize = 100;
/// Bound on the chains of right-recursive constructs the parser recurses on
/// (unary operators, `not`, `**`, `lambda`, conditional expressions, ...)
/// along one bracket path; the AST depth limit rejects such inputs anyway,
/// this only keeps the parser's own recursion bounded before it runs.
const MAX_CHAIN: usize = 4 * MAX_NESTING as usize;

/// A light tokenizer pass over the source. It tracks brackets (skipping
/// strings and comments), indentation levels and chains of right-recursive
/// operators, so that the recursive parser never sees input nested deeper
/// than these limits.
pub(crate) fn prescan(source: &str) -> Prescan {
    let b = source.as_bytes();
    let n = b.len();
    let mut i = 0;
    // (bracket, offset, chain count at this level)
    let mut brackets: Vec<(u8, usize)> = Vec::new();
    let mut chains: Vec<usize> = vec![0];
    let mut indents: Vec<usize> = vec![0];
    let mut at_line_start = true;
    let mut continuation = false;
    // Whether the previous significant token ends an operand (so a following
    // `-` is binary, not unary).
    let mut prev_operand = false;
    let mut stmt_start = true;
    let err = |e: ErrorAt| Prescan {
        error: Some(e),
        unclosed: None,
    };
    while i < n {
        if at_line_start && brackets.is_empty() && !continuation {
            // Measure indentation of a non-blank line.
            let mut col = 0;
            let mut j = i;
            while j < n && (b[j] == b' ' || b[j] == b'\t' || b[j] == b'\x0c') {
                col = match b[j] {
                    b'\t' => (col / 8 + 1) * 8,
                    b'\x0c' => 0,
                    _ => col + 1,
                };
                j += 1;
            }
            at_line_start = false;
            if j < n && !matches!(b[j], b'\n' | b'\r' | b'#') {
                if col > *indents.last().unwrap() {
                    if indents.len() >= MAX_INDENT {
                        return err(ErrorAt::indentation(
                            "too many levels of indentation",
                            range(j, j),
                        ));
                    }
                    indents.push(col);
                } else {
                    while indents.len() > 1 && col < *indents.last().unwrap() {
                        indents.pop();
                    }
                }
            }
            i = j;
            continue;
        }
        continuation = false;
        let c = b[i];
        match c {
            b'\n' | b'\r' => {
                i += 1;
                if brackets.is_empty() {
                    at_line_start = true;
                    chains[0] = 0;
                    prev_operand = false;
                    stmt_start = true;
                }
            }
            b' ' | b'\t' | b'\x0c' => i += 1,
            b'#' => {
                while i < n && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            b'\\' => {
                // Line continuation.
                i += 1;
                if i < n && b[i] == b'\r' {
                    i += 1;
                }
                if i < n && b[i] == b'\n' {
                    i += 1;
                }
                continuation = true;
            }
            b'(' | b'[' | b'{' => {
                if brackets.len() >= MAX_BRACKETS {
                    return err(ErrorAt::syntax(
                        "too many nested parentheses",
                        range(i, i + 1),
                    ));
                }
                brackets.push((c, i));
                chains.push(0);
                i += 1;
                prev_operand = false;
                stmt_start = false;
            }
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match brackets.pop() {
                    None => {
                        return err(ErrorAt::syntax(
                            format!("unmatched '{}'", c as char),
                            range(i, i + 1),
                        ));
                    }
                    Some((open, at)) if open != want => {
                        let lines = LineIndex::new(source);
                        let (l1, l2) = (lines.line_of(at), lines.line_of(i));
                        let msg = if l1 == l2 {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char, open as char, l1
                            )
                        };
                        return err(ErrorAt::syntax(msg, range(i, i + 1)));
                    }
                    Some(_) => {
                        chains.pop();
                    }
                }
                i += 1;
                prev_operand = true;
            }
            b'\'' | b'"' => {
                i = skip_fstring_or_string(b, i, false).0;
                prev_operand = true;
                stmt_start = false;
            }
            b',' | b';' => {
                *chains.last_mut().unwrap() = 0;
                i += 1;
                prev_operand = false;
                if c == b';' {
                    stmt_start = true;
                }
            }
            _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let start = i;
                while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                    i += 1;
                }
                let word = &source[start..i];
                if i < n && (b[i] == b'\'' || b[i] == b'"') && is_string_prefix(word) {
                    let fstring = word.contains(['f', 'F']);
                    let (end, depth) = skip_fstring_or_string(b, i, fstring);
                    if brackets.len() + depth > MAX_BRACKETS {
                        return err(ErrorAt::syntax(
                            "too many nested parentheses",
                            range(start, i),
                        ));
                    }
                    i = end;
                    prev_operand = true;
                    stmt_start = false;
                    continue;
                }
                let counts = match word {
                    "not" => !prev_operand,
                    "lambda" | "await" | "yield" => true,
                    "if" => !stmt_start,
                    _ => false,
                };
                if counts {
                    let total: usize = chains.iter().sum::<usize>() + 1;
                    if total > MAX_CHAIN {
                        return err(ErrorAt::syntax(
                            "too many nested parentheses",
                            range(start, i),
                        ));
                    }
                    *chains.last_mut().unwrap() += 1;
                }
                prev_operand = !matches!(
                    word,
                    "not"
                        | "and"
                        | "or"
                        | "in"
                        | "is"
                        | "if"
                        | "else"
                        | "lambda"
                        | "await"
                        | "yield"
                        | "return"
                        | "for"
                        | "while"
                        | "elif"
                        | "assert"
                        | "del"
                        | "raise"
                        | "from"
                        | "import"
                        | "with"
                        | "as"
                        | "global"
                        | "nonlocal"
                        | "except"
                );
                stmt_start = false;
            }
            b'0'..=b'9' => {
                while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                    // Exponent signs: 1e-5.
                    if (b[i] == b'e' || b[i] == b'E')
                        && i + 1 < n
                        && (b[i + 1] == b'-' || b[i + 1] == b'+')
                        && !source[..i].ends_with("0x")
                    {
                        i += 1;
                    }
                    i += 1;
                }
                prev_operand = true;
                stmt_start = false;
            }
            b'.' => {
                i += 1;
                while i < n && (b[i].is_ascii_digit() || b[i] == b'_') {
                    i += 1;
                    prev_operand = true;
                }
            }
            _ => {
                // Operators.
                let two = if i + 1 < n {
                    &b[i..i + 2]
                } else {
                    &b[i..i + 1]
                };
                let is_pow = two == b"**";
                let unary = matches!(c, b'-' | b'+' | b'~') && !prev_operand;
                if is_pow || unary {
                    let total: usize = chains.iter().sum::<usize>() + 1;
                    if total > MAX_CHAIN {
                        return err(ErrorAt::syntax(
                            "too many nested parentheses",
                            range(i, i + 1),
                        ));
                    }
                    *chains.last_mut().unwrap() += 1;
                }
                // After a block header's colon a simple statement may follow.
                stmt_start = c == b':' && two != b":=" && brackets.is_empty();
                i += if is_pow
                    || two == b"//"
                    || two == b"->"
                    || two == b":="
                    || two == b"<<"
                    || two == b">>"
                {
                    2
                } else {
                    1
                };
                prev_operand = false;
            }
        }
    }
    Prescan {
        error: None,
        unclosed: brackets.last().map(|&(c, at)| (c as char, at)),
    }
}

fn is_string_prefix(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

/// Skips a string literal starting at the quote at `i`: returns the offset
/// after it (or the end of the line or source if it is unterminated) and,
/// for f-strings, the bracket depth reached inside replacement fields.
fn skip_fstring_or_string(b: &[u8], mut i: usize, fstring: bool) -> (usize, usize) {
    let n = b.len();
    let q = b[i];
    let triple = i + 2 < n && b[i + 1] == q && b[i + 2] == q;
    i += if triple { 3 } else { 1 };
    let mut depth = 0usize;
    let mut max_depth = 0usize;
    while i < n {
        let c = b[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if !triple && (c == b'\n' || c == b'\r') {
            return (i, max_depth);
        }
        if c == q && (!triple || (i + 2 < n && b[i + 1] == q && b[i + 2] == q)) {
            return (i + if triple { 3 } else { 1 }, max_depth);
        }
        if fstring {
            match c {
                b'{' | b'(' | b'[' => {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
                b'}' | b')' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    (n, max_depth)
}

/// The error to report for a module that did not parse cleanly, if any.
pub(crate) fn first_parse_error<T>(
    source: &str,
    parsed: &Parsed<T>,
    unclosed: Option<(char, usize)>,
) -> Option<ErrorAt> {
    let first = parsed.errors().iter().min_by_key(|e| e.location.start());
    if let Some(e) = first {
        // An error after a bracket that is never closed is almost always
        // caused by it; CPython reports the bracket then.
        if let Some((c, at)) = unclosed {
            // ... when the parser fails on a later line than the bracket; an
            // error on the bracket's own line (`def f(:`) is reported as is.
            let start = e.location.start().to_usize().min(source.len());
            let later_line = source[at.min(start)..start].contains('\n');
            if start >= at && later_line {
                return Some(ErrorAt::syntax(
                    format!("'{c}' was never closed"),
                    range(at, at + 1),
                ));
            }
        }
        return Some(translate(source, &e.error, e.location));
    }
    let unsupported = parsed
        .unsupported_syntax_errors()
        .iter()
        .min_by_key(|e| e.range.start())?;
    use ruff_python_parser::UnsupportedSyntaxErrorKind as K;
    let msg = match unsupported.kind {
        K::Pep701FString(_) => "f-string: expecting '}'".to_string(),
        K::ExceptStar => "except* is not supported by skiff yet".to_string(),
        K::TypeParameterList | K::TypeAliasStatement | K::TypeParamDefault => {
            "type parameter syntax is not supported by skiff yet".to_string()
        }
        _ => "invalid syntax".to_string(),
    };
    Some(ErrorAt::syntax(msg, unsupported.range))
}

/// CPython's name for an expression in "cannot assign to ..." messages.
fn expr_description(source: &str, r: TextRange) -> &'static str {
    let text =
        &source[r.start().to_usize().min(source.len())..r.end().to_usize().min(source.len())];
    if text.starts_with("yield")
        && !text[5..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    {
        return "yield expression";
    }
    let Ok(parsed) = ruff_python_parser::parse_expression(text) else {
        return "expression";
    };
    describe(parsed.expr())
}

/// CPython's name for an expression kind in "cannot assign to ..." and
/// "cannot delete ..." messages.
pub(crate) fn describe(e: &ruff_python_ast::Expr) -> &'static str {
    use ruff_python_ast::Expr;
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::NumberLiteral(_) => "literal",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) | Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// CPython's `invalid_named_expression` rule gives the `==` hint only for a
/// target at `bitwise_or` level that is not `None`, `True` or `False`.
fn hint_applies(source: &str, r: TextRange) -> bool {
    use ruff_python_ast::{Expr, UnaryOp};
    let text = &source[r.start().to_usize().min(source.len())..r.end().to_usize().min(source.len())];
    let Ok(parsed) = ruff_python_parser::parse_expression(text) else { return true };
    !matches!(parsed.expr(),
        Expr::BoolOp(_) | Expr::Compare(_) | Expr::If(_) | Expr::Lambda(_) | Expr::Named(_)
        | Expr::NoneLiteral(_) | Expr::BooleanLiteral(_))
        && !matches!(parsed.expr(), Expr::UnaryOp(u) if u.op == UnaryOp::Not)
}

/// Whether `r` is the first target of an assignment statement (`1 = x`),
/// where CPython adds "Maybe you meant '==' instead of '='?".
fn is_plain_assignment_lhs(source: &str, r: TextRange) -> bool {
    let start = r.start().to_usize();
    let end = r.end().to_usize().min(source.len());
    let before = &source[..start];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |p| p + 1);
    if !before[line_start..].trim().is_empty() {
        return false;
    }
    let after = source[end..].trim_start_matches([' ', '\t']);
    after.starts_with('=') && !after.starts_with("==")
}

fn translate(source: &str, error: &ParseErrorType, loc: TextRange) -> ErrorAt {
    use ParseErrorType as P;
    let line_of = |offset: TextSize| LineIndex::new(source).line_of_size(offset);
    let syn = |m: &str| ErrorAt::syntax(m, loc);
    match error {
        P::UnexpectedIndentation => ErrorAt::indentation("unexpected indent", loc),
        P::OtherError(msg) if msg.starts_with("Expected an indented block after") => {
            // "Expected an indented block after `if` statement" -> CPython's
            // "expected an indented block after 'if' statement on line N",
            // N being the line of the block's header.
            let what = match &msg["Expected an indented block after ".len()..] {
                "`else` clause" => "'else' statement".to_string(),
                "`elif` clause" => "'elif' statement".to_string(),
                "`except` clause" => "'except' statement".to_string(),
                "`finally` clause" => "'finally' statement".to_string(),
                "`class` definition" => "class definition".to_string(),
                other => other.replace('`', "'"),
            };
            let header = header_line_before(source, loc.start().to_usize());
            ErrorAt::indentation(format!("expected an indented block after {what} on line {header}"), loc)
        }
        P::Lexical(LexicalErrorType::IndentationError) => {
            ErrorAt::indentation("unindent does not match any outer indentation level", loc)
        }
        P::Lexical(LexicalErrorType::UnclosedStringError) => {
            let text = &source[loc.start().to_usize().min(source.len())..];
            let triple = text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("\"\"\"")
                || text.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with("'''");
            let kind = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
            let end_line = line_of(loc.end());
            let line = if triple { LineIndex::new(source).line_of(source.len().saturating_sub(1)) } else { end_line };
            ErrorAt::syntax(format!("{kind} (detected at line {line})"), TextRange::empty(loc.start()))
        }
        P::Lexical(LexicalErrorType::Eof) => syn("unexpected EOF while parsing"),
        P::Lexical(LexicalErrorType::LineContinuationError) => {
            syn("unexpected character after line continuation character")
        }
        P::Lexical(LexicalErrorType::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                syn("invalid syntax")
            } else {
                syn(&format!("invalid character '{tok}' (U+{:04X})", *tok as u32))
            }
        }
        P::Lexical(LexicalErrorType::InvalidByteLiteral) => syn("bytes can only contain ASCII literal characters"),
        P::Lexical(LexicalErrorType::FStringError(e)) | P::FStringError(e) => fstring_error(e, loc),
        P::Lexical(LexicalErrorType::UnicodeError)
        | P::Lexical(LexicalErrorType::MissingUnicodeLbrace)
        | P::Lexical(LexicalErrorType::MissingUnicodeRbrace) => {
            syn("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape")
        }
        P::Lexical(LexicalErrorType::OtherError(m)) => {
            if m.contains("leading zeros") {
                syn("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
            } else {
                syn("invalid syntax")
            }
        }
        P::InvalidAssignmentTarget | P::InvalidNamedAssignmentTarget | P::InvalidAnnotatedAssignmentTarget => {
            let what = expr_description(source, loc);
            if what == "yield expression" {
                return syn("assignment to yield expression not possible");
            }
            if matches!(error, P::InvalidNamedAssignmentTarget) {
                return syn(&format!("cannot use assignment expressions with {what}"));
            }
            if matches!(error, P::InvalidAnnotatedAssignmentTarget) {
                return syn(&format!("only single target (not {what}) can be annotated"));
            }
            if is_plain_assignment_lhs(source, loc) && hint_applies(source, loc) {
                syn(&format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"))
            } else {
                syn(&format!("cannot assign to {what}"))
            }
        }
        P::InvalidDeleteTarget => syn(&format!("cannot delete {}", expr_description(source, loc))),
        P::InvalidAugmentedAssignmentTarget => syn(&format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_description(source, loc)
        )),
        P::PositionalAfterKeywordArgument => syn("positional argument follows keyword argument"),
        P::PositionalAfterKeywordUnpacking => syn("positional argument follows keyword argument unpacking"),
        P::InvalidArgumentUnpackingOrder => syn("iterable argument unpacking follows keyword argument unpacking"),
        P::ExpectedKeywordParam => syn("named arguments must follow bare *"),
        P::NonDefaultParamAfterDefaultParam => syn("non-default argument follows default argument"),
        P::ParamAfterVarKeywordParam => syn("arguments cannot follow var-keyword argument"),
        P::VarParameterWithDefault => syn("var-positional argument cannot have default value"),
        P::UnparenthesizedGeneratorExpression => syn("Generator expression must be parenthesized"),
        P::DuplicateKeywordArgumentError(name) => syn(&format!("keyword argument repeated: {name}")),
        P::InvalidStarredExpressionUsage => syn("can't use starred expression here"),
        P::IterableUnpackingInComprehension => syn("iterable unpacking cannot be used in comprehension"),
        P::ExpectedToken { expected, .. } if format!("{expected}") == "`else`" => {
            syn("expected 'else' after 'if' expression")
        }
        P::ExpectedToken { expected, .. } if format!("{expected}") == "`:`" => syn("expected ':'"),
        P::ExpectedToken { expected, .. } if format!("{expected}") == "`,`" => {
            // CPython's hint for two expressions side by side inside brackets,
            // marking both: from the start of the previous operand to the end
            // of the unexpected one.
            let start = loc.start().to_usize().min(source.len());
            let before = source[..start].trim_end_matches([' ', '\t']);
            let prev = before.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '.' || c == '"' || c == '\'');
            let from = if prev.len() < before.len() { prev.len() } else { start };
            ErrorAt::syntax("invalid syntax. Perhaps you forgot a comma?", range(from, loc.end().to_usize()))
        }
        P::EmptySlice | P::EmptyImportNames | P::EmptyDeleteTargets | P::EmptyGlobalNames | P::EmptyNonlocalNames => {
            syn("invalid syntax")
        }
        P::SimpleStatementsOnSameLine if is_print_statement(source, loc) => {
            let line_start = source[..loc.start().to_usize()].rfind('\n').map_or(0, |p| p + 1);
            let end = source[line_start..].find('\n').map_or(source.len(), |p| line_start + p);
            let indent = source[line_start..].len() - source[line_start..].trim_start().len();
            ErrorAt::syntax(
                "Missing parentheses in call to 'print'. Did you mean print(...)?",
                range(line_start + indent, end),
            )
        }
        _ => syn("invalid syntax"),
    }
}

/// `print "x"`: the statement before the error is the bare name `print`.
fn is_print_statement(source: &str, loc: TextRange) -> bool {
    let before = &source[..loc.start().to_usize().min(source.len())];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    before[line_start..].trim() == "print"
}

fn fstring_error(e: &ruff_python_parser::InterpolatedStringErrorType, loc: TextRange) -> ErrorAt {
    use ruff_python_parser::InterpolatedStringErrorType as F;
    let m = match e {
        F::UnclosedLbrace => "f-string: expecting '}'",
        F::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        F::SingleRbrace => "f-string: single '}' is not allowed",
        F::UnterminatedString => "f-string: unterminated string",
        F::UnterminatedTripleQuotedString => "f-string: unterminated triple-quoted string",
        F::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses"
        }
        F::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: conversion type must come right after the exclamanation mark"
        }
        F::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings"
        }
    };
    ErrorAt::syntax(m, loc)
}

/// The line of the last non-blank, non-comment line before `offset`: the
/// header of a block whose body is missing.
fn header_line_before(source: &str, offset: usize) -> u32 {
    let lines = LineIndex::new(source);
    let mut line = lines.line_of(offset.min(source.len()));
    let here = lines.line_start(line);
    // The error may point at the start of the following statement or at the
    // end of the header line itself.
    if source[here..offset.min(source.len())].trim().is_empty() || offset >= source.len() {
        line = line.saturating_sub(1).max(1);
    } else {
        return line;
    }
    while line > 1 {
        let start = lines.line_start(line);
        let end = lines.line_end(line, source);
        let t = source[start..end].trim();
        if !t.is_empty() && !t.starts_with('#') {
            break;
        }
        line -= 1;
    }
    line
}
