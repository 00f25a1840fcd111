//! The symbol table: which scope every name of every code block lives in.
//!
//! This follows CPython 3.11's `symtable.c` closely, in two passes:
//!
//! 1. **Collect**: walk the AST once, creating a [`Scope`] for the module,
//!    each class body, function, lambda and comprehension, and recording per
//!    name how it is used (bound, parameter, `global`, `nonlocal`, read,
//!    import, comprehension iteration target, annotated). Errors that depend
//!    on statement order (`global x` after a use of `x`, duplicate
//!    parameters, walrus targets in comprehensions) are raised here.
//! 2. **Analyze**: from the module down, decide each name's [`NameScope`]
//!    given the names bound in enclosing *function* scopes (class bodies do
//!    not provide bindings to the scopes nested in them), then turn locals
//!    captured by inner scopes into cells and propagate free variables up
//!    through intermediate scopes (including class bodies, which then carry
//!    them as free variables themselves).
//!
//! Rules the code generator relies on:
//! - names are stored mangled (`__x` inside class `C` is `_C__x`);
//! - `cellvars` and `freevars` of every scope are sorted by name (the code
//!   generator then moves cells that are parameters to the front, in
//!   parameter order, as CPython 3.11 does); a class whose methods use `super` or `__class__` has the
//!   single implicit cell `__class__` (`needs_class_closure`);
//! - a name bound in a class body and also free in one of its methods is
//!   local to the class *and* listed in its `freevars` (`DEF_FREE_CLASS`).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, ExprContext, InterpolatedStringElement, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::Body;
use super::errors::ErrorAt;
use super::MAX_NESTING;

pub(crate) type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function-like scopes have fast locals and cells.
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

pub(crate) const DEF_LOCAL: u32 = 1;
pub(crate) const DEF_PARAM: u32 = 2;
pub(crate) const DEF_GLOBAL: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_IMPORT: u32 = 32;
pub(crate) const DEF_COMP_ITER: u32 = 64;
pub(crate) const DEF_ANNOT: u32 = 128;
pub(crate) const DEF_FREE_CLASS: u32 = 256;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: NameScope,
    /// Where the name was first declared `nonlocal` (or first seen), for errors.
    range: TextRange,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    children: Vec<ScopeId>,
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Nested inside a function scope (possibly through class bodies).
    pub nested: bool,
    pub generator: bool,
    /// A class body whose methods need the implicit `__class__` cell.
    pub needs_class_closure: bool,
    /// "list comprehension", ... for error messages.
    comp_desc: &'static str,
    /// Inside a comprehension's iterable expression (walrus is forbidden).
    comp_iter_expr: u32,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, nested: bool) -> Self {
        Scope {
            kind,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            nested,
            generator: false,
            needs_class_closure: false,
            comp_desc: "",
            comp_iter_expr: 0,
            cellvars: Vec::new(),
            freevars: Vec::new(),
        }
    }

    pub fn lookup(&self, mangled: &str) -> Option<&Symbol> {
        self.index.get(mangled).map(|&i| &self.symbols[i])
    }

    fn flags(&self, mangled: &str) -> u32 {
        self.lookup(mangled).map_or(0, |s| s.flags)
    }
}

/// All scopes of a module; scope 0 is the module itself.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> the scope it opens (function, class, lambda,
    /// comprehension nodes).
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    pub fn build(body: &Body<'_>) -> Result<SymbolTable, ErrorAt> {
        let mut b = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, false)],
            by_node: HashMap::new(),
            stack: vec![0],
            private: None,
            depth: 0,
            comp_iter_target: false,
        };
        match body {
            Body::Module(m) => b.visit_body(&m.body)?,
            Body::Expression(e) => b.visit_expr(e)?,
        }
        let mut table = SymbolTable {
            scopes: b.scopes,
            by_node: b.by_node,
        };
        table.analyze(0, None, HashSet::new())?;
        Ok(table)
    }

    /// The scope opened by an AST node (by address).
    pub fn scope_of_node<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }

    /// CPython's `analyze_block`: returns the names free in this scope or
    /// its descendants that must come from further out.
    fn analyze(
        &mut self,
        id: ScopeId,
        mut bound: Option<HashSet<String>>,
        mut global: HashSet<String>,
    ) -> Result<HashSet<String>, ErrorAt> {
        let kind = self.scopes[id].kind;
        let is_class = kind == ScopeKind::Class;
        let mut local = HashSet::new();
        let mut own_free = HashSet::new();
        let mut newglobal = HashSet::new();
        let mut newbound = HashSet::new();
        if is_class {
            newglobal = global.clone();
            if let Some(b) = &bound {
                newbound = b.clone();
            }
        }
        for i in 0..self.scopes[id].symbols.len() {
            let sym = &self.scopes[id].symbols[i];
            let (name, flags, range) = (sym.name.clone(), sym.flags, sym.range);
            let scope = if flags & DEF_GLOBAL != 0 {
                if flags & DEF_NONLOCAL != 0 {
                    return Err(ErrorAt::syntax(
                        format!("name '{name}' is nonlocal and global"),
                        range,
                    ));
                }
                if let Some(b) = &mut bound {
                    b.remove(&name);
                }
                global.insert(name);
                NameScope::GlobalExplicit
            } else if flags & DEF_NONLOCAL != 0 {
                match &bound {
                    None => {
                        return Err(ErrorAt::syntax(
                            "nonlocal declaration not allowed at module level",
                            range,
                        ));
                    }
                    Some(b) if !b.contains(&name) => {
                        return Err(ErrorAt::syntax(
                            format!("no binding for nonlocal '{name}' found"),
                            range,
                        ));
                    }
                    _ => {}
                }
                own_free.insert(name);
                NameScope::Free
            } else if flags & DEF_BOUND != 0 {
                global.remove(&name);
                local.insert(name);
                NameScope::Local
            } else if bound.as_ref().is_some_and(|b| b.contains(&name)) {
                own_free.insert(name);
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
            self.scopes[id].symbols[i].scope = scope;
        }
        if !is_class {
            if kind.is_function_like() {
                newbound.extend(local);
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global);
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut newfree = HashSet::new();
        for child in self.scopes[id].children.clone() {
            let f = self.analyze(child, Some(newbound.clone()), newglobal.clone())?;
            newfree.extend(f);
        }
        let scope = &mut self.scopes[id];
        if kind.is_function_like() {
            for sym in &mut scope.symbols {
                if sym.scope == NameScope::Local && newfree.remove(&sym.name) {
                    sym.scope = NameScope::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            scope.needs_class_closure = true;
        }
        let mut pass_through: Vec<&String> = newfree.iter().collect();
        pass_through.sort();
        for name in pass_through {
            if let Some(&i) = scope.index.get(name) {
                let sym = &mut scope.symbols[i];
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue;
                }
            }
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push(Symbol {
                name: name.clone(),
                flags: 0,
                scope: NameScope::Free,
                range: TextRange::default(),
            });
        }
        let mut cells: Vec<String> = scope
            .symbols
            .iter()
            .filter(|s| s.scope == NameScope::Cell)
            .map(|s| s.name.clone())
            .collect();
        if scope.needs_class_closure {
            cells.push("__class__".to_string());
        }
        cells.sort();
        let mut frees: Vec<String> = scope
            .symbols
            .iter()
            .filter(|s| s.scope == NameScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        frees.sort();
        scope.cellvars = cells;
        scope.freevars = frees;
        newfree.extend(own_free);
        Ok(newfree)
    }
}

/// CPython's private name mangling: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(p) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let p = p.trim_start_matches('_');
    if p.is_empty() {
        return name.to_string();
    }
    format!("_{p}{name}")
}

type R = Result<(), ErrorAt>;

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    stack: Vec<ScopeId>,
    private: Option<String>,
    depth: u32,
    /// Visiting a comprehension's iteration target.
    comp_iter_target: bool,
}

fn unsupported(what: &str, range: TextRange) -> ErrorAt {
    ErrorAt::syntax(format!("{what} is not supported by skiff yet"), range)
}

impl Builder {
    fn top(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.top();
        &mut self.scopes[id]
    }

    fn enter<T>(&mut self, node: &T, kind: ScopeKind) {
        let parent = self.top();
        let p = &self.scopes[parent];
        let nested = p.nested || p.kind.is_function_like();
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, nested));
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u32, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let flag = if self.comp_iter_target {
            flag | DEF_COMP_ITER
        } else {
            flag
        };
        if flag & DEF_PARAM != 0 && self.scopes[self.top()].flags(&mangled) & DEF_PARAM != 0 {
            return Err(ErrorAt::syntax(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        self.add_def_in(self.top(), &mangled, flag, range);
        Ok(())
    }

    fn add_def_in(&mut self, scope: ScopeId, mangled: &str, flag: u32, range: TextRange) {
        let s = &mut self.scopes[scope];
        let i = match s.index.get(mangled) {
            Some(&i) => i,
            None => {
                s.index.insert(mangled.to_string(), s.symbols.len());
                s.symbols.push(Symbol {
                    name: mangled.to_string(),
                    flags: 0,
                    scope: NameScope::GlobalImplicit,
                    range,
                });
                s.symbols.len() - 1
            }
        };
        let sym = &mut s.symbols[i];
        if flag & DEF_NONLOCAL != 0 && sym.flags & DEF_NONLOCAL == 0 {
            sym.range = range;
        }
        sym.flags |= flag;
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax(
                "too many statically nested blocks",
                s.range(),
            ));
        }
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_params_defaults(&mut self, p: &ast::Parameters) -> R {
        for pd in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &pd.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    /// Parameter annotations are evaluated where the `def` runs.
    fn visit_param_annotations(&mut self, p: &ast::Parameters) -> R {
        let all = p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs).map(|pd| &pd.parameter)
            .chain(p.vararg.as_deref()).chain(p.kwarg.as_deref());
        for a in all {
            if let Some(ann) = &a.annotation {
                self.visit_expr(ann)?;
            }
        }
        Ok(())
    }

    fn define_params(&mut self, p: &ast::Parameters) -> R {
        for pd in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            self.add_def(&pd.parameter.name.id, DEF_PARAM, pd.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range)?;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name.id, DEF_PARAM, k.name.range)?;
        }
        Ok(())
    }

    fn declare(&mut self, names: &[ast::Identifier], nonlocal: bool, range: TextRange) -> R {
        let what = if nonlocal { "nonlocal" } else { "global" };
        if nonlocal && self.scopes[self.top()].kind == ScopeKind::Module {
            return Err(ErrorAt::syntax(
                "nonlocal declaration not allowed at module level",
                range,
            ));
        }
        for n in names {
            let mangled = mangle(self.private.as_deref(), &n.id);
            let cur = self.scopes[self.top()].flags(&mangled);
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                let msg = if cur & DEF_PARAM != 0 {
                    format!("name '{}' is parameter and {what}", n.id)
                } else if cur & USE != 0 {
                    format!("name '{}' is used prior to {what} declaration", n.id)
                } else if cur & DEF_ANNOT != 0 {
                    format!("annotated name '{}' can't be {what}", n.id)
                } else {
                    format!("name '{}' is assigned to before {what} declaration", n.id)
                };
                return Err(ErrorAt::syntax(msg, range));
            }
            self.add_def(
                &n.id,
                if nonlocal { DEF_NONLOCAL } else { DEF_GLOBAL },
                range,
            )?;
        }
        Ok(())
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                if f.is_async {
                    return Err(unsupported("'async def'", f.range));
                }
                if f.type_params.is_some() {
                    return Err(unsupported("type parameter syntax", f.range));
                }
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range)?;
                self.visit_params_defaults(&f.parameters)?;
                self.visit_param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.visit_expr(r)?;
                }
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(f, ScopeKind::Function);
                self.define_params(&f.parameters)?;
                self.visit_body(&f.body)?;
                self.leave();
            }
            Stmt::ClassDef(c) => {
                if c.type_params.is_some() {
                    return Err(unsupported("type parameter syntax", c.range));
                }
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.visit_expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.visit_expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression)?;
                }
                self.enter(c, ScopeKind::Class);
                let saved = self.private.replace(c.name.id.to_string());
                self.visit_body(&c.body)?;
                self.private = saved;
                self.leave();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.visit_expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => return Err(unsupported("type parameter syntax", t.range)),
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.visit_expr(&a.target)?;
                self.visit_expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let mangled = mangle(self.private.as_deref(), &n.id);
                    let cur = self.scopes[self.top()].flags(&mangled);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0
                        && self.scopes[self.top()].kind != ScopeKind::Module
                        && a.simple
                    {
                        let what = if cur & DEF_GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(ErrorAt::syntax(
                            format!("annotated name '{}' can't be {what}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, DEF_ANNOT | DEF_LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                } else {
                    self.visit_expr(&a.target)?;
                }
                if let Some(v) = &a.value {
                    self.visit_expr(v)?;
                }
                // Module and class annotations are evaluated; a function's
                // local annotations are not (CPython 3.11).
                if self.scopes[self.top()].kind != ScopeKind::Function {
                    self.visit_expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    return Err(unsupported("'async for'", f.range));
                }
                self.visit_expr(&f.target)?;
                self.visit_expr(&f.iter)?;
                self.visit_body(&f.body)?;
                self.visit_body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.visit_expr(&w.test)?;
                self.visit_body(&w.body)?;
                self.visit_body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.visit_expr(t)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    return Err(unsupported("'async with'", w.range));
                }
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(&w.body)?;
            }
            Stmt::Match(m) => return Err(unsupported("the 'match' statement", m.range)),
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.visit_expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.visit_expr(c)?;
                }
            }
            Stmt::Try(t) => {
                if t.is_star {
                    return Err(unsupported("'except*'", t.range));
                }
                self.visit_body(&t.body)?;
                self.visit_body(&t.orelse)?;
                for (i, h) in t.handlers.iter().enumerate() {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    match &h.type_ {
                        Some(ty) => self.visit_expr(ty)?,
                        None if i + 1 < t.handlers.len() => {
                            return Err(ErrorAt::syntax("default 'except:' must be last", h.range));
                        }
                        None => {}
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, DEF_LOCAL, n.range)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.visit_expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.visit_expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let stored = match &alias.asname {
                        Some(a) => a.id.as_str(),
                        None => alias.name.id.split('.').next().unwrap_or(""),
                    };
                    self.add_def(stored, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.scopes[self.top()].kind != ScopeKind::Module {
                            return Err(ErrorAt::syntax(
                                "import * only allowed at module level",
                                i.range,
                            ));
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(&stored.id, DEF_IMPORT, alias.range)?;
                }
            }
            Stmt::Global(g) => self.declare(&g.names, false, g.range)?,
            Stmt::Nonlocal(n) => self.declare(&n.names, true, n.range)?,
            Stmt::Expr(e) => self.visit_expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(c) => return Err(ErrorAt::syntax("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(ErrorAt::syntax("too many nested parentheses", e.range()));
        }
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_interpolated(&mut self, elements: &ast::InterpolatedStringElements) -> R {
        for el in elements.iter() {
            if let InterpolatedStringElement::Interpolation(i) = el {
                self.visit_expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.visit_interpolated(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.visit_expr(v)?;
                }
            }
            Expr::Named(n) => {
                if self.cur().comp_iter_expr > 0 {
                    return Err(ErrorAt::syntax(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                self.visit_expr(&n.value)?;
                if let Expr::Name(t) = &*n.target {
                    if self.cur().kind == ScopeKind::Comprehension {
                        self.extend_namedexpr_scope(&t.id, t.range)?;
                    }
                    self.add_def(&t.id, DEF_LOCAL, t.range)?;
                } else {
                    self.visit_expr(&n.target)?;
                }
            }
            Expr::BinOp(_) => {
                // Walk the left spine iteratively: long `a + b + c + ...`
                // chains are deep on the left only.
                let mut spine = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    spine.push(b);
                    cur = &b.left;
                }
                self.visit_expr(cur)?;
                for b in spine.iter().rev() {
                    self.visit_expr(&b.right)?;
                }
            }
            Expr::UnaryOp(u) => self.visit_expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_params_defaults(p)?;
                }
                self.enter(l, ScopeKind::Lambda);
                if let Some(p) = &l.parameters {
                    self.define_params(p)?;
                }
                self.visit_expr(&l.body)?;
                self.leave();
            }
            Expr::If(i) => {
                self.visit_expr(&i.test)?;
                self.visit_expr(&i.body)?;
                self.visit_expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.visit_expr(k)?;
                    }
                    self.visit_expr(&item.value)?;
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::ListComp(c) => self.visit_comprehension(
                c,
                "list comprehension",
                &c.generators,
                &c.elt,
                None,
                false,
            )?,
            Expr::SetComp(c) => self.visit_comprehension(
                c,
                "set comprehension",
                &c.generators,
                &c.elt,
                None,
                false,
            )?,
            Expr::DictComp(c) => self.visit_comprehension(
                c,
                "dict comprehension",
                &c.generators,
                &c.key,
                Some(&c.value),
                false,
            )?,
            Expr::Generator(c) => self.visit_comprehension(
                c,
                "generator expression",
                &c.generators,
                &c.elt,
                None,
                true,
            )?,
            Expr::Await(a) => return Err(unsupported("'await'", a.range)),
            Expr::Yield(y) => {
                self.note_yield(y.range)?;
                if let Some(v) = &y.value {
                    self.visit_expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.note_yield(y.range)?;
                self.visit_expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.visit_expr(&c.left)?;
                for x in c.comparators.iter() {
                    self.visit_expr(x)?;
                }
            }
            Expr::Call(c) => {
                self.visit_expr(&c.func)?;
                for a in c.arguments.args.iter() {
                    self.visit_expr(a)?;
                }
                for k in c.arguments.keywords.iter() {
                    self.visit_expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.visit_interpolated(&fs.elements)?;
                    }
                }
            }
            Expr::TString(t) => return Err(unsupported("template strings", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
            Expr::Attribute(a) => self.visit_expr(&a.value)?,
            Expr::Subscript(s) => {
                self.visit_expr(&s.value)?;
                self.visit_expr(&s.slice)?;
            }
            Expr::Starred(s) => self.visit_expr(&s.value)?,
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => {
                    self.add_def(&n.id, USE, n.range)?;
                    if n.id.as_str() == "super" && self.cur().kind.is_function_like() {
                        self.add_def("__class__", USE, n.range)?;
                    }
                }
                ExprContext::Store | ExprContext::Del => self.add_def(&n.id, DEF_LOCAL, n.range)?,
                ExprContext::Invalid => {}
            },
            Expr::List(l) => {
                for x in &l.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.visit_expr(x)?;
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(ErrorAt::syntax("invalid syntax", c.range)),
        }
        Ok(())
    }

    fn note_yield(&mut self, range: TextRange) -> R {
        let s = self.cur();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(ErrorAt::syntax("'yield' outside function", range))
            }
            ScopeKind::Comprehension => Err(ErrorAt::syntax(
                format!("'yield' inside {}", s.comp_desc),
                range,
            )),
            _ => {
                s.generator = true;
                Ok(())
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn visit_comprehension<T>(
        &mut self,
        node: &T,
        desc: &'static str,
        generators: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        is_generator: bool,
    ) -> R {
        if let Some(g) = generators.iter().find(|g| g.is_async) {
            return Err(unsupported("asynchronous comprehension", g.range));
        }
        let first = &generators[0];
        self.cur().comp_iter_expr += 1;
        let r = self.visit_expr(&first.iter);
        self.cur().comp_iter_expr -= 1;
        r?;
        self.enter(node, ScopeKind::Comprehension);
        self.cur().comp_desc = desc;
        self.cur().generator = is_generator;
        self.add_def(".0", DEF_PARAM, first.range)?;
        self.comp_iter_target = true;
        let r = self.visit_expr(&first.target);
        self.comp_iter_target = false;
        r?;
        for cond in &first.ifs {
            self.visit_expr(cond)?;
        }
        for g in &generators[1..] {
            self.comp_iter_target = true;
            let r = self.visit_expr(&g.target);
            self.comp_iter_target = false;
            r?;
            self.cur().comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.cur().comp_iter_expr -= 1;
            r?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        self.leave();
        Ok(())
    }

    /// A walrus inside a comprehension binds in the nearest enclosing
    /// function (or the module), not in the comprehension.
    fn extend_namedexpr_scope(&mut self, name: &str, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let cur = self.top();
        for &sid in self.stack.iter().rev() {
            let s = &self.scopes[sid];
            match s.kind {
                ScopeKind::Comprehension => {
                    if s.flags(&mangled) & DEF_COMP_ITER != 0 {
                        return Err(ErrorAt::syntax(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            range,
                        ));
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if s.flags(&mangled) & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def_in(cur, &mangled, flag, range);
                    self.add_def_in(sid, &mangled, DEF_LOCAL, range);
                    return Ok(());
                }
                ScopeKind::Module => {
                    self.add_def_in(cur, &mangled, DEF_GLOBAL, range);
                    self.add_def_in(sid, &mangled, DEF_GLOBAL, range);
                    return Ok(());
                }
                ScopeKind::Class => {
                    return Err(ErrorAt::syntax(
                        "assignment expression within a comprehension cannot be used in a class body",
                        range,
                    ));
                }
            }
        }
        Ok(())
    }
}
