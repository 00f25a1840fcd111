//! Pre-interned identifier strings the runtime looks up often (dunder names).

macro_rules! names {
    ($( $id:ident = $s:literal, )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        #[allow(non_camel_case_types)]
        pub enum N { $( $id, )* }
        impl N {
            pub const COUNT: usize = [$(N::$id,)*].len();
            pub const ALL: &'static [N] = &[$(N::$id,)*];
            pub fn as_str(self) -> &'static str { match self { $( N::$id => $s, )* } }
        }
    };
}

names! {
    init = "__init__", new = "__new__", repr = "__repr__", str = "__str__", hash = "__hash__",
    eq = "__eq__", ne = "__ne__", lt = "__lt__", le = "__le__", gt = "__gt__", ge = "__ge__",
    bool_ = "__bool__", len = "__len__", iter = "__iter__", next = "__next__",
    getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__", contains = "__contains__",
    call = "__call__", getattr = "__getattr__", getattribute = "__getattribute__",
    setattr = "__setattr__", delattr = "__delattr__", get = "__get__", set = "__set__", delete = "__delete__",
    enter = "__enter__", exit = "__exit__", del = "__del__", neg = "__neg__", pos = "__pos__",
    invert = "__invert__", abs = "__abs__", index = "__index__", int_ = "__int__", float_ = "__float__",
    format = "__format__", name = "__name__", qualname = "__qualname__", module = "__module__",
    doc = "__doc__", dict = "__dict__", class = "__class__", slots = "__slots__", mro = "__mro__",
    bases = "__bases__", base = "__base__", args = "args", traceback = "__traceback__",
    cause = "__cause__", context = "__context__", suppress_context = "__suppress_context__",
    classcell = "__classcell__", builtins = "__builtins__", file = "__file__", main = "__main__",
    init_subclass = "__init_subclass__", set_name = "__set_name__", reversed = "__reversed__",
    round = "__round__", trunc = "__trunc__", floor = "__floor__", ceil = "__ceil__",
    missing = "__missing__", length_hint = "__length_hint__", instancecheck = "__instancecheck__",
    subclasscheck = "__subclasscheck__", class_getitem = "__class_getitem__", all = "__all__",
    path = "__path__", package = "__package__", spec = "__spec__", value = "value", code = "code",
    send = "send", throw = "throw", close = "close", self_ = "self", prepare = "__prepare__",
    metaclass = "metaclass", fspath = "__fspath__", sizeof = "__sizeof__", reduce = "__reduce__",
    reduce_ex = "__reduce_ex__", getstate = "__getstate__", setstate = "__setstate__",
    copy = "__copy__", deepcopy = "__deepcopy__", complex = "__complex__", bytes = "__bytes__",
    dir = "__dir__", keys = "keys", items = "items", values = "values", errno = "errno",
    strerror = "strerror", filename = "filename", name_attr = "name", obj = "obj",
    lineno = "lineno", offset = "offset", text = "text", msg = "msg", end_lineno = "end_lineno",
    end_offset = "end_offset", print_file = "print_file_and_line", weakref = "__weakref__",
    abstractmethods = "__abstractmethods__", annotations = "__annotations__",
    // Binary operator dunders: (op, reflected, in-place), see `ops::binop_names`.
    op_add = "__add__", op_radd = "__radd__", op_iadd = "__iadd__",
    op_sub = "__sub__", op_rsub = "__rsub__", op_isub = "__isub__",
    op_mul = "__mul__", op_rmul = "__rmul__", op_imul = "__imul__",
    op_matmul = "__matmul__", op_rmatmul = "__rmatmul__", op_imatmul = "__imatmul__",
    op_truediv = "__truediv__", op_rtruediv = "__rtruediv__", op_itruediv = "__itruediv__",
    op_floordiv = "__floordiv__", op_rfloordiv = "__rfloordiv__", op_ifloordiv = "__ifloordiv__",
    op_mod = "__mod__", op_rmod = "__rmod__", op_imod = "__imod__",
    op_pow = "__pow__", op_rpow = "__rpow__", op_ipow = "__ipow__",
    op_lshift = "__lshift__", op_rlshift = "__rlshift__", op_ilshift = "__ilshift__",
    op_rshift = "__rshift__", op_rrshift = "__rrshift__", op_irshift = "__irshift__",
    op_and = "__and__", op_rand = "__rand__", op_iand = "__iand__",
    op_or = "__or__", op_ror = "__ror__", op_ior = "__ior__",
    op_xor = "__xor__", op_rxor = "__rxor__", op_ixor = "__ixor__",
}
