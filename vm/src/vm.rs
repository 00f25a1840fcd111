//! The `Vm`: root table, builtin classes, interned strings, and the
//! allocation helpers every other module uses.

use crate::heap::{self, *};
use crate::value::Value;
use skiff_gc::{GcPlugin, RootSource, Tracer};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// Result of anything that may raise: the error is the exception instance.
pub type PyResult<T = Value> = Result<T, PyErr>;

/// A raised exception (an instance of a BaseException subclass).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

impl PyErr {
    /// Not an exception: the running tasklet was switched out softly (see
    /// sched.rs). Only a blocking builtin called directly from a tasklet's
    /// base dispatch loop returns it, and that loop handles it at once.
    pub const SWITCH: PyErr = PyErr(Value(0b1_1110));
    #[inline]
    pub fn is_switch(self) -> bool { self == PyErr::SWITCH }
}

/// A native function: `(vm, args, kwnames)`. `args` holds the positional
/// arguments followed by the keyword values named by `kwnames` (a tuple of
/// str, or NULL when there are none). For a method, `args[0]` is self.
pub type NativeFn = fn(&mut Vm, &[Value], Value) -> PyResult;

macro_rules! builtin_types {
    ($( $name:ident = $py:literal, )*) => {
        /// The builtin classes, by role.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Ty { $( $name, )* }
        impl Ty {
            pub const COUNT: usize = [$(Ty::$name,)*].len();
            pub const ALL: &'static [Ty] = &[$(Ty::$name,)*];
            pub fn py_name(self) -> &'static str { match self { $( Ty::$name => $py, )* } }
        }
    };
}

builtin_types! {
    Object = "object", Type = "type", Int = "int", Bool = "bool", Float = "float", Complex = "complex",
    Str = "str", Bytes = "bytes", ByteArray = "bytearray", Tuple = "tuple", List = "list", Dict = "dict",
    Set = "set", FrozenSet = "frozenset", NoneType = "NoneType", NotImplementedType = "NotImplementedType",
    EllipsisType = "ellipsis", Function = "function", BuiltinFunction = "builtin_function_or_method",
    Method = "method", Code = "code", Frame = "frame", Module = "module", Cell = "cell",
    Property = "property", StaticMethod = "staticmethod", ClassMethod = "classmethod", Super = "super",
    Slice = "slice", Range = "range", Traceback = "traceback", Generator = "generator",
    DictKeys = "dict_keys", DictValues = "dict_values", DictItems = "dict_items",
    ListIter = "list_iterator", TupleIter = "tuple_iterator", RangeIter = "range_iterator",
    StrIter = "str_ascii_iterator", BytesIter = "bytes_iterator", DictKeyIter = "dict_keyiterator",
    DictValueIter = "dict_valueiterator", DictItemIter = "dict_itemiterator", SetIter = "set_iterator",
    Enumerate = "enumerate", Zip = "zip", Map = "map", Filter = "filter", Reversed = "reversed",
    SeqIter = "iterator", CallIter = "callable_iterator", TextFile = "TextIOWrapper",
    BinaryFile = "BufferedReader", Misc = "object_internal", ListRevIter = "list_reverseiterator",
    Member = "member_descriptor", MappingProxy = "mappingproxy", StrIterU = "str_iterator",
}

macro_rules! builtin_exceptions {
    ($( $name:ident ($base:ident), )*) => {
        /// The builtin exception classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(usize)]
        pub enum Exc { $( $name, )* }
        impl Exc {
            pub const COUNT: usize = [$(Exc::$name,)*].len();
            pub const ALL: &'static [Exc] = &[$(Exc::$name,)*];
            pub fn py_name(self) -> &'static str { match self { $( Exc::$name => stringify!($name), )* } }
            /// The base class; BaseException names itself.
            pub fn base(self) -> Exc { match self { $( Exc::$name => Exc::$base, )* } }
        }
    };
}

builtin_exceptions! {
    BaseException(BaseException), SystemExit(BaseException), KeyboardInterrupt(BaseException),
    GeneratorExit(BaseException), Exception(BaseException), StopIteration(Exception),
    StopAsyncIteration(Exception), ArithmeticError(Exception), FloatingPointError(ArithmeticError),
    OverflowError(ArithmeticError), ZeroDivisionError(ArithmeticError), AssertionError(Exception),
    AttributeError(Exception), BufferError(Exception), EOFError(Exception), ImportError(Exception),
    ModuleNotFoundError(ImportError), LookupError(Exception), IndexError(LookupError),
    KeyError(LookupError), MemoryError(Exception), NameError(Exception),
    UnboundLocalError(NameError), OSError(Exception), FileNotFoundError(OSError),
    FileExistsError(OSError), IsADirectoryError(OSError), NotADirectoryError(OSError),
    PermissionError(OSError), TimeoutError(OSError), BlockingIOError(OSError),
    ChildProcessError(OSError), ConnectionError(OSError), BrokenPipeError(ConnectionError),
    ConnectionAbortedError(ConnectionError), ConnectionRefusedError(ConnectionError),
    ConnectionResetError(ConnectionError), InterruptedError(OSError), ProcessLookupError(OSError),
    ReferenceError(Exception),
    RuntimeError(Exception), NotImplementedError(RuntimeError), RecursionError(RuntimeError),
    SyntaxError(Exception), IndentationError(SyntaxError), TabError(IndentationError),
    SystemError(Exception), TypeError(Exception), ValueError(Exception), UnicodeError(ValueError),
    UnicodeDecodeError(UnicodeError), UnicodeEncodeError(UnicodeError), Warning(Exception),
    UserWarning(Warning), DeprecationWarning(Warning), RuntimeWarning(Warning),
}

/// Everything the VM keeps alive on its own: the precise root set.
pub struct Roots {
    pub types: [Cell<Value>; Ty::COUNT],
    pub excs: [Cell<Value>; Exc::COUNT],
    /// The frame being executed (top of the frame chain).
    pub frame: Cell<Value>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Cell<Value>,
    /// `sys.modules` (a dict).
    pub modules: Cell<Value>,
    /// The builtins module's dict.
    pub builtins: Cell<Value>,
    pub sys: Cell<Value>,
    pub empty_tuple: Cell<Value>,
    pub empty_str: Cell<Value>,
    /// The root shape (no attributes).
    pub root_shape: Cell<Value>,
    /// Returned frames kept for reuse, by slot count, linked through
    /// `back` (see `Vm::recycle_frame`).
    pub free_frames: [Cell<Value>; FREE_FRAME_CLASSES],
    /// Pre-interned names (see `names.rs`).
    pub names: [Cell<Value>; crate::names::N::COUNT],
    /// Values the VM keeps forever (shapes, native-module objects).
    pub immortal: RefCell<Vec<Value>>,
    /// Interned strings: identifier names, attribute names.
    /// FxHash: interning runs on hot paths (operator dunders), and SipHash's
    /// flooding resistance buys nothing for names the program itself uses.
    pub interned: RefCell<rustc_hash::FxHashMap<Box<str>, Value>>,
    /// Rust-side buffers registered as roots while they live (see `RootedVec`).
    pub buffers: RefCell<Vec<*const RefCell<Vec<Value>>>>,
    /// Highest address of the thread's native stack.
    pub stack_hi: Cell<usize>,
    /// Extra conservative ranges (suspended native stacks), filled by tasklets.
    pub extra_ranges: RefCell<Vec<(usize, usize)>>,
    /// `(base, subclass)` pairs of every class that has a subclass: weak
    /// roots (see `Vm::subclasses_of`), so a class that is no longer used
    /// dies although its bases list it, as CPython's `tp_subclasses` holds
    /// weak references. A collection zeroes the pairs of dead classes.
    pub subclasses: RefCell<Vec<[Value; 2]>>,
    /// The registry's length at which dead pairs are next dropped.
    pub subclasses_purge_at: Cell<usize>,
    /// The scheduler's values (see `sched::sr`).
    pub sched: [Cell<Value>; crate::sched::sr::COUNT],
    /// The first version number of this VM's range (see `Vm::fresh_version`):
    /// the method cache is per thread, and only this VM's entries are its
    /// roots.
    pub version_base: u64,
}

fn cell_slot(c: &Cell<Value>) -> *mut u64 { c.as_ptr() as *mut u64 }

impl RootSource for Roots {
    fn precise_roots(&self, t: &mut dyn Tracer) {
        for c in self.types.iter().chain(self.excs.iter()).chain(self.names.iter()) { t.visit(cell_slot(c)); }
        for c in [&self.frame, &self.exc_info, &self.modules, &self.builtins, &self.sys,
                  &self.empty_tuple, &self.empty_str, &self.root_shape] {
            t.visit(cell_slot(c));
        }
        for c in self.free_frames.iter() { t.visit(cell_slot(c)); }
        for c in self.sched.iter() {
            t.visit(cell_slot(c));
        }
        // The active frame chain's slots are roots in their own right: stores
        // into active frames skip the write barrier (see interp.rs), so a
        // generational collector must rescan them on every collection.
        let mut f = self.frame.get();
        while !f.is_null() {
            let n = obj::<FrameL>(f).nslots as usize;
            t.visit_range(frame_slots_ptr(f) as *mut u64, n);
            f = obj::<FrameL>(f).back;
        }
        if let Ok(mut v) = self.immortal.try_borrow_mut() {
            for x in v.iter_mut() { t.visit(x as *mut Value as *mut u64); }
        } else {
            panic!("immortal list borrowed during a collection");
        }
        if let Ok(mut m) = self.interned.try_borrow_mut() {
            for x in m.values_mut() { t.visit(x as *mut Value as *mut u64); }
        } else {
            panic!("intern table borrowed during a collection");
        }
        for &b in self.buffers.borrow().iter() {
            // SAFETY: a RootedVec unregisters itself before it is dropped, so
            // every registered pointer is live.
            let rv = unsafe { &*b };
            for x in rv.borrow_mut().iter_mut() { t.visit(x as *mut Value as *mut u64); }
        }
        // The method cache holds interned names and looked-up values (see
        // object.rs): a moving collector must update them.
        crate::object::trace_method_cache(self.version_base, VERSION_RANGE, t);
    }

    fn weak_roots(&self, visit: &mut dyn FnMut(*mut u64)) {
        let Ok(mut pairs) = self.subclasses.try_borrow_mut() else { panic!("subclass registry borrowed during a collection") };
        for pair in pairs.iter_mut() {
            for v in pair.iter_mut() {
                visit(v as *mut Value as *mut u64);
            }
        }
    }

    fn conservative_ranges(&self, visit: &mut dyn FnMut(*const u64, *const u64)) {
        let sp = skiff_gc::conservative::current_sp() & !7;
        let hi = self.stack_hi.get();
        if sp < hi { visit(sp as *const u64, hi as *const u64); }
        for &(lo, hi) in self.extra_ranges.borrow().iter() {
            visit(lo as *const u64, hi as *const u64);
        }
    }
}

/// A growable Rust-heap buffer of Values registered as a root while it lives
/// (DESIGN.md storage rule 1). Use sparingly; prefer GC lists.
pub struct RootedVec {
    /// The VM's root table; the VM is boxed and outlives every RootedVec.
    roots: *const Roots,
    cell: Box<RefCell<Vec<Value>>>,
}
impl RootedVec {
    pub fn new(roots: &Roots) -> Self {
        let cell = Box::new(RefCell::new(Vec::new()));
        roots.buffers.borrow_mut().push(&*cell as *const _);
        RootedVec { roots, cell }
    }
    pub fn push(&self, v: Value) { self.cell.borrow_mut().push(v) }
    pub fn len(&self) -> usize { self.cell.borrow().len() }
    pub fn is_empty(&self) -> bool { self.len() == 0 }
    pub fn get(&self, i: usize) -> Value { self.cell.borrow()[i] }
    pub fn set(&self, i: usize, v: Value) { self.cell.borrow_mut()[i] = v }
    /// An unrooted copy: valid only until the next allocation (a moving
    /// collector updates the rooted buffer, not the copy). Prefer `get`,
    /// `to_tuple` or `to_list`.
    pub fn to_vec(&self) -> Vec<Value> { self.cell.borrow().clone() }
    /// A new tuple of the items: allocated first, then filled from the
    /// rooted buffer, so the items are read after any collection.
    pub fn to_tuple(&self, vm: &Vm) -> Value {
        let n = self.len();
        if n == 0 { return vm.new_tuple(&[]); }
        let t = vm.alloc_tuple(n);
        for i in 0..n { tuple_init(t, i, self.get(i)); }
        t
    }
    /// A new list of the items (allocated first, then filled, as `to_tuple`).
    pub fn to_list(&self, vm: &Vm) -> Value {
        let n = self.len();
        let l = vm.new_list_cap(n);
        if n > 0 {
            let arr = obj::<ListL>(l).items;
            for i in 0..n { array_set(arr, i, self.get(i)); }
            obj::<ListL>(l).len = n;
        }
        l
    }
}
impl Drop for RootedVec {
    fn drop(&mut self) {
        let p = &*self.cell as *const _;
        // SAFETY: the VM (and its Roots) outlives every RootedVec it hands out.
        let roots = unsafe { &*self.roots };
        roots.buffers.borrow_mut().retain(|&q| !std::ptr::eq(q, p));
    }
}

/// Every VM takes the next range of `VERSION_RANGE` version numbers (see
/// `Vm::fresh_version`).
static VERSION_RANGES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
const VERSION_RANGE: u64 = 1 << 40;

/// Per-VM configuration from the embedder.
#[derive(Clone, Debug, Default)]
pub struct VmConfig {
    pub argv: Vec<String>,
    /// Directories searched by `import` (sys.path).
    pub path: Vec<String>,
}

/// A native module: its name and the function that fills its dict.
pub type NativeModuleInit = fn(&mut Vm, Value) -> PyResult<()>;

/// Frames with fewer slots than this are recycled when they return.
pub const FREE_FRAME_CLASSES: usize = 32;
/// At most this many free frames are kept per slot count.
pub const FREE_FRAMES_PER_CLASS: u16 = 64;

pub struct Vm {
    pub heap: Heap,
    /// Length of each `Roots::free_frames` list.
    pub free_frame_count: [u16; FREE_FRAME_CLASSES],
    pub r: Roots,
    pub config: VmConfig,
    /// Python call depth of the running code and its limit.
    pub depth: usize,
    pub recursion_limit: usize,
    /// Lowest address the native stack may reach before RecursionError.
    pub stack_limit: usize,
    /// Safe-point flag: set when something needs attention at the next poll.
    pub pending: Cell<bool>,
    /// Class-version counter (versions are unique across all classes).
    pub next_version: Cell<u64>,
    pub native_modules: HashMap<&'static str, NativeModuleInit>,
    /// Pure-Python modules shipped inside the binary: name -> source.
    pub bundled_modules: HashMap<&'static str, &'static str>,
    /// Source text of loaded files, for tracebacks.
    pub sources: HashMap<String, std::rc::Rc<str>>,
    /// Whether a `__del__` is running (finalizers do not nest).
    pub in_finalizer: bool,
    /// Instructions until the next safe-point slow path.
    pub countdown: i64,
    /// Set by RERAISE / bare `raise`: the next unwind step adds no traceback entry.
    pub reraising: bool,
    /// Set when a dispatch loop was left by a yield (vs. a return).
    pub yielded: bool,
    /// Return value of the last generator that finished (StopIteration.value).
    /// Not a root (the Vm lives on the Rust heap): it is set right before a
    /// generator resume or `send_into` returns `None`, and the caller takes
    /// it (`mem::replace`) before anything allocates.
    pub last_return: Value,
    /// Open files by index (see io.rs); 0-2 are the standard streams.
    pub files: Vec<Option<crate::io::FileState>>,
    /// Tasklet scheduler state (see sched.rs).
    pub sched: crate::sched::Sched,
    /// Dispatch loops active in the running tasklet (1 = only its base loop).
    pub loops: u32,
    /// Set by the dispatch loop just before it calls a builtin directly; a
    /// blocking builtin takes it at entry to learn it may switch softly.
    pub soft_call: bool,
}

/// Bytes of native stack kept free below the guard for Rust code that runs
/// after the check (error construction, printing).
pub const STACK_RED_ZONE: usize = 256 * 1024;

impl Vm {
    /// Creates a VM on the calling thread with the given collector.
    pub fn new(gc: Box<dyn GcPlugin>, config: VmConfig) -> Box<Vm> {
        let bounds = skiff_tasklets::stack::current_thread_stack();
        let nullc = || Cell::new(Value::NULL);
        let version_base = VERSION_RANGES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) * VERSION_RANGE;
        let r = Roots {
            types: std::array::from_fn(|_| nullc()),
            excs: std::array::from_fn(|_| nullc()),
            frame: nullc(), exc_info: Cell::new(Value::NONE), modules: nullc(), builtins: nullc(),
            sys: nullc(), empty_tuple: nullc(), empty_str: nullc(), root_shape: nullc(),
            names: std::array::from_fn(|_| nullc()),
            free_frames: std::array::from_fn(|_| nullc()),
            immortal: RefCell::new(Vec::new()), subclasses: RefCell::new(Vec::new()), subclasses_purge_at: Cell::new(64), interned: RefCell::new(rustc_hash::FxHashMap::default()),
            buffers: RefCell::new(Vec::new()),
            stack_hi: Cell::new(bounds.hi), extra_ranges: RefCell::new(Vec::new()),
            sched: std::array::from_fn(|_| nullc()),
            version_base,
        };
        let mut vm = Box::new(Vm {
            heap: Heap::new(gc), free_frame_count: [0; FREE_FRAME_CLASSES], r, config, depth: 0, recursion_limit: 1000,
            stack_limit: bounds.lo + STACK_RED_ZONE, pending: Cell::new(false),
            next_version: Cell::new(version_base + 1), native_modules: HashMap::new(), bundled_modules: HashMap::new(), sources: HashMap::new(),
            in_finalizer: false, countdown: crate::interp::SAFE_POINT_INTERVAL, reraising: false,
            yielded: false, last_return: Value::NONE, files: Vec::new(),
            sched: crate::sched::Sched::new(bounds), loops: 0, soft_call: false,
        });
        crate::bootstrap::bootstrap(&mut vm);
        vm
    }

    #[inline(always)]
    pub fn alloc(&self, kind: Kind, cls: Value, size: usize) -> Value {
        self.heap.alloc(&self.r, kind, cls, size)
    }
    #[inline(always)]
    pub fn ty(&self, t: Ty) -> Value { self.r.types[t as usize].get() }
    /// A pre-interned name.
    #[inline(always)]
    pub fn n(&self, n: crate::names::N) -> Value { self.r.names[n as usize].get() }
    #[inline(always)]
    pub fn exc_type(&self, e: Exc) -> Value { self.r.excs[e as usize].get() }
    /// A version number no other class or dict has used, in this VM or any
    /// other: versions key the method cache, which is per thread, so two VMs
    /// on one thread (one after the other) must never share one. Each VM
    /// counts in its own range of 2^40 (`VERSION_RANGE`).
    pub fn fresh_version(&self) -> u64 {
        let v = self.next_version.get();
        self.next_version.set(v + 1);
        v
    }
    /// Keeps `v` alive forever.
    pub fn immortalize(&self, v: Value) { self.r.immortal.borrow_mut().push(v) }

    /// Enters a recursive native operation (CPython's Py_EnterRecursiveCall):
    /// counts against the recursion limit like a Python call, and checks the
    /// native stack. Pair with `leave_recursive`.
    #[inline]
    pub fn enter_recursive(&mut self, what: &str) -> PyResult<()> {
        self.check_stack()?;
        self.depth += 1;
        if self.depth > self.recursion_limit {
            self.depth -= 1;
            return Err(self.new_exc(Exc::RecursionError, &format!("maximum recursion depth exceeded{what}")));
        }
        Ok(())
    }
    #[inline]
    pub fn leave_recursive(&mut self) { self.depth -= 1; }

    /// Native stack check: RecursionError when the native stack is nearly full.
    #[inline(always)]
    pub fn check_stack(&mut self) -> PyResult<()> {
        let sp = skiff_gc::conservative::current_sp();
        if sp < self.stack_limit {
            return Err(self.new_exc(Exc::RecursionError, "maximum recursion depth exceeded"));
        }
        Ok(())
    }

    // -- allocation helpers ------------------------------------------------

    pub fn new_str(&self, s: &str) -> Value {
        if s.is_empty() && !self.r.empty_str.get().is_null() { return self.r.empty_str.get(); }
        let n = s.len();
        let v = self.alloc(Kind::Str, self.ty(Ty::Str), std::mem::size_of::<StrL>() + n);
        let o = obj::<StrL>(v);
        o.hash = -1;
        o.nbytes = n;
        o.nchars = if s.is_ascii() { n } else { s.chars().count() };
        // SAFETY: the new Str has room for `n` bytes after its fixed part.
        unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), str_data_ptr(v), n) };
        v
    }
    /// Interned string: equal names share one object (pointer equality).
    pub fn intern(&self, s: &str) -> Value {
        if let Some(&v) = self.r.interned.borrow().get(s) { return v; }
        let v = self.new_str(s);
        self.r.interned.borrow_mut().insert(s.into(), v);
        v
    }
    pub fn new_bytes(&self, b: &[u8]) -> Value {
        let n = b.len();
        let v = self.alloc(Kind::Bytes, self.ty(Ty::Bytes), std::mem::size_of::<BytesL>() + n);
        let o = obj::<BytesL>(v);
        o.hash = -1;
        o.len = n;
        // SAFETY: room for `n` bytes after the fixed part.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), bytes_data_ptr(v), n) };
        v
    }
    pub fn new_float(&self, f: f64) -> Value {
        let v = self.alloc(Kind::Float, self.ty(Ty::Float), std::mem::size_of::<FloatL>());
        obj::<FloatL>(v).val = f;
        v
    }
    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        let v = self.alloc(Kind::Complex, self.ty(Ty::Complex), std::mem::size_of::<ComplexL>());
        let o = obj::<ComplexL>(v);
        o.re = re;
        o.im = im;
        v
    }
    pub fn new_int(&self, i: i64) -> Value {
        match Value::try_small(i) {
            Some(v) => v,
            None => self.new_bigint_raw(num_bigint::BigInt::from(i)),
        }
    }
    /// An int from a BigInt, normalised to a small int when it fits.
    pub fn new_bigint(&self, b: num_bigint::BigInt) -> Value {
        use num_traits::ToPrimitive;
        if let Some(i) = b.to_i64() { if let Some(v) = Value::try_small(i) { return v; } }
        self.new_bigint_raw(b)
    }
    fn new_bigint_raw(&self, b: num_bigint::BigInt) -> Value {
        let v = self.alloc(Kind::BigInt, self.ty(Ty::Int), std::mem::size_of::<BigIntL>());
        // The digits live on the Rust heap until the drop hook frees them;
        // the collector counts them towards its next collection (8 bytes a
        // digit plus the allocator's header).
        self.heap.gc.note_external_memory(((b.bits() as usize + 63) / 64) * 8 + 16);
        // SAFETY: the field is uninitialised (zeroed) memory; write without dropping it.
        unsafe { std::ptr::write(&mut obj::<BigIntL>(v).val, std::mem::ManuallyDrop::new(b)) };
        v
    }
    /// A tuple of `items`, which must live in memory the collector sees
    /// and updates (a native stack array, or a slice of a GC object held by
    /// a local), never in a Rust `Vec`: the allocation may move them (use
    /// `RootedVec::to_tuple` or `rooted_tuple` for those). The same holds
    /// for every `&[Value]` argument of a function that allocates before
    /// it has read all of them (`new_list`, `call`, `new_set`, ...).
    pub fn new_tuple(&self, items: &[Value]) -> Value {
        if items.is_empty() && !self.r.empty_tuple.get().is_null() { return self.r.empty_tuple.get(); }
        let t = self.alloc_tuple(items.len());
        // Initialising stores right after the allocation: no barrier
        // (GcPlugin safety point 6).
        // SAFETY: the fresh tuple has `items.len()` slots after its fixed part.
        unsafe { std::ptr::copy_nonoverlapping(items.as_ptr(), tuple_items_ptr(t), items.len()) };
        t
    }
    /// A tuple of `n` NULL items, to be filled with `tuple_init`.
    pub fn alloc_tuple(&self, n: usize) -> Value {
        let t = self.alloc(Kind::Tuple, self.ty(Ty::Tuple), std::mem::size_of::<TupleL>() + 8 * n);
        let o = obj::<TupleL>(t);
        o.len = n;
        o.hash = -1;
        t
    }
    pub fn new_array(&self, cap: usize) -> Value {
        let a = self.alloc(Kind::Array, Value::NULL, std::mem::size_of::<ArrayL>() + 8 * cap);
        obj::<ArrayL>(a).cap = cap;
        a
    }
    /// `alloc`, raising MemoryError when the collector cannot provide `size`
    /// bytes (None: the size overflowed) instead of aborting: for objects
    /// whose size a program chooses (`[x] * n`, `list(range(n))`).
    pub fn try_alloc(&mut self, kind: Kind, cls: Value, size: Option<usize>) -> PyResult<Value> {
        match size.and_then(|s| self.heap.try_alloc(&self.r, kind, cls, s)) {
            Some(v) => Ok(v),
            None => Err(self.new_exc(Exc::MemoryError, "")),
        }
    }
    /// `new_array`, raising MemoryError when memory is short.
    pub fn try_new_array(&mut self, cap: usize) -> PyResult<Value> {
        let size = cap.checked_mul(8).and_then(|b| b.checked_add(std::mem::size_of::<ArrayL>()));
        let a = self.try_alloc(Kind::Array, Value::NULL, size)?;
        obj::<ArrayL>(a).cap = cap;
        Ok(a)
    }
    /// `alloc_tuple`, raising MemoryError when memory is short.
    pub fn try_alloc_tuple(&mut self, n: usize) -> PyResult<Value> {
        let size = n.checked_mul(8).and_then(|b| b.checked_add(std::mem::size_of::<TupleL>()));
        let t = self.try_alloc(Kind::Tuple, self.ty(Ty::Tuple), size)?;
        let o = obj::<TupleL>(t);
        o.len = n;
        o.hash = -1;
        Ok(t)
    }
    pub fn new_raw_array(&self, cap: usize) -> Value {
        let a = self.alloc(Kind::RawArray, Value::NULL, std::mem::size_of::<RawArrayL>() + cap);
        obj::<RawArrayL>(a).cap = cap;
        a
    }
    /// A list of `items` (on a native stack or in a GC object, as for
    /// `new_tuple`).
    pub fn new_list(&self, items: &[Value]) -> Value {
        let l = self.new_list_cap(items.len());
        if !items.is_empty() {
            let arr = obj::<ListL>(l).items;
            for (i, &x) in items.iter().enumerate() { array_set(arr, i, x); }
            obj::<ListL>(l).len = items.len();
        }
        l
    }
    /// A tuple of the items of the list `l`: allocated first, then filled
    /// from the list (no Python code runs in an allocation, so the list
    /// cannot change meanwhile), so no copy of the items spans the
    /// allocation.
    pub fn list_to_tuple(&self, l: Value) -> Value {
        let n = obj::<ListL>(l).len;
        if n == 0 { return self.new_tuple(&[]); }
        let t = self.alloc_tuple(n);
        for (i, &x) in list_slice(l).iter().enumerate() { tuple_init(t, i, x); }
        t
    }
    /// A new list with the items of the list or tuple `src` (allocated
    /// first, then filled, as `list_to_tuple`).
    pub fn seq_to_list(&self, src: Value) -> Value {
        let items = || -> &[Value] { if kind_of(src) == Kind::Tuple { tuple_slice(src) } else { list_slice(src) } };
        let n = items().len();
        let l = self.new_list_cap(n);
        if n > 0 {
            let arr = obj::<ListL>(l).items;
            for (i, &x) in items().iter().enumerate() { array_set(arr, i, x); }
            obj::<ListL>(l).len = n;
        }
        l
    }
    pub fn new_list_cap(&self, cap: usize) -> Value {
        let l = self.alloc(Kind::List, self.ty(Ty::List), std::mem::size_of::<ListL>());
        if cap > 0 {
            let arr = self.new_array(cap);
            set_field!(l, ListL, items, arr);
        }
        l
    }
    pub fn new_obj4(&self, kind: Kind, cls: Value, s: [Value; 4]) -> Value {
        let v = self.alloc(kind, cls, std::mem::size_of::<Obj4L>());
        for (i, x) in s.into_iter().enumerate() { set_s4(v, i, x); }
        v
    }
    pub fn new_cell(&self, contents: Value) -> Value {
        self.new_obj4(Kind::Cell, self.ty(Ty::Cell), [contents, Value::NULL, Value::NULL, Value::NULL])
    }
    pub fn new_builtin(&self, name: &str, f: NativeFn, bound: Value) -> Value {
        let nm = self.intern(name);
        let v = self.alloc(Kind::Builtin, self.ty(Ty::BuiltinFunction), std::mem::size_of::<BuiltinL>());
        set_field!(v, BuiltinL, name, nm);
        set_field!(v, BuiltinL, bound, bound);
        obj::<BuiltinL>(v).fptr = f as usize;
        v
    }
    pub fn new_bound_method(&self, func: Value, this: Value) -> Value {
        self.new_obj4(Kind::BoundMethod, self.ty(Ty::Method), [func, this, Value::NULL, Value::NULL])
    }

    // -- small conveniences --------------------------------------------------

    /// Python class of any value.
    #[inline(always)]
    pub fn type_of(&self, v: Value) -> Value {
        if v.is_ref() { return cls_of(v); }
        if v.is_int() { return self.ty(Ty::Int); }
        match v {
            Value::NONE => self.ty(Ty::NoneType),
            Value::TRUE | Value::FALSE => self.ty(Ty::Bool),
            Value::NOT_IMPLEMENTED => self.ty(Ty::NotImplementedType),
            Value::ELLIPSIS => self.ty(Ty::EllipsisType),
            _ => self.ty(Ty::Object),
        }
    }
    /// `type(v).__name__`
    pub fn type_name(&self, v: Value) -> String {
        let c = self.type_of(v);
        if c.is_null() { return "<internal>".into(); }
        str_ref(obj::<ClassL>(c).name).to_string()
    }
    pub fn is_str(&self, v: Value) -> bool { v.is_ref() && kind_of(v) == Kind::Str }
    pub fn tuple_items(&self, t: Value) -> &'static [Value] { heap::tuple_slice(t) }
}
