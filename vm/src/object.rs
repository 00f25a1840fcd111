//! Classes, MRO, attribute lookup with descriptors, and instance storage with
//! shapes (hidden classes).
//!
//! Class flags live in `ClassL.flags` (bits below). `version` is a unique
//! number reassigned whenever the class or one of its bases changes, so a
//! cache entry keyed by version is valid exactly while nothing in its MRO has
//! changed. The VM's weak subclass registry (`Roots::subclasses`) lists
//! each class's subclasses, to propagate version changes.
//!
//! Instances store attributes in `slots` at indices given by their shape; a
//! shape maps names to indices and has transitions to child shapes. An
//! instance whose `__dict__` is taken (or that deletes attributes) switches to
//! dict mode: `shape` becomes NULL and `dict` holds everything.

use crate::heap::*;
use crate::names::N;
use crate::value::Value;
use crate::vm::{Exc, PyResult, Ty, Vm, PyErr};

pub mod cf {
    //! ClassL.flags bits.
    /// Defined by Python code (or `type(...)`), as opposed to builtin.
    pub const HEAP: u64 = 1;
    pub const HAS_GETATTR: u64 = 2;
    pub const HAS_GETATTRIBUTE: u64 = 4;
    pub const HAS_SETATTR: u64 = 8;
    pub const HAS_DEL: u64 = 16;
    /// A subclass of BaseException.
    pub const EXC: u64 = 32;
    /// Instances have no `__dict__`: only the names in `__slots__`.
    pub const SLOTS_ONLY: u64 = 64;
    pub const HAS_DELATTR: u64 = 128;
    /// Has `__set__`/`__get__` (a descriptor class).
    pub const HAS_GET: u64 = 256;
    pub const HAS_SET: u64 = 512;
    pub const HAS_EQ_OR_HASH: u64 = 1024;
    /// Instances' own attributes are found by their shape alone: no class
    /// in the MRO but `object` is builtin, none has a data descriptor (a
    /// property, a slot member, or an object whose class defines `__set__`
    /// or `__delete__`), and there is no Python `__getattribute__` or
    /// `__setattr__`. An attribute cache entry made for one class of a
    /// shape is then valid for this one too (polymorphic sites such as a
    /// base-class method called on instances of several subclasses).
    pub const PLAIN_ATTRS: u64 = 2048;
    /// A subclass was registered once (`Vm::subclasses_of` may find some):
    /// version changes must be propagated.
    pub const HAS_SUBCLASSES: u64 = 4096;
}

const MAX_SHAPE_ATTRS: usize = 64;

/// Whether a shape key is a slot member's hidden key (see `member_key`).
#[inline]
pub fn is_member_key(k: Value) -> bool { str_bytes(k).first() == Some(&0) }
const MCACHE_SIZE: usize = 4096;

/// A direct-mapped cache of MRO lookups: (class version, interned name) ->
/// found value. Entries are only trusted while the version matches, and
/// versions are never reused, so stale entries are harmless. The name and
/// value words are addresses: the VM's root source visits them as precise
/// roots ([`trace_method_cache`]), so a moving collector updates them (and
/// a stale name address can never match a new string allocated there).
pub struct MethodCache {
    entries: Vec<(u64, u64, Value)>,
}
impl Default for MethodCache {
    fn default() -> Self { MethodCache { entries: vec![(0, 0, Value::NULL); MCACHE_SIZE] } }
}

thread_local! {
    static MCACHE: std::cell::RefCell<MethodCache> = std::cell::RefCell::new(MethodCache::default());
}

/// Visits the name and value of every method-cache entry of this thread
/// whose version lies in `[base, base + range)` (one VM's versions; see
/// `Vm::fresh_version`): called from the VM's `precise_roots`. Entries of
/// another VM that ran on this thread are emptied instead, since their
/// addresses belong to another heap. A full collection empties the whole
/// cache (`Tracer::drops_cache_roots`): entries of classes that were
/// changed or died would otherwise keep their values (functions, and what
/// their closures and defaults hold) alive until overwritten.
pub fn trace_method_cache(base: u64, range: u64, t: &mut dyn skiff_gc::Tracer) {
    MCACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else { panic!("method cache borrowed during a collection") };
        if t.drops_cache_roots() {
            c.entries.fill((0, 0, Value::NULL));
            return;
        }
        for e in c.entries.iter_mut() {
            if e.0 == 0 { continue; }
            if e.0.wrapping_sub(base) >= range {
                *e = (0, 0, Value::NULL);
                continue;
            }
            t.visit(&mut e.1 as *mut u64);
            t.visit(&mut e.2 as *mut Value as *mut u64);
        }
    });
}

impl Vm {
    #[inline(always)]
    pub fn class_flags(&self, cls: Value) -> u64 { obj::<ClassL>(cls).flags }
    #[inline(always)]
    pub fn is_heap_class(&self, cls: Value) -> bool { obj::<ClassL>(cls).flags & cf::HEAP != 0 }
    pub fn is_class(&self, v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Class }
    pub fn is_builtin_fn(&self, v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Builtin }
    pub fn class_name(&self, cls: Value) -> &'static str { str_ref(obj::<ClassL>(cls).name) }

    /// Finds `name` (an interned str) along the MRO of `cls`.
    #[inline]
    pub fn lookup_type(&mut self, cls: Value, name: Value) -> Option<Value> {
        let version = obj::<ClassL>(cls).version;
        let slot = ((version.wrapping_mul(0x9E3779B97F4A7C15) ^ (name.0 >> 3)) as usize) & (MCACHE_SIZE - 1);
        let hit = MCACHE.with(|c| {
            let e = c.borrow().entries[slot];
            if e.0 == version && e.1 == name.0 { Some(e.2) } else { None }
        });
        if let Some(v) = hit { return if v.is_null() { None } else { Some(v) }; }
        let found = self.lookup_type_uncached(cls, name);
        MCACHE.with(|c| c.borrow_mut().entries[slot] = (version, name.0, found.unwrap_or(Value::NULL)));
        found
    }

    pub fn lookup_type_uncached(&mut self, cls: Value, name: Value) -> Option<Value> {
        let mro = obj::<ClassL>(cls).mro;
        if mro.is_null() {
            return self.dict_get_str(obj::<ClassL>(cls).dict, name);
        }
        for &c in tuple_slice(mro) {
            if let Some(v) = self.dict_get_str(obj::<ClassL>(c).dict, name) { return Some(v); }
        }
        None
    }
    pub fn lookup_type_str(&mut self, cls: Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_type(cls, n)
    }

    pub fn is_subclass(&self, a: Value, b: Value) -> bool {
        if a == b { return true; }
        let mro = obj::<ClassL>(a).mro;
        if mro.is_null() { return false; }
        tuple_slice(mro).contains(&b)
    }
    #[inline]
    pub fn isinstance(&self, v: Value, cls: Value) -> bool {
        self.is_subclass(self.type_of(v), cls)
    }

    /// Whether `m` is `object.__hash__`.
    pub fn is_builtin_object_hash(&mut self, m: Value) -> bool {
        let o = self.ty(Ty::Object);
        self.dict_get_str(obj::<ClassL>(o).dict, self.n(N::hash)) == Some(m)
    }
    pub fn is_object_str(&mut self, m: Value) -> bool {
        let o = self.ty(Ty::Object);
        self.dict_get_str(obj::<ClassL>(o).dict, self.n(N::str)) == Some(m)
    }

    // -- class creation ------------------------------------------------------

    /// Allocates a class object (no MRO or flags computed yet).
    pub fn alloc_class(&mut self, meta: Value, name: &str, bases: Value, dict: Value, layout: Kind) -> Value {
        let nm = self.new_str(name);
        let c = self.alloc(Kind::Class, meta, std::mem::size_of::<ClassL>());
        set_field!(c, ClassL, name, nm);
        set_field!(c, ClassL, qualname, nm);
        set_field!(c, ClassL, bases, bases);
        set_field!(c, ClassL, dict, dict);
        let o = obj::<ClassL>(c);
        o.layout = layout as u32;
        o.version = self.fresh_version();
        c
    }

    /// C3 linearisation of `cls` given its bases.
    pub fn compute_mro(&mut self, cls: Value) -> PyResult<Value> {
        let bases = tuple_slice(obj::<ClassL>(cls).bases).to_vec();
        for (i, &b) in bases.iter().enumerate() {
            if bases[..i].contains(&b) {
                let n = self.class_name(b);
                return Err(self.new_exc(Exc::TypeError, &format!("duplicate base class {n}")));
            }
        }
        let mut seqs: Vec<Vec<Value>> = Vec::new();
        for &b in &bases {
            seqs.push(tuple_slice(obj::<ClassL>(b).mro).to_vec());
        }
        seqs.push(bases.clone());
        // `seqs`, `bases` and `out` are Rust copies: nothing allocates on the
        // GC heap until the result is built from `out` by `rooted_tuple`
        // (which roots them first); the error paths format names first.
        let mut out = vec![cls];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() { break; }
            let mut cand = None;
            for s in &seqs {
                let h = s[0];
                if !seqs.iter().any(|t| t[1..].contains(&h)) { cand = Some(h); break; }
            }
            let Some(c) = cand else {
                // CPython lists the heads that could not be placed.
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs { if !heads.contains(&s[0]) { heads.push(s[0]); } }
                let names: Vec<String> = heads.iter().map(|&b| self.class_name(b).to_string()).collect();
                return Err(self.new_exc(Exc::TypeError, &format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", "))));
            };
            out.push(c);
            for s in seqs.iter_mut() { if s[0] == c { s.remove(0); } }
        }
        Ok(self.rooted_tuple(&out))
    }

    /// Recomputes the flags that depend on what the MRO defines.
    pub fn update_class_flags(&mut self, cls: Value) {
        let mut f = obj::<ClassL>(cls).flags & (cf::HEAP | cf::EXC | cf::SLOTS_ONLY);
        let object = self.ty(Ty::Object);
        let defined_in_heap = |vm: &mut Vm, n: N| -> bool {
            let name = vm.n(n);
            let mro = obj::<ClassL>(cls).mro;
            for &c in tuple_slice(mro) {
                if c == object { return false; }
                if vm.dict_get_str(obj::<ClassL>(c).dict, name).is_some() { return vm.is_heap_class(c); }
            }
            false
        };
        if defined_in_heap(self, N::getattr) { f |= cf::HAS_GETATTR; }
        if defined_in_heap(self, N::getattribute) { f |= cf::HAS_GETATTRIBUTE; }
        if defined_in_heap(self, N::setattr) { f |= cf::HAS_SETATTR; }
        if defined_in_heap(self, N::delattr) { f |= cf::HAS_DELATTR; }
        if defined_in_heap(self, N::del) { f |= cf::HAS_DEL; }
        if defined_in_heap(self, N::get) { f |= cf::HAS_GET; }
        if defined_in_heap(self, N::set) || defined_in_heap(self, N::delete) { f |= cf::HAS_SET; }
        if f & (cf::HEAP | cf::HAS_GETATTRIBUTE | cf::HAS_SETATTR) == cf::HEAP && self.mro_has_no_data_descriptors(cls) {
            f |= cf::PLAIN_ATTRS;
        }
        // Read again: lookups above may have run code that made a subclass.
        f |= obj::<ClassL>(cls).flags & cf::HAS_SUBCLASSES;
        obj::<ClassL>(cls).flags = f;
    }

    /// For `cf::PLAIN_ATTRS`: every class of `cls`'s MRO but `object` is a
    /// heap class whose dict holds no data descriptor.
    fn mro_has_no_data_descriptors(&mut self, cls: Value) -> bool {
        let object = self.ty(Ty::Object);
        let mro = obj::<ClassL>(cls).mro;
        if mro.is_null() { return false; }
        for &c in tuple_slice(mro) {
            if c == object { continue; }
            if !self.is_heap_class(c) { return false; }
            let d = obj::<ClassL>(c).dict;
            for e in 0..self.dict_used(d) {
                let Some((_, v)) = self.dict_entry(d, e) else { continue };
                if !v.is_ref() { continue; }
                let data = match kind_of(v) {
                    Kind::Property | Kind::Member => true,
                    _ => {
                        let vc = cls_of(v);
                        self.is_heap_class(vc) && obj::<ClassL>(vc).flags & cf::HAS_SET != 0
                    }
                };
                if data { return false; }
            }
        }
        true
    }

    /// Marks `cls` and all its subclasses changed. Recursive over the
    /// subclass lists, read by index, so no class sits in a Rust Vec while
    /// `update_class_flags` runs (its lookups may call a key's `__eq__`).
    pub fn invalidate_class(&mut self, cls: Value) {
        self.invalidate_class_with(cls, true);
    }

    /// [`Vm::invalidate_class`], recomputing the class flags only if
    /// `update_flags`: a store of a name that no flag depends on, of a value
    /// that is not a data descriptor over one that was not either, changes
    /// versions only (`Base.count += 1` would otherwise look up eight
    /// dunders along the MRO of the class and of every subclass).
    fn invalidate_class_with(&mut self, cls: Value, update_flags: bool) {
        obj::<ClassL>(cls).version = self.fresh_version();
        if update_flags { self.update_class_flags(cls); }
        if obj::<ClassL>(cls).flags & cf::HAS_SUBCLASSES == 0 { return; }
        let subs = self.subclasses_of(cls);
        let mut i = 0;
        while i < list_slice(subs).len() {
            let c = list_slice(subs)[i];
            self.invalidate_class_with(c, update_flags);
            i += 1;
        }
    }

    /// Whether storing `new` over `old` (NULL: absent) under `name` in a
    /// class dict may change the flags `update_class_flags` computes: a
    /// name it looks up, or a data descriptor coming or going
    /// (`cf::PLAIN_ATTRS`).
    fn class_store_affects_flags(&self, name: Value, old: Value, new: Value) -> bool {
        let names = [N::getattr, N::getattribute, N::setattr, N::delattr, N::del, N::get, N::set, N::delete];
        if names.iter().any(|&n| name == self.n(n)) { return true; }
        let data = |v: Value| v.is_ref() && match kind_of(v) {
            Kind::Property | Kind::Member => true,
            _ => { let vc = cls_of(v); self.is_heap_class(vc) && obj::<ClassL>(vc).flags & cf::HAS_SET != 0 }
        };
        data(old) || data(new)
    }

    /// `cls.__bases__ = v` (CPython's `type_set_bases`): a non-empty tuple
    /// of classes, none of them `cls` or one of its subclasses, giving
    /// instances the same layout. The MROs of `cls` and of all its
    /// subclasses are recomputed (all restored if one fails), the subclass
    /// lists follow, and every cache keyed by their versions is invalidated.
    /// Bases with `__slots__` are refused: their slot layouts would have to
    /// be compared member by member.
    pub fn set_class_bases(&mut self, cls: Value, v: Value) -> PyResult<()> {
        let cn = self.class_name(cls).to_string();
        if !(v.is_ref() && kind_of(v) == Kind::Tuple) {
            let tn = self.type_name(v);
            return Err(self.new_exc(Exc::TypeError, &format!("can only assign tuple to {cn}.__bases__, not {tn}")));
        }
        if tuple_slice(v).is_empty() {
            return Err(self.new_exc(Exc::TypeError, &format!("can only assign non-empty tuple to {cn}.__bases__, not ()")));
        }
        let old = obj::<ClassL>(cls).bases;
        let object = self.ty(Ty::Object);
        let has_slots = |vm: &mut Vm, b: Value| b != object && vm.dict_get_str(obj::<ClassL>(b).dict, vm.n(N::slots)).is_some();
        for i in 0..tuple_slice(v).len() {
            let b = tuple_slice(v)[i];
            if !self.is_class(b) {
                let tn = self.type_name(b);
                return Err(self.new_exc(Exc::TypeError, &format!("{cn}.__bases__ must be tuple of classes, not '{tn}'")));
            }
            if self.is_subclass(b, cls) {
                return Err(self.new_exc(Exc::TypeError, "a __bases__ item causes an inheritance cycle"));
            }
            let old0 = tuple_slice(old)[0];
            if self.layout_of(b) != self.layout_of(old0) && self.layout_of(b) != Kind::Instance
                || has_slots(self, b) || (0..tuple_slice(old).len()).any(|j| { let ob = tuple_slice(old)[j]; has_slots(self, ob) })
            {
                let (bn, on) = (self.class_name(b), self.class_name(old0));
                return Err(self.new_exc(Exc::TypeError, &format!("__bases__ assignment: '{bn}' object layout differs from '{on}'")));
            }
        }
        // The new MROs, computed before anything changes (restored on error).
        set_field!(cls, ClassL, bases, v);
        let affected = self.new_list(&[cls]);
        let mut i = 0;
        while i < list_slice(affected).len() {
            let c = list_slice(affected)[i];
            let subs = self.subclasses_of(c);
            for j in 0..list_slice(subs).len() {
                let s = list_slice(subs)[j];
                if !list_slice(affected).contains(&s) { self.list_append(affected, s); }
            }
            i += 1;
        }
        let old_mros = self.new_list(&[]);
        for i in 0..list_slice(affected).len() {
            let c = list_slice(affected)[i];
            self.list_append(old_mros, obj::<ClassL>(c).mro);
        }
        for i in 0..list_slice(affected).len() {
            let c = list_slice(affected)[i];
            match self.compute_mro(c) {
                Ok(m) => set_field!(c, ClassL, mro, m),
                Err(e) => {
                    set_field!(cls, ClassL, bases, old);
                    for j in 0..list_slice(affected).len() {
                        let (c, m) = (list_slice(affected)[j], list_slice(old_mros)[j]);
                        set_field!(c, ClassL, mro, m);
                    }
                    return Err(e);
                }
            }
        }
        for i in 0..tuple_slice(old).len() {
            let b = tuple_slice(old)[i];
            let mut pairs = self.r.subclasses.borrow_mut();
            if let Some(k) = pairs.iter().position(|&p| p == [b, cls]) {
                pairs.remove(k);
            }
        }
        for i in 0..tuple_slice(v).len() {
            let b = tuple_slice(v)[i];
            self.register_subclass(b, cls);
        }
        self.invalidate_class(cls);
        Ok(())
    }

    /// Lists `sub` as a subclass of `base`, weakly (`Roots::subclasses`).
    fn register_subclass(&mut self, base: Value, sub: Value) {
        obj::<ClassL>(base).flags |= cf::HAS_SUBCLASSES;
        let mut pairs = self.r.subclasses.borrow_mut();
        // Pairs of dead classes (zeroed by collections) are dropped when
        // the registry has doubled since the last time, so registering
        // stays amortised O(1).
        if pairs.len() >= self.r.subclasses_purge_at.get() {
            pairs.retain(|p| !p[0].is_null() && !p[1].is_null());
            self.r.subclasses_purge_at.set((2 * pairs.len()).max(64));
        }
        pairs.push([base, sub]);
    }

    /// The live subclasses of `cls`, oldest first, in a new list: what
    /// `__subclasses__()` returns. A list on the heap (not a Rust Vec), so
    /// its items stay valid while the caller runs code that allocates.
    pub fn subclasses_of(&mut self, cls: Value) -> Value {
        if obj::<ClassL>(cls).flags & cf::HAS_SUBCLASSES == 0 {
            return self.new_list(&[]);
        }
        // Rooted before anything allocates: the registry alone would let a
        // collection free or move them.
        let subs = crate::vm::RootedVec::new(&self.r);
        for p in self.r.subclasses.borrow().iter() {
            if p[0] == cls && !p[1].is_null() {
                subs.push(p[1]);
            }
        }
        subs.to_list(self)
    }

    /// `type(name, bases, dict)` with metaclass `meta`: the full class
    /// creation protocol except calling the metaclass itself.
    pub fn new_class(&mut self, meta: Value, name: &str, bases: Value, ns: Value) -> PyResult<Value> {
        self.new_class_kw(meta, name, bases, ns, &[], Value::NULL)
    }

    /// Class creation with the class statement's extra keywords, which are
    /// passed on to `__init_subclass__` (`kwvals` named by the tuple `kwnames`).
    pub fn new_class_kw(&mut self, meta: Value, name: &str, bases: Value, ns: Value, kwvals: &[Value], kwnames: Value) -> PyResult<Value> {
        let object = self.ty(Ty::Object);
        let bases = if tuple_slice(bases).is_empty() { self.new_tuple(&[object]) } else { bases };
        // Layout: the most derived builtin layout among the bases.
        let mut layout = Kind::Instance;
        let mut flags = cf::HEAP;
        for &b in tuple_slice(bases) {
            if !self.is_class(b) {
                return Err(self.new_exc(Exc::TypeError, "bases must be types"));
            }
            if b == self.ty(Ty::Bool) || b == self.ty(Ty::Range) || b == self.ty(Ty::Slice) || b == self.ty(Ty::Function) {
                let bn = self.class_name(b);
                return Err(self.new_exc(Exc::TypeError, &format!("type '{bn}' is not an acceptable base type")));
            }
            let bl = self.layout_of(b);
            if bl != Kind::Instance {
                if layout != Kind::Instance && layout != bl {
                    return Err(self.new_exc(Exc::TypeError, "multiple bases have instance lay-out conflict"));
                }
                layout = bl;
            }
            flags |= obj::<ClassL>(b).flags & cf::EXC;
        }
        let dict = self.dict_copy(ns);
        let cls = self.alloc_class(meta, name, bases, dict, layout);
        obj::<ClassL>(cls).flags = flags;
        if let Some(q) = self.dict_get_str(dict, self.n(N::qualname)) {
            if self.is_str(q) { set_field!(cls, ClassL, qualname, q); }
            self.dict_del(dict, self.n(N::qualname))?;
        }
        if self.dict_get_str(dict, self.n(N::module)).is_none() {
            let f = self.r.frame.get();
            if !f.is_null() {
                let g = obj::<FrameL>(f).globals;
                if let Some(m) = self.dict_get_str(g, self.n(N::name)) { self.dict_set_str(dict, "__module__", m); }
            }
        }
        if let Some(m) = self.dict_get_str(dict, self.n(N::module)) { set_field!(cls, ClassL, module, m); }
        if self.dict_get_str(dict, self.n(N::doc)).is_none() {
            self.dict_set_str(dict, "__doc__", Value::NONE);
        }
        let mro = self.compute_mro(cls)?;
        set_field!(cls, ClassL, mro, mro);
        // __slots__
        if let Some(slots) = self.dict_get_str(dict, self.n(N::slots)) {
            let names_l = if self.is_str(slots) { self.new_list(&[slots]) } else { self.collect_list(slots)? };
            let names = crate::iter::Items(names_l);
            let mut has_dict = false;
            for &n in &names {
                if !self.is_str(n) {
                    let tn = self.type_name(n);
                    return Err(self.new_exc(Exc::TypeError, &format!("__slots__ items must be strings, not '{tn}'")));
                }
                if str_ref(n) == "__dict__" { has_dict = true; }
            }
            // Private names are mangled like any other `__name` in the class.
            let cname = str_ref(obj::<ClassL>(cls).name).trim_start_matches('_').to_string();
            // Interned names go straight into the class's slots tuple (storage rule).
            let t = self.alloc_tuple(names.len());
            for i in 0..names.len() { tuple_init(t, i, Value::NONE); }
            for (i, &n) in names.iter().enumerate() {
                let s = str_ref(n);
                let v = if s.starts_with("__") && !s.ends_with("__") && !cname.is_empty() {
                    self.intern(&format!("_{cname}{s}"))
                } else {
                    self.intern(s)
                };
                tuple_init(t, i, v);
            }
            let t = if names.is_empty() { self.new_tuple(&[]) } else { t };
            let interned = tuple_slice(t);
            set_field!(cls, ClassL, slots, t);
            let bases_slotted = tuple_slice(mro)[1..].iter().all(|&c| {
                c == object || !self.is_heap_class(c) || obj::<ClassL>(c).flags & cf::SLOTS_ONLY != 0
            });
            if !has_dict && bases_slotted { obj::<ClassL>(cls).flags |= cf::SLOTS_ONLY; }
            for &n in interned {
                if self.dict_get_str(dict, n).is_some() {
                    let s = str_ref(n);
                    return Err(self.new_exc(Exc::ValueError, &format!("'{s}' in __slots__ conflicts with class variable")));
                }
            }
            // Each slot gets a member descriptor in the class namespace.
            for &n in interned {
                let s = str_ref(n);
                if s == "__dict__" || s == "__weakref__" { continue; }
                let key = self.member_key(s);
                let m = self.new_obj4(Kind::Member, self.ty(Ty::Member), [n, cls, key, Value::NULL]);
                self.dict_set(dict, n, m)?;
            }
        }
        // Implicit classmethod/staticmethod conversions.
        for n in [N::init_subclass, N::class_getitem] {
            if let Some(f) = self.dict_get_str(dict, self.n(n)) {
                if f.is_ref() && kind_of(f) == Kind::Function {
                    let cm = self.new_obj4(Kind::ClassMethod, self.ty(Ty::ClassMethod), [f, Value::NULL, Value::NULL, Value::NULL]);
                    self.dict_set_str(dict, n.as_str(), cm);
                }
            }
        }
        if let Some(f) = self.dict_get_str(dict, self.n(N::new)) {
            if f.is_ref() && kind_of(f) == Kind::Function {
                let sm = self.new_obj4(Kind::StaticMethod, self.ty(Ty::StaticMethod), [f, Value::NULL, Value::NULL, Value::NULL]);
                self.dict_set_str(dict, "__new__", sm);
            }
        }
        // A class defining __eq__ but not __hash__ is unhashable.
        if self.dict_get_str(dict, self.n(N::eq)).is_some() && self.dict_get_str(dict, self.n(N::hash)).is_none() {
            self.dict_set_str(dict, "__hash__", Value::NONE);
        }
        self.update_class_flags(cls);
        // By index: registering allocates, and `bases` (a local) is what
        // a moving collector keeps up to date.
        for i in 0..tuple_slice(bases).len() { let b = tuple_slice(bases)[i]; self.register_subclass(b, cls); }
        // __set_name__ on attributes, then __init_subclass__ on the parent.
        for (k, v) in self.dict_items(dict) {
            let vt = self.type_of(v);
            if self.is_heap_class(vt) {
                if let Some(m) = self.lookup_type(vt, self.n(N::set_name)) {
                    self.call(m, &[v, cls, k])?;
                }
            }
        }
        let sup = tuple_slice(mro).get(1).copied().unwrap_or(object);
        if let Some(m) = self.lookup_type(sup, self.n(N::init_subclass)) {
            let inner = if m.is_ref() && kind_of(m) == Kind::ClassMethod { s4(m, 0) } else { m };
            if !self.is_builtin_fn(inner) {
                let bound = self.bind_descriptor(m, cls, cls)?;
                self.call_kw(bound, kwvals, kwnames)?;
            } else if !kwvals.is_empty() {
                let cn = self.class_name(cls).to_string();
                return Err(self.new_exc(Exc::TypeError, &format!("{cn}.__init_subclass__() takes no keyword arguments")));
            }
        }
        Ok(cls)
    }

    pub fn layout_of(&self, cls: Value) -> Kind {
        // SAFETY-free transmute via table lookup.
        Kind::ALL[obj::<ClassL>(cls).layout as usize]
    }

    // -- instances -------------------------------------------------------------

    pub fn new_instance(&mut self, cls: Value) -> Value {
        let n = obj::<ClassL>(cls).inst_slots as usize;
        let v = self.alloc(Kind::Instance, cls, std::mem::size_of::<InstanceL>() + 8 * n);
        obj::<InstanceL>(v).ninline = n;
        let root = self.r.root_shape.get();
        set_field!(v, InstanceL, shape, root);
        if obj::<ClassL>(cls).flags & cf::HAS_DEL != 0 {
            // SAFETY: `v` is a live object of the active heap.
            unsafe { self.heap.gc.register_finalizer(v.addr() as *mut skiff_gc::Header) };
        }
        v
    }

    fn shape_lookup(&mut self, shape: Value, name: Value) -> Option<usize> {
        let t = obj::<ShapeL>(shape).table;
        if t.is_null() { return None; }
        self.dict_get_str(t, name).map(|v| v.int() as usize)
    }

    /// Reads an instance attribute from its own storage. An instance keeps
    /// attributes in its shape storage; in dict mode `dict` holds the
    /// ordinary ones while the shape (if any) holds only slot members, whose
    /// keys are hidden names (see `member_key`).
    #[inline]
    pub fn instance_get(&mut self, inst: Value, name: Value) -> Option<Value> {
        let o = obj::<InstanceL>(inst);
        let (shape, dict) = (o.shape, o.dict);
        if !shape.is_null() {
            if let Some(i) = self.shape_lookup(shape, name) {
                let v = inst_slot(inst, i);
                return if v.is_null() { None } else { Some(v) };
            }
        }
        if dict.is_null() { return None; }
        self.dict_get_str(dict, name)
    }

    /// The index of `name` in the instance's slots and the shape it was found
    /// in, for inline caches.
    pub fn instance_slot_index(&mut self, inst: Value, name: Value) -> Option<(Value, usize)> {
        let shape = obj::<InstanceL>(inst).shape;
        if shape.is_null() { return None; }
        let i = self.shape_lookup(shape, name)?;
        Some((shape, i))
    }

    pub fn instance_set(&mut self, inst: Value, name: Value, v: Value) -> PyResult<()> {
        let shape = obj::<InstanceL>(inst).shape;
        if !shape.is_null() {
            if let Some(i) = self.shape_lookup(shape, name) {
                inst_set_slot(inst, i, v);
                return Ok(());
            }
        }
        let dict = obj::<InstanceL>(inst).dict;
        if !dict.is_null() && !is_member_key(name) {
            return self.dict_set(dict, name, v);
        }
        if shape.is_null() {
            // Dict mode without any slot member yet: start a shape for them.
            let root = self.r.root_shape.get();
            set_field!(inst, InstanceL, shape, root);
            return self.instance_set(inst, name, v);
        }
        let count = obj::<ShapeL>(shape).count;
        if count >= MAX_SHAPE_ATTRS && !is_member_key(name) {
            self.instance_to_dict_mode(inst);
            return self.instance_set(inst, name, v);
        }
        let child = self.shape_transition(shape, name);
        if !inst_has_slot(inst, count) {
            let slots = obj::<InstanceL>(inst).slots;
            let cap = if slots.is_null() { 0 } else { obj::<ArrayL>(slots).cap };
            let ncap = (cap * 2).max(4);
            let ns = self.new_array(ncap);
            if cap > 0 { array_copy(slots, 0, ns, 0, cap); }
            set_field!(inst, InstanceL, slots, ns);
        }
        inst_set_slot(inst, count, v);
        set_field!(inst, InstanceL, shape, child);
        // Later instances of the class get this many slots inline.
        let cls = obj::<ObjHead>(inst).cls;
        let co = obj::<ClassL>(cls);
        if (co.inst_slots as usize) <= count && count < MAX_INLINE_SLOTS {
            co.inst_slots = count as u32 + 1;
        }
        Ok(())
    }

    fn shape_transition(&mut self, shape: Value, name: Value) -> Value {
        let mut tr = obj::<ShapeL>(shape).transitions;
        if !tr.is_null() {
            if let Some(c) = self.dict_get_str(tr, name) { return c; }
        } else {
            tr = self.new_dict();
            set_field!(shape, ShapeL, transitions, tr);
        }
        let parent_table = obj::<ShapeL>(shape).table;
        let table = if parent_table.is_null() { self.new_dict() } else { self.dict_copy(parent_table) };
        let count = obj::<ShapeL>(shape).count;
        self.dict_set(table, name, Value::small(count as i64)).expect("str key");
        let child = self.alloc(Kind::Shape, Value::NULL, std::mem::size_of::<ShapeL>());
        set_field!(child, ShapeL, parent, shape);
        set_field!(child, ShapeL, key, name);
        set_field!(child, ShapeL, table, table);
        obj::<ShapeL>(child).count = count + 1;
        self.dict_set(tr, name, child).expect("str key");
        child
    }

    /// Moves an instance's ordinary attributes into a dict (used by
    /// `__dict__`, attribute deletion and very many attributes). Slot
    /// members stay in shape storage under a shape that holds only them.
    pub fn instance_to_dict_mode(&mut self, inst: Value) -> Value {
        let d0 = obj::<InstanceL>(inst).dict;
        if !d0.is_null() { return d0; }
        let shape = obj::<InstanceL>(inst).shape;
        let d = self.new_dict();
        let members = self.new_list(&[]);
        if !shape.is_null() {
            let table = obj::<ShapeL>(shape).table;
            if !table.is_null() {
                // Entries in slot order, so the rebuilt member shape is shared.
                // Only integers are kept in Rust memory (table entry, slot):
                // the loop allocates, so keys are read from the table (which
                // it does not change) each time.
                let mut entries: Vec<(usize, usize)> = (0..self.dict_used(table))
                    .filter_map(|e| self.dict_entry(table, e).map(|(_, i)| (e, i.int() as usize))).collect();
                entries.sort_by_key(|e| e.1);
                for (e, idx) in entries {
                    let Some((k, _)) = self.dict_entry(table, e) else { continue };
                    let v = inst_slot(inst, idx);
                    if v.is_null() { continue; }
                    if is_member_key(k) {
                        self.list_append(members, k);
                        self.list_append(members, v);
                    } else {
                        self.dict_set(d, k, v).expect("str key");
                    }
                }
            }
        }
        set_field!(inst, InstanceL, dict, d);
        set_field!(inst, InstanceL, shape, Value::NULL);
        inst_clear_slots(inst);
        // By index from the GC list: instance_set allocates.
        let mut i = 0;
        while i + 1 < list_slice(members).len() {
            let (k, v) = (list_slice(members)[i], list_slice(members)[i + 1]);
            self.instance_set(inst, k, v).expect("member store");
            i += 2;
        }
        std::hint::black_box(members);
        d
    }

    fn instance_del(&mut self, inst: Value, name: Value) -> PyResult<bool> {
        if is_member_key(name) {
            if let Some((_, i)) = self.instance_slot_index(inst, name) {
                if !inst_slot(inst, i).is_null() { inst_set_slot(inst, i, Value::NULL); return Ok(true); }
            }
            return Ok(false);
        }
        let d = self.instance_to_dict_mode(inst);
        Ok(self.dict_del(d, name)?.is_some())
    }

    /// The hidden storage key of slot member `name` (not a valid identifier,
    /// so it never collides with an ordinary attribute).
    pub fn member_key(&mut self, name: &str) -> Value {
        self.intern(&format!("\0{name}"))
    }

    // -- descriptors --------------------------------------------------------------

    /// Binds a class attribute found for `inst` (which may be NULL when looked
    /// up on the class `owner` itself).
    pub fn bind_descriptor(&mut self, attr: Value, inst: Value, owner: Value) -> PyResult<Value> {
        if !attr.is_ref() { return Ok(attr); }
        match kind_of(attr) {
            Kind::Function => {
                if inst.is_null() { Ok(attr) } else { Ok(self.new_bound_method(attr, inst)) }
            }
            Kind::Builtin => {
                if inst.is_null() || !obj::<BuiltinL>(attr).bound.is_null() || !binds_as_method(attr) { return Ok(attr); }
                let b = self.alloc(Kind::Builtin, self.ty(Ty::BuiltinFunction), std::mem::size_of::<BuiltinL>());
                let src = obj::<BuiltinL>(attr);
                let (name, qual, fptr, flags) = (src.name, src.qualname, src.fptr, src.flags);
                set_field!(b, BuiltinL, name, name);
                set_field!(b, BuiltinL, qualname, qual);
                set_field!(b, BuiltinL, bound, inst);
                obj::<BuiltinL>(b).fptr = fptr;
                obj::<BuiltinL>(b).flags = flags;
                Ok(b)
            }
            Kind::StaticMethod => Ok(s4(attr, 0)),
            Kind::ClassMethod => Ok(self.new_bound_method(s4(attr, 0), owner)),
            Kind::Property => {
                if inst.is_null() { return Ok(attr); }
                let fget = s4(attr, 0);
                if fget.is_null() || fget == Value::NONE {
                    return Err(self.new_exc(Exc::AttributeError, "property has no getter"));
                }
                self.call(fget, &[inst])
            }
            _ => {
                let at = cls_of(attr);
                if obj::<ClassL>(at).flags & cf::HAS_GET != 0 {
                    let g = self.lookup_type(at, self.n(N::get)).unwrap();
                    let i = if inst.is_null() { Value::NONE } else { inst };
                    return self.call(g, &[attr, i, owner]);
                }
                Ok(attr)
            }
        }
    }

    fn is_data_descriptor(&self, attr: Value) -> bool {
        attr.is_ref() && match kind_of(attr) {
            Kind::Property | Kind::Member => true,
            Kind::Instance => obj::<ClassL>(cls_of(attr)).flags & cf::HAS_SET != 0,
            _ => false,
        }
    }

    // -- getattr ------------------------------------------------------------------

    /// `getattr(obj, name)`; `name` must be an interned str.
    pub fn getattr(&mut self, o: Value, name: Value) -> PyResult<Value> {
        match self.getattr_opt(o, name)? {
            Some(v) => Ok(v),
            None => Err(self.attr_error(o, name)),
        }
    }

    pub fn attr_error(&mut self, o: Value, name: Value) -> PyErr {
        let n = str_ref(name);
        if self.is_class(o) {
            let cn = self.class_name(o);
            return self.new_exc(Exc::AttributeError, &format!("type object '{cn}' has no attribute '{n}'"));
        }
        if o.is_ref() && kind_of(o) == Kind::Module {
            let mn = str_ref(s4(o, 0));
            return self.new_exc(Exc::AttributeError, &format!("module '{mn}' has no attribute '{n}'"));
        }
        let tn = self.type_name(o);
        self.new_exc(Exc::AttributeError, &format!("'{tn}' object has no attribute '{n}'"))
    }

    /// Like `getattr`, but Ok(None) instead of raising AttributeError (other
    /// errors propagate).
    pub fn getattr_opt(&mut self, o: Value, name: Value) -> PyResult<Option<Value>> {
        let cls = self.type_of(o);
        let flags = obj::<ClassL>(cls).flags;
        if flags & (cf::HAS_GETATTRIBUTE | cf::HAS_GETATTR) == 0 {
            return self.generic_getattr(o, name);
        }
        let r = if flags & cf::HAS_GETATTRIBUTE != 0 {
            let m = self.lookup_type(cls, self.n(N::getattribute)).unwrap();
            match self.call(m, &[o, name]) {
                Ok(v) => Some(v),
                Err(e) if self.exc_matches(e, Exc::AttributeError) => {
                    if flags & cf::HAS_GETATTR == 0 { return Err(e); }
                    None
                }
                Err(e) => return Err(e),
            }
        } else {
            match self.generic_getattr(o, name) {
                Ok(v) => v,
                Err(e) if self.exc_matches(e, Exc::AttributeError) => None,
                Err(e) => return Err(e),
            }
        };
        if r.is_some() { return Ok(r); }
        if flags & cf::HAS_GETATTR != 0 {
            let m = self.lookup_type(cls, self.n(N::getattr)).unwrap();
            return match self.call(m, &[o, name]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.exc_matches(e, Exc::AttributeError) => Err(e),
                Err(e) => Err(e),
            };
        }
        Ok(None)
    }

    /// `object.__getattribute__`: descriptors, instance storage, class.
    pub fn generic_getattr(&mut self, o: Value, name: Value) -> PyResult<Option<Value>> {
        if o.is_ref() {
            match kind_of(o) {
                Kind::Class => return self.type_getattr(o, name),
                Kind::Module => {
                    let d = s4(o, 1);
                    if let Some(v) = self.dict_get_str(d, name) { return Ok(Some(v)); }
                    if name == self.n(N::dict) { return Ok(Some(d)); }
                    if let Some(ga) = self.dict_get_str(d, self.n(N::getattr)) {
                        return match self.call(ga, &[name]) {
                            Ok(v) => Ok(Some(v)),
                            Err(e) if self.exc_matches(e, Exc::AttributeError) => Ok(None),
                            Err(e) => Err(e),
                        };
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
        let cls = self.type_of(o);
        let attr = self.lookup_type(cls, name);
        if let Some(a) = attr {
            if self.is_data_descriptor(a) {
                if kind_of(a) == Kind::Property {
                    let fget = s4(a, 0);
                    if fget.is_null() || fget == Value::NONE {
                        let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
                        return Err(self.new_exc(Exc::AttributeError, &format!("property '{n}' of '{tn}' object has no getter")));
                    }
                    return self.call(fget, &[o]).map(Some);
                }
                if kind_of(a) == Kind::Member {
                    if o.is_ref() && kind_of(o) == Kind::Instance {
                        if let Some(v) = self.instance_get(o, s4(a, 2)) { return Ok(Some(v)); }
                    } else if o.is_ref() && has_attrs_dict(o) {
                        let d = obj::<ListL>(o).attrs;
                        if !d.is_null() { if let Some(v) = self.dict_get_str(d, s4(a, 2)) { return Ok(Some(v)); } }
                    }
                    return Ok(None);
                }
                return self.bind_descriptor(a, o, cls).map(Some);
            }
        }
        if o.is_ref() {
            match kind_of(o) {
                Kind::Instance => {
                    if let Some(v) = self.instance_get(o, name) { return Ok(Some(v)); }
                }
                Kind::Function => {
                    let d = obj::<FunctionL>(o).dict;
                    if !d.is_null() { if let Some(v) = self.dict_get_str(d, name) { return Ok(Some(v)); } }
                }
                Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Tasklet | Kind::Channel | Kind::TypedArraySub => {
                    let d = obj::<ListL>(o).attrs; // `attrs` is at the same offset in these layouts
                    if !d.is_null() { if let Some(v) = self.dict_get_str(d, name) { return Ok(Some(v)); } }
                }
                _ => {}
            }
        }
        if let Some(a) = attr {
            return self.bind_descriptor(a, o, cls).map(Some);
        }
        crate::specialattrs::special_getattr(self, o, name)
    }

    fn type_getattr(&mut self, cls: Value, name: Value) -> PyResult<Option<Value>> {
        if name == self.n(N::annotations) && self.is_heap_class(cls) {
            // type.__annotations__ (a data descriptor in CPython): the class's
            // own, never inherited; an empty dict is made on first access.
            let d = obj::<ClassL>(cls).dict;
            if let Some(a) = self.dict_get(d, name)? { return Ok(Some(a)); }
            let a = self.new_dict();
            self.dict_set(d, name, a)?;
            self.invalidate_class(cls);
            return Ok(Some(a));
        }
        let meta = cls_of(cls);
        let meta_attr = self.lookup_type(meta, name);
        if let Some(ma) = meta_attr {
            if self.is_data_descriptor(ma) { return self.bind_descriptor(ma, cls, meta).map(Some); }
        }
        if let Some(a) = self.lookup_type(cls, name) {
            if a.is_ref() {
                match kind_of(a) {
                    Kind::StaticMethod => return Ok(Some(s4(a, 0))),
                    Kind::ClassMethod => return Ok(Some(self.new_bound_method(s4(a, 0), cls))),
                    Kind::Instance if obj::<ClassL>(cls_of(a)).flags & cf::HAS_GET != 0 => {
                        return self.bind_descriptor(a, Value::NULL, cls).map(Some);
                    }
                    _ => {}
                }
            }
            return Ok(Some(a));
        }
        if let Some(ma) = meta_attr {
            return self.bind_descriptor(ma, cls, meta).map(Some);
        }
        crate::specialattrs::special_getattr(self, cls, name)
    }

    // -- setattr / delattr -----------------------------------------------------------

    pub fn setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(o);
        if obj::<ClassL>(cls).flags & cf::HAS_SETATTR != 0 {
            let m = self.lookup_type(cls, self.n(N::setattr)).unwrap();
            self.call(m, &[o, name, v])?;
            return Ok(());
        }
        self.generic_setattr(o, name, v)
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, o: Value, name: Value, v: Value) -> PyResult<()> {
        let cls = self.type_of(o);
        if let Some(a) = self.lookup_type(cls, name) {
            if a.is_ref() && kind_of(a) == Kind::Member && o.is_ref() && kind_of(o) == Kind::Instance {
                return self.instance_set(o, s4(a, 2), v);
            }
            if a.is_ref() && kind_of(a) == Kind::Member && o.is_ref() && has_attrs_dict(o) {
                // A slot of a list/dict/set subclass: kept in `attrs` under its hidden key.
                let mut d = obj::<ListL>(o).attrs;
                if d.is_null() { d = self.new_dict(); set_field!(o, ListL, attrs, d); }
                return self.dict_set(d, s4(a, 2), v);
            }
            if a.is_ref() && kind_of(a) == Kind::Property {
                let fset = s4(a, 1);
                if fset.is_null() || fset == Value::NONE {
                    let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
                    if !self.is_heap_class(cls) {
                        return Err(self.new_exc(Exc::AttributeError, &format!("attribute '{n}' of '{tn}' objects is not writable")));
                    }
                    return Err(self.new_exc(Exc::AttributeError, &format!("property '{n}' of '{tn}' object has no setter")));
                }
                self.call(fset, &[o, v])?;
                return Ok(());
            }
            if a.is_ref() && kind_of(a) == Kind::Instance && obj::<ClassL>(cls_of(a)).flags & cf::HAS_SET != 0 {
                if let Some(m) = self.lookup_type(cls_of(a), self.n(N::set)) {
                    self.call(m, &[a, o, v])?;
                    return Ok(());
                }
            }
        }
        if o.is_ref() {
            match kind_of(o) {
                Kind::Instance => {
                    if obj::<ClassL>(cls).flags & cf::SLOTS_ONLY != 0 && !self.slot_allowed(cls, name) {
                        let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
                        if self.lookup_type(cls, name).is_some() {
                            return Err(self.new_exc(Exc::AttributeError, &format!("'{tn}' object attribute '{n}' is read-only")));
                        }
                        return Err(self.new_exc(Exc::AttributeError, &format!("'{tn}' object has no attribute '{n}'")));
                    }
                    if name == self.n(N::class) {
                        if !self.is_class(v) {
                            let tn = self.type_name(v);
                            return Err(self.new_exc(Exc::TypeError, &format!("__class__ must be set to a class, not '{tn}' object")));
                        }
                        if !self.is_heap_class(v) || self.layout_of(v) != Kind::Instance {
                            return Err(self.new_exc(Exc::TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses"));
                        }
                        obj::<ObjHead>(o).cls = v;
                        barrier(o);
                        return Ok(());
                    }
                    if name == self.n(N::dict) {
                        let d = self.dict_copy(v);
                        set_field!(o, InstanceL, dict, d);
                        set_field!(o, InstanceL, shape, Value::NULL);
                        return Ok(());
                    }
                    if cls == self.ty(Ty::Object) {
                        return Err(self.new_exc(Exc::AttributeError, &format!("'object' object has no attribute '{}'", str_ref(name))));
                    }
                    return self.instance_set(o, name, v);
                }
                Kind::Class => {
                    if !self.is_heap_class(o) {
                        let cn = self.class_name(o);
                        return Err(self.new_exc(Exc::TypeError, &format!(
                            "cannot set '{}' attribute of immutable type '{cn}'", str_ref(name))));
                    }
                    if name == self.n(N::name) || name == self.n(N::qualname) {
                        if !self.is_str(v) {
                            let (cn, tn) = (self.class_name(o).to_string(), self.type_name(v));
                            return Err(self.new_exc(Exc::TypeError, &format!("can only assign string to {cn}.{}, not '{tn}'", str_ref(name))));
                        }
                        if name == self.n(N::name) { set_field!(o, ClassL, name, v); } else { set_field!(o, ClassL, qualname, v); }
                        return Ok(());
                    }
                    if name == self.n(N::bases) {
                        return self.set_class_bases(o, v);
                    }
                    let d = obj::<ClassL>(o).dict;
                    let old = self.dict_get_str(d, name).unwrap_or(Value::NULL);
                    self.dict_set(d, name, v)?;
                    let update_flags = self.class_store_affects_flags(name, old, v);
                    self.invalidate_class_with(o, update_flags);
                    return Ok(());
                }
                Kind::Module => return self.dict_set(s4(o, 1), name, v),
                Kind::Function => {
                    if crate::specialattrs::set_function_attr(self, o, name, v)? { return Ok(()); }
                    let mut d = obj::<FunctionL>(o).dict;
                    if d.is_null() { d = self.new_dict(); set_field!(o, FunctionL, dict, d); }
                    return self.dict_set(d, name, v);
                }
                Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Tasklet | Kind::Channel | Kind::TypedArraySub if self.is_heap_class(cls) => {
                    if obj::<ClassL>(cls).flags & cf::SLOTS_ONLY != 0 {
                        let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
                        return Err(self.new_exc(Exc::AttributeError, &format!("'{tn}' object has no attribute '{n}'")));
                    }
                    let mut d = obj::<ListL>(o).attrs;
                    if d.is_null() { d = self.new_dict(); set_field!(o, ListL, attrs, d); }
                    return self.dict_set(d, name, v);
                }
                _ => {}
            }
        }
        let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
        if self.lookup_type(cls, name).is_some() {
            return Err(self.new_exc(Exc::AttributeError, &format!("'{tn}' object attribute '{n}' is read-only")));
        }
        Err(self.new_exc(Exc::AttributeError, &format!("'{tn}' object has no attribute '{n}'")))
    }

    fn slot_allowed(&self, cls: Value, name: Value) -> bool {
        for &c in tuple_slice(obj::<ClassL>(cls).mro) {
            let s = obj::<ClassL>(c).slots;
            if !s.is_null() && tuple_slice(s).contains(&name) { return true; }
        }
        false
    }

    pub fn delattr(&mut self, o: Value, name: Value) -> PyResult<()> {
        let cls = self.type_of(o);
        if obj::<ClassL>(cls).flags & cf::HAS_DELATTR != 0 {
            let m = self.lookup_type(cls, self.n(N::delattr)).unwrap();
            self.call(m, &[o, name])?;
            return Ok(());
        }
        self.generic_delattr(o, name)
    }

    pub fn generic_delattr(&mut self, o: Value, name: Value) -> PyResult<()> {
        let cls = self.type_of(o);
        if let Some(a) = self.lookup_type(cls, name) {
            if a.is_ref() && kind_of(a) == Kind::Member && o.is_ref() && kind_of(o) == Kind::Instance {
                if self.instance_del(o, s4(a, 2))? { return Ok(()); }
                let n = str_ref(name).to_string();
                return Err(self.new_exc(Exc::AttributeError, &n));
            }
            if a.is_ref() && kind_of(a) == Kind::Member && o.is_ref() && has_attrs_dict(o) {
                let d = obj::<ListL>(o).attrs;
                if !d.is_null() && self.dict_del(d, s4(a, 2))?.is_some() { return Ok(()); }
                let n = str_ref(name).to_string();
                return Err(self.new_exc(Exc::AttributeError, &n));
            }
            if a.is_ref() && kind_of(a) == Kind::Property {
                let fdel = s4(a, 2);
                if fdel.is_null() || fdel == Value::NONE {
                    let (n, tn) = (str_ref(name).to_string(), self.type_name(o));
                    return Err(self.new_exc(Exc::AttributeError, &format!("property '{n}' of '{tn}' object has no deleter")));
                }
                self.call(fdel, &[o])?;
                return Ok(());
            }
            if a.is_ref() && kind_of(a) == Kind::Instance && obj::<ClassL>(cls_of(a)).flags & cf::HAS_SET != 0 {
                if let Some(m) = self.lookup_type(cls_of(a), self.n(N::delete)) {
                    self.call(m, &[a, o])?;
                    return Ok(());
                }
            }
        }
        if o.is_ref() {
            match kind_of(o) {
                Kind::Instance => {
                    if self.instance_del(o, name)? { return Ok(()); }
                    if obj::<ClassL>(cls).flags & cf::SLOTS_ONLY != 0 && self.slot_allowed(cls, name) {
                        let n = str_ref(name).to_string();
                        return Err(self.new_exc(Exc::AttributeError, &n));
                    }
                }
                Kind::Class if self.is_heap_class(o) => {
                    let d = obj::<ClassL>(o).dict;
                    if self.dict_del(d, name)?.is_some() { self.invalidate_class(o); return Ok(()); }
                }
                Kind::Module => { if self.dict_del(s4(o, 1), name)?.is_some() { return Ok(()); } }
                Kind::Function => {
                    let d = obj::<FunctionL>(o).dict;
                    if !d.is_null() && self.dict_del(d, name)?.is_some() { return Ok(()); }
                }
                // Attributes of instances of list, dict, set, ... subclasses
                // (kept in `attrs`, as `setattr` stores them).
                _ if has_attrs_dict(o) && self.is_heap_class(cls) => {
                    let d = obj::<ListL>(o).attrs;
                    if !d.is_null() && self.dict_del(d, name)?.is_some() { return Ok(()); }
                }
                _ => {}
            }
        }
        Err(self.attr_error(o, name))
    }

    pub fn getattr_str(&mut self, o: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(o, n)
    }
    pub fn setattr_str(&mut self, o: Value, name: &str, v: Value) -> PyResult<()> {
        let n = self.intern(name);
        self.setattr(o, n, v)
    }
    pub fn hasattr_str(&mut self, o: Value, name: &str) -> PyResult<bool> {
        let n = self.intern(name);
        Ok(self.getattr_opt(o, n)?.is_some())
    }

    /// Calls `obj.name(*args)` looking the method up on the type.
    pub fn call_method(&mut self, o: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let cls = self.type_of(o);
        if obj::<ClassL>(cls).flags & (cf::HAS_GETATTRIBUTE) == 0 {
            if let Some(m) = self.lookup_type(cls, n) {
                if binds_as_method(m) {
                    // A native stack buffer (or a tuple), not a Rust Vec: the
                    // call allocates before it reads the arguments.
                    return self.with_prepended(o, args, |vm, a| vm.call(m, a));
                }
            }
        }
        let f = self.getattr(o, n)?;
        self.call(f, args)
    }
}

/// Objects whose subclass instances keep attributes in an `attrs` dict at
/// ListL's offset.
fn has_attrs_dict(o: Value) -> bool {
    matches!(kind_of(o), Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Tasklet | Kind::Channel | Kind::TypedArraySub)
}
