//! Raw heap access: every object layout, its `TypeInfo`, allocation through the
//! active `GcPlugin`, and the write barrier. Nearly all of skiff-vm's unsafe
//! code lives here; the rest of the VM uses the safe accessors below.
//!
//! ```text
//!  every object                 Tuple                      List
//!  +------------------+         +------------+             +------------+
//!  | info (TypeInfo*) |         | ObjHead    |             | ObjHead    |
//!  | gc flags         |         | len        |             | attrs      |
//!  | cls (Value)      |         | hash       |             | len        |
//!  +------------------+         | items[len] |             | items ------> Array { ObjHead, cap, [Value; cap] }
//!   = ObjHead (24 B)            +------------+             +------------+
//! ```
//!
//! **Invariant (liveness):** a `Value` that Rust code holds in a local, an
//! argument or a temporary points to a live object, because native stacks are
//! scanned conservatively and every collection happens inside an allocation or
//! `gc.collect()`. The accessors below rely on it: given a reference `Value` of
//! the right kind they dereference it. Every store of a reference into an
//! object goes through [`store`] (or a setter built on it), which runs the
//! write barrier; only initialising stores into an object allocated with no
//! allocation since may skip it.
//!
//! **Invariant (kinds):** an accessor for kind K is only called on a Value whose
//! `kind()` is K (or a layout-compatible kind); callers check `kind()` first.

use crate::value::Value;
use skiff_gc::{Barrier, GcPlugin, Header, RootSource, Tracer, TypeInfo};
use static_assertions::const_assert_eq;
use std::cell::Cell;

/// The common prefix of every VM object: GC header plus Python class.
#[repr(C)]
pub struct ObjHead {
    pub gc: Header,
    /// The object's Python class (NULL for internal objects such as arrays).
    pub cls: Value,
}
const_assert_eq!(std::mem::size_of::<ObjHead>(), 24);

macro_rules! kinds {
    ($( $name:ident => $layout:ident, )*) => {
        /// Object kinds: each has one `TypeInfo` and one layout.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u32)]
        pub enum Kind { $( $name, )* }
        impl Kind {
            pub const COUNT: usize = [$(Kind::$name,)*].len();
            pub const ALL: &'static [Kind] = &[$(Kind::$name,)*];
            pub fn name(self) -> &'static str { match self { $( Kind::$name => stringify!($name), )* } }
        }
        /// One `TypeInfo` per kind, indexed by `Kind as usize`.
        pub static TYPE_INFOS: [TypeInfo; Kind::COUNT] = [
            $( TypeInfo {
                name: stringify!($name),
                kind: Kind::$name as u32,
                has_refs: layouts::$layout::HAS_REFS,
                size_of: layouts::$layout::size_of,
                trace: layouts::$layout::trace,
                drop: layouts::$layout::DROP,
            }, )*
        ];
    };
}

kinds! {
    Str => StrL,
    Bytes => BytesL,
    ByteArray => ByteArrayL,
    BigInt => BigIntL,
    Float => FloatL,
    Complex => ComplexL,
    Tuple => TupleL,
    List => ListL,
    Dict => DictL,
    Set => SetL,
    FrozenSet => SetL,
    Function => FunctionL,
    Builtin => BuiltinL,
    Code => CodeL,
    Frame => FrameL,
    Class => ClassL,
    Instance => InstanceL,
    Generator => Obj4L,
    Shape => ShapeL,
    Array => ArrayL,
    RawArray => RawArrayL,
    Module => Obj4L,
    Cell => Obj4L,
    BoundMethod => Obj4L,
    Property => Obj4L,
    StaticMethod => Obj4L,
    ClassMethod => Obj4L,
    Super => Obj4L,
    Slice => Obj4L,
    Range => Obj4L,
    Traceback => Obj4L,
    DictKeys => Obj4L,
    DictValues => Obj4L,
    DictItems => Obj4L,
    ListIter => Obj4L,
    TupleIter => Obj4L,
    RangeIter => Obj4L,
    StrIter => Obj4L,
    BytesIter => Obj4L,
    DictKeyIter => Obj4L,
    DictValueIter => Obj4L,
    DictItemIter => Obj4L,
    SetIter => Obj4L,
    Enumerate => Obj4L,
    Zip => Obj4L,
    Map => Obj4L,
    Filter => Obj4L,
    Reversed => Obj4L,
    SeqIter => Obj4L,
    CallIter => Obj4L,
    File => Obj4L,
    Misc => Obj4L,
    Member => Obj4L,
    MappingProxy => Obj4L,
    Tasklet => TaskletL,
    Channel => ChannelL,
    TypedArray => TypedArrayL,
    TypedArraySub => TypedArrayL,
    ArrayIter => Obj4L,
}

pub fn type_info(kind: Kind) -> &'static TypeInfo {
    &TYPE_INFOS[kind as usize]
}

// ---------------------------------------------------------------------------
// Layouts

pub mod layouts {
    //! `#[repr(C)]` layouts with their size and trace functions.
    use super::*;

    /// Visits the `n` Value slots starting at `p`.
    ///
    /// # Safety
    /// `p..p+n` must be valid Value slots of a live object.
    #[inline]
    unsafe fn visit_values(t: &mut dyn Tracer, p: *mut Value, n: usize) {
        t.visit_range(p as *mut u64, n);
    }

    fn slot(v: &mut Value) -> *mut u64 { v as *mut Value as *mut u64 }

    /// The address of field `$f` of the object `$s` (a raw `*mut` to its
    /// layout) as a tracer slot, without a reference to the whole object:
    /// trace functions run on parallel marking threads while others update
    /// the object's header flags atomically.
    macro_rules! fld {
        ($s:expr, $($f:tt)+) => { std::ptr::addr_of_mut!((*$s).$($f)+) as *mut u64 };
    }

    macro_rules! fixed_layout {
        ($name:ident, $refs:expr, [$($field:ident),*]) => {
            impl $name {
                pub const HAS_REFS: bool = $refs;
                pub const DROP: Option<unsafe fn(*mut Header)> = None;
                /// # Safety
                /// `_o` must be a live object of this layout.
                pub unsafe fn size_of(_o: *const Header) -> usize { std::mem::size_of::<$name>() }
                /// # Safety
                /// `o` must be a live object of this layout.
                #[allow(unused_variables)]
                pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
                    let s = o as *mut $name;
                    // SAFETY: the caller guarantees `o` is a live object of this
                    // layout; only field addresses are taken (see `fld!`).
                    unsafe {
                        t.visit(fld!(s, head.cls));
                        $( t.visit(fld!(s, $field)); )*
                    }
                }
            }
        };
    }

    /// Layouts with Value fields and then `count` more Values inline after
    /// the fixed part (`count` a field of the layout): size and trace
    /// follow from both.
    macro_rules! trailing_values_layout {
        ($name:ident, $count:ident, [$($field:ident),*]) => {
            impl $name {
                pub const HAS_REFS: bool = true;
                pub const DROP: Option<unsafe fn(*mut Header)> = None;
                /// # Safety
                /// `o` must be a live object of this layout.
                pub unsafe fn size_of(o: *const Header) -> usize {
                    // SAFETY: `o` is a live object of this layout (caller).
                    let n = unsafe { (*(o as *const $name)).$count } as usize;
                    std::mem::size_of::<$name>() + 8 * n
                }
                /// # Safety
                /// `o` must be a live object of this layout.
                pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
                    // SAFETY: `o` is a live object of this layout (caller);
                    // its `count` Values follow the fixed part.
                    unsafe {
                        let s = o as *mut $name;
                        t.visit(fld!(s, head.cls));
                        $( t.visit(fld!(s, $field)); )*
                        let n = (*s).$count as usize;
                        visit_values(t, (o as *mut u8).add(std::mem::size_of::<$name>()) as *mut Value, n);
                    }
                }
            }
        };
    }

    /// Strings: UTF-8 bytes inline; `nchars == nbytes` means ASCII (O(1) indexing).
    #[repr(C)]
    pub struct StrL { pub head: ObjHead, pub hash: i64, pub nchars: usize, pub nbytes: usize }
    impl StrL {
        pub const HAS_REFS: bool = true; // cls only
        pub const DROP: Option<unsafe fn(*mut Header)> = None;
        /// # Safety
        /// `o` must be a live Str.
        pub unsafe fn size_of(o: *const Header) -> usize {
            // SAFETY: `o` is a live Str by the caller's guarantee.
            let n = unsafe { (*(o as *const StrL)).nbytes };
            round8(std::mem::size_of::<StrL>() + n)
        }
        /// # Safety
        /// `o` must be a live Str.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            // SAFETY: `o` is a live Str by the caller's guarantee.
            t.visit(slot(unsafe { &mut (*(o as *mut StrL)).head.cls }));
        }
    }
    /// Bytes: raw bytes inline.
    #[repr(C)]
    pub struct BytesL { pub head: ObjHead, pub hash: i64, pub len: usize }
    impl BytesL {
        pub const HAS_REFS: bool = true;
        pub const DROP: Option<unsafe fn(*mut Header)> = None;
        /// # Safety
        /// `o` must be a live Bytes.
        pub unsafe fn size_of(o: *const Header) -> usize {
            // SAFETY: `o` is a live Bytes by the caller's guarantee.
            let n = unsafe { (*(o as *const BytesL)).len };
            round8(std::mem::size_of::<BytesL>() + n)
        }
        /// # Safety
        /// `o` must be a live Bytes.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            // SAFETY: `o` is a live Bytes by the caller's guarantee.
            t.visit(slot(unsafe { &mut (*(o as *mut BytesL)).head.cls }));
        }
    }
    /// bytearray: a growable RawArray of bytes.
    #[repr(C)]
    pub struct ByteArrayL { pub head: ObjHead, pub attrs: Value, pub len: usize, pub data: Value }
    fixed_layout!(ByteArrayL, true, [attrs, data]);
    /// array.array (types/array.rs): `len` items of `itemsize` bytes each,
    /// stored as native machine values in the RawArray `data` (no
    /// references; NULL while nothing was ever allocated), which has room
    /// for at least `alloc` items (CPython's `allocated`); `tc` is the
    /// typecode character. `attrs` is at ListL's offset, like bytearray's.
    #[repr(C)]
    pub struct TypedArrayL { pub head: ObjHead, pub attrs: Value, pub len: usize, pub data: Value, pub alloc: usize, pub tc: u32, pub itemsize: u32 }
    fixed_layout!(TypedArrayL, true, [attrs, data]);
    // Subclass instances keep attributes in `attrs` like ListL's (see
    // object.rs `has_attrs_dict`).
    const_assert_eq!(std::mem::offset_of!(TypedArrayL, attrs), std::mem::offset_of!(ListL, attrs));

    /// Big integers (outside the 63-bit small range). Digits live on the Rust
    /// heap and are freed by the drop hook.
    #[repr(C)]
    pub struct BigIntL { pub head: ObjHead, pub val: std::mem::ManuallyDrop<num_bigint::BigInt> }
    impl BigIntL {
        pub const HAS_REFS: bool = true;
        pub const DROP: Option<unsafe fn(*mut Header)> = Some(Self::drop_hook);
        /// # Safety
        /// `_o` must be a live BigInt.
        pub unsafe fn size_of(_o: *const Header) -> usize { round8(std::mem::size_of::<BigIntL>()) }
        /// # Safety
        /// `o` must be a live BigInt.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            // SAFETY: `o` is a live BigInt by the caller's guarantee.
            t.visit(slot(unsafe { &mut (*(o as *mut BigIntL)).head.cls }));
        }
        /// # Safety
        /// `o` must be a BigInt being freed; it is never used again.
        unsafe fn drop_hook(o: *mut Header) {
            // SAFETY: the collector frees `o` right after; the value is dropped once.
            unsafe { std::mem::ManuallyDrop::drop(&mut (*(o as *mut BigIntL)).val) }
        }
    }
    #[repr(C)]
    pub struct FloatL { pub head: ObjHead, pub val: f64 }
    fixed_layout!(FloatL, true, []);
    #[repr(C)]
    pub struct ComplexL { pub head: ObjHead, pub re: f64, pub im: f64 }
    fixed_layout!(ComplexL, true, []);

    /// Tuples: items inline.
    #[repr(C)]
    pub struct TupleL { pub head: ObjHead, pub len: usize, pub hash: i64 }
    trailing_values_layout!(TupleL, len, []);
    /// A GC-allocated array of Values (list storage, dict entries, instance
    /// slots, cache tables).
    #[repr(C)]
    pub struct ArrayL { pub head: ObjHead, pub cap: usize }
    impl ArrayL {
        pub const HAS_REFS: bool = true;
        pub const DROP: Option<unsafe fn(*mut Header)> = None;
        /// # Safety
        /// `o` must be a live Array.
        pub unsafe fn size_of(o: *const Header) -> usize {
            // SAFETY: `o` is a live Array by the caller's guarantee.
            let n = unsafe { (*(o as *const ArrayL)).cap };
            std::mem::size_of::<ArrayL>() + 8 * n
        }
        /// # Safety
        /// `o` must be a live Array.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            // SAFETY: `o` is a live Array; `cap` Values follow the fixed part.
            unsafe {
                let s = &*(o as *mut ArrayL);
                visit_values(t, (o as *mut u8).add(std::mem::size_of::<ArrayL>()) as *mut Value, s.cap);
            }
        }
    }
    /// A GC-allocated array of raw bytes (no references).
    #[repr(C)]
    pub struct RawArrayL { pub head: ObjHead, pub cap: usize }
    impl RawArrayL {
        pub const HAS_REFS: bool = false;
        pub const DROP: Option<unsafe fn(*mut Header)> = None;
        /// # Safety
        /// `o` must be a live RawArray.
        pub unsafe fn size_of(o: *const Header) -> usize {
            // SAFETY: `o` is a live RawArray by the caller's guarantee.
            let n = unsafe { (*(o as *const RawArrayL)).cap };
            round8(std::mem::size_of::<RawArrayL>() + n)
        }
        /// # Safety
        /// Nothing to trace.
        pub unsafe fn trace(_o: *mut Header, _t: &mut dyn Tracer) {}
    }
    /// A Stackless tasklet (see sched.rs). `attrs` is at ListL's offset so
    /// subclass instances keep attributes the same way. `next`/`prev` link it
    /// into the run queue (circular) or a channel's wait queue (NULL-ended).
    #[repr(C)]
    pub struct TaskletL {
        pub head: ObjHead, pub attrs: Value,
        pub func: Value, pub args: Value, pub kwargs: Value,
        /// Top and base of the saved frame chain (NULL before start / after end).
        pub frame: Value, pub base: Value,
        pub tempval: Value, pub next: Value, pub prev: Value,
        /// The channel it is blocked on.
        pub channel: Value,
        /// The exception being handled while it is switched out.
        pub exc_info: Value,
        /// An exception to raise in it when it next runs (kill/throw).
        pub pending: Value,
        pub flags: u64, pub depth: u64,
        /// Coroutine slot (sched.rs) while suspended inside native code; 0 otherwise.
        pub coro: u64,
        pub id: u64,
        /// Dispatch loops active in it while switched out (hard switches).
        pub loops: u64,
        /// -1 blocked receiving, 1 blocked sending, 0 not blocked.
        pub blocked: i64,
        /// Sequence number of its timer while sleeping (sched.rs).
        pub wake: u64,
    }
    fixed_layout!(TaskletL, true, [attrs, func, args, kwargs, frame, base, tempval, next, prev, channel, exc_info, pending]);
    /// A Stackless channel: a queue of blocked tasklets linked through their
    /// `next`/`prev` fields (`first`..`last`), all blocked in one direction.
    #[repr(C)]
    pub struct ChannelL {
        pub head: ObjHead, pub attrs: Value,
        pub first: Value, pub last: Value,
        pub balance: i64, pub preference: i64, pub flags: u64,
    }
    fixed_layout!(ChannelL, true, [attrs, first, last]);
    #[repr(C)]
    pub struct ListL { pub head: ObjHead, pub attrs: Value, pub len: usize, pub items: Value }
    fixed_layout!(ListL, true, [attrs, items]);
    /// Insertion-ordered hash table. `entries` is an Array of 3 Values per
    /// entry (hash as small int, key, value; key NULL = deleted); `index` a
    /// RawArray of u32 (EMPTY / DUMMY / entry number).
    #[repr(C)]
    pub struct DictL { pub head: ObjHead, pub attrs: Value, pub len: usize, pub used: usize, pub version: u64, pub entries: Value, pub index: Value }
    fixed_layout!(DictL, true, [attrs, entries, index]);
    /// set/frozenset: a dict whose values are unused.
    #[repr(C)]
    /// `order_ver`: the version of `dict` at which its order was found to
    /// be CPython's iteration order (0: not known; see `types::set`).
    pub struct SetL { pub head: ObjHead, pub attrs: Value, pub dict: Value, pub hash: i64, pub order_ver: u64 }
    fixed_layout!(SetL, true, [attrs, dict]);
    #[repr(C)]
    pub struct FunctionL {
        pub head: ObjHead, pub code: Value, pub globals: Value, pub defaults: Value,
        pub kwdefaults: Value, pub closure: Value, pub name: Value, pub qualname: Value,
        pub doc: Value, pub dict: Value, pub module: Value,
    }
    fixed_layout!(FunctionL, true, [code, globals, defaults, kwdefaults, closure, name, qualname, doc, dict, module]);
    /// A native function: `fptr` is a `NativeFn`; `bound` is the receiver of a
    /// bound method (NULL when unbound); `flags` holds [`BUILTIN_NO_BIND`].
    #[repr(C)]
    pub struct BuiltinL { pub head: ObjHead, pub name: Value, pub bound: Value, pub qualname: Value, pub fptr: usize, pub flags: usize }
    fixed_layout!(BuiltinL, true, [name, bound, qualname]);
    /// A code object. `data` owns the Rust-side bytecode (freed by the drop hook).
    #[repr(C)]
    pub struct CodeL {
        pub head: ObjHead, pub consts: Value, pub names: Value, pub varnames: Value,
        pub cellvars: Value, pub freevars: Value, pub name: Value, pub qualname: Value,
        pub filename: Value, pub doc: Value, pub data: *mut crate::code::CodeData,
    }
    impl CodeL {
        pub const HAS_REFS: bool = true;
        pub const DROP: Option<unsafe fn(*mut Header)> = Some(Self::drop_hook);
        /// # Safety
        /// `_o` must be a live Code.
        pub unsafe fn size_of(_o: *const Header) -> usize { std::mem::size_of::<CodeL>() }
        /// # Safety
        /// `o` must be a live Code.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            let s = o as *mut CodeL;
            // SAFETY: `o` is a live Code by the caller's guarantee; only field
            // addresses are taken (see `fld!`).
            unsafe {
                for v in [fld!(s, head.cls), fld!(s, consts), fld!(s, names), fld!(s, varnames), fld!(s, cellvars),
                          fld!(s, freevars), fld!(s, name), fld!(s, qualname), fld!(s, filename), fld!(s, doc)] {
                    t.visit(v);
                }
                // The inline caches hold Values and addresses too: a moving
                // collector must update them (see `code::trace_caches`).
                let data = (*s).data;
                if !data.is_null() {
                    crate::code::trace_caches(&mut *data, t);
                }
            }
        }
        /// # Safety
        /// `o` is a Code being freed.
        unsafe fn drop_hook(o: *mut Header) {
            // SAFETY: `data` came from Box::into_raw and is freed exactly once, here.
            unsafe {
                let s = &mut *(o as *mut CodeL);
                if !s.data.is_null() { drop(Box::from_raw(s.data)); s.data = std::ptr::null_mut(); }
            }
        }
    }
    /// An interpreter frame: fixed part, then `nslots` Values: locals, cells,
    /// value stack.
    #[repr(C)]
    pub struct FrameL {
        pub head: ObjHead, pub code: Value, pub func: Value, pub globals: Value,
        pub locals: Value, pub back: Value, pub gen: Value, pub init_self: Value,
        pub kwnames: Value,
        /// For generator frames: the exception being handled inside the
        /// generator while it is suspended, or the caller's while it runs.
        pub exc_save: Value,
        pub pc: u32, pub sp: u32, pub nslots: u32, pub ret_mode: u32,
        pub stack_base: u32, pub lineno: u32,
        /// `FRAME_ESCAPED` once a reference to the frame may outlive its
        /// call (see `frame_escape`).
        pub flags: u32,
    }
    // Slots above `sp` are NULL or stale copies of values also held
    // elsewhere: tracing all `nslots` is conservative but precise-safe.
    trailing_values_layout!(FrameL, nslots, [code, func, globals, locals, back, gen, init_self, kwnames, exc_save]);
    /// A class. `dict` is the namespace (a Dict); `mro` a tuple of classes.
    #[repr(C)]
    pub struct ClassL {
        pub head: ObjHead, pub name: Value, pub qualname: Value, pub bases: Value, pub mro: Value,
        pub dict: Value, pub module: Value, pub slots: Value,
        pub version: u64, pub flags: u64, pub layout: u32,
        /// How many attribute slots a new instance gets inline (the most
        /// any instance of the class has had, up to `MAX_INLINE_SLOTS`).
        pub inst_slots: u32,
    }
    fixed_layout!(ClassL, true, [name, qualname, bases, mro, dict, module, slots]);
    /// An instance of a Python class: attributes in `slots` at indices given by
    /// `shape` (hidden class); `dict` replaces both once `__dict__` is taken.
    ///
    /// Slot `i` is the `i`-th of the `ninline` Values after the fixed part
    /// while `i < ninline`, else item `i - ninline` of the `slots` Array
    /// (see `inst_slot`). `ninline` is fixed at allocation from the class's
    /// `inst_slots`, so most instances need no separate Array.
    #[repr(C)]
    pub struct InstanceL { pub head: ObjHead, pub shape: Value, pub slots: Value, pub dict: Value, pub ninline: usize }
    trailing_values_layout!(InstanceL, ninline, [shape, slots, dict]);
    /// A hidden class: maps attribute names to slot indices. Shapes are
    /// immortal (kept in the VM's root table); inline caches that hold them
    /// are traced (`code::trace_caches`), so a moving collector updates them.
    #[repr(C)]
    pub struct ShapeL { pub head: ObjHead, pub parent: Value, pub key: Value, pub table: Value, pub transitions: Value, pub count: usize }
    fixed_layout!(ShapeL, true, [parent, key, table, transitions]);
    /// Generic small object with four Value slots (iterators, cells, bound
    /// methods, properties, modules, ...). Raw integers are stored as small ints.
    #[repr(C)]
    pub struct Obj4L { pub head: ObjHead, pub s: [Value; 4] }
    impl Obj4L {
        pub const HAS_REFS: bool = true;
        pub const DROP: Option<unsafe fn(*mut Header)> = None;
        /// # Safety
        /// `_o` must be a live Obj4.
        pub unsafe fn size_of(_o: *const Header) -> usize { std::mem::size_of::<Obj4L>() }
        /// # Safety
        /// `o` must be a live Obj4.
        pub unsafe fn trace(o: *mut Header, t: &mut dyn Tracer) {
            let s = o as *mut Obj4L;
            // SAFETY: `o` is a live Obj4 by the caller's guarantee; only field
            // addresses are taken (see `fld!`).
            unsafe {
                t.visit(fld!(s, head.cls));
                for i in 0..4 { t.visit(fld!(s, s[i])); }
            }
        }
    }

    pub const fn round8(n: usize) -> usize { (n + 7) & !7 }
}
pub use layouts::*;

// ---------------------------------------------------------------------------
// Allocation and the barrier

thread_local! {
    /// Barrier mask of the active plugin on this thread (0: no barrier).
    static BARRIER_MASK: Cell<usize> = const { Cell::new(0) };
    static BARRIER_PLUGIN: Cell<*const dyn GcPlugin> = const { Cell::new(std::ptr::null::<skiff_gc::marksweep::MarkSweep>() as *const dyn GcPlugin) };
    /// The active plugin's card marking (`Barrier::HeaderFlagCards`), if any.
    static CARDS: Cell<Cards> = const { Cell::new(Cards { card_flag: 0, cards_set: 0, card_shift: 0 }) };
}

/// How the active plugin marks cards (`card_flag` 0: it does not).
#[derive(Clone, Copy)]
struct Cards {
    card_flag: usize,
    cards_set: usize,
    card_shift: u32,
}

/// The VM's handle on its collector.
pub struct Heap {
    pub gc: Box<dyn GcPlugin>,
    /// The plugin's inline allocation path (`FastPaths`): bump cursor and
    /// limit, and the largest size it may take (0: no inline path).
    bump_cursor: *mut usize,
    bump_limit: *const usize,
    max_inline: usize,
    initial_flags: usize,
}

impl Heap {
    pub fn new(gc: Box<dyn GcPlugin>) -> Heap {
        let fp = gc.fast_paths();
        let mask = fp.barrier.mask();
        BARRIER_MASK.with(|m| m.set(mask));
        let cards = match fp.barrier {
            Barrier::HeaderFlagCards { card_flag, cards_set, card_shift, .. } => Cards { card_flag, cards_set, card_shift },
            _ => Cards { card_flag: 0, cards_set: 0, card_shift: 0 },
        };
        CARDS.with(|c| c.set(cards));
        BARRIER_PLUGIN.with(|p| p.set(&*gc as *const dyn GcPlugin));
        let inline = !fp.bump_cursor.is_null() && !fp.bump_limit.is_null();
        Heap {
            gc,
            bump_cursor: fp.bump_cursor,
            bump_limit: fp.bump_limit,
            max_inline: if inline { fp.max_inline_size } else { 0 },
            initial_flags: fp.initial_flags,
        }
    }

    /// Allocates a zeroed object of `size` bytes of `kind` with class `cls`.
    /// Aborts with a message on out-of-memory (MemoryError is raised by
    /// callers that can check sizes first).
    ///
    /// Objects that fit take the plugin's bump-allocation fast path when it
    /// publishes one (`FastPaths`), except those whose type has a drop hook,
    /// which the plugin must see allocated.
    #[inline]
    pub fn alloc(&self, roots: &dyn RootSource, kind: Kind, cls: Value, size: usize) -> Value {
        let size = round8(size.max(24));
        let info = type_info(kind);
        if size <= self.max_inline && info.drop.is_none() {
            // SAFETY: `max_inline > 0` only when the plugin published a cursor
            // and limit, which stay valid as long as the plugin (owned by this
            // Heap) lives; the VM is single-threaded.
            unsafe {
                let p = *self.bump_cursor;
                if p + size <= *self.bump_limit {
                    *self.bump_cursor = p + size;
                    // SAFETY: `[p, p + size)` lies below the plugin's limit:
                    // free nursery memory that the bump hands to this object.
                    std::ptr::write_bytes(p as *mut u8, 0, size);
                    let h = p as *mut Header;
                    (*h).info = info;
                    (*h).flags = self.initial_flags;
                    (*(p as *mut ObjHead)).cls = cls;
                    return Value::from_addr(p);
                }
            }
        }
        match self.alloc_slow(roots, info, cls, size) {
            Some(v) => v,
            None => alloc_failed(size),
        }
    }

    /// `alloc`, but None when the collector cannot find the memory (after
    /// collecting), for callers that raise MemoryError instead of aborting.
    pub fn try_alloc(&self, roots: &dyn RootSource, kind: Kind, cls: Value, size: usize) -> Option<Value> {
        let size = round8(size.max(24));
        if size > isize::MAX as usize / 2 {
            return None;
        }
        if size <= self.max_inline {
            return Some(self.alloc(roots, kind, cls, size));
        }
        self.alloc_slow(roots, type_info(kind), cls, size)
    }

    /// The plugin's allocation, for `size` already rounded.
    fn alloc_slow(&self, roots: &dyn RootSource, info: &'static TypeInfo, cls: Value, size: usize) -> Option<Value> {
        // SAFETY: size is >= 24 (>= 16), a multiple of 8, and at least what
        // `size_of` reports once the caller fills the length fields.
        let p = unsafe { self.gc.alloc(info, size, roots) };
        if p.is_null() {
            return None;
        }
        // SAFETY: `p` is a fresh, zeroed object of at least 24 bytes; setting
        // its class is an initialising store (no barrier needed).
        unsafe { (*(p as *mut ObjHead)).cls = cls };
        Some(Value::from_addr(p as usize))
    }
}

/// `out_of_memory` for `Heap::alloc`, out of line: formatting the size in
/// the inlined allocator made every allocation site (the dispatch loop's
/// included) bigger and slower.
#[cold]
#[inline(never)]
fn alloc_failed(size: usize) -> ! {
    out_of_memory(&format!("allocating {size} bytes"))
}

/// Ends the process for an allocation failure that the caller cannot report
/// as MemoryError (`what` says what was being allocated).
#[cold]
#[inline(never)]
pub fn out_of_memory(what: &str) -> ! {
    eprintln!("skiff: out of memory {what}");
    std::process::abort();
}

/// Runs the write barrier for `obj` after a reference store into it.
#[inline(always)]
pub fn barrier(obj: Value) {
    let mask = BARRIER_MASK.with(|m| m.get());
    if mask != 0 {
        // SAFETY: `obj` is a live heap object (liveness invariant).
        let flags = unsafe { (*(obj.addr() as *const Header)).flags };
        if flags & mask != 0 {
            let p = BARRIER_PLUGIN.with(|p| p.get());
            // SAFETY: the plugin pointer was set from the live Heap on this thread.
            unsafe { (*p).write_barrier_slow(obj.addr() as *mut Header) };
        }
    }
}

/// The identity of the heap object `v`: what `id()`, the default hash and
/// default reprs show, and what address-keyed tables must use as key. Equal
/// to the address under non-moving collectors; under a moving one, the
/// address the object will keep (see `GcPlugin::stable_address`), so it
/// never changes while `v` lives.
#[inline]
pub fn identity(v: Value) -> usize {
    debug_assert!(v.is_ref());
    let p = BARRIER_PLUGIN.with(|p| p.get());
    if p.is_null() {
        return v.addr();
    }
    // SAFETY: the plugin pointer was set from the live Heap on this thread;
    // `v` is a live object (liveness invariant).
    unsafe { (*p).stable_address(v.addr() as *mut Header) }
}

/// Stores `v` into the Value slot `slot` inside object `obj`, with the barrier.
///
/// # Safety
/// `slot` must point into the live object `obj`.
#[inline(always)]
pub unsafe fn store(obj: Value, slot: *mut Value, v: Value) {
    // SAFETY: the caller guarantees `slot` is a Value slot of `obj`.
    unsafe { *slot = v };
    if v.is_ref() {
        let mask = BARRIER_MASK.with(|m| m.get());
        if mask != 0 {
            // SAFETY: `obj` is a live heap object (liveness invariant).
            let flags = unsafe { (*(obj.addr() as *const Header)).flags };
            if flags & mask != 0 {
                // SAFETY: as for this function.
                unsafe { store_barrier(obj, slot, flags) };
            }
        }
    }
}

/// The barrier of [`store`] once the header flag has matched: marks the
/// slot's card inline when `obj` is carded and already listed (the
/// plugin's `Barrier::HeaderFlagCards`), otherwise calls the plugin.
///
/// # Safety
/// As for [`store`]; `flags` are `obj`'s flags.
#[inline(never)]
unsafe fn store_barrier(obj: Value, slot: *mut Value, flags: usize) {
    let cards = CARDS.with(|c| c.get());
    if flags & cards.card_flag != 0 {
        let card = (slot as usize - obj.addr()) >> cards.card_shift;
        // SAFETY: a carded object has one byte per card right before its
        // header (the plugin's `FastPaths`), and `slot` lies inside it.
        unsafe { (obj.addr() as *mut u8).sub(1 + card).write(1) };
        if flags & cards.cards_set != 0 {
            return;
        }
    }
    let p = BARRIER_PLUGIN.with(|p| p.get());
    // SAFETY: the plugin pointer was set from the live Heap on this thread;
    // `slot` is a reference slot of `obj`.
    unsafe { (*p).write_barrier_slot_slow(obj.addr() as *mut Header, slot as *mut u64) };
}

// ---------------------------------------------------------------------------
// Typed access. All of these follow the liveness and kind invariants above.

/// A typed view of an object: `obj::<ListL>(v)`.
#[inline(always)]
pub fn obj<'a, T>(v: Value) -> &'a mut T {
    debug_assert!(v.is_ref());
    // SAFETY: liveness and kind invariants (module docs): `v` is a live object
    // whose layout is `T`. The VM is single-threaded and does not hold two
    // overlapping views across calls that could invalidate them.
    unsafe { &mut *(v.addr() as *mut T) }
}

#[inline(always)]
pub fn kind_of(v: Value) -> Kind {
    debug_assert!(v.is_ref());
    // SAFETY: `v` is a live object (liveness invariant); its header's info is
    // one of TYPE_INFOS, whose `kind` is a valid Kind discriminant.
    unsafe {
        let info = (*(v.addr() as *const Header)).info;
        std::mem::transmute::<u32, Kind>((*info).kind)
    }
}

#[inline(always)]
pub fn cls_of(v: Value) -> Value { obj::<ObjHead>(v).cls }

/// The header flag word (for the VM's own bits and diagnostics).
#[inline(always)]
pub fn header<'a>(v: Value) -> &'a mut Header { obj::<Header>(v) }

/// Pointer to item 0 of a Tuple.
#[inline(always)]
pub fn tuple_items_ptr(t: Value) -> *mut Value {
    (t.addr() + std::mem::size_of::<TupleL>()) as *mut Value
}
#[inline(always)]
pub fn tuple_slice<'a>(t: Value) -> &'a [Value] {
    let n = obj::<TupleL>(t).len;
    // SAFETY: a Tuple has `len` initialised Values after its fixed part.
    unsafe { std::slice::from_raw_parts(tuple_items_ptr(t), n) }
}
#[inline(always)]
pub fn array_ptr(a: Value) -> *mut Value {
    (a.addr() + std::mem::size_of::<ArrayL>()) as *mut Value
}
#[inline(always)]
pub fn array_slice<'a>(a: Value) -> &'a mut [Value] {
    if a.is_null() { return &mut []; }
    let n = obj::<ArrayL>(a).cap;
    // SAFETY: an Array has `cap` Values after its fixed part.
    unsafe { std::slice::from_raw_parts_mut(array_ptr(a), n) }
}
#[inline(always)]
pub fn raw_array_bytes<'a>(a: Value) -> &'a mut [u8] {
    if a.is_null() { return &mut []; }
    let n = obj::<RawArrayL>(a).cap;
    // SAFETY: a RawArray has `cap` bytes after its fixed part.
    unsafe { std::slice::from_raw_parts_mut((a.addr() + std::mem::size_of::<RawArrayL>()) as *mut u8, n) }
}
#[inline(always)]
pub fn list_slice<'a>(l: Value) -> &'a mut [Value] {
    let o = obj::<ListL>(l);
    if o.items.is_null() { return &mut []; }
    // SAFETY: `len <= cap` of the items array.
    unsafe { std::slice::from_raw_parts_mut(array_ptr(o.items), o.len) }
}
#[inline(always)]
pub fn str_bytes<'a>(s: Value) -> &'a [u8] {
    let n = obj::<StrL>(s).nbytes;
    // SAFETY: a Str has `nbytes` bytes after its fixed part.
    unsafe { std::slice::from_raw_parts((s.addr() + std::mem::size_of::<StrL>()) as *const u8, n) }
}
#[inline(always)]
pub fn str_ref<'a>(s: Value) -> &'a str {
    // SAFETY: Str contents are always valid UTF-8 (checked when created).
    unsafe { std::str::from_utf8_unchecked(str_bytes(s)) }
}
#[inline(always)]
pub fn str_data_ptr(s: Value) -> *mut u8 { (s.addr() + std::mem::size_of::<StrL>()) as *mut u8 }
#[inline(always)]
pub fn bytes_slice<'a>(b: Value) -> &'a [u8] {
    let n = obj::<BytesL>(b).len;
    // SAFETY: a Bytes has `len` bytes after its fixed part.
    unsafe { std::slice::from_raw_parts((b.addr() + std::mem::size_of::<BytesL>()) as *const u8, n) }
}
#[inline(always)]
pub fn bytes_data_ptr(b: Value) -> *mut u8 { (b.addr() + std::mem::size_of::<BytesL>()) as *mut u8 }
#[inline(always)]
pub fn frame_slots_ptr(f: Value) -> *mut Value { (f.addr() + std::mem::size_of::<FrameL>()) as *mut Value }
#[inline(always)]
pub fn frame_slots<'a>(f: Value) -> &'a mut [Value] {
    let n = obj::<FrameL>(f).nslots as usize;
    // SAFETY: a Frame has `nslots` Values after its fixed part.
    unsafe { std::slice::from_raw_parts_mut(frame_slots_ptr(f), n) }
}
/// `BuiltinL::flags`: a module-level native function (CPython's
/// `builtin_function_or_method`), which is not a descriptor: stored in a
/// class and read through an instance, it is returned as it is, never bound
/// (`F = len; self.F(x)` calls `len(x)`). Methods of native types lack it.
pub const BUILTIN_NO_BIND: usize = 1;

/// Whether `v` is a function that binds its receiver when found on a class
/// (a Python function, or a native method rather than a module function).
#[inline]
pub fn binds_as_method(v: Value) -> bool {
    v.is_ref() && match kind_of(v) {
        Kind::Function => true,
        Kind::Builtin => obj::<BuiltinL>(v).flags & BUILTIN_NO_BIND == 0,
        _ => false,
    }
}

#[inline(always)]
pub fn bigint_ref<'a>(v: Value) -> &'a num_bigint::BigInt { &obj::<BigIntL>(v).val }
#[inline(always)]
pub fn float_val(v: Value) -> f64 { obj::<FloatL>(v).val }
#[inline(always)]
pub fn code_data<'a>(code: Value) -> &'a mut crate::code::CodeData {
    // SAFETY: a live Code's `data` is a valid Box pointer until the code dies.
    unsafe { &mut *obj::<CodeL>(code).data }
}

/// Obj4 slot read.
#[inline(always)]
pub fn s4(v: Value, i: usize) -> Value { obj::<Obj4L>(v).s[i] }
/// Obj4 slot write (with barrier).
#[inline(always)]
pub fn set_s4(v: Value, i: usize, x: Value) {
    let p = &mut obj::<Obj4L>(v).s[i] as *mut Value;
    // SAFETY: `p` is slot `i` of the live Obj4 `v`.
    unsafe { store(v, p, x) }
}

/// Writes a Value field of `o` (any layout) with the barrier: `set!(o, ListL, items, v)`.
#[macro_export]
macro_rules! set_field {
    ($o:expr, $t:ty, $f:ident, $v:expr) => {{
        let o = $o;
        let v = $v;
        let p = &mut $crate::heap::obj::<$t>(o).$f as *mut $crate::value::Value;
        // SAFETY: `p` is a Value field of the live object `o`.
        unsafe { $crate::heap::store(o, p, v) }
    }};
}

/// Writes element `i` of an Array with the barrier.
#[inline(always)]
pub fn array_set(a: Value, i: usize, v: Value) {
    debug_assert!(i < obj::<ArrayL>(a).cap);
    // SAFETY: `i < cap`, so the slot lies inside the live Array `a`.
    unsafe { store(a, array_ptr(a).add(i), v) }
}
#[inline(always)]
pub fn array_get(a: Value, i: usize) -> Value {
    debug_assert!(i < obj::<ArrayL>(a).cap);
    // SAFETY: `i < cap`.
    unsafe { *array_ptr(a).add(i) }
}

/// Copies `n` Values inside or between Arrays (memmove), then runs the barrier
/// on the destination.
pub fn array_copy(src: Value, si: usize, dst: Value, di: usize, n: usize) {
    if n == 0 { return; }
    debug_assert!(si + n <= obj::<ArrayL>(src).cap && di + n <= obj::<ArrayL>(dst).cap);
    // SAFETY: both ranges are in bounds of live Arrays; ptr::copy handles overlap.
    unsafe { std::ptr::copy(array_ptr(src).add(si), array_ptr(dst).add(di), n) };
    barrier(dst);
}

/// Fills `dst[at .. at + unit * n]` with `n` copies of `src[0 .. unit]`
/// (doubling copies, so O(log n) memcpy calls), then runs the barrier of
/// `dst` once, and only if the unit holds a reference: a store-by-store
/// fill of a large object went through the card-marking slow path for
/// every item.
///
/// # Safety
/// `src` must be valid for `unit` Values, `dst` for `at + unit * n`, both
/// inside live objects, not overlapping; `dst_obj` is the object `dst`
/// points into.
pub unsafe fn fill_repeated(dst_obj: Value, dst: *mut Value, src: *const Value, unit: usize, n: usize) {
    let total = unit * n;
    if total == 0 { return; }
    // SAFETY: the caller's bounds; each copy reads the part already written.
    unsafe {
        std::ptr::copy_nonoverlapping(src, dst, unit);
        let mut done = unit;
        while done < total {
            let k = done.min(total - done);
            std::ptr::copy_nonoverlapping(dst, dst.add(done), k);
            done += k;
        }
        if std::slice::from_raw_parts(src, unit).iter().any(|v| v.is_ref()) {
            barrier(dst_obj);
        }
    }
}

/// Frame slot write (with barrier).
#[inline(always)]
pub fn frame_set(f: Value, i: usize, v: Value) {
    debug_assert!(i < obj::<FrameL>(f).nslots as usize);
    // SAFETY: `i < nslots`.
    unsafe { store(f, frame_slots_ptr(f).add(i), v) }
}

/// Most attribute slots an instance keeps inline (`ClassL::inst_slots`).
pub const MAX_INLINE_SLOTS: usize = 16;

#[inline(always)]
fn inst_inline_ptr(inst: Value) -> *mut Value { (inst.addr() + std::mem::size_of::<InstanceL>()) as *mut Value }

/// Attribute slot `i` of instance `inst` (NULL if empty). `i` must be below
/// the shape's count, so the slot exists inline or in `slots`.
#[inline(always)]
pub fn inst_slot(inst: Value, i: usize) -> Value {
    let o = obj::<InstanceL>(inst);
    if i < o.ninline {
        // SAFETY: `i < ninline`: an inline slot of the live Instance.
        unsafe { *inst_inline_ptr(inst).add(i) }
    } else {
        array_get(o.slots, i - o.ninline)
    }
}

/// Stores `v` in attribute slot `i` of `inst`, which must exist (inline,
/// or in a `slots` Array large enough: see `inst_has_slot`).
#[inline(always)]
pub fn inst_set_slot(inst: Value, i: usize, v: Value) {
    let o = obj::<InstanceL>(inst);
    if i < o.ninline {
        // SAFETY: `i < ninline`: an inline slot of the live Instance.
        unsafe { store(inst, inst_inline_ptr(inst).add(i), v) }
    } else {
        array_set(o.slots, i - o.ninline, v);
    }
}

/// Whether `inst` has storage for slot `i` (inline or in its Array).
#[inline(always)]
pub fn inst_has_slot(inst: Value, i: usize) -> bool {
    let o = obj::<InstanceL>(inst);
    i < o.ninline || (!o.slots.is_null() && i - o.ninline < obj::<ArrayL>(o.slots).cap)
}

/// Empties every attribute slot of `inst` (inline ones set to NULL, the
/// Array dropped).
pub fn inst_clear_slots(inst: Value) {
    let n = obj::<InstanceL>(inst).ninline;
    // SAFETY: the `ninline` inline slots of the live Instance; all-zero
    // bytes are NULL Values, and storing NULL needs no barrier.
    unsafe { std::ptr::write_bytes(inst_inline_ptr(inst), 0, n) };
    set_field!(inst, InstanceL, slots, Value::NULL);
}

/// `FrameL::flags`: a reference to the frame has been handed out (a
/// traceback entry, `sys._getframe`, `f_back`, `tasklet.frame`, a pickle),
/// so it may be used after it returns and is never recycled.
pub const FRAME_ESCAPED: u32 = 1;

/// Marks `f` as escaped: it will not go back to the frame free list when it
/// returns (see `Vm::recycle_frame`). Every path that gives Python code or a
/// longer-lived object a reference to a frame calls this.
#[inline]
pub fn frame_escape(f: Value) -> Value {
    if f.is_ref() && kind_of(f) == Kind::Frame { obj::<FrameL>(f).flags |= FRAME_ESCAPED; }
    f
}

/// Tuple item write, used while filling a fresh tuple (tuples are immutable
/// once handed to Python code). Runs the barrier: allocation may have happened
/// since the tuple was created.
#[inline(always)]
pub fn tuple_init(t: Value, i: usize, v: Value) {
    debug_assert!(i < obj::<TupleL>(t).len);
    // SAFETY: `i < len`, a slot of the live tuple `t`.
    unsafe { store(t, tuple_items_ptr(t).add(i), v) }
}
