//! Exceptions: creating them, matching `except` clauses, `raise ... from`,
//! tracebacks, and printing them the way CPython does.

use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyErr, PyResult, Ty, Vm};

impl Vm {
    /// A new exception of builtin class `e` with message `msg` (no args when
    /// `msg` is empty for classes that CPython raises without arguments).
    pub fn new_exc(&mut self, e: Exc, msg: &str) -> PyErr {
        let cls = self.exc_type(e);
        let args = if msg.is_empty() && matches!(e, Exc::MemoryError | Exc::StopIteration | Exc::GeneratorExit | Exc::KeyboardInterrupt) {
            self.new_tuple(&[])
        } else {
            let m = self.new_str(msg);
            self.new_tuple(&[m])
        };
        self.new_exc_args(cls, args)
    }

    /// A new exception of class `cls` with the args tuple `args`.
    pub fn new_exc_args(&mut self, cls: Value, args: Value) -> PyErr {
        let inst = self.new_instance(cls);
        let _ = self.set_exc_attr(inst, N::args, args);
        PyErr(inst)
    }

    pub fn new_exc_value(&mut self, e: Exc, v: Value) -> PyErr {
        let cls = self.exc_type(e);
        let args = self.new_tuple(&[v]);
        self.new_exc_args(cls, args)
    }

    /// KeyError(key)
    pub fn key_error(&mut self, key: Value) -> PyErr { self.new_exc_value(Exc::KeyError, key) }

    pub fn exc_matches(&self, e: PyErr, kind: Exc) -> bool {
        self.isinstance(e.0, self.exc_type(kind))
    }

    /// Where an exception keeps `args`, `__traceback__`, `__cause__`,
    /// `__context__` and `__suppress_context__`: hidden member keys (see
    /// `member_key`), so they stay out of its `__dict__` as in CPython, and
    /// BaseException's getset descriptors (bootstrap.rs) expose them.
    /// Other attributes (`value`, `code`, `errno`, ...) keep their names.
    pub fn exc_key(&mut self, n: N) -> Value {
        if !matches!(n, N::args | N::traceback | N::cause | N::context | N::suppress_context) { return self.n(n); }
        let name = str_ref(self.n(n)).to_string();
        self.member_key(&name)
    }
    pub fn set_exc_attr(&mut self, e: Value, n: N, v: Value) -> PyResult<()> {
        let k = self.exc_key(n);
        self.instance_set(e, k, v)
    }
    pub fn get_exc_attr(&mut self, e: Value, n: N) -> Value {
        if e.is_ref() && kind_of(e) == Kind::Instance {
            let k = self.exc_key(n);
            self.instance_get(e, k).unwrap_or(Value::NONE)
        } else { Value::NONE }
    }

    fn is_exc_class(&self, v: Value) -> bool {
        v.is_ref() && kind_of(v) == Kind::Class && self.is_subclass(v, self.exc_type(Exc::BaseException))
    }

    /// Normalises the operand of `raise`: a class is instantiated; sets
    /// `__cause__` and `__context__`.
    pub fn make_raise(&mut self, x: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = if self.is_exc_class(x) {
            self.call(x, &[])?
        } else if self.isinstance(x, self.exc_type(Exc::BaseException)) {
            x
        } else {
            return Err(self.new_exc(Exc::TypeError, "exceptions must derive from BaseException"));
        };
        if !self.isinstance(exc, self.exc_type(Exc::BaseException)) {
            let tn = self.type_name(exc);
            return Err(self.new_exc(Exc::TypeError, &format!("calling {tn} should have returned an instance of BaseException, not {tn}")));
        }
        if let Some(c) = cause {
            let c = if self.is_exc_class(c) {
                self.call(c, &[])?
            } else if c == Value::NONE || self.isinstance(c, self.exc_type(Exc::BaseException)) {
                c
            } else {
                return Err(self.new_exc(Exc::TypeError, "exception causes must derive from BaseException"));
            };
            self.set_exc_attr(exc, N::cause, c)?;
            self.set_exc_attr(exc, N::suppress_context, Value::TRUE)?;
        }
        Ok(PyErr(exc))
    }

    /// Records that `err` passed through `frame` at `pc`; also sets the
    /// implicit `__context__` the first time the exception is seen. The
    /// traceback entry keeps the frame (`tb_frame`), as CPython's does.
    pub fn add_traceback(&mut self, err: PyErr, frame: Value, pc: usize) {
        let code = obj::<FrameL>(frame).code;
        let line = code_data(code).line_at(pc);
        let e = err.0;
        if !(e.is_ref() && kind_of(e) == Kind::Instance) { return; }
        let tb_name = self.exc_key(N::traceback);
        let prev = self.instance_get(e, tb_name).unwrap_or(Value::NONE);
        if prev == Value::NONE {
            // First time raised: chain the exception being handled.
            let ctx = self.r.exc_info.get();
            if ctx != Value::NONE && !ctx.is_null() && ctx != e && { let k = self.exc_key(N::context); self.instance_get(e, k).is_none() } {
                // Avoid cycles: CPython breaks them by cutting the chain.
                let mut c = ctx;
                let mut cyclic = false;
                for _ in 0..100 {
                    if c == e { cyclic = true; break; }
                    let next = self.get_exc_attr(c, N::context);
                    if next == Value::NONE || next.is_null() { break; }
                    c = next;
                }
                if !cyclic { let _ = self.set_exc_attr(e, N::context, ctx); }
            }
        }
        let tb = self.new_obj4(Kind::Traceback, self.ty(Ty::Traceback), [prev, frame_escape(frame), Value::small(line as i64), Value::small(pc as i64)]);
        let _ = self.instance_set(e, tb_name, tb);
    }

    /// `except T` matching, with CPython's TypeError for non-exception types.
    pub fn exception_match(&mut self, exc: Value, t: Value) -> PyResult<bool> {
        if t.is_ref() && kind_of(t) == Kind::Tuple {
            for &c in tuple_slice(t) {
                if !self.is_exc_class(c) {
                    return Err(self.new_exc(Exc::TypeError, "catching classes that do not inherit from BaseException is not allowed"));
                }
            }
            return Ok(tuple_slice(t).iter().any(|&c| self.isinstance(exc, c)));
        }
        if !self.is_exc_class(t) {
            return Err(self.new_exc(Exc::TypeError, "catching classes that do not inherit from BaseException is not allowed"));
        }
        Ok(self.isinstance(exc, t))
    }

    /// `str(exc)` following BaseException.__str__ (and KeyError's).
    pub fn exc_str(&mut self, e: Value) -> PyResult<String> {
        self.str_string(e)
    }

    /// Traceback entries, outermost first: (filename, line, function name,
    /// source byte range of the failing instruction).
    pub fn traceback_entries(&mut self, e: Value) -> Vec<(String, u32, String, Option<(u32, u32)>)> {
        let mut tb = self.get_exc_attr(e, N::traceback);
        let mut out = Vec::new();
        while tb.is_ref() && kind_of(tb) == Kind::Traceback {
            let code = obj::<FrameL>(s4(tb, 1)).code;
            let line = s4(tb, 2).int() as u32;
            let pc = s4(tb, 3);
            let range = if pc.is_int() { code_data(code).positions.get(pc.int() as usize).copied() } else { None };
            let co = obj::<CodeL>(code);
            out.push((str_ref(co.filename).to_string(), line, str_ref(co.name).to_string(), range));
            tb = s4(tb, 0);
        }
        // Entries are prepended as the exception travels outwards, so the
        // head is the outermost frame: `out` is already in printing order.
        out
    }

    /// Formats an exception with its chain like CPython's traceback printer.
    pub fn format_exception(&mut self, e: Value) -> String {
        // `seen` is a Rust Vec of Values, consulted only on the way down the
        // chain, when each entry is the `e` of an active call below (a live
        // local, so pinned by the conservative scan and never moved).
        let mut seen = Vec::new();
        self.format_exception_chain(e, &mut seen)
    }

    fn format_exception_chain(&mut self, e: Value, seen: &mut Vec<Value>) -> String {
        seen.push(e);
        let mut out = String::new();
        let cause = self.get_exc_attr(e, N::cause);
        let context = self.get_exc_attr(e, N::context);
        let suppress = self.get_exc_attr(e, N::suppress_context) == Value::TRUE;
        if cause != Value::NONE && !cause.is_null() && !seen.contains(&cause) {
            out.push_str(&self.format_exception_chain(cause, seen));
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if !suppress && context != Value::NONE && !context.is_null() && !seen.contains(&context) {
            out.push_str(&self.format_exception_chain(context, seen));
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        let entries = self.traceback_entries(e);
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Like CPython, print a run of identical entries at most three
            // times and summarise the rest.
            let mut i = 0;
            while i < entries.len() {
                let mut j = i + 1;
                while j < entries.len() && entries[j].0 == entries[i].0 && entries[j].1 == entries[i].1 && entries[j].2 == entries[i].2 { j += 1; }
                let shown = (j - i).min(3);
                for _ in 0..shown {
                    let (file, line, func, range) = &entries[i];
                    out.push_str(&format!("  File \"{file}\", line {line}, in {func}\n"));
                    if let Some(src) = self.source_line(file, *line) {
                        out.push_str(&format!("    {}\n", src.trim()));
                        if let Some(m) = range.and_then(|r| self.position_markers(file, *line, r)) {
                            out.push_str(&m);
                        }
                    }
                }
                let rest = j - i - shown;
                if rest > 0 {
                    out.push_str(&format!("  [Previous line repeated {rest} more time{}]\n", if rest > 1 { "s" } else { "" }));
                }
                i = j;
            }
        }
        out.push_str(&self.format_exception_only(e));
        out
    }

    /// The last line(s): `Type: message` (SyntaxError with its location).
    pub fn format_exception_only(&mut self, e: Value) -> String {
        let cls = self.type_of(e);
        let mut name = self.class_name(cls).to_string();
        let module = obj::<ClassL>(cls).module;
        if module.is_ref() && self.is_str(module) {
            let m = str_ref(module);
            if m != "builtins" && m != "__main__" { name = format!("{m}.{name}"); }
        }
        let mut out = String::new();
        if self.isinstance(e, self.exc_type(Exc::SyntaxError)) {
            let file = self.get_exc_attr(e, N::filename);
            let line = self.get_exc_attr(e, N::lineno);
            if self.is_str(file) && line.is_int() {
                out.push_str(&format!("  File \"{}\", line {}\n", str_ref(file), line.int()));
                let text = self.get_exc_attr(e, N::text);
                let off = self.get_exc_attr(e, N::offset);
                let end = self.get_exc_attr(e, N::end_offset);
                if self.is_str(text) {
                    let t = str_ref(text).trim_end_matches('\n');
                    let stripped = t.trim_start();
                    let indent = t.chars().count() - stripped.chars().count();
                    out.push_str(&format!("    {stripped}\n"));
                    let msg_v = self.get_exc_attr(e, N::msg);
                    let no_caret = self.is_str(msg_v) && str_ref(msg_v) == "unexpected indent";
                    if off.is_int() && !no_caret {
                        let o = (off.int() as usize).saturating_sub(1).saturating_sub(indent);
                        let e = if end.is_int() { (end.int() as usize).saturating_sub(1).saturating_sub(indent) } else { o + 1 };
                        let width = if e > o { e - o } else { 1 };
                        out.push_str(&format!("    {}{}\n", " ".repeat(o), "^".repeat(width)));
                    }
                }
            }
            let msg = self.get_exc_attr(e, N::msg);
            let m = if self.is_str(msg) { str_ref(msg).to_string() } else { self.exc_str(e).unwrap_or_default() };
            out.push_str(&format!("{name}: {m}\n"));
            return out;
        }
        let msg = match self.exc_str(e) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".into(),
        };
        if msg.is_empty() { out.push_str(&format!("{name}\n")); } else { out.push_str(&format!("{name}: {msg}\n")); }
        out
    }

    /// CPython 3.11's position markers under a traceback line (`~~~^^^^`),
    /// following `traceback.StackSummary.format_frame_summary`.
    fn position_markers(&self, file: &str, line: u32, range: (u32, u32)) -> Option<String> {
        let src = self.sources.get(file)?;
        let (start, end) = (range.0 as usize, range.1 as usize);
        if start >= end || end > src.len() { return None; }
        // The line the instruction starts on must be the traceback's line.
        let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
        let start_line = src[..start].matches('\n').count() as u32 + 1;
        if start_line != line { return None; }
        let line_end = src[line_start..].find('\n').map_or(src.len(), |i| line_start + i);
        let original = &src[line_start..line_end];
        let stripped = original.trim();
        let lead = original.chars().count() - original.trim_start().chars().count();
        let chars = |bytes: usize| original[..bytes.min(original.len())].chars().count();
        let col = chars(start - line_start);
        let one_line = end <= line_end;
        let (width, anchors) = if one_line {
            let end_col = chars(end - line_start);
            let seg: String = original.chars().skip(col).take(end_col - col).collect();
            (end_col - col, caret_anchors(&seg))
        } else {
            (stripped.chars().count() + lead - col, None)
        };
        if !(width < stripped.chars().count() || anchors.is_some()) { return None; }
        let mut m = String::from("    ");
        m.push_str(&" ".repeat(col.saturating_sub(lead)));
        match anchors {
            Some((l, r)) => {
                m.push_str(&"~".repeat(l));
                m.push_str(&"^".repeat(r - l));
                m.push_str(&"~".repeat(width.saturating_sub(r)));
            }
            None => m.push_str(&"^".repeat(width)),
        }
        m.push('\n');
        Some(m)
    }

    fn source_line(&self, file: &str, line: u32) -> Option<String> {
        let src = self.sources.get(file)?;
        src.lines().nth(line.checked_sub(1)? as usize).map(|s| s.to_string())
    }

    /// Prints an uncaught exception to stderr.
    pub fn print_exception(&mut self, e: Value) {
        let s = self.format_exception(e);
        self.write_stderr(&s);
    }

    /// Runs pending finalizers (`__del__`) at a safe point.
    pub fn run_finalizers(&mut self) {
        if self.in_finalizer { return; }
        self.in_finalizer = true;
        let lost = crate::vm::RootedVec::new(&self.r);
        while let Some(h) = self.heap.gc.pop_finalizable() {
            let o = Value::from_addr(h as usize);
            if kind_of(o) == Kind::Tasklet {
                lost.push(o);
                continue;
            }
            let cls = self.type_of(o);
            if let Some(m) = self.lookup_type(cls, self.n(N::del)) {
                let saved_exc = self.r.exc_info.get();
                if let Err(err) = self.call(m, &[o]) {
                    let what = self.repr_string(m).unwrap_or_else(|_| "<__del__>".into());
                    let mut s = format!("Exception ignored in: {what}\n");
                    s.push_str(&self.format_exception(err.0));
                    self.write_stderr(&s);
                }
                self.r.exc_info.set(saved_exc);
            }
        }
        self.in_finalizer = false;
        // Killing switches tasklets, so it runs outside the finalizer guard.
        for i in 0..lost.len() {
            let t = lost.get(i);
            self.kill_lost_tasklet(t);
        }
    }
}

/// `_extract_caret_anchors_from_line_segment` of CPython 3.11: for a binary
/// operation the operator, for a subscript the `[...]`, in character offsets
/// of `segment`.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    if body.len() != 1 { return None; }
    let Stmt::Expr(e) = &body[0] else { return None };
    let norm = |b: usize| segment[..b.min(segment.len())].chars().count();
    match &*e.value {
        Expr::BinOp(b) => {
            let op_start = usize::from(b.left.range().end());
            let op_end = usize::from(b.right.range().start());
            let op_str = &segment[op_start..op_end];
            let off = op_str.len() - op_str.trim_start().len();
            let left = op_start + off;
            let mut right = left + 1;
            if off + 1 < op_str.len() && !op_str.as_bytes()[off + 1].is_ascii_whitespace() { right += 1; }
            Some((norm(left), norm(right)))
        }
        Expr::Subscript(s) => {
            let l = norm(usize::from(s.value.range().end()));
            let r = norm(usize::from(s.slice.range().end()) + 1);
            Some((l, r))
        }
        _ => None,
    }
}
