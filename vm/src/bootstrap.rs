//! Start-up: creates `type`, `object`, every builtin class and exception
//! class, the interned-name table, and the methods of `object`, `type`,
//! `BaseException` and generators. Other types' methods are added by
//! `types::init`; the `builtins` module functions by skiff-stdlib.

use crate::call::ArgParser;
use crate::heap::*;
use crate::names::N;
use crate::object::cf;
use crate::value::Value;
use crate::vm::{Exc, NativeFn, Ty, Vm};

pub fn bootstrap(vm: &mut Vm) {
    // type and object first: type's class is itself.
    let d_type = vm.new_dict();
    let d_obj = vm.new_dict();
    let empty = vm.alloc_tuple(0);
    vm.r.empty_tuple.set(empty);
    let type_cls = vm.alloc_class(Value::NULL, "type", empty, d_type, Kind::Instance);
    obj::<ObjHead>(type_cls).cls = type_cls;
    barrier(type_cls);
    vm.r.types[Ty::Type as usize].set(type_cls);
    let obj_cls = vm.alloc_class(type_cls, "object", empty, d_obj, Kind::Instance);
    vm.r.types[Ty::Object as usize].set(obj_cls);
    let mro_o = vm.new_tuple(&[obj_cls]);
    set_field!(obj_cls, ClassL, mro, mro_o);
    let bases_t = vm.new_tuple(&[obj_cls]);
    set_field!(type_cls, ClassL, bases, bases_t);
    let mro_t = vm.new_tuple(&[type_cls, obj_cls]);
    set_field!(type_cls, ClassL, mro, mro_t);

    for &t in Ty::ALL {
        if matches!(t, Ty::Type | Ty::Object) { continue; }
        let base = match t { Ty::Bool => vm.ty(Ty::Int), _ => obj_cls };
        let layout = match t { Ty::List => Kind::List, Ty::Dict => Kind::Dict, Ty::Set => Kind::Set, _ => Kind::Instance };
        let c = make_builtin_class(vm, t.py_name(), base, layout);
        vm.r.types[t as usize].set(c);
    }
    // Objects made before their class existed (the first dicts, tuples and
    // names) get their class now.
    let fix = |vm: &mut Vm, v: Value, t: Ty| {
        if v.is_ref() && cls_of(v).is_null() { obj::<ObjHead>(v).cls = vm.ty(t); barrier(v); }
    };
    fix(vm, empty, Ty::Tuple);
    for &t in Ty::ALL {
        let c = vm.ty(t);
        let co = obj::<ClassL>(c);
        let (name, qualname, dict, bases, mro) = (co.name, co.qualname, co.dict, co.bases, co.mro);
        fix(vm, name, Ty::Str);
        fix(vm, qualname, Ty::Str);
        fix(vm, dict, Ty::Dict);
        fix(vm, bases, Ty::Tuple);
        fix(vm, mro, Ty::Tuple);
    }
    for &n in N::ALL {
        let v = vm.intern(n.as_str());
        vm.r.names[n as usize].set(v);
    }
    let es = vm.new_str("");
    vm.r.empty_str.set(es);
    let shape = vm.alloc(Kind::Shape, Value::NULL, std::mem::size_of::<ShapeL>());
    vm.r.root_shape.set(shape);
    let builtins_str = vm.new_str("builtins");
    for &t in Ty::ALL {
        set_field!(vm.ty(t), ClassL, module, builtins_str);
    }
    for &e in Exc::ALL {
        let base = if e == Exc::BaseException { obj_cls } else { vm.exc_type(e.base()) };
        let c = make_builtin_class(vm, e.py_name(), base, Kind::Instance);
        obj::<ClassL>(c).flags |= cf::EXC;
        set_field!(c, ClassL, module, builtins_str);
        vm.r.excs[e as usize].set(c);
    }
    let modules = vm.new_dict();
    vm.r.modules.set(modules);
    let bd = vm.new_dict();
    vm.r.builtins.set(bd);

    init_object_methods(vm);
    init_exception_methods(vm);
    init_generator_methods(vm);
    init_method_methods(vm);
    init_singleton_methods(vm);
    crate::types::init(vm);

    // Builtins that name the builtin classes and exceptions.
    for &t in Ty::ALL {
        let c = vm.ty(t);
        let name = t.py_name();
        if matches!(t, Ty::Misc | Ty::TextFile | Ty::BinaryFile) || name.contains('_') && !matches!(t, Ty::Object) { continue; }
        if matches!(t, Ty::Function | Ty::Method | Ty::Code | Ty::Frame | Ty::Module | Ty::Cell | Ty::Traceback | Ty::Generator | Ty::NoneType | Ty::EllipsisType | Ty::NotImplementedType) { continue; }
        vm.dict_set_str(bd, name, c);
    }
    for &e in Exc::ALL {
        let c = vm.exc_type(e);
        vm.dict_set_str(bd, e.py_name(), c);
    }
    vm.dict_set_str(bd, "EnvironmentError", vm.exc_type(Exc::OSError));
    vm.dict_set_str(bd, "IOError", vm.exc_type(Exc::OSError));
    vm.dict_set_str(bd, "None", Value::NONE);
    vm.dict_set_str(bd, "Ellipsis", Value::ELLIPSIS);
    vm.dict_set_str(bd, "NotImplemented", Value::NOT_IMPLEMENTED);
    vm.dict_set_str(bd, "True", Value::TRUE);
    vm.dict_set_str(bd, "False", Value::FALSE);
    vm.dict_set_str(bd, "__debug__", Value::TRUE);
    let bc = vm.new_builtin("__build_class__", |vm, a, k| vm.build_class(a, k), Value::NULL);
    obj::<BuiltinL>(bc).flags |= BUILTIN_NO_BIND;
    vm.dict_set_str(bd, "__build_class__", bc);
    vm.dict_set_str(bd, "__name__", builtins_str);
}

fn make_builtin_class(vm: &mut Vm, name: &str, base: Value, layout: Kind) -> Value {
    let d = vm.new_dict();
    let bases = vm.new_tuple(&[base]);
    let c = vm.alloc_class(vm.ty(Ty::Type), name, bases, d, layout);
    // (c, *base.__mro__): allocated first, then filled from the base's MRO.
    let n = tuple_slice(obj::<ClassL>(base).mro).len();
    let m = vm.alloc_tuple(n + 1);
    tuple_init(m, 0, c);
    for (i, &x) in tuple_slice(obj::<ClassL>(base).mro).iter().enumerate() { tuple_init(m, i + 1, x); }
    set_field!(c, ClassL, mro, m);
    c
}

impl Vm {
    /// A class defined by a native module: instances have `layout`; Python
    /// classes may subclass it.
    pub fn new_native_class(&mut self, name: &str, base: Value, layout: Kind, module: &str) -> Value {
        let c = make_builtin_class(self, name, base, layout);
        let m = self.new_str(module);
        set_field!(c, ClassL, module, m);
        c
    }

    /// Adds a property with a native getter and optional setter
    /// (`setter(self, value)`).
    pub fn add_getset(&mut self, cls: Value, name: &str, getter: NativeFn, setter: Option<NativeFn>) {
        let g = self.new_builtin(name, getter, Value::NULL);
        let s = match setter { Some(f) => self.new_builtin(name, f, Value::NULL), None => Value::NULL };
        let p = self.new_obj4(Kind::Property, self.ty(Ty::Property), [g, s, Value::NULL, Value::NULL]);
        let d = obj::<ClassL>(cls).dict;
        self.dict_set_str(d, name, p);
    }

    /// Adds a native method to a class.
    pub fn add_method(&mut self, cls: Value, name: &str, f: NativeFn) {
        let b = self.new_builtin(name, f, Value::NULL);
        let qn = format!("{}.{}", self.class_name(cls), name);
        let q = self.new_str(&qn);
        set_field!(b, BuiltinL, qualname, q);
        let d = obj::<ClassL>(cls).dict;
        self.dict_set_str(d, name, b);
    }
    pub fn add_ty_method(&mut self, t: Ty, name: &str, f: NativeFn) {
        let c = self.ty(t);
        self.add_method(c, name, f);
    }
    /// Adds a classmethod/staticmethod wrapper around a native.
    pub fn add_static(&mut self, cls: Value, name: &str, f: NativeFn, classmethod: bool) {
        let b = self.new_builtin(name, f, Value::NULL);
        let (k, t) = if classmethod { (Kind::ClassMethod, Ty::ClassMethod) } else { (Kind::StaticMethod, Ty::StaticMethod) };
        let w = self.new_obj4(k, self.ty(t), [b, Value::NULL, Value::NULL, Value::NULL]);
        let d = obj::<ClassL>(cls).dict;
        self.dict_set_str(d, name, w);
    }
    /// Adds a function to the builtins module.
    pub fn add_builtin(&mut self, name: &str, f: NativeFn) {
        let b = self.new_builtin(name, f, Value::NULL);
        obj::<BuiltinL>(b).flags |= BUILTIN_NO_BIND;
        let d = self.r.builtins.get();
        self.dict_set_str(d, name, b);
    }
    /// Adds a native function to a module dict.
    pub fn add_module_fn(&mut self, d: Value, name: &str, f: NativeFn) {
        let b = self.new_builtin(name, f, Value::NULL);
        obj::<BuiltinL>(b).flags |= BUILTIN_NO_BIND;
        self.dict_set_str(d, name, b);
    }
}

fn arg_error(vm: &mut Vm, msg: &str) -> crate::vm::PyErr { vm.new_exc(Exc::TypeError, msg) }

fn init_object_methods(vm: &mut Vm) {
    let o = vm.ty(Ty::Object);
    vm.add_static(o, "__new__", |vm, a, k| {
        if a.is_empty() || !vm.is_class(a[0]) { return Err(arg_error(vm, "object.__new__(X): X is not a type object")); }
        vm.default_new(a[0], &a[1..], k)
    }, false);
    vm.add_method(o, "__init__", |_vm, _a, _k| Ok(Value::NONE));
    vm.add_static(o, "__subclasshook__", |_vm, _a, _k| Ok(Value::NOT_IMPLEMENTED), true);
    vm.add_method(o, "__repr__", |vm, a, _k| {
        let v = a[0];
        let cls = vm.type_of(v);
        let module = obj::<ClassL>(cls).module;
        let qn = str_ref(obj::<ClassL>(cls).qualname).to_string();
        let name = if vm.is_str(module) && str_ref(module) != "builtins" { format!("{}.{}", str_ref(module), qn) } else { qn };
        Ok(vm.new_str(&format!("<{} object at {:#x}>", name, identity_of(v))))
    });
    vm.add_method(o, "__str__", |vm, a, _k| vm.repr(a[0]));
    vm.add_method(o, "__hash__", |vm, a, _k| Ok(vm.new_int(crate::ops::identity_hash(a[0]))));
    vm.add_method(o, "__eq__", |_vm, a, _k| Ok(if a[0] == a[1] { Value::TRUE } else { Value::NOT_IMPLEMENTED }));
    vm.add_method(o, "__ne__", |vm, a, _k| {
        let r = vm.compare(a[0], a[1], crate::bytecode::CmpOp::Eq)?;
        if r == Value::NOT_IMPLEMENTED { return Ok(r); }
        let t = vm.truthy(r)?;
        Ok(Value::bool(!t))
    });
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        vm.add_method(o, name, |_vm, _a, _k| Ok(Value::NOT_IMPLEMENTED));
    }
    vm.add_method(o, "__getattribute__", |vm, a, _k| {
        if a.len() != 2 || !vm.is_str(a[1]) { return Err(arg_error(vm, "attribute name must be string")); }
        let n = vm.intern(str_ref(a[1]));
        match vm.generic_getattr(a[0], n)? { Some(v) => Ok(v), None => Err(vm.attr_error(a[0], n)) }
    });
    vm.add_method(o, "__setattr__", |vm, a, _k| {
        if a.len() != 3 || !vm.is_str(a[1]) { return Err(arg_error(vm, "attribute name must be string")); }
        let n = vm.intern(str_ref(a[1]));
        vm.generic_setattr(a[0], n, a[2])?;
        Ok(Value::NONE)
    });
    vm.add_method(o, "__delattr__", |vm, a, _k| {
        if a.len() != 2 || !vm.is_str(a[1]) { return Err(arg_error(vm, "attribute name must be string")); }
        let n = vm.intern(str_ref(a[1]));
        vm.generic_delattr(a[0], n)?;
        Ok(Value::NONE)
    });
    vm.add_method(o, "__format__", |vm, a, _k| {
        if a.len() == 2 && vm.is_str(a[1]) && !str_ref(a[1]).is_empty() {
            let tn = vm.type_name(a[0]);
            return Err(vm.new_exc(Exc::TypeError, &format!("unsupported format string passed to {tn}.__format__")));
        }
        vm.to_str(a[0])
    });
    vm.add_static(o, "__init_subclass__", |vm, a, k| {
        if !k.is_null() && !tuple_slice(k).is_empty() {
            let cn = if vm.is_class(a[0]) { vm.class_name(a[0]).to_string() } else { "object".into() };
            return Err(vm.new_exc(Exc::TypeError, &format!("{cn}.__init_subclass__() takes no keyword arguments")));
        }
        Ok(Value::NONE)
    }, true);
    vm.add_method(o, "__dir__", |vm, a, _k| crate::specialattrs::dir_of(vm, a[0]));
    // The pickle protocol's defaults live in the bundled copyreg.py.
    fn object_reduce(vm: &mut Vm, a: &[Value], proto: Value) -> crate::vm::PyResult {
        let m = vm.import_module("copyreg")?;
        let d = vm.module_dict(m);
        let f = vm.dict_get_by_name(d, "_reduce_ex").expect("copyreg._reduce_ex is defined");
        vm.call(f, &[a[0], proto])
    }
    vm.add_method(o, "__reduce_ex__", |vm, a, _k| {
        let proto = a.get(1).copied().unwrap_or(Value::small(0));
        object_reduce(vm, a, proto)
    });
    vm.add_method(o, "__reduce__", |vm, a, _k| object_reduce(vm, a, Value::small(0)));

    let t = vm.ty(Ty::Type);
    vm.add_static(t, "__new__", |vm, a, k| {
        let p = ArgParser::new("type", a, k);
        if p.pos.len() == 2 && p.kwnames.is_empty() { return Ok(vm.type_of(p.pos[1])); }
        if p.pos.len() != 4 { return Err(arg_error(vm, "type() takes 1 or 3 arguments")); }
        let (meta, name, bases, ns) = (p.pos[0], p.pos[1], p.pos[2], p.pos[3]);
        if !vm.is_str(name) {
            let tn = vm.type_name(name);
            return Err(arg_error(vm, &format!("type.__new__() argument 1 must be str, not {tn}")));
        }
        if !(bases.is_ref() && kind_of(bases) == Kind::Tuple) {
            let tn = vm.type_name(bases);
            return Err(arg_error(vm, &format!("type.__new__() argument 2 must be tuple, not {tn}")));
        }
        if !(ns.is_ref() && kind_of(ns) == Kind::Dict) {
            let tn = vm.type_name(ns);
            return Err(arg_error(vm, &format!("type.__new__() argument 3 must be dict, not {tn}")));
        }
        let n = str_ref(name).to_string();
        let kwnames = if p.kwnames.is_empty() { Value::NULL } else { vm.new_tuple(p.kwnames) };
        vm.new_class_kw(meta, &n, bases, ns, p.kwvals, kwnames)
    }, false);
    vm.add_method(t, "__init__", |_vm, _a, _k| Ok(Value::NONE));
    vm.add_method(t, "__call__", |vm, a, k| {
        if a.is_empty() { return Err(arg_error(vm, "descriptor '__call__' of 'type' object needs an argument")); }
        vm.call_class(a[0], &a[1..], k)
    });
    vm.add_method(t, "__repr__", |vm, a, _k| {
        let c = a[0];
        let module = obj::<ClassL>(c).module;
        let qn = str_ref(obj::<ClassL>(c).qualname).to_string();
        let s = if vm.is_str(module) && str_ref(module) != "builtins" { format!("<class '{}.{}'>", str_ref(module), qn) } else { format!("<class '{qn}'>") };
        Ok(vm.new_str(&s))
    });
    vm.add_method(t, "mro", |vm, a, _k| { let m = obj::<ClassL>(a[0]).mro; Ok(vm.seq_to_list(m)) });
    vm.add_method(t, "__subclasses__", |vm, a, _k| {
        Ok(vm.subclasses_of(a[0]))
    });
    vm.add_method(t, "__instancecheck__", |vm, a, _k| Ok(Value::bool(vm.isinstance(a[1], a[0]))));
    vm.add_method(t, "__subclasscheck__", |vm, a, _k| Ok(Value::bool(vm.is_class(a[1]) && vm.is_subclass(a[1], a[0]))));
}

fn init_exception_methods(vm: &mut Vm) {
    let be = vm.exc_type(Exc::BaseException);
    vm.add_method(be, "__init__", |vm, a, _k| {
        let t = vm.new_tuple(&a[1..]);
        vm.set_exc_attr(a[0], N::args, t)?;
        Ok(Value::NONE)
    });
    vm.add_method(be, "__str__", |vm, a, _k| {
        let args = vm.get_exc_attr(a[0], N::args);
        let items = if args.is_ref() && kind_of(args) == Kind::Tuple { tuple_slice(args) } else { &[] };
        match items.len() {
            0 => Ok(vm.new_str("")),
            1 => vm.to_str(items[0]),
            _ => vm.repr(args),
        }
    });
    vm.add_method(be, "__repr__", |vm, a, _k| {
        let args = vm.get_exc_attr(a[0], N::args);
        let name = vm.type_name(a[0]);
        let items = if args.is_ref() && kind_of(args) == Kind::Tuple { tuple_slice(args) } else { &[] };
        let inner = if items.len() == 1 { vm.repr_string(items[0])? } else {
            let r = vm.repr_string(args)?;
            r[1..r.len() - 1].trim_end_matches(',').to_string()
        };
        Ok(vm.new_str(&format!("{name}({inner})")))
    });
    vm.add_method(be, "with_traceback", |vm, a, _k| {
        vm.set_exc_attr(a[0], N::traceback, a[1])?;
        Ok(a[0])
    });
    // args, __traceback__, __cause__, __context__ and __suppress_context__
    // live under hidden keys (Vm::exc_key), outside the instance's
    // __dict__ as in CPython; these descriptors give their defaults and
    // CPython's checks on assignment.
    fn exc_get(vm: &mut Vm, e: Value, n: N, default: Value) -> crate::vm::PyResult {
        if !(e.is_ref() && kind_of(e) == Kind::Instance) { return Ok(default); }
        let k = vm.exc_key(n);
        Ok(vm.instance_get(e, k).unwrap_or(default))
    }
    fn is_exc(vm: &Vm, v: Value) -> bool {
        v.is_ref() && kind_of(v) == Kind::Instance && vm.isinstance(v, vm.exc_type(Exc::BaseException))
    }
    // BaseException.__reduce__: (class, args[, __dict__]), so unpickling
    // and copy call the class with its args, as CPython does.
    vm.add_method(be, "__reduce__", |vm, a, _k| {
        let cls = vm.type_of(a[0]);
        let args = match vm.get_exc_attr(a[0], N::args) { v if v.is_ref() && kind_of(v) == Kind::Tuple => v, _ => vm.r.empty_tuple.get() };
        let d = if a[0].is_ref() && kind_of(a[0]) == Kind::Instance { vm.getattr_str(a[0], "__dict__")? } else { Value::NONE };
        if d.is_ref() && kind_of(d) == Kind::Dict && vm.dict_len(d) > 0 {
            Ok(vm.new_tuple(&[cls, args, d]))
        } else {
            Ok(vm.new_tuple(&[cls, args]))
        }
    });
    vm.add_method(be, "__setstate__", |vm, a, _k| {
        let state = a.get(1).copied().unwrap_or(Value::NONE);
        if state == Value::NONE { return Ok(Value::NONE); }
        if !(state.is_ref() && kind_of(state) == Kind::Dict) {
            return Err(vm.new_exc(Exc::TypeError, "state is not a dictionary"));
        }
        let mut i = 0;
        while i < vm.dict_used(state) {
            if let Some((k, v)) = vm.dict_entry(state, i) {
                if !(k.is_ref() && kind_of(k) == Kind::Str) {
                    let tn = vm.type_name(k);
                    return Err(vm.new_exc(Exc::TypeError, &format!("attribute name must be string, not '{tn}'")));
                }
                vm.setattr(a[0], k, v)?;
            }
            i += 1;
        }
        Ok(Value::NONE)
    });
    vm.add_getset(be, "args", |vm, a, _k| { let e = vm.r.empty_tuple.get(); exc_get(vm, a[0], N::args, e) },
        Some(|vm, a, _k| {
            let t = match vm.collect_iter(a[1]) { Ok(items) => vm.list_to_tuple(items.0), Err(e) => return Err(e) };
            vm.set_exc_attr(a[0], N::args, t)?;
            Ok(Value::NONE)
        }));
    vm.add_getset(be, "__traceback__", |vm, a, _k| exc_get(vm, a[0], N::traceback, Value::NONE),
        Some(|vm, a, _k| {
            if !(a[1] == Value::NONE || (a[1].is_ref() && kind_of(a[1]) == Kind::Traceback)) {
                return Err(vm.new_exc(Exc::TypeError, "__traceback__ must be a traceback or None"));
            }
            vm.set_exc_attr(a[0], N::traceback, a[1])?;
            Ok(Value::NONE)
        }));
    vm.add_getset(be, "__cause__", |vm, a, _k| exc_get(vm, a[0], N::cause, Value::NONE),
        Some(|vm, a, _k| {
            if !(a[1] == Value::NONE || is_exc(vm, a[1])) {
                return Err(vm.new_exc(Exc::TypeError, "exception cause must be None or derive from BaseException"));
            }
            vm.set_exc_attr(a[0], N::cause, a[1])?;
            vm.set_exc_attr(a[0], N::suppress_context, Value::TRUE)?;
            Ok(Value::NONE)
        }));
    vm.add_getset(be, "__context__", |vm, a, _k| exc_get(vm, a[0], N::context, Value::NONE),
        Some(|vm, a, _k| {
            if !(a[1] == Value::NONE || is_exc(vm, a[1])) {
                return Err(vm.new_exc(Exc::TypeError, "exception context must be None or derive from BaseException"));
            }
            vm.set_exc_attr(a[0], N::context, a[1])?;
            Ok(Value::NONE)
        }));
    vm.add_getset(be, "__suppress_context__", |vm, a, _k| exc_get(vm, a[0], N::suppress_context, Value::FALSE),
        Some(|vm, a, _k| {
            if !a[1].is_bool() { return Err(vm.new_exc(Exc::TypeError, "attribute value type must be bool")); }
            vm.set_exc_attr(a[0], N::suppress_context, a[1])?;
            Ok(Value::NONE)
        }));
    for (e, attrs) in [(Exc::ImportError, &["name", "path", "msg"][..]), (Exc::AttributeError, &["name", "obj"][..]),
                       (Exc::NameError, &["name"][..]), (Exc::StopIteration, &["value"][..]), (Exc::SystemExit, &["code"][..]),
                       (Exc::OSError, &["errno", "strerror", "filename", "filename2"][..])] {
        let d = obj::<ClassL>(vm.exc_type(e)).dict;
        for a in attrs { vm.dict_set_str(d, a, Value::NONE); }
    }
    let ie = vm.exc_type(Exc::ImportError);
    vm.add_method(ie, "__init__", |vm, a, k| {
        let p = ArgParser::new("ImportError", a, k);
        let t = vm.new_tuple(&p.pos[1..]);
        vm.set_exc_attr(a[0], N::args, t)?;
        let msg = p.pos.get(1).copied().unwrap_or(Value::NONE);
        vm.instance_set(a[0], vm.n(N::msg), msg)?;
        for key in ["name", "path"] {
            let v = p.kw(key).unwrap_or(Value::NONE);
            let kn = vm.intern(key);
            vm.instance_set(a[0], kn, v)?;
        }
        Ok(Value::NONE)
    });
    let ke = vm.exc_type(Exc::KeyError);
    vm.add_method(ke, "__str__", |vm, a, _k| {
        let args = vm.get_exc_attr(a[0], N::args);
        let items = if args.is_ref() && kind_of(args) == Kind::Tuple { tuple_slice(args) } else { &[] };
        match items.len() {
            0 => Ok(vm.new_str("")),
            1 => vm.repr(items[0]),
            _ => vm.repr(args),
        }
    });
    // StopIteration.value, SystemExit.code: set from the first argument.
    for (e, attr) in [(Exc::StopIteration, "value"), (Exc::SystemExit, "code")] {
        let c = vm.exc_type(e);
        let f: NativeFn = if attr == "value" {
            |vm, a, _k| {
                let t = vm.new_tuple(&a[1..]);
                vm.set_exc_attr(a[0], N::args, t)?;
                let v = a.get(1).copied().unwrap_or(Value::NONE);
                vm.instance_set(a[0], vm.n(N::value), v)?;
                Ok(Value::NONE)
            }
        } else {
            |vm, a, _k| {
                let t = vm.new_tuple(&a[1..]);
                vm.set_exc_attr(a[0], N::args, t)?;
                let v = match a.len() { 1 => Value::NONE, 2 => a[1], _ => t };
                vm.instance_set(a[0], vm.n(N::code), v)?;
                Ok(Value::NONE)
            }
        };
        vm.add_method(c, "__init__", f);
    }
    let ne = vm.exc_type(Exc::NameError);
    vm.add_method(ne, "__init__", |vm, a, k| {
        let p = ArgParser::new("NameError", a, k);
        let t = vm.new_tuple(&p.pos[1..]);
        vm.set_exc_attr(a[0], N::args, t)?;
        let nm = p.kw("name").unwrap_or(Value::NONE);
        vm.instance_set(a[0], vm.n(N::name_attr), nm)?;
        Ok(Value::NONE)
    });
    let oe = vm.exc_type(Exc::OSError);
    // OSError(errno, ...) is the subclass CPython maps the errno to.
    vm.add_static(oe, "__new__", |vm, a, k| {
        let Some(&cls) = a.first() else { return Err(arg_error(vm, "OSError.__new__(): not enough arguments")) };
        let mut cls = cls;
        if cls == vm.exc_type(Exc::OSError) && a.len() >= 3 && a[1].is_int() {
            if let Some(e) = errno_exception(a[1].int()) { cls = vm.exc_type(e); }
        }
        vm.default_new(cls, &a[1..], k)
    }, false);
    vm.add_method(oe, "__init__", |vm, a, _k| {
        // (errno, strerror[, filename[, winerror[, filename2]]]): args keeps
        // only the first two when a filename is given.
        let n = a.len() - 1;
        let t = if (3..=5).contains(&n) { vm.new_tuple(&a[1..3]) } else { vm.new_tuple(&a[1..]) };
        vm.set_exc_attr(a[0], N::args, t)?;
        let (errno, strerror) = if (2..=5).contains(&n) { (a[1], a[2]) } else { (Value::NONE, Value::NONE) };
        let filename = if (3..=5).contains(&n) { a[3] } else { Value::NONE };
        let filename2 = if n == 5 { a[5] } else { Value::NONE };
        vm.instance_set(a[0], vm.n(N::errno), errno)?;
        vm.instance_set(a[0], vm.n(N::strerror), strerror)?;
        vm.instance_set(a[0], vm.n(N::filename), filename)?;
        let f2 = vm.intern("filename2");
        vm.instance_set(a[0], f2, filename2)?;
        Ok(Value::NONE)
    });
    vm.add_method(oe, "__str__", |vm, a, _k| {
        let errno = vm.get_exc_attr(a[0], N::errno);
        let strerror = vm.get_exc_attr(a[0], N::strerror);
        let filename = vm.get_exc_attr(a[0], N::filename);
        if errno != Value::NONE && strerror != Value::NONE {
            let f2 = vm.intern("filename2");
            let filename2 = vm.getattr_opt(a[0], f2)?.unwrap_or(Value::NONE);
            let s = if filename != Value::NONE && filename2 != Value::NONE {
                format!("[Errno {}] {}: {} -> {}", vm.str_string(errno)?, vm.str_string(strerror)?,
                        vm.repr_string(filename)?, vm.repr_string(filename2)?)
            } else if filename != Value::NONE {
                format!("[Errno {}] {}: {}", vm.str_string(errno)?, vm.str_string(strerror)?, vm.repr_string(filename)?)
            } else {
                format!("[Errno {}] {}", vm.str_string(errno)?, vm.str_string(strerror)?)
            };
            return Ok(vm.new_str(&s));
        }
        let args = vm.get_exc_attr(a[0], N::args);
        let items = tuple_slice(args);
        match items.len() { 0 => Ok(vm.new_str("")), 1 => vm.to_str(items[0]), _ => vm.repr(args) }
    });
    let se = vm.exc_type(Exc::SyntaxError);
    vm.add_method(se, "__init__", |vm, a, _k| {
        let t = vm.new_tuple(&a[1..]);
        vm.set_exc_attr(a[0], N::args, t)?;
        let msg = a.get(1).copied().unwrap_or(Value::NONE);
        vm.instance_set(a[0], vm.n(N::msg), msg)?;
        if let Some(&det) = a.get(2) {
            if det.is_ref() && kind_of(det) == Kind::Tuple {
                // Read from the tuple each time: instance_set allocates.
                let keys = [N::filename, N::lineno, N::offset, N::text, N::end_lineno, N::end_offset];
                for (i, &k) in keys.iter().enumerate() {
                    let v = tuple_slice(det).get(i).copied().unwrap_or(Value::NONE);
                    vm.instance_set(a[0], vm.n(k), v)?;
                }
            }
        }
        Ok(Value::NONE)
    });
    vm.add_method(se, "__str__", |vm, a, _k| {
        let msg = vm.get_exc_attr(a[0], N::msg);
        let line = vm.get_exc_attr(a[0], N::lineno);
        let file = vm.get_exc_attr(a[0], N::filename);
        let m = if msg == Value::NONE { String::new() } else { vm.str_string(msg)? };
        if line.is_int() && vm.is_str(file) {
            let f = str_ref(file).rsplit('/').next().unwrap_or("").to_string();
            return Ok(vm.new_str(&format!("{m} ({f}, line {})", line.int())));
        }
        Ok(vm.new_str(&m))
    });
}

fn init_singleton_methods(vm: &mut Vm) {
    for (t, v) in [(Ty::NoneType, Value::NONE), (Ty::EllipsisType, Value::ELLIPSIS), (Ty::NotImplementedType, Value::NOT_IMPLEMENTED)] {
        let c = vm.ty(t);
        let f: NativeFn = match t {
            Ty::NoneType => |vm, a, _k| if a.len() > 1 { Err(arg_error(vm, "NoneType takes no arguments")) } else { Ok(Value::NONE) },
            Ty::EllipsisType => |vm, a, _k| if a.len() > 1 { Err(arg_error(vm, "ellipsis takes no arguments")) } else { Ok(Value::ELLIPSIS) },
            _ => |vm, a, _k| if a.len() > 1 { Err(arg_error(vm, "NotImplementedType takes no arguments")) } else { Ok(Value::NOT_IMPLEMENTED) },
        };
        let _ = v;
        vm.add_static(c, "__new__", f, false);
        // CPython 3.11 only warns (DeprecationWarning) for NotImplemented in
        // a boolean context; it is true.
        vm.add_method(c, "__bool__", |_vm, a, _k| Ok(Value::bool(a[0] != Value::NONE)));
    }
    let m = vm.ty(Ty::Member);
    vm.add_method(m, "__get__", |vm, a, _k| {
        let inst = a.get(1).copied().unwrap_or(Value::NONE);
        if inst == Value::NONE { return Ok(a[0]); }
        let name = s4(a[0], 0);
        vm.getattr(inst, name)
    });
    vm.add_method(m, "__repr__", |vm, a, _k| {
        let (n, c) = (str_ref(s4(a[0], 0)).to_string(), vm.class_name(s4(a[0], 1)).to_string());
        Ok(vm.new_str(&format!("<member '{n}' of '{c}' objects>")))
    });
}

fn init_method_methods(vm: &mut Vm) {
    let m = vm.ty(Ty::Method);
    vm.add_method(m, "__eq__", |vm, a, _k| {
        let (x, y) = (a[0], a[1]);
        if !(y.is_ref() && kind_of(y) == Kind::BoundMethod) { return Ok(Value::NOT_IMPLEMENTED); }
        Ok(Value::bool(s4(x, 1) == s4(y, 1) && vm.eq(s4(x, 0), s4(y, 0))?))
    });
    vm.add_method(m, "__hash__", |vm, a, _k| {
        let h = vm.hash(s4(a[0], 0))? ^ crate::ops::identity_hash(s4(a[0], 1));
        Ok(vm.new_int(h >> 2))
    });
    vm.add_method(m, "__repr__", |vm, a, _k| {
        let f = s4(a[0], 0);
        let q = vm.getattr_str(f, "__qualname__").and_then(|q| vm.str_string(q)).unwrap_or_else(|_| "?".into());
        let r = vm.repr_string(s4(a[0], 1))?;
        Ok(vm.new_str(&format!("<bound method {q} of {r}>")))
    });
    // types.MethodType(func, obj)
    vm.add_static(m, "__new__", |vm, a, _k| {
        if a.len() != 3 {
            return Err(arg_error(vm, &format!("method expected 2 arguments, got {}", a.len().saturating_sub(1))));
        }
        if !crate::bootstrap::callable_value(a[1]) { return Err(arg_error(vm, "first argument must be callable")); }
        if a[2] == Value::NONE { return Err(arg_error(vm, "instance must not be None")); }
        Ok(vm.new_bound_method(a[1], a[2]))
    }, false);
    let f = vm.ty(Ty::Function);
    vm.add_method(f, "__repr__", |vm, a, _k| {
        let q = str_ref(obj::<FunctionL>(a[0]).qualname).to_string();
        Ok(vm.new_str(&format!("<function {q} at {:#x}>", identity_of(a[0]))))
    });
    // Functions are descriptors: f.__get__(obj) is the bound method.
    vm.add_method(f, "__get__", |vm, a, _k| {
        match a.len() {
            2 | 3 => {}
            n => return Err(arg_error(vm, &format!("expected 1 or 2 arguments, got {}", n.saturating_sub(1)))),
        }
        if a[1] == Value::NONE {
            if a.len() == 3 && a[2] != Value::NONE { return Ok(a[0]); }
            if a.len() == 2 { return Err(arg_error(vm, "__get__(None, None) is invalid")); }
            return Err(arg_error(vm, "__get__(None, None) is invalid"));
        }
        Ok(vm.new_bound_method(a[0], a[1]))
    });
    let b = vm.ty(Ty::BuiltinFunction);
    vm.add_method(b, "__repr__", |vm, a, _k| {
        let o = obj::<BuiltinL>(a[0]);
        let name = str_ref(o.name).to_string();
        if !o.bound.is_null() {
            let bound = o.bound;
            if kind_of(bound) == Kind::Module {
                return Ok(vm.new_str(&format!("<built-in function {name}>")));
            }
            let tn = vm.type_name(bound);
            return Ok(vm.new_str(&format!("<built-in method {name} of {tn} object at {:#x}>", identity_of(bound))));
        }
        if !o.qualname.is_null() {
            if let Some((owner, _)) = str_ref(o.qualname).rsplit_once('.') {
                return Ok(vm.new_str(&format!("<method '{name}' of '{owner}' objects>")));
            }
        }
        Ok(vm.new_str(&format!("<built-in function {name}>")))
    });
    let md = vm.ty(Ty::Module);
    vm.add_method(md, "__repr__", |vm, a, _k| {
        let d = s4(a[0], 1);
        let name = match vm.dict_get_by_name(d, "__name__") {
            Some(n) if vm.is_str(n) => str_ref(n).to_string(),
            _ => "?".to_string(),
        };
        let r = match vm.dict_get_by_name(d, "__file__") {
            Some(p) if vm.is_str(p) => format!("<module '{name}' from '{}'>", str_ref(p)),
            _ => format!("<module '{name}' (built-in)>"),
        };
        Ok(vm.new_str(&r))
    });
}

/// What `id(v)` shows, and default reprs after "at": the object's identity
/// (`heap::identity`, stable under a moving collector) for heap objects,
/// the word itself for immediates.
pub fn identity_of(v: Value) -> usize {
    if v.is_ref() { crate::heap::identity(v) } else { v.0 as usize }
}

/// Whether `v` can be called (a quick structural check for native code).
pub fn callable_value(v: Value) -> bool {
    v.is_ref() && matches!(kind_of(v), Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Class | Kind::Instance)
}

fn init_generator_methods(vm: &mut Vm) {
    let g = vm.ty(Ty::Generator);
    vm.add_method(g, "__iter__", |_vm, a, _k| Ok(a[0]));
    vm.add_method(g, "__next__", |vm, a, _k| match vm.gen_resume(a[0], Value::NONE, None)? {
        Some(v) => Ok(v),
        None => { let r = std::mem::replace(&mut vm.last_return, Value::NONE); Err(vm.stop_iteration(r)) }
    });
    vm.add_method(g, "send", |vm, a, _k| {
        let v = a.get(1).copied().unwrap_or(Value::NONE);
        match vm.gen_resume(a[0], v, None)? {
            Some(v) => Ok(v),
            None => { let r = std::mem::replace(&mut vm.last_return, Value::NONE); Err(vm.stop_iteration(r)) }
        }
    });
    vm.add_method(g, "throw", |vm, a, _k| {
        if a.len() < 2 { return Err(arg_error(vm, "throw expected at least 1 argument, got 0")); }
        let exc = if a.len() >= 3 && a[2] != Value::NONE && vm.is_class(a[1]) {
            vm.call(a[1], &[a[2]])?
        } else { a[1] };
        let e = vm.make_raise(exc, None)?;
        match vm.gen_throw(a[0], e)? {
            Some(v) => Ok(v),
            None => { let r = std::mem::replace(&mut vm.last_return, Value::NONE); Err(vm.stop_iteration(r)) }
        }
    });
    vm.add_method(g, "close", |vm, a, _k| vm.gen_close(a[0]));
}

/// The OSError subclass for an errno (Linux values), as CPython maps them.
fn errno_exception(errno: i64) -> Option<Exc> {
    Some(match errno {
        11 | 114 | 115 => Exc::BlockingIOError,
        10 => Exc::ChildProcessError,
        32 | 108 => Exc::BrokenPipeError,
        103 => Exc::ConnectionAbortedError,
        111 => Exc::ConnectionRefusedError,
        104 => Exc::ConnectionResetError,
        17 => Exc::FileExistsError,
        2 => Exc::FileNotFoundError,
        21 => Exc::IsADirectoryError,
        20 => Exc::NotADirectoryError,
        4 => Exc::InterruptedError,
        1 | 13 => Exc::PermissionError,
        3 => Exc::ProcessLookupError,
        110 => Exc::TimeoutError,
        _ => return None,
    })
}
