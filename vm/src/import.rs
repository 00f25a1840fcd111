//! `import`: sys.modules, native modules registered by the embedder,
//! sibling `.py` files and packages (`__init__.py`) on `sys.path`, relative
//! imports, and running module code.

use crate::compiler::CompileError;
use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyErr, PyResult, Ty, Vm};

impl Vm {
    pub fn new_module(&mut self, name: &str) -> Value {
        let n = self.new_str(name);
        let d = self.new_dict();
        self.dict_set_str(d, "__name__", n);
        self.dict_set_str(d, "__doc__", Value::NONE);
        self.dict_set_str(d, "__package__", Value::NONE);
        self.dict_set_str(d, "__spec__", Value::NONE);
        self.new_obj4(Kind::Module, self.ty(Ty::Module), [n, d, Value::NULL, Value::NULL])
    }
    pub fn module_dict(&self, m: Value) -> Value { s4(m, 1) }

    /// Registers a module implemented in Rust (looked up by `import`).
    pub fn register_native_module(&mut self, name: &'static str, init: crate::vm::NativeModuleInit) {
        self.native_modules.insert(name, init);
    }

    /// A SyntaxError exception for a compile error.
    pub fn syntax_error(&mut self, e: &CompileError) -> PyErr {
        let cls = if e.kind == "IndentationError" { self.exc_type(Exc::IndentationError) } else { self.exc_type(Exc::SyntaxError) };
        let msg = self.new_str(&e.message);
        let file = self.new_str(&e.filename);
        let text = self.new_str(&e.text);
        let det = self.new_tuple(&[file, Value::small(e.line as i64), Value::small(e.col as i64), text,
                                   Value::small(e.line as i64), Value::small(e.end_col as i64)]);
        match self.call(cls, &[msg, det]) { Ok(v) => PyErr(v), Err(e) => e }
    }

    /// Compiles `source` and puts the code on the heap.
    pub fn compile_source(&mut self, source: &str, filename: &str) -> PyResult<Value> {
        self.sources.insert(filename.to_string(), source.into());
        match crate::compiler::compile_module(source, filename) {
            Ok(unit) => Ok(self.make_code(&unit)),
            Err(e) => Err(self.syntax_error(&e)),
        }
    }

    /// Runs module-level code with `globals` as its namespace.
    pub fn exec_code(&mut self, code: Value, globals: Value) -> PyResult {
        let frame = self.alloc_frame(code, globals);
        if self.dict_get_str(globals, self.n(N::builtins)).is_none() {
            let b = self.r.builtins.get();
            self.dict_set_str(globals, "__builtins__", b);
        }
        self.run_frame_nested(frame)
    }

    /// Imports `fullname` (absolute, dotted) and returns the leaf module.
    pub fn import_module(&mut self, fullname: &str) -> PyResult<Value> {
        let mut parent = Value::NULL;
        let mut module = Value::NULL;
        let mut prefix = String::new();
        for part in fullname.split('.') {
            if !prefix.is_empty() { prefix.push('.'); }
            prefix.push_str(part);
            module = self.load_one(&prefix, parent)?;
            if !parent.is_null() {
                let pd = self.module_dict(parent);
                if self.dict_get_by_name(pd, part).is_none() { self.dict_set_str(pd, part, module); }
            }
            parent = module;
        }
        Ok(module)
    }

    fn load_one(&mut self, name: &str, parent: Value) -> PyResult<Value> {
        let key = self.new_str(name);
        let modules = self.r.modules.get();
        if let Some(m) = self.dict_get(modules, key)? {
            if m == Value::NONE { return Err(self.module_not_found(name)); }
            return Ok(m);
        }
        if let Some(&init) = self.native_modules.get(name) {
            let m = self.new_module(name);
            self.dict_set(modules, key, m)?;
            let d = self.module_dict(m);
            if let Err(e) = init(self, d) { let _ = self.dict_del(modules, key); return Err(e); }
            return Ok(m);
        }
        let leaf = name.rsplit('.').next().unwrap();
        // A bundled submodule (`collections.abc` is `stdlib/lib/collections.abc.py`).
        if !parent.is_null() {
            if let Some(&source) = self.bundled_modules.get(name) {
                return self.load_bundled(name, source);
            }
        }
        let dirs: Vec<String> = if parent.is_null() {
            self.sys_path()
        } else {
            let pd = self.module_dict(parent);
            match self.dict_get_by_name(pd, "__path__") {
                Some(p) if p.is_ref() && kind_of(p) == Kind::List => {
                    list_slice(p).iter().filter(|&&x| self.is_str(x)).map(|&x| str_ref(x).to_string()).collect()
                }
                _ => return Err(self.module_not_found_in_package(name, parent)),
            }
        };
        for dir in dirs {
            let base = if dir.is_empty() { ".".to_string() } else { dir };
            let pkg_init = format!("{base}/{leaf}/__init__.py");
            let file = format!("{base}/{leaf}.py");
            let (path, is_pkg) = if std::path::Path::new(&pkg_init).is_file() { (pkg_init, true) }
                else if std::path::Path::new(&file).is_file() { (file, false) } else { continue };
            return self.load_source_module(name, &path, is_pkg, &format!("{base}/{leaf}"));
        }
        // The Python modules bundled with skiff come after sys.path, as
        // CPython's standard library does (a script's own file shadows them).
        if parent.is_null() {
            if let Some(&source) = self.bundled_modules.get(name) {
                return self.load_bundled(name, source);
            }
        }
        if parent.is_null() { Err(self.module_not_found(name)) } else { Err(self.module_not_found_in_package(name, parent)) }
    }

    /// Runs a bundled module; `SKIFF_LIB_DIR` (development) reads it from
    /// the source tree instead.
    fn load_bundled(&mut self, name: &str, source: &'static str) -> PyResult<Value> {
        if let Ok(dir) = std::env::var("SKIFF_LIB_DIR") {
            let path = format!("{dir}/{name}.py");
            if std::path::Path::new(&path).is_file() {
                return self.load_source_module(name, &path, false, "");
            }
        }
        let path = format!("<skiff-lib>/{name}.py");
        self.load_module_from_source(name, &path, source, false, "")
    }

    /// Registers a pure-Python module bundled with the binary.
    pub fn register_bundled_module(&mut self, name: &'static str, source: &'static str) {
        self.bundled_modules.insert(name, source);
    }

    fn module_not_found_in_package(&mut self, name: &str, _parent: Value) -> PyErr {
        self.module_not_found(name)
    }

    fn module_not_found(&mut self, name: &str) -> PyErr {
        let e = self.new_exc(Exc::ModuleNotFoundError, &format!("No module named '{name}'"));
        let n = self.new_str(name);
        let _ = self.set_exc_attr(e.0, N::name_attr, n);
        e
    }

    pub fn sys_path(&mut self) -> Vec<String> {
        let sys = self.r.sys.get();
        if !sys.is_null() {
            if let Some(p) = self.dict_get_by_name(self.module_dict(sys), "path") {
                if p.is_ref() && kind_of(p) == Kind::List {
                    return list_slice(p).iter().filter(|&&x| self.is_str(x)).map(|&x| str_ref(x).to_string()).collect();
                }
            }
        }
        self.config.path.clone()
    }

    /// Reads, compiles and runs a module file.
    pub fn load_source_module(&mut self, name: &str, path: &str, is_pkg: bool, pkg_dir: &str) -> PyResult<Value> {
        let source = self.read_source(path)?;
        self.load_module_from_source(name, path, &source, is_pkg, pkg_dir)
    }

    /// Compiles and runs `source` as module `name` (`path` is its `__file__`
    /// and the file name in tracebacks).
    pub fn load_module_from_source(&mut self, name: &str, path: &str, source: &str, is_pkg: bool, pkg_dir: &str) -> PyResult<Value> {
        let m = self.new_module(name);
        let d = self.module_dict(m);
        let f = self.new_str(path);
        self.dict_set_str(d, "__file__", f);
        let package = if is_pkg { name.to_string() } else { name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
        let pv = self.new_str(&package);
        self.dict_set_str(d, "__package__", pv);
        if is_pkg {
            let dir = self.new_str(pkg_dir);
            let l = self.new_list(&[dir]);
            self.dict_set_str(d, "__path__", l);
        }
        let key = self.new_str(name);
        let modules = self.r.modules.get();
        self.dict_set(modules, key, m)?;
        let r = self.compile_source(source, path).and_then(|code| self.exec_code(code, d));
        if let Err(e) = r {
            let _ = self.dict_del(modules, key);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.dict_get(modules, key)?.unwrap_or(m))
    }

    /// Reads a source file as UTF-8, raising SyntaxError for invalid bytes.
    pub fn read_source(&mut self, path: &str) -> PyResult<String> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Err(self.os_error(&e, Some(path))),
        };
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) => {
                // CPython's message, with no location block.
                let pos = e.utf8_error().valid_up_to();
                let b = e.as_bytes()[pos];
                let line = e.as_bytes()[..pos].iter().filter(|&&c| c == b'\n').count() + 1;
                let msg = format!("Non-UTF-8 code starting with '\\x{b:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details");
                let m = self.new_str(&msg);
                let cls = self.exc_type(Exc::SyntaxError);
                let err = match self.call(cls, &[m]) { Ok(v) => PyErr(v), Err(e) => e };
                Err(err)
            }
        }
    }

    /// An OSError subclass for an io::Error.
    pub fn os_error(&mut self, e: &std::io::Error, filename: Option<&str>) -> PyErr {
        use std::io::ErrorKind as K;
        let exc = match e.kind() {
            K::NotFound => Exc::FileNotFoundError,
            K::PermissionDenied => Exc::PermissionError,
            K::AlreadyExists => Exc::FileExistsError,
            _ => match e.raw_os_error() { Some(21) => Exc::IsADirectoryError, Some(20) => Exc::NotADirectoryError, _ => Exc::OSError },
        };
        let errno = e.raw_os_error().unwrap_or(0) as i64;
        let msg = std::io::Error::from_raw_os_error(errno as i32).to_string();
        let msg = msg.split(" (os error").next().unwrap_or("").to_string();
        let cls = self.exc_type(exc);
        let m = self.new_str(&msg);
        let r = match filename {
            Some(f) => { let fv = self.new_str(f); self.call(cls, &[Value::small(errno), m, fv]) }
            None => self.call(cls, &[Value::small(errno), m]),
        };
        match r { Ok(v) => PyErr(v), Err(e) => e }
    }

    /// IMPORT_NAME.
    pub fn import_name(&mut self, name: Value, globals: Value, fromlist: Value, level: Value) -> PyResult<Value> {
        let level = if level.is_int() { level.int() } else { 0 };
        let name_s = str_ref(name).to_string();
        let full = if level > 0 {
            let pkg = self.dict_get_by_name(globals, "__package__").filter(|&p| self.is_str(p))
                .map(|p| str_ref(p).to_string()).unwrap_or_default();
            let mut base: Vec<&str> = if pkg.is_empty() { vec![] } else { pkg.split('.').collect() };
            if pkg.is_empty() {
                return Err(self.new_exc(Exc::ImportError, "attempted relative import with no known parent package"));
            }
            for _ in 1..level {
                if base.pop().is_none() {
                    return Err(self.new_exc(Exc::ImportError, "attempted relative import beyond top-level package"));
                }
            }
            let b = base.join(".");
            if name_s.is_empty() { b } else { format!("{b}.{name_s}") }
        } else { name_s.clone() };
        let leaf = self.import_module(&full)?;
        let has_fromlist = fromlist != Value::NONE && fromlist.is_ref() && kind_of(fromlist) == Kind::Tuple && !tuple_slice(fromlist).is_empty();
        if has_fromlist {
            // Submodules named in the fromlist are imported if not attributes.
            let d = self.module_dict(leaf);
            if self.dict_get_by_name(d, "__path__").is_some() {
                // By index from the tuple (a local): importing allocates.
                for i in 0..tuple_slice(fromlist).len() {
                    let item = tuple_slice(fromlist)[i];
                    let s = str_ref(item).to_string();
                    if s != "*" && self.dict_get_str(d, item).is_none() {
                        let sub = format!("{full}.{s}");
                        match self.import_module(&sub) {
                            Ok(_) => {}
                            Err(e) if self.exc_matches(e, Exc::ModuleNotFoundError) => {}
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            return Ok(leaf);
        }
        if level > 0 || !full.contains('.') { return Ok(if level > 0 { leaf } else { leaf }); }
        let top = full.split('.').next().unwrap().to_string();
        self.import_module(&top)
    }

    /// IMPORT_FROM.
    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? { return Ok(v); }
        let mn = if m.is_ref() && kind_of(m) == Kind::Module { str_ref(s4(m, 0)).to_string() } else { "?".into() };
        let n = str_ref(name).to_string();
        let sub = format!("{mn}.{n}");
        let modules = self.r.modules.get();
        let k = self.new_str(&sub);
        if let Some(v) = self.dict_get(modules, k)? { return Ok(v); }
        let file = self.dict_get_by_name(self.module_dict(m), "__file__").filter(|&f| self.is_str(f))
            .map(|f| str_ref(f).to_string()).unwrap_or_else(|| "unknown location".into());
        let e = self.new_exc(Exc::ImportError, &format!("cannot import name '{n}' from '{mn}' ({file})"));
        let mv = self.new_str(&mn);
        let _ = self.set_exc_attr(e.0, N::name_attr, mv);
        Err(e)
    }

    pub fn import_star(&mut self, m: Value, into: Value) -> PyResult<()> {
        let d = self.module_dict(m);
        if let Some(all) = self.dict_get_by_name(d, "__all__") {
            for n in self.collect_iter(all)? {
                let v = self.getattr(m, self.intern(str_ref(n)))?;
                self.dict_set(into, n, v)?;
            }
            return Ok(());
        }
        for (k, v) in self.dict_items(d) {
            if self.is_str(k) && !str_ref(k).starts_with('_') { self.dict_set(into, k, v)?; }
        }
        Ok(())
    }
}
