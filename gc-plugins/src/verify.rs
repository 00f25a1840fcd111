//! The heap verifier: checks, after a collection, that every reference in the
//! heap and in the precise roots points somewhere sensible.
//!
//! A collector describes its heap through [`HeapWalk`]; [`verify_heap`] then
//! visits every live object and checks
//!
//! - that its header's `info` pointer is non-null;
//! - that `size_of` reports a sane size: at least a header, a multiple of 8,
//!   and no more than the space the collector reserved for the object;
//! - that its trace function visits only 8-byte-aligned slots inside the
//!   object's body (never its header), or in side storage outside the heap
//!   (a code object's inline caches live in a Rust-heap buffer);
//! - that every reference word in those slots is either the start of a live
//!   object of this heap or an address outside the heap altogether (a static
//!   object): a reference into free memory or into the middle of an object
//!   is a dangling or corrupt reference;
//! - that objects whose type says `has_refs: false` really hold none.
//!
//! [`verify_roots`] applies the reference check to the precise roots of a
//! [`RootSource`]. Conservative ranges are not checked: they hold arbitrary
//! words by design.
//!
//! Errors name the first bad slot: the object's address and type, the slot's
//! offset in the object, the bad value, and what the value points at.

use crate::header::{is_reference_word, Header, Tracer, TypeInfo};
use crate::plugin::RootSource;

/// A collector's view of its own heap, for the verifier.
///
/// # Safety
///
/// Implementations promise that [`walk_objects`](HeapWalk::walk_objects)
/// passes only pointers to live objects of the heap (allocated blocks whose
/// header the VM may have filled in; possibly corrupt, which is what the
/// verifier is for, but readable memory of at least `capacity` bytes), and
/// that `is_object_start`, `owns_address` and `object_containing` answer
/// truthfully for the current state of the heap.
pub unsafe trait HeapWalk {
    /// Calls `f(obj, capacity)` for every live object, where `capacity` is the
    /// number of bytes reserved for the object (at least its size).
    fn walk_objects(&self, f: &mut dyn FnMut(*mut Header, usize));

    /// Whether `addr` is the start of a live object of this heap.
    fn is_object_start(&self, addr: usize) -> bool;

    /// Whether `addr` lies in memory this heap manages (live or free).
    fn owns_address(&self, addr: usize) -> bool;

    /// The live object whose reserved space contains `addr`, if the heap can
    /// tell; used only to make error messages precise.
    fn object_containing(&self, _addr: usize) -> Option<*mut Header> {
        None
    }
}

/// What a successful verification saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerifySummary {
    /// Live objects checked.
    pub objects: usize,
    /// Their total size as reported by `size_of`.
    pub bytes: usize,
    /// Reference slots visited (references or not).
    pub slots: usize,
    /// Slots that held a reference into this heap.
    pub heap_references: usize,
}

/// Checks every live object of `heap` and every reference slot in it (see the
/// module docs). Returns a description of the first problem found.
pub fn verify_heap(heap: &dyn HeapWalk) -> Result<VerifySummary, String> {
    let mut summary = VerifySummary::default();
    let mut error: Option<String> = None;
    heap.walk_objects(&mut |obj, capacity| {
        if error.is_some() {
            return;
        }
        // SAFETY: `HeapWalk`'s contract: `obj` is a live object with at least
        // `capacity` readable bytes.
        if let Err(e) = unsafe { check_object(heap, obj, capacity, &mut summary) } {
            error = Some(e);
        }
    });
    match error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// Checks that every precise root slot of `roots` holds either a non-reference
/// word, the start of a live object of `heap`, or an address outside `heap`.
pub fn verify_roots(heap: &dyn HeapWalk, roots: &dyn RootSource) -> Result<(), String> {
    let mut checker = RootChecker { heap, index: 0, error: None };
    roots.precise_roots(&mut checker);
    match checker.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// # Safety
/// `obj` must be readable for `capacity` bytes (see [`HeapWalk`]).
unsafe fn check_object(
    heap: &dyn HeapWalk,
    obj: *mut Header,
    capacity: usize,
    summary: &mut VerifySummary,
) -> Result<(), String> {
    let addr = obj as usize;
    if addr & 7 != 0 {
        return Err(format!("verify: object {addr:#x} is not 8-byte aligned"));
    }
    if capacity < core::mem::size_of::<Header>() {
        return Err(format!("verify: object {addr:#x} has capacity {capacity}, less than a header"));
    }
    // SAFETY: the header is within the `capacity >= 16` readable bytes.
    let info_ptr = unsafe { (*obj).info };
    if info_ptr.is_null() {
        return Err(format!("verify: object {addr:#x} has a null info pointer"));
    }
    if (info_ptr as usize) & (core::mem::align_of::<TypeInfo>() - 1) != 0 {
        return Err(format!("verify: object {addr:#x} has a misaligned info pointer {:#x}", info_ptr as usize));
    }
    // SAFETY: a non-null info pointer of a live object is a `&'static
    // TypeInfo` by the header invariant; a corrupt one cannot be detected
    // beyond the checks above.
    let info = unsafe { TypeInfo::of(obj) };
    // SAFETY: `obj` is a live object of type `info`.
    let size = unsafe { (info.size_of)(obj) };
    if size < core::mem::size_of::<Header>() || size & 7 != 0 || size > capacity {
        return Err(format!(
            "verify: object {addr:#x} ({}): size_of reports {size} bytes (capacity {capacity}); \
             it must be a multiple of 8, at least 16 and at most the capacity",
            info.name
        ));
    }
    let mut checker = SlotChecker {
        heap,
        obj: addr,
        name: info.name,
        size,
        has_refs: info.has_refs,
        slots: 0,
        heap_references: 0,
        error: None,
    };
    // SAFETY: `obj` is a live object of type `info`; the tracer only reads
    // slots after checking they lie inside the object.
    unsafe { (info.trace)(obj, &mut checker) };
    if let Some(e) = checker.error {
        return Err(e);
    }
    summary.objects += 1;
    summary.bytes += size;
    summary.slots += checker.slots;
    summary.heap_references += checker.heap_references;
    Ok(())
}

/// Describes what a reference word that is not an object start points at.
fn describe_bad_target(heap: &dyn HeapWalk, value: usize) -> String {
    match heap.object_containing(value) {
        Some(target) => {
            let target_addr = target as usize;
            // SAFETY: `object_containing` returns live objects only
            // (`HeapWalk` contract), whose info pointer is then readable.
            let name = unsafe { (*target).info.as_ref().map_or("<null info>", |i| i.name) };
            format!("an interior pointer into live object {target_addr:#x} ({name}) at +{}", value - target_addr)
        }
        None => "a dangling pointer into free heap memory".to_string(),
    }
}

/// Checks the slots an object's trace function visits.
struct SlotChecker<'a> {
    heap: &'a dyn HeapWalk,
    obj: usize,
    name: &'static str,
    size: usize,
    has_refs: bool,
    slots: usize,
    heap_references: usize,
    error: Option<String>,
}

impl Tracer for SlotChecker<'_> {
    fn visit(&mut self, slot: *mut u64) {
        if self.error.is_some() {
            return;
        }
        self.slots += 1;
        let (obj, name) = (self.obj, self.name);
        let s = slot as usize;
        let inside = s >= obj && s < obj + self.size;
        let side = !inside && !self.heap.owns_address(s);
        if s & 7 != 0 || (inside && s < obj + core::mem::size_of::<Header>()) || (inside && s + 8 > obj + self.size)
            || (!inside && !side)
        {
            self.error = Some(format!(
                "verify: object {obj:#x} ({name}, {} bytes): trace visited slot {s:#x}, \
                 which is neither an aligned body word of the object nor side storage outside the heap",
                self.size
            ));
            return;
        }
        let offset = s.wrapping_sub(obj);
        // SAFETY: the slot is an aligned word inside the object, which is
        // readable (checked just above against size <= capacity), or a word
        // of the object's side storage, which the `Tracer` contract makes
        // readable.
        let value = unsafe { slot.read() };
        if !is_reference_word(value) {
            return;
        }
        let value = value as usize;
        if self.heap.is_object_start(value) {
            self.heap_references += 1;
            if !self.has_refs {
                self.error = Some(format!(
                    "verify: object {obj:#x} ({name}) has has_refs = false but slot +{offset} \
                     holds heap reference {value:#x}"
                ));
            }
        } else if self.heap.owns_address(value) {
            self.error = Some(format!(
                "verify: object {obj:#x} ({name}) slot +{offset} holds {value:#x}, {}",
                describe_bad_target(self.heap, value)
            ));
        }
    }
}

/// Checks precise root slots.
struct RootChecker<'a> {
    heap: &'a dyn HeapWalk,
    index: usize,
    error: Option<String>,
}

impl Tracer for RootChecker<'_> {
    fn visit(&mut self, slot: *mut u64) {
        let index = self.index;
        self.index += 1;
        if self.error.is_some() {
            return;
        }
        // SAFETY: `RootSource::precise_roots` passes readable root slots.
        let value = unsafe { slot.read() };
        if !is_reference_word(value) {
            return;
        }
        let value = value as usize;
        if !self.heap.is_object_start(value) && self.heap.owns_address(value) {
            self.error = Some(format!(
                "verify: precise root #{index} (slot {:#x}) holds {value:#x}, {}",
                slot as usize,
                describe_bad_target(self.heap, value)
            ));
        }
    }
}
