//! Small builtin types: `mappingproxy` (the read-only view a class's
//! `__dict__` returns). A proxy is an Obj4 whose s[0] is the dict.

use crate::heap::*;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};

impl Vm {
    pub fn new_mappingproxy(&mut self, d: Value) -> Value {
        self.new_obj4(Kind::MappingProxy, self.ty(Ty::MappingProxy), [d, Value::NULL, Value::NULL, Value::NULL])
    }
}

fn inner(a: &[Value]) -> Value { s4(a[0], 0) }

pub fn init(vm: &mut Vm) {
    let c = vm.ty(Ty::MappingProxy);
    vm.add_method(c, "__getitem__", |vm, a, _k| {
        let d = inner(a);
        match vm.dict_get(d, a[1])? { Some(v) => Ok(v), None => Err(vm.key_error(a[1])) }
    });
    vm.add_method(c, "__contains__", |vm, a, _k| { let d = inner(a); Ok(Value::bool(vm.dict_get(d, a[1])?.is_some())) });
    vm.add_method(c, "__len__", |vm, a, _k| Ok(Value::small(vm.dict_len(inner(a)) as i64)));
    vm.add_method(c, "__iter__", |vm, a, _k| vm.get_iter(inner(a)));
    vm.add_method(c, "get", |vm, a, _k| {
        let d = inner(a);
        let default = a.get(2).copied().unwrap_or(Value::NONE);
        Ok(vm.dict_get(d, a[1])?.unwrap_or(default))
    });
    for name in ["keys", "values", "items", "copy"] {
        let f: crate::vm::NativeFn = match name {
            "keys" => |vm, a, _k| vm.call_method(inner(a), "keys", &[]),
            "values" => |vm, a, _k| vm.call_method(inner(a), "values", &[]),
            "items" => |vm, a, _k| vm.call_method(inner(a), "items", &[]),
            _ => |vm, a, _k| Ok(vm.dict_copy(inner(a))),
        };
        vm.add_method(c, name, f);
    }
    vm.add_method(c, "__repr__", |vm, a, _k| {
        let r = vm.repr_string(inner(a))?;
        Ok(vm.new_str(&format!("mappingproxy({r})")))
    });
    vm.add_method(c, "__setitem__", |vm, _a, _k| {
        Err(vm.new_exc(Exc::TypeError, "'mappingproxy' object does not support item assignment"))
    });
    vm.add_method(c, "__eq__", |vm, a, _k| { let d = inner(a); let r = vm.eq(d, a[1])?; Ok(Value::bool(r)) });
    let _: fn(&mut Vm) -> PyResult<()> = |_| Ok(());
}
