//! Generic object protocols: truth, hashing, equality and ordering, repr and
//! str, binary and unary operators, containment. Builtin types take fast
//! paths; everything else goes through the special-method lookup on the type,
//! as CPython's abstract object layer does.

use crate::bytecode::{BinOp, CmpOp};
use num_integer::Integer;
use crate::heap::*;
use crate::names::N;
use crate::numeric::{self, Num};
use crate::types::complex_ops;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm};

/// The pre-interned dunders of a binary operator: (`__add__`, `__radd__`,
/// `__iadd__`), as `BinOp::dunders` spells them.
pub fn binop_names(op: BinOp) -> (N, N, N) {
    match op {
        BinOp::Add => (N::op_add, N::op_radd, N::op_iadd),
        BinOp::Sub => (N::op_sub, N::op_rsub, N::op_isub),
        BinOp::Mul => (N::op_mul, N::op_rmul, N::op_imul),
        BinOp::MatMul => (N::op_matmul, N::op_rmatmul, N::op_imatmul),
        BinOp::TrueDiv => (N::op_truediv, N::op_rtruediv, N::op_itruediv),
        BinOp::FloorDiv => (N::op_floordiv, N::op_rfloordiv, N::op_ifloordiv),
        BinOp::Mod => (N::op_mod, N::op_rmod, N::op_imod),
        BinOp::Pow => (N::op_pow, N::op_rpow, N::op_ipow),
        BinOp::LShift => (N::op_lshift, N::op_rlshift, N::op_ilshift),
        BinOp::RShift => (N::op_rshift, N::op_rrshift, N::op_irshift),
        BinOp::And => (N::op_and, N::op_rand, N::op_iand),
        BinOp::Or => (N::op_or, N::op_ror, N::op_ior),
        BinOp::Xor => (N::op_xor, N::op_rxor, N::op_ixor),
    }
}

/// The pre-interned dunders of a comparison and its reflection
/// (`__lt__`, `__gt__`), as `CmpOp::dunders` spells them.
pub fn cmp_names(op: CmpOp) -> (N, N) {
    match op {
        CmpOp::Lt => (N::lt, N::gt),
        CmpOp::Le => (N::le, N::ge),
        CmpOp::Eq => (N::eq, N::eq),
        CmpOp::Ne => (N::ne, N::ne),
        CmpOp::Gt => (N::gt, N::lt),
        CmpOp::Ge => (N::ge, N::le),
    }
}

impl Vm {
    // -- truth ---------------------------------------------------------------

    #[inline]
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::TRUE => return Ok(true),
            Value::FALSE | Value::NONE => return Ok(false),
            _ => {}
        }
        if v.is_int() { return Ok(v.int() != 0); }
        if !v.is_ref() { return Ok(true); }
        let cls = cls_of(v);
        if !self.is_heap_class(cls) {
            match kind_of(v) {
                Kind::Str => return Ok(obj::<StrL>(v).nbytes != 0),
                Kind::List => return Ok(obj::<ListL>(v).len != 0),
                Kind::Tuple => return Ok(obj::<TupleL>(v).len != 0),
                Kind::Dict => return Ok(obj::<DictL>(v).len != 0),
                Kind::Float => return Ok(float_val(v) != 0.0),
                Kind::BigInt => return Ok(true),
                Kind::Bytes => return Ok(obj::<BytesL>(v).len != 0),
                Kind::Set | Kind::FrozenSet => return Ok(self.dict_len(obj::<SetL>(v).dict) != 0),
                _ => {}
            }
        }
        if let Some(m) = self.lookup_type(cls, self.n(N::bool_)) {
            let r = self.call(m, &[v])?;
            if !r.is_bool() {
                let tn = self.type_name(r);
                return Err(self.new_exc(Exc::TypeError, &format!("__bool__ should return bool, returned {tn}")));
            }
            return Ok(r == Value::TRUE);
        }
        if let Some(m) = self.lookup_type(cls, self.n(N::len)) {
            let r = self.call(m, &[v])?;
            let n = self.len_result(r)?;
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// Validates a `__len__` result.
    pub fn len_result(&mut self, r: Value) -> PyResult<i64> {
        match self.as_i64(r) {
            Some(n) if n >= 0 => Ok(n),
            Some(_) => Err(self.new_exc(Exc::ValueError, "__len__() should return >= 0")),
            None if r.is_ref() && kind_of(r) == Kind::BigInt => {
                if num_traits::Signed::is_negative(bigint_ref(r)) {
                    return Err(self.new_exc(Exc::ValueError, "__len__() should return >= 0"));
                }
                Err(self.new_exc(Exc::OverflowError, "cannot fit 'int' into an index-sized integer"))
            }
            None => {
                let tn = self.type_name(r);
                Err(self.new_exc(Exc::TypeError, &format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    // -- hashing -------------------------------------------------------------

    pub fn str_hash(&self, s: Value) -> i64 {
        let o = obj::<StrL>(s);
        if o.hash != -1 { return o.hash; }
        let h = fx_hash_bytes(str_bytes(s));
        obj::<StrL>(s).hash = h;
        h
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_int() { return Ok(numeric::hash_i64(v.int())); }
        if !v.is_ref() {
            return Ok(match v { Value::TRUE => 1, Value::FALSE => 0, _ => (v.0 as i64) >> 1 });
        }
        let cls = cls_of(v);
        let heap_cls = self.is_heap_class(cls);
        match kind_of(v) {
            Kind::Str if !heap_cls => return Ok(self.str_hash(v)),
            // NaN hashes by identity (CPython 3.10+), so distinct NaNs are
            // distinct dict keys.
            Kind::Float if !heap_cls && float_val(v).is_nan() => return Ok(identity_hash(v)),
            Kind::Float if !heap_cls => return Ok(numeric::hash_f64(float_val(v))),
            Kind::BigInt if !heap_cls => return Ok(numeric::hash_bigint(bigint_ref(v))),
            Kind::Tuple if !heap_cls => return self.tuple_hash(v),
            Kind::Bytes if !heap_cls => {
                let o = obj::<BytesL>(v);
                if o.hash == -1 { o.hash = fx_hash_bytes(bytes_slice(v)); }
                return Ok(obj::<BytesL>(v).hash);
            }
            Kind::FrozenSet if !heap_cls => return self.frozenset_hash(v),
            _ => {}
        }
        match self.lookup_type(cls, self.n(N::hash)) {
            Some(m) if m == Value::NONE => {
                let tn = self.type_name(v);
                Err(self.new_exc(Exc::TypeError, &format!("unhashable type: '{tn}'")))
            }
            Some(m) if !self.is_builtin_object_hash(m) => {
                let r = self.call(m, &[v])?;
                match self.as_num(r) {
                    Some(Num::Int(i)) => Ok(if i == -1 { -2 } else { i }),
                    Some(Num::Big(b)) => {
                        // CPython keeps a __hash__ result that fits in a hash word
                        // and reduces larger ones like hash(int).
                        use num_traits::ToPrimitive;
                        match b.to_i64() {
                            Some(i) => Ok(if i == -1 { -2 } else { i }),
                            None => Ok(self.num_hash(&Num::Big(b))),
                        }
                    }
                    _ => Err(self.new_exc(Exc::TypeError, "__hash__ method should return an integer")),
                }
            }
            _ => Ok(identity_hash(v)),
        }
    }

    /// CPython's tuple hash (xxHash lanes), cached in the tuple.
    pub fn tuple_hash(&mut self, t: Value) -> PyResult<i64> {
        let cached = obj::<TupleL>(t).hash;
        if cached != -1 { return Ok(cached); }
        self.enter_recursive("")?;
        let r = self.tuple_hash_inner(t);
        self.leave_recursive();
        r
    }

    fn tuple_hash_inner(&mut self, t: Value) -> PyResult<i64> {
        // CPython 3.8+ xxHash-based tuple hash.
        const P1: u64 = 11400714785074694791;
        const P2: u64 = 14029467366897019727;
        const P5: u64 = 2870177450012600261;
        let items = tuple_slice(t);
        let mut acc: u64 = P5;
        for &x in items {
            let lane = self.hash(x)? as u64;
            acc = acc.wrapping_add(lane.wrapping_mul(P2));
            acc = acc.rotate_left(31);
            acc = acc.wrapping_mul(P1);
        }
        acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
        let mut h = acc as i64;
        if h == -1 { h = 1546275796; }
        // Keep stored hashes within the small-int range used by dict entries.
        let h = h >> 2;
        obj::<TupleL>(t).hash = h;
        Ok(h)
    }

    fn frozenset_hash(&mut self, s: Value) -> PyResult<i64> {
        let o = obj::<SetL>(s);
        if o.hash != -1 && o.hash != 0 { return Ok(o.hash); }
        let d = o.dict;
        let mut hash: u64 = 0;
        for i in 0..self.dict_used(d) {
            if let Some((k, _)) = self.dict_entry(d, i) {
                let h = self.hash(k)? as u64;
                hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
            }
        }
        hash ^= (self.dict_len(d) as u64 + 1).wrapping_mul(1927868237);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let h = ((hash as i64) >> 2).max(i64::MIN + 1);
        let h = if h == -1 { 590923713 } else { h };
        obj::<SetL>(s).hash = h;
        Ok(h)
    }

    // -- equality and ordering -------------------------------------------------

    /// `a == b` as a bool.
    #[inline]
    /// `a == b` as a bool with CPython's identity shortcut
    /// (`PyObject_RichCompareBool`): identical objects are equal, NaN included,
    /// as container comparison and `in` require.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b { return Ok(true); }
        if a.is_int() && b.is_int() { return Ok(false); }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// Rich comparison returning a Value (usually a bool).
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if a.is_int() && b.is_int() {
            let (x, y) = (a.int(), b.int());
            return Ok(Value::bool(cmp_result(x.cmp(&y), op)));
        }
        if let Some(r) = self.builtin_compare(a, b, op)? { return Ok(r); }
        self.rich_compare_slow(a, b, op)
    }

    fn rich_compare_slow(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        self.enter_recursive(" in comparison")?;
        let r = self.rich_compare_slow_inner(a, b, op);
        self.leave_recursive();
        r
    }

    fn rich_compare_slow_inner(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let (name_v, rname_v) = { let (n, r) = cmp_names(op); (self.n(n), self.n(r)) };
        let mut checked_reflected = false;
        if ta != tb && self.is_subclass(tb, ta) {
            if let Some(m) = self.lookup_type(tb, rname_v) {
                if Some(m) != self.lookup_type(ta, rname_v) || self.is_heap_class(tb) {
                    checked_reflected = true;
                    let r = self.call_cmp_method(m, b, a, op.swapped())?;
                    if r != Value::NOT_IMPLEMENTED { return Ok(r); }
                }
            }
        }
        if let Some(m) = self.lookup_type(ta, name_v) {
            let r = self.call_cmp_method(m, a, b, op)?;
            if r != Value::NOT_IMPLEMENTED { return Ok(r); }
        }
        if !checked_reflected {
            if let Some(m) = self.lookup_type(tb, rname_v) {
                let r = self.call_cmp_method(m, b, a, op.swapped())?;
                if r != Value::NOT_IMPLEMENTED { return Ok(r); }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            CmpOp::Ne => Ok(Value::bool(a != b)),
            _ => {
                let (x, y) = (self.type_name(a), self.type_name(b));
                Err(self.new_exc(Exc::TypeError, &format!(
                    "'{}' not supported between instances of '{x}' and '{y}'", op.symbol())))
            }
        }
    }

    /// Calls a comparison dunder `m(x, y)` for operator `op`. object's
    /// defaults answer NotImplemented (except `__ne__`, which inverts `__eq__`);
    /// other builtin dunders compare the builtin parts directly.
    fn call_cmp_method(&mut self, m: Value, x: Value, y: Value, op: CmpOp) -> PyResult<Value> {
        if self.is_builtin_fn(m) {
            let object = self.ty(Ty::Object);
            let name = self.n(cmp_names(op).0);
            if self.dict_get_str(obj::<ClassL>(object).dict, name) == Some(m) {
                if op == CmpOp::Ne {
                    let r = self.rich_compare_eq_for_ne(x, y)?;
                    return Ok(r);
                }
                return Ok(Value::NOT_IMPLEMENTED);
            }
            if let Some(r) = self.builtin_compare_kinds(x, y, op)? { return Ok(r); }
        }
        self.call(m, &[x, y])
    }

    /// object.__ne__: the inverse of `__eq__` unless that is NotImplemented.
    fn rich_compare_eq_for_ne(&mut self, x: Value, y: Value) -> PyResult<Value> {
        let tx = self.type_of(x);
        let eq = self.n(N::eq);
        if let Some(m) = self.lookup_type(tx, eq) {
            let object = self.ty(Ty::Object);
            if self.dict_get_str(obj::<ClassL>(object).dict, eq) == Some(m) {
                return Ok(Value::NOT_IMPLEMENTED);
            }
            let r = self.call_cmp_method(m, x, y, CmpOp::Eq)?;
            if r == Value::NOT_IMPLEMENTED { return Ok(r); }
            let t = self.truthy(r)?;
            return Ok(Value::bool(!t));
        }
        Ok(Value::NOT_IMPLEMENTED)
    }

    /// Comparison between builtin values; Ok(None) when either is not a
    /// builtin kind this handles (or the pair is unordered: NotImplemented).
    pub fn builtin_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
        if (a.is_ref() && self.is_heap_class(cls_of(a))) || (b.is_ref() && self.is_heap_class(cls_of(b))) {
            return Ok(None);
        }
        self.builtin_compare_kinds(a, b, op)
    }

    /// Like `builtin_compare`, but compares instances of builtin subclasses by
    /// their builtin part.
    pub fn builtin_compare_kinds(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return Ok(Some(Value::bool(num_compare(&x, &y, op))));
        }
        if complex_ops::is_complex(a) || complex_ops::is_complex(b) {
            // Complex numbers compare equal to numbers but are unordered.
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) { return Ok(None); }
            return Ok(complex_ops::complex_eq(self, a, b).map(|eq| Value::bool(eq == (op == CmpOp::Eq))));
        }
        if !a.is_ref() || !b.is_ref() {
            return Ok(match op {
                CmpOp::Eq if !a.is_ref() && !b.is_ref() => Some(Value::bool(a == b)),
                CmpOp::Ne if !a.is_ref() && !b.is_ref() => Some(Value::bool(a != b)),
                _ => None,
            });
        }
        let (ka, kb) = (kind_of(a), kind_of(b));
        match (ka, kb) {
            (Kind::Str, Kind::Str) => {
                let o = str_bytes(a).cmp(str_bytes(b));
                Ok(Some(Value::bool(cmp_result(o, op))))
            }
            (Kind::Bytes, Kind::Bytes) => {
                let o = bytes_slice(a).cmp(bytes_slice(b));
                Ok(Some(Value::bool(cmp_result(o, op))))
            }
            (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => self.seq_compare(a, b, op).map(Some),
            (Kind::Dict, Kind::Dict) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.dict_eq(a, b)?;
                Ok(Some(Value::bool(eq == (op == CmpOp::Eq))))
            }
            (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => self.set_compare(a, b, op).map(Some),
            (Kind::Range, Kind::Range) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.range_eq(a, b);
                Ok(Some(Value::bool(eq == (op == CmpOp::Eq))))
            }
            (Kind::ByteArray, _) | (_, Kind::ByteArray) => {
                match (self.bytes_like(a), self.bytes_like(b)) {
                    (Some(x), Some(y)) => Ok(Some(Value::bool(cmp_result(x.cmp(&y), op)))),
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of two lists or two tuples. Items are read
    /// by index on every step: `__eq__` may mutate a list under comparison.
    fn seq_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        self.enter_recursive(" in comparison")?;
        let r = self.seq_compare_inner(a, b, op);
        self.leave_recursive();
        r
    }

    fn seq_compare_inner(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let len = |v: Value| if kind_of(v) == Kind::List { obj::<ListL>(v).len } else { obj::<TupleL>(v).len };
        let item = |v: Value, i: usize| if kind_of(v) == Kind::List { list_slice(v)[i] } else { tuple_slice(v)[i] };
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && len(a) != len(b) {
            return Ok(Value::bool(op == CmpOp::Ne));
        }
        let mut i = 0;
        while i < len(a) && i < len(b) {
            let (x, y) = (item(a, i), item(b, i));
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(Value::FALSE),
                    CmpOp::Ne => Ok(Value::TRUE),
                    _ => self.compare(x, y, op),
                };
            }
            i += 1;
        }
        Ok(Value::bool(cmp_result(len(a).cmp(&len(b)), op)))
    }

    fn dict_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) { return Ok(false); }
        self.enter_recursive(" in comparison")?;
        let r = self.dict_eq_inner(a, b);
        self.leave_recursive();
        r
    }

    fn dict_eq_inner(&mut self, a: Value, b: Value) -> PyResult<bool> {
        for i in 0..self.dict_used(a) {
            if let Some((k, v)) = self.dict_entry(a, i) {
                match self.dict_get(b, k)? {
                    Some(w) => if !self.eq(v, w)? { return Ok(false) },
                    None => return Ok(false),
                }
            }
        }
        Ok(true)
    }

    /// Ordering used by sort(): `a < b`.
    pub fn less_than(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is_int() && b.is_int() { return Ok(a.int() < b.int()); }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(r)
    }

    // -- repr / str ------------------------------------------------------------

    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        if v.is_ref() && kind_of(v) == Kind::Str && !self.is_heap_class(cls_of(v)) {
            let s = crate::strfmt::repr_str(str_ref(v));
            return Ok(self.new_str(&s));
        }
        if let Some(s) = self.builtin_repr(v)? { return Ok(self.new_str(&s)); }
        self.enter_recursive(" while getting the repr of an object")?;
        let cls = self.type_of(v);
        let m = self.lookup_type(cls, self.n(N::repr)).expect("object defines __repr__");
        let r = self.call(m, &[v]);
        self.leave_recursive();
        let r = r?;
        if !self.is_str(r) {
            let tn = self.type_name(r);
            return Err(self.new_exc(Exc::TypeError, &format!("__repr__ returned non-string (type {tn})")));
        }
        Ok(r)
    }
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        Ok(str_ref(r).to_string())
    }

    pub fn to_str(&mut self, v: Value) -> PyResult<Value> {
        if v.is_ref() && kind_of(v) == Kind::Str && cls_of(v) == self.ty(Ty::Str) { return Ok(v); }
        if v.is_int() { return Ok(self.new_str(&v.int().to_string())); }
        let cls = self.type_of(v);
        if let Some(m) = self.lookup_type(cls, self.n(N::str)) {
            if !self.is_object_str(m) {
                self.enter_recursive(" while getting the str of an object")?;
                let r = self.call(m, &[v]);
                self.leave_recursive();
                let r = r?;
                if !self.is_str(r) {
                    let tn = self.type_name(r);
                    return Err(self.new_exc(Exc::TypeError, &format!("__str__ returned non-string (type {tn})")));
                }
                return Ok(r);
            }
        }
        self.repr(v)
    }
    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let r = self.to_str(v)?;
        Ok(str_ref(r).to_string())
    }

    /// repr of builtin values that need no Python code at the top level.
    fn builtin_repr(&mut self, v: Value) -> PyResult<Option<String>> {
        if v.is_int() { return Ok(Some(v.int().to_string())); }
        match v {
            Value::NONE => return Ok(Some("None".into())),
            Value::TRUE => return Ok(Some("True".into())),
            Value::FALSE => return Ok(Some("False".into())),
            Value::NOT_IMPLEMENTED => return Ok(Some("NotImplemented".into())),
            Value::ELLIPSIS => return Ok(Some("Ellipsis".into())),
            _ => {}
        }
        if !v.is_ref() { return Ok(Some("<NULL>".into())); }
        let cls = cls_of(v);
        if self.is_heap_class(cls) {
            // A subclass may override __repr__; let the generic path decide.
            return Ok(None);
        }
        Ok(match kind_of(v) {
            Kind::Float => Some(numeric::float_repr(float_val(v))),
            Kind::BigInt => Some(crate::types::int::int_to_decimal(self, &bigint_ref(v).clone())?),
            _ => None,
        })
    }

    // -- operators --------------------------------------------------------------

    /// `a op b` (or `a op= b` when `inplace`).
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if a.is_int() && b.is_int() {
            return self.int_binop_i64(a.int(), b.int(), op);
        }
        let builtin_a = !a.is_ref() || !self.is_heap_class(cls_of(a));
        let builtin_b = !b.is_ref() || !self.is_heap_class(cls_of(b));
        if builtin_a && builtin_b {
            if let Some(r) = self.builtin_binop(a, b, op, inplace)? { return Ok(r); }
            // Classes may still answer through `type`'s methods (`int | str`).
            let is_cls = |v: Value| v.is_ref() && kind_of(v) == Kind::Class;
            if !(is_cls(a) || is_cls(b)) { return Err(self.binop_type_error(a, b, op, inplace)); }
        }
        self.binary_op_slow(a, b, op, inplace)
    }

    fn binop_type_error(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> crate::vm::PyErr {
        let (x, y) = (self.type_name(a), self.type_name(b));
        let seq_kind = |v: Value| v.is_ref() && matches!(kind_of(v), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray);
        if op == BinOp::Add && a.is_ref() && matches!(kind_of(a), Kind::Bytes | Kind::ByteArray) {
            return self.new_exc(Exc::TypeError, &format!("can't concat {y} to {x}"));
        }
        if op == BinOp::Add && seq_kind(a) && matches!(kind_of(a), Kind::Str | Kind::List | Kind::Tuple) {
            let what = match kind_of(a) { Kind::Str => "str", Kind::List => "list", _ => "tuple" };
            return self.new_exc(Exc::TypeError, &format!("can only concatenate {what} (not \"{y}\") to {what}"));
        }
        if op == BinOp::Mul && (seq_kind(a) || seq_kind(b)) {
            let other = if seq_kind(a) { y.clone() } else { x.clone() };
            return self.new_exc(Exc::TypeError, &format!("can't multiply sequence by non-int of type '{other}'"));
        }
        let sym = if inplace { format!("{}=", op.symbol()) } else { op.symbol().to_string() };
        if op == BinOp::Pow && !inplace {
            return self.new_exc(Exc::TypeError, &format!("unsupported operand type(s) for ** or pow(): '{x}' and '{y}'"));
        }
        self.new_exc(Exc::TypeError, &format!("unsupported operand type(s) for {sym}: '{x}' and '{y}'"))
    }

    fn binary_op_slow(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        self.check_stack()?;
        let (op_n, rop_n, iop_n) = binop_names(op);
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        if inplace {
            let iname_v = self.n(iop_n);
            if let Some(m) = self.lookup_type(ta, iname_v) {
                let r = self.call(m, &[a, b])?;
                if r != Value::NOT_IMPLEMENTED { return Ok(r); }
            }
        }
        let name_v = self.n(op_n);
        let rname_v = self.n(rop_n);
        let ma = self.lookup_type(ta, name_v);
        let mb = if ta != tb { self.lookup_type(tb, rname_v) } else { None };
        let mut mb_done = false;
        if let Some(mb) = mb {
            let ta_reflected = self.lookup_type(ta, rname_v);
            if self.is_subclass(tb, ta) && Some(mb) != ta_reflected {
                mb_done = true;
                let r = self.call(mb, &[b, a])?;
                if r != Value::NOT_IMPLEMENTED { return Ok(r); }
            }
        }
        // Native dunders of builtin types are builtin_binop itself, except
        // `type`'s (`int | str`), which must really be called.
        let is_cls = |v: Value| v.is_ref() && kind_of(v) == Kind::Class;
        if let Some(ma) = ma {
            let r = if self.is_builtin_fn(ma) && !is_cls(a) {
                self.builtin_binop(a, b, op, false)?.unwrap_or(Value::NOT_IMPLEMENTED)
            } else {
                self.call(ma, &[a, b])?
            };
            if r != Value::NOT_IMPLEMENTED { return Ok(r); }
        }
        if let (Some(mb), false) = (mb, mb_done) {
            let r = if self.is_builtin_fn(mb) && !is_cls(b) {
                self.builtin_binop(b, a, op, false).ok().flatten().map(|_| Value::NOT_IMPLEMENTED).unwrap_or(Value::NOT_IMPLEMENTED)
            } else {
                self.call(mb, &[b, a])?
            };
            if r != Value::NOT_IMPLEMENTED { return Ok(r); }
        }
        // A builtin left operand with a user subclass on the right of the same
        // builtin kind (e.g. int + MyInt without overrides).
        if let Some(r) = self.builtin_binop(a, b, op, inplace)? { return Ok(r); }
        Err(self.binop_type_error(a, b, op, inplace))
    }

    /// Builtin arithmetic and sequence operators; Ok(None) = NotImplemented.
    pub fn builtin_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Option<Value>> {
        if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            let (x, y) = (a == Value::TRUE, b == Value::TRUE);
            return Ok(Some(Value::bool(match op { BinOp::And => x & y, BinOp::Or => x | y, _ => x ^ y })));
        }
        // Two big ints: add, subtract, multiply and floor-divide by
        // reference, without first copying both operands (the references
        // are dropped before `new_bigint` allocates).
        if a.is_ref() && b.is_ref() && kind_of(a) == Kind::BigInt && kind_of(b) == Kind::BigInt {
            let (x, y) = (bigint_ref(a), bigint_ref(b));
            // A big int is never zero (zero is a small int), so division is safe.
            let r = match op {
                BinOp::Add => Some(x + y),
                BinOp::Sub => Some(x - y),
                BinOp::Mul => Some(x * y),
                BinOp::FloorDiv => {
                    if let Some(q) = crate::numeric::small_floor_quotient(x, y) {
                        return Ok(Some(Value::small(q)));
                    }
                    Some(x.div_floor(y))
                }
                BinOp::Mod => match crate::numeric::small_floor_quotient(x, y) {
                    // x - q*y: a one-limb multiply and a subtraction.
                    Some(q) => Some(x - y * num_bigint::BigInt::from(q)),
                    None => Some(x.mod_floor(y)),
                },
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Some(self.new_bigint(r)));
            }
        }
        // A big int times a machine int, by reference: num-bigint's scalar
        // multiply would copy the big operand and then grow the copy by a
        // limb; a one-limb long multiplication allocates the result once.
        if op == BinOp::Mul && a.is_ref() != b.is_ref() {
            let (big, small) = if a.is_ref() { (a, b) } else { (b, a) };
            if small.is_int() && kind_of(big) == Kind::BigInt {
                let r = bigint_ref(big) * &num_bigint::BigInt::from(small.int());
                return Ok(Some(self.new_bigint(r)));
            }
        }
        if let (Some(x), Some(y)) = (self.as_num(a), self.as_num(b)) {
            return self.num_binop(x, y, op);
        }
        if complex_ops::is_complex(a) || complex_ops::is_complex(b) {
            // Not `return`: `"%s" % 1j` still reaches str formatting below.
            if let Some(r) = complex_ops::complex_binop(self, a, b, op)? { return Ok(Some(r)); }
        }
        if op == BinOp::Mul {
            let is_seq = |v: Value| v.is_ref() && matches!(kind_of(v), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray);
            let is_idx = |vm: &Vm, v: Value| v.is_ref() && kind_of(v) == Kind::Instance && !vm.is_int_like(v);
            if is_seq(a) && is_idx(self, b) || is_seq(b) && is_idx(self, a) {
                let (seq, n) = if is_seq(a) { (a, b) } else { (b, a) };
                let cls = self.type_of(n);
                if self.lookup_type(cls, self.n(N::index)).is_some() {
                    if let Some(i) = self.index_value(n)? {
                        let iv = self.new_int(i);
                        return self.seq_repeat(seq, iv, inplace && seq == a).map(Some);
                    }
                }
            }
        }
        if !a.is_ref() && !b.is_ref() { return Ok(None); }
        let ka = if a.is_ref() { Some(kind_of(a)) } else { None };
        let kb = if b.is_ref() { Some(kind_of(b)) } else { None };
        match (op, ka, kb) {
            (BinOp::Add, Some(Kind::Str), Some(Kind::Str)) => {
                let (x, y) = (str_ref(a), str_ref(b));
                let mut s = String::with_capacity(x.len() + y.len());
                s.push_str(x);
                s.push_str(y);
                Ok(Some(self.new_str(&s)))
            }
            (BinOp::Add, Some(Kind::List), Some(Kind::List)) => {
                if inplace {
                    self.list_extend_list(a, b);
                    return Ok(Some(a));
                }
                Ok(Some(self.concat_seqs(a, b, false)))
            }
            (BinOp::Add, Some(Kind::List), Some(_)) if inplace => {
                self.list_extend(a, b)?;
                Ok(Some(a))
            }
            (BinOp::Add, Some(Kind::Tuple), Some(Kind::Tuple)) => {
                Ok(Some(self.concat_seqs(a, b, true)))
            }
            (BinOp::Add, Some(Kind::Bytes | Kind::ByteArray), Some(_)) => {
                let Some(y) = self.buffer_bytes(b) else { return Ok(None) };
                let mut x = self.bytes_like(a).unwrap();
                x.extend_from_slice(&y);
                if ka == Some(Kind::ByteArray) {
                    if inplace { self.bytearray_set(a, &x); return Ok(Some(a)); }
                    return Ok(Some(self.new_bytearray(&x)));
                }
                Ok(Some(self.new_bytes(&x)))
            }
            (BinOp::Mul, Some(k), _) if matches!(k, Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray) && self.is_int_like(b) => {
                self.seq_repeat(a, b, inplace).map(Some)
            }
            (BinOp::Mul, _, Some(k)) if matches!(k, Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray) && self.is_int_like(a) => {
                self.seq_repeat(b, a, false).map(Some)
            }
            (BinOp::Mod, Some(Kind::Str), _) => crate::strfmt::percent_format(self, a, b).map(Some),
            (BinOp::Mod, Some(Kind::Bytes), _) => crate::strfmt::percent_format_bytes(self, a, b).map(Some),
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Some(Kind::Set | Kind::FrozenSet), Some(Kind::Set | Kind::FrozenSet)) => {
                self.set_binop(a, b, op, inplace).map(Some)
            }
            (BinOp::Sub | BinOp::And | BinOp::Or | BinOp::Xor, Some(Kind::DictKeys | Kind::DictItems), _) => {
                self.dictview_binop(a, b, op).map(Some)
            }
            (BinOp::Or, Some(Kind::Dict), _) if inplace => {
                self.dict_update_from(a, b)?;
                Ok(Some(a))
            }
            (BinOp::Or, Some(Kind::Dict), Some(Kind::Dict)) => {
                let r = if inplace { a } else { self.dict_copy(a) };
                self.dict_update_from(r, b)?;
                Ok(Some(r))
            }
            _ => Ok(None),
        }
    }

    fn seq_repeat(&mut self, seq: Value, n: Value, inplace: bool) -> PyResult<Value> {
        let n = match self.as_i64(n) {
            Some(n) => n.max(0) as usize,
            None => return Err(self.new_exc(Exc::OverflowError, "cannot fit 'int' into an index-sized integer")),
        };
        let k = kind_of(seq);
        let unit = match k {
            Kind::Str => obj::<StrL>(seq).nbytes,
            Kind::List => obj::<ListL>(seq).len,
            Kind::Tuple => obj::<TupleL>(seq).len,
            _ => self.bytes_like(seq).map(|b| b.len()).unwrap_or(0),
        };
        if unit.saturating_mul(n) > (1 << 34) {
            return Err(self.new_exc(Exc::MemoryError, ""));
        }
        Ok(match k {
            Kind::Str => { let s = str_ref(seq).repeat(n); self.new_str(&s) }
            // Allocated first, then filled from `seq` (no Python code runs
            // in between, so it cannot change).
            Kind::List => {
                let total = unit * n;
                if total == 0 && !inplace { return Ok(self.new_list(&[])); }
                let na = self.try_new_array(total.max(1))?;
                let old = obj::<ListL>(seq).items;
                // SAFETY: `na` holds `unit * n` slots and `old` at least
                // `unit`; they are different objects.
                unsafe { fill_repeated(na, array_ptr(na), array_ptr(old), unit, n) };
                if inplace {
                    set_field!(seq, ListL, items, na);
                    obj::<ListL>(seq).len = total;
                    seq
                } else {
                    let l = self.new_list_cap(0);
                    set_field!(l, ListL, items, na);
                    obj::<ListL>(l).len = total;
                    l
                }
            }
            Kind::Tuple => {
                if n == 1 { return Ok(seq); }
                let total = unit * n;
                if total == 0 { return Ok(self.new_tuple(&[])); }
                let t = self.try_alloc_tuple(total)?;
                let items = tuple_slice(seq);
                // SAFETY: `t` holds `unit * n` items and `seq` `unit`; they
                // are different objects.
                unsafe { fill_repeated(t, tuple_items_ptr(t), items.as_ptr(), unit, n) };
                t
            }
            Kind::Bytes => { let b = bytes_slice(seq).repeat(n); self.new_bytes(&b) }
            _ => {
                let b = self.bytes_like(seq).unwrap().repeat(n);
                if inplace { self.bytearray_set(seq, &b); seq } else { self.new_bytearray(&b) }
            }
        })
    }

    pub fn unary_op(&mut self, v: Value, which: N) -> PyResult<Value> {
        if let Some(n) = self.as_num(v) {
            if !(v.is_ref() && self.is_heap_class(cls_of(v))) {
                return Ok(match (which, n) {
                    (N::neg, Num::Int(i)) => match i.checked_neg().and_then(Value::try_small) {
                        Some(r) => r, None => self.new_bigint(-num_bigint::BigInt::from(i)) },
                    (N::neg, Num::Big(b)) => self.new_bigint(-b),
                    (N::neg, Num::Float(f)) => self.new_float(-f),
                    (N::pos, Num::Float(f)) => self.new_float(f),
                    (N::pos, n) => self.num_to_value(n),
                    (N::invert, Num::Int(i)) => self.new_int(!i),
                    (N::invert, Num::Big(b)) => self.new_bigint(!b),
                    (N::abs, Num::Int(i)) => match i.checked_abs() { Some(a) => self.new_int(a), None => self.new_bigint(num_bigint::BigInt::from(i).magnitude().clone().into()) },
                    (N::abs, Num::Big(b)) => { use num_traits::Signed; self.new_bigint(b.abs()) }
                    (N::abs, Num::Float(f)) => self.new_float(f.abs()),
                    _ => return Err(self.unary_type_error(v, which)),
                });
            }
        }
        let cls = self.type_of(v);
        if let Some(m) = self.lookup_type(cls, self.n(which)) {
            return self.call(m, &[v]);
        }
        Err(self.unary_type_error(v, which))
    }

    fn unary_type_error(&mut self, v: Value, which: N) -> crate::vm::PyErr {
        let tn = self.type_name(v);
        if which == N::abs {
            return self.new_exc(Exc::TypeError, &format!("bad operand type for abs(): '{tn}'"));
        }
        let sym = match which { N::neg => "-", N::pos => "+", _ => "~" };
        self.new_exc(Exc::TypeError, &format!("bad operand type for unary {sym}: '{tn}'"))
    }

    /// `item in container`
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if container.is_ref() {
            let heap = self.is_heap_class(cls_of(container));
            match kind_of(container) {
                Kind::Dict if !heap => return Ok(self.dict_get(container, item)?.is_some()),
                Kind::Set | Kind::FrozenSet if !heap => {
                    let d = obj::<SetL>(container).dict;
                    let key = self.set_key(item)?;
                    return Ok(self.dict_get(d, key)?.is_some());
                }
                Kind::Str if !heap => {
                    if !self.is_str(item) {
                        let tn = self.type_name(item);
                        return Err(self.new_exc(Exc::TypeError, &format!("'in <string>' requires string as left operand, not {tn}")));
                    }
                    return Ok(str_ref(container).contains(str_ref(item)));
                }
                Kind::List | Kind::Tuple if !heap => {
                    let mut i = 0;
                    loop {
                        let x = match kind_of(container) {
                            Kind::List => { let s = list_slice(container); if i >= s.len() { break } s[i] }
                            _ => { let s = tuple_slice(container); if i >= s.len() { break } s[i] }
                        };
                        if x == item || self.eq(x, item)? { return Ok(true); }
                        i += 1;
                    }
                    return Ok(false);
                }
                Kind::Range if !heap => return self.range_contains(container, item),
                Kind::DictKeys => return Ok(self.dict_get(s4(container, 0), item)?.is_some()),
                Kind::Bytes | Kind::ByteArray if !heap => {
                    let hay = self.bytes_like(container).unwrap();
                    if self.is_int_like(item) && self.as_i64(item).is_none() {
                        return Err(self.new_exc(Exc::ValueError, "byte must be in range(0, 256)"));
                    }
                    if let Some(i) = self.as_i64(item) {
                        if !(0..256).contains(&i) { return Err(self.new_exc(Exc::ValueError, "byte must be in range(0, 256)")); }
                        return Ok(hay.contains(&(i as u8)));
                    }
                    let Some(needle) = self.bytes_like(item) else {
                        let tn = self.type_name(item);
                        return Err(self.new_exc(Exc::TypeError, &format!("a bytes-like object is required, not '{tn}'")));
                    };
                    return Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle.as_slice()));
                }
                _ => {}
            }
        }
        let cls = self.type_of(container);
        if let Some(m) = self.lookup_type(cls, self.n(N::contains)) {
            let r = self.call(m, &[container, item])?;
            return self.truthy(r);
        }
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.exc_matches(e, Exc::TypeError) => {
                let tn = self.type_name(container);
                return Err(self.new_exc(Exc::TypeError, &format!("argument of type '{tn}' is not iterable")));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(it)? {
            if x == item || self.eq(x, item)? { return Ok(true); }
        }
        Ok(false)
    }
}

#[inline]
pub fn cmp_result(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less, CmpOp::Le => o != Greater, CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal, CmpOp::Gt => o == Greater, CmpOp::Ge => o != Less,
    }
}

/// Exact comparison of two numbers (ints compare exactly with floats).
pub fn num_compare(x: &Num, y: &Num, op: CmpOp) -> bool {
    use num_bigint::BigInt;
    use num_traits::{FromPrimitive, ToPrimitive};
    let ord = match (x, y) {
        (Num::Int(a), Num::Int(b)) => a.cmp(b),
        (Num::Float(a), Num::Float(b)) => match a.partial_cmp(b) { Some(o) => o, None => return op == CmpOp::Ne },
        (Num::Float(f), other) | (other, Num::Float(f)) => {
            if f.is_nan() { return op == CmpOp::Ne; }
            let swapped = matches!(x, Num::Float(_)) == false;
            let i = match other { Num::Int(i) => BigInt::from(*i), Num::Big(b) => b.clone(), _ => unreachable!() };
            let o = if f.is_infinite() {
                if *f > 0.0 { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less }
            } else if let Some(small) = i.to_i64().filter(|v| v.unsigned_abs() < (1 << 53)) {
                f.partial_cmp(&(small as f64)).unwrap()
            } else {
                let fl = f.floor();
                let fi = BigInt::from_f64(fl).unwrap();
                match fi.cmp(&i) {
                    std::cmp::Ordering::Equal => if fl < *f { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal },
                    o => o,
                }
            };
            // `o` orders the float against the int.
            if swapped { o.reverse() } else { o }
        }
        (a, b) => {
            let a = match a { Num::Int(i) => BigInt::from(*i), Num::Big(b) => b.clone(), _ => unreachable!() };
            let b = match b { Num::Int(i) => BigInt::from(*i), Num::Big(b) => b.clone(), _ => unreachable!() };
            a.cmp(&b)
        }
    };
    cmp_result(ord, op)
}

/// A fast non-cryptographic string hash kept within 62 bits (stored as a
/// small int in dict entries). Not randomized: scripts must not depend on
/// str hash values, and CPython's are randomized anyway.
pub fn fx_hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap());
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517cc1b727220a95);
    }
    for &x in chunks.remainder() {
        h = (h.rotate_left(5) ^ x as u64).wrapping_mul(0x517cc1b727220a95);
    }
    h ^= b.len() as u64;
    h = (h ^ (h >> 29)).wrapping_mul(0xbf58476d1ce4e5b9);
    h ^= h >> 32;
    let r = (h >> 2) as i64;
    if r == -1 { -2 } else { r }
}

/// The default hash of an object: derived from its identity
/// (`heap::identity`, which a moving collector keeps stable while the
/// object lives), never from its current address.
pub fn identity_hash(v: Value) -> i64 {
    let id = if v.is_ref() { crate::heap::identity(v) as u64 } else { v.0 };
    let a = id >> 4;
    ((a ^ (a >> 32)) & ((1 << 61) - 1)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pre_interned_operator_names_spell_the_dunders() {
        for op in BinOp::ALL {
            let (a, r, i) = binop_names(op);
            assert_eq!((a.as_str(), r.as_str(), i.as_str()), op.dunders(), "{op:?}");
        }
        for op in CmpOp::ALL {
            let (a, r) = cmp_names(op);
            assert_eq!((a.as_str(), r.as_str()), op.dunders(), "{op:?}");
        }
    }
}
