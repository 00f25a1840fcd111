//! Attributes that are not stored in dicts: `__class__`, `__dict__`,
//! function and code attributes, class `__name__`/`__mro__`, bound method
//! `__self__`/`__func__`, and `dir()`.

use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn special_getattr(vm: &mut Vm, o: Value, name: Value) -> PyResult<Option<Value>> {
    let n = str_ref(name);
    if n == "__class__" { return Ok(Some(vm.type_of(o))); }
    if !o.is_ref() { return Ok(None); }
    if n == "__isabstractmethod__" && matches!(kind_of(o), Kind::Property | Kind::ClassMethod | Kind::StaticMethod) {
        // Abstract if a wrapped function is (abc.abstractmethod marks it).
        let parts: &[usize] = if kind_of(o) == Kind::Property { &[0, 1, 2] } else { &[0] };
        for &i in parts {
            let f = s4(o, i);
            if f.is_null() || f == Value::NONE { continue; }
            let key = vm.intern("__isabstractmethod__");
            if let Some(v) = vm.getattr_opt(f, key)? {
                if vm.truthy(v)? { return Ok(Some(Value::TRUE)); }
            }
        }
        return Ok(Some(Value::FALSE));
    }
    Ok(match (kind_of(o), n) {
        (Kind::Instance, "__dict__") => {
            let cls = cls_of(o);
            if obj::<ClassL>(cls).flags & crate::object::cf::SLOTS_ONLY != 0 || cls == vm.ty(crate::vm::Ty::Object) { None }
            else { Some(vm.instance_to_dict_mode(o)) }
        }
        (Kind::Class, "__name__") => Some(obj::<ClassL>(o).name),
        (Kind::Class, "__qualname__") => Some(obj::<ClassL>(o).qualname),
        (Kind::Class, "__mro__") => Some(obj::<ClassL>(o).mro),
        (Kind::Class, "__bases__") => Some(obj::<ClassL>(o).bases),
        (Kind::Class, "__base__") => Some(tuple_slice(obj::<ClassL>(o).bases).first().copied().unwrap_or(Value::NONE)),
        (Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Tasklet | Kind::Channel | Kind::TypedArraySub, "__dict__")
            if vm.is_heap_class(cls_of(o)) && obj::<ClassL>(cls_of(o)).flags & crate::object::cf::SLOTS_ONLY == 0 =>
        {
            // Instances of subclasses keep their attributes in `attrs`.
            let mut d = obj::<ListL>(o).attrs;
            if d.is_null() { d = vm.new_dict(); set_field!(o, ListL, attrs, d); }
            Some(d)
        }
        (Kind::Class, "__dict__") => { let d = obj::<ClassL>(o).dict; Some(vm.new_mappingproxy(d)) }
        (Kind::Class, "__module__") => Some(obj::<ClassL>(o).module),
        (Kind::Class, "__doc__") => Some(Value::NONE),
        (Kind::Function, "__name__") => Some(obj::<FunctionL>(o).name),
        (Kind::Function, "__qualname__") => Some(obj::<FunctionL>(o).qualname),
        (Kind::Function, "__doc__") => Some(obj::<FunctionL>(o).doc),
        (Kind::Function, "__module__") => Some(obj::<FunctionL>(o).module),
        (Kind::Function, "__code__") => Some(obj::<FunctionL>(o).code),
        (Kind::Function, "__globals__") => Some(obj::<FunctionL>(o).globals),
        (Kind::Function, "__defaults__") => { let d = obj::<FunctionL>(o).defaults; Some(if d.is_null() { Value::NONE } else { d }) }
        (Kind::Function, "__kwdefaults__") => { let d = obj::<FunctionL>(o).kwdefaults; Some(if d.is_null() { Value::NONE } else { d }) }
        (Kind::Function, "__closure__") => { let d = obj::<FunctionL>(o).closure; Some(if d.is_null() { Value::NONE } else { d }) }
        (Kind::Function, "__dict__") => {
            let mut d = obj::<FunctionL>(o).dict;
            if d.is_null() { d = vm.new_dict(); set_field!(o, FunctionL, dict, d); }
            Some(d)
        }
        (Kind::Function, "__annotations__") => {
            // Made on first access and kept, so changes to it persist.
            let mut d = obj::<FunctionL>(o).dict;
            if d.is_null() { d = vm.new_dict(); set_field!(o, FunctionL, dict, d); }
            let a = vm.new_dict();
            vm.dict_set_str(d, "__annotations__", a);
            Some(a)
        }
        (Kind::Builtin, "__name__") => Some(obj::<BuiltinL>(o).name),
        (Kind::Builtin, "__qualname__") => { let q = obj::<BuiltinL>(o).qualname; Some(if q.is_null() { obj::<BuiltinL>(o).name } else { q }) }
        (Kind::Builtin, "__self__") => { let b = obj::<BuiltinL>(o).bound; Some(if b.is_null() { Value::NONE } else { b }) }
        (Kind::Builtin, "__doc__") => Some(Value::NONE),
        (Kind::BoundMethod, "__self__") => Some(s4(o, 1)),
        (Kind::BoundMethod, "__func__") => Some(s4(o, 0)),
        (Kind::BoundMethod, _) => { let f = s4(o, 0); return vm.getattr_opt(f, name); }
        (Kind::Code, "co_name") => Some(obj::<CodeL>(o).name),
        (Kind::Code, "co_qualname") => Some(obj::<CodeL>(o).qualname),
        (Kind::Code, "co_filename") => Some(obj::<CodeL>(o).filename),
        (Kind::Code, "co_varnames") => Some(obj::<CodeL>(o).varnames),
        (Kind::Code, "co_consts") => Some(obj::<CodeL>(o).consts),
        (Kind::Code, "co_names") => Some(obj::<CodeL>(o).names),
        (Kind::Code, "co_freevars") => Some(obj::<CodeL>(o).freevars),
        (Kind::Code, "co_cellvars") => Some(obj::<CodeL>(o).cellvars),
        (Kind::Code, "co_argcount") => Some(Value::small(code_data(o).argcount as i64)),
        (Kind::Code, "co_kwonlyargcount") => Some(Value::small(code_data(o).kwonlyargcount as i64)),
        (Kind::Code, "co_posonlyargcount") => Some(Value::small(code_data(o).posonlyargcount as i64)),
        (Kind::Code, "co_firstlineno") => Some(Value::small(code_data(o).first_line as i64)),
        (Kind::Code, "co_flags") => Some(Value::small(code_data(o).flags as i64)),
        (Kind::Module, "__dict__") => Some(s4(o, 1)),
        (Kind::Generator, "__name__") => Some(s4(o, 2)),
        (Kind::Generator, "__qualname__") => Some(s4(o, 3)),
        (Kind::Generator, "gi_frame") => Some(if s4(o, 1).int() == crate::call::gen_state::FINISHED { Value::NONE } else { s4(o, 0) }),
        (Kind::Generator, "gi_running") => Some(Value::bool(s4(o, 1).int() == crate::call::gen_state::RUNNING)),
        (Kind::Generator, "gi_code") => Some(if s4(o, 0).is_null() { Value::NONE } else { obj::<FrameL>(s4(o, 0)).code }),
        (Kind::Property, "fget") => Some(or_none(s4(o, 0))),
        (Kind::Property, "fset") => Some(or_none(s4(o, 1))),
        (Kind::Property, "fdel") => Some(or_none(s4(o, 2))),
        (Kind::Property, "__doc__") => Some(or_none(s4(o, 3))),
        (Kind::StaticMethod | Kind::ClassMethod, "__func__") => Some(s4(o, 0)),
        (Kind::Slice, "start") => Some(s4(o, 0)),
        (Kind::Slice, "stop") => Some(s4(o, 1)),
        (Kind::Slice, "step") => Some(s4(o, 2)),
        (Kind::Range, "start") => Some(s4(o, 0)),
        (Kind::Range, "stop") => Some(s4(o, 1)),
        (Kind::Range, "step") => Some(s4(o, 2)),
        (Kind::Cell, "cell_contents") => Some(s4(o, 0)),
        (Kind::Frame, "f_code") => Some(obj::<FrameL>(o).code),
        (Kind::Frame, "f_globals") => Some(obj::<FrameL>(o).globals),
        (Kind::Frame, "f_locals") => Some(vm.frame_locals(o)?),
        (Kind::Frame, "f_back") => Some(or_none(frame_escape(obj::<FrameL>(o).back))),
        (Kind::Frame, "f_lineno") => {
            let fo = obj::<FrameL>(o);
            Some(Value::small(code_data(fo.code).line_at((fo.pc as usize).saturating_sub(1)) as i64))
        }
        (Kind::Traceback, "tb_next") => Some(or_none(s4(o, 0))),
        (Kind::Traceback, "tb_lineno") => Some(s4(o, 2)),
        (Kind::Traceback, "tb_frame") => Some(s4(o, 1)),
        (Kind::Traceback, "tb_lasti") => Some(Value::small(s4(o, 3).int() * 2)),
        _ => None,
    })
}

fn or_none(v: Value) -> Value { if v.is_null() { Value::NONE } else { v } }

/// Writable function attributes; Ok(false) when `name` is not special.
pub fn set_function_attr(vm: &mut Vm, f: Value, name: Value, v: Value) -> PyResult<bool> {
    let is = |v: Value, k: Kind| v.is_ref() && kind_of(v) == k;
    let attr = str_ref(name);
    // CPython's checks: the call path reads these fields as the named types.
    let must = |vm: &mut Vm, what: &str| Err(vm.new_exc(crate::vm::Exc::TypeError, &format!("{attr} must be set to a {what} object")));
    match attr {
        "__name__" | "__qualname__" if !is(v, Kind::Str) => return must(vm, "string"),
        "__defaults__" if v != Value::NONE && !is(v, Kind::Tuple) => return must(vm, "tuple"),
        "__kwdefaults__" if v != Value::NONE && !is(v, Kind::Dict) => return must(vm, "dict"),
        _ => {}
    }
    match attr {
        "__name__" => set_field!(f, FunctionL, name, v),
        "__qualname__" => set_field!(f, FunctionL, qualname, v),
        "__doc__" => set_field!(f, FunctionL, doc, v),
        "__module__" => set_field!(f, FunctionL, module, v),
        "__defaults__" => {
            // Binding takes defaults from the right and never needs more than
            // the positional parameters (CPython ignores the extra ones too).
            let n = crate::heap::code_data(obj::<FunctionL>(f).code).argcount as usize;
            let d = if v != Value::NONE && tuple_slice(v).len() > n {
                let items = tuple_slice(v);
                vm.new_tuple(&items[items.len() - n..])
            } else { v };
            set_field!(f, FunctionL, defaults, if d == Value::NONE { Value::NULL } else { d })
        }
        "__kwdefaults__" => set_field!(f, FunctionL, kwdefaults, if v == Value::NONE { Value::NULL } else { v }),
        _ => return Ok(false),
    }
    Ok(true)
}

/// `dir(o)`: sorted attribute names from the instance and its class MRO.
pub fn dir_of(vm: &mut Vm, o: Value) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    // Reads the entries in place: nothing here allocates on the GC heap.
    let add_dict = |vm: &mut Vm, d: Value, names: &mut Vec<String>| {
        for i in 0..vm.dict_used(d) {
            if let Some((k, _)) = vm.dict_entry(d, i) { if vm.is_str(k) { names.push(str_ref(k).to_string()); } }
        }
    };
    if o.is_ref() && kind_of(o) == Kind::Instance {
        let d = vm.instance_to_dict_mode(o);
        add_dict(vm, d, &mut names);
    }
    if o.is_ref() && kind_of(o) == Kind::Module { add_dict(vm, s4(o, 1), &mut names); }
    let cls = if vm.is_class(o) { o } else { vm.type_of(o) };
    if !(o.is_ref() && kind_of(o) == Kind::Module) {
        for &c in tuple_slice(obj::<ClassL>(cls).mro) { add_dict(vm, obj::<ClassL>(c).dict, &mut names); }
        names.push("__class__".into());
        if !vm.is_class(o) { names.push("__dict__".into()); }
    }
    names.sort();
    names.dedup();
    let l = vm.new_list(&[]);
    for s in &names { let v = vm.new_str(s); vm.list_append(l, v); }
    let _ = N::dir;
    Ok(l)
}
