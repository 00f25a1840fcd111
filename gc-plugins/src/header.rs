//! The object header and the per-type layout description.
//!
//! Invariant: every object a plugin hands out starts with a [`Header`] whose
//! `info` is a `&'static TypeInfo` and whose body is zeroed, so that a trace
//! function run on a fresh object sees only empty (zero) reference words.

use static_assertions::const_assert_eq;

/// The two-word header at the start of every heap object.
#[repr(C)]
pub struct Header {
    /// Layout of this object. Never null for a live object.
    pub info: *const TypeInfo,
    /// GC flag bits (see [`flags`]); owned by the active plugin except for the
    /// bits documented as the VM's.
    pub flags: usize,
}

const_assert_eq!(core::mem::size_of::<Header>(), 16);
const_assert_eq!(memoffset::offset_of!(Header, info), 0);
const_assert_eq!(memoffset::offset_of!(Header, flags), 8);

/// Bits of [`Header::flags`].
pub mod flags {
    /// Set by a collector on reachable objects during marking.
    pub const MARK: usize = 1 << 0;
    /// A finalizer is registered and has not run yet.
    pub const FINALIZER: usize = 1 << 1;
    /// The object has been queued for finalization (it will not be queued again).
    pub const FINALIZED: usize = 1 << 2;
    /// Referenced from a conservative root in the current collection.
    pub const PINNED: usize = 1 << 3;
    /// Write barrier requested: the generational plugin sets this on old objects.
    pub const BARRIER: usize = 1 << 4;
    /// First bit a plugin may use for its own purposes; bits from 16 up belong to
    /// the VM (e.g. per-object state the interpreter keeps in the header).
    pub const PLUGIN_FIRST: usize = 1 << 5;
    pub const VM_SHIFT: u32 = 16;
}

/// Receives the reference slots of an object (or of a root set).
pub trait Tracer {
    /// `slot` points to one word that may hold a reference (see
    /// [`is_reference_word`]). A moving collector may rewrite it.
    fn visit(&mut self, slot: *mut u64);

    /// Visits `len` consecutive words starting at `start`.
    fn visit_range(&mut self, start: *mut u64, len: usize) {
        for i in 0..len {
            // Pointer arithmetic only; the tracer decides what to read.
            self.visit(start.wrapping_add(i));
        }
    }

    /// Whether this tracer marks for a full collection, so that a root
    /// source may drop its *cache* roots (slots that only remember values
    /// for speed, such as the VM's method cache) instead of visiting them:
    /// a cache must not keep what it caches alive for ever. False for
    /// minor collections (which must update cache slots when objects move)
    /// and for verifiers.
    fn drops_cache_roots(&self) -> bool {
        false
    }
}

/// Whether a word stored in a reference slot is a heap reference.
#[inline(always)]
pub fn is_reference_word(w: u64) -> bool {
    w != 0 && (w & 7) == 0
}

/// Layout and behaviour of one kind of object, shared by all objects of it.
pub struct TypeInfo {
    /// Name for diagnostics and heap dumps.
    pub name: &'static str,
    /// The VM's kind number; opaque to collectors.
    pub kind: u32,
    /// Whether objects of this kind may contain references at all. Objects
    /// without references may be allocated "atomic" (never scanned).
    pub has_refs: bool,
    /// Total size in bytes of the object at `obj`, header included, rounded
    /// up to 8. Must not change while the object is live.
    pub size_of: unsafe fn(obj: *const Header) -> usize,
    /// Visits every reference slot of the object at `obj` exactly once.
    ///
    /// It may run on a collector's helper threads (parallel marking), on
    /// several objects at once, while other threads set mark bits in object
    /// headers with atomic operations. So it must only read the object's
    /// body and call `tracer.visit` / `visit_range`: no writes, no state
    /// shared with the mutator or other calls, and no plain reads of any
    /// header's `flags` (that would be a data race; use an atomic load).
    pub trace: unsafe fn(obj: *mut Header, tracer: &mut dyn Tracer),
    /// Releases Rust-heap resources the object owns (e.g. big-integer digits)
    /// when the collector frees it. It must not allocate, must not touch other
    /// heap objects and must not run Python code.
    pub drop: Option<unsafe fn(obj: *mut Header)>,
}

impl TypeInfo {
    /// The `TypeInfo` of a live object.
    ///
    /// # Safety
    /// `obj` must point to a live object's header.
    #[inline(always)]
    pub unsafe fn of(obj: *const Header) -> &'static TypeInfo {
        // SAFETY: the caller guarantees `obj` is a live object, whose `info` is a
        // valid `&'static TypeInfo` by the header invariant.
        unsafe { &*(*obj).info }
    }
}
