//! Run-time binding to the system's bdwgc (`libgc.so.1`, Debian `libgc1`).
//!
//! The library is opened with `dlopen` and its entry points looked up with
//! `dlsym` the first time a [`BoehmGc`](crate::BoehmGc) is created, so that
//! neither this crate nor the default skiff binary links against it. The
//! function table is built once per process and never unloaded (bdwgc cannot
//! be shut down), which is what makes `&'static Api` sound.
//!
//! ```text
//!   OnceLock<Result<Api, String>>
//!        |  first use: dlopen("libgc.so.1") + dlsym("GC_...") for each entry
//!        v
//!   Api { malloc: extern "C" fn, ... }  -- plain C function pointers, 'static
//! ```
//!
//! The signatures below are those of bdwgc 8.2's `gc.h`, `gc_mark.h` and
//! `gc_disclaim.h`; every pointer-sized integer is `usize` (`size_t` /
//! `GC_word` on every platform skiff targets).

use core::ffi::{c_char, c_int, c_uint, c_void};
use std::ffi::CStr;
use std::sync::OnceLock;

/// The shared object we load, and the Debian package that ships it.
pub(crate) const SONAME: &str = "libgc.so.1";

/// `GC_finalization_proc`.
pub(crate) type FinalizerProc = unsafe extern "C" fn(obj: *mut c_void, client_data: *mut c_void);
/// `GC_disclaim_proc`: nonzero keeps the object.
pub(crate) type DisclaimProc = unsafe extern "C" fn(obj: *mut c_void) -> c_int;
/// `GC_stop_func`: nonzero abandons the collection.
pub(crate) type StopFunc = unsafe extern "C" fn() -> c_int;
/// `GC_push_other_roots_proc`.
pub(crate) type PushOtherRootsProc = unsafe extern "C" fn();
/// `GC_on_collection_event_proc` (the event is a C enum, passed as `int`).
pub(crate) type CollectionEventProc = unsafe extern "C" fn(event: c_int);
/// `GC_fn_type`, for `GC_call_with_alloc_lock`.
pub(crate) type LockedFn = unsafe extern "C" fn(client_data: *mut c_void) -> *mut c_void;

/// `GC_EVENT_START`, `GC_EVENT_RECLAIM_END` and `GC_EVENT_END` of
/// `GC_EventType`.
pub(crate) const GC_EVENT_START: c_int = 0;
pub(crate) const GC_EVENT_RECLAIM_END: c_int = 4;
pub(crate) const GC_EVENT_END: c_int = 5;

/// `struct GC_stack_base` on every target but IA-64 (which adds `reg_base`).
#[repr(C)]
pub(crate) struct GcStackBase {
    /// The "bottom" of the stack: its highest address on a downward-growing
    /// stack, one past the last word that belongs to it.
    pub mem_base: *mut c_void,
}

/// The bdwgc entry points skiff uses. Optional ones are `None` in library
/// versions that lack them.
pub(crate) struct Api {
    pub init: unsafe extern "C" fn(),
    pub malloc: unsafe extern "C" fn(usize) -> *mut c_void,
    pub malloc_atomic: unsafe extern "C" fn(usize) -> *mut c_void,
    pub malloc_uncollectable: unsafe extern "C" fn(usize) -> *mut c_void,
    pub free: unsafe extern "C" fn(*mut c_void),
    pub gcollect: unsafe extern "C" fn(),
    pub try_to_collect: unsafe extern "C" fn(StopFunc) -> c_int,
    pub base: unsafe extern "C" fn(*mut c_void) -> *mut c_void,
    pub disable: unsafe extern "C" fn(),
    pub enable: unsafe extern "C" fn(),
    pub get_push_other_roots: unsafe extern "C" fn() -> Option<PushOtherRootsProc>,
    pub set_push_other_roots: unsafe extern "C" fn(Option<PushOtherRootsProc>),
    pub push_all_eager: unsafe extern "C" fn(*mut c_void, *mut c_void),
    pub register_finalizer_no_order: unsafe extern "C" fn(
        obj: *mut c_void,
        proc_: Option<FinalizerProc>,
        client_data: *mut c_void,
        old_proc: *mut Option<FinalizerProc>,
        old_client_data: *mut *mut c_void,
    ),
    pub set_finalize_on_demand: unsafe extern "C" fn(c_int),
    pub invoke_finalizers: unsafe extern "C" fn() -> c_int,
    pub should_invoke_finalizers: unsafe extern "C" fn() -> c_int,
    pub get_heap_size: unsafe extern "C" fn() -> usize,
    pub get_free_bytes: unsafe extern "C" fn() -> usize,
    pub get_gc_no: unsafe extern "C" fn() -> usize,
    pub set_stackbottom: unsafe extern "C" fn(gc_thread_handle: *mut c_void, sb: *const GcStackBase),
    pub get_my_stackbottom: unsafe extern "C" fn(sb: *mut GcStackBase) -> *mut c_void,
    pub call_with_alloc_lock: unsafe extern "C" fn(LockedFn, *mut c_void) -> *mut c_void,
    pub new_free_list: unsafe extern "C" fn() -> *mut *mut c_void,
    pub new_kind: unsafe extern "C" fn(free_list: *mut *mut c_void, descr: usize, adjust: c_int, clear: c_int) -> c_uint,
    pub register_disclaim_proc: unsafe extern "C" fn(kind: c_int, proc_: DisclaimProc, mark_from_all: c_int),
    pub generic_malloc: unsafe extern "C" fn(usize, c_int) -> *mut c_void,
    pub set_java_finalization: unsafe extern "C" fn(c_int),
    pub set_markers_count: Option<unsafe extern "C" fn(c_uint)>,
    pub set_on_collection_event: Option<unsafe extern "C" fn(Option<CollectionEventProc>)>,
    pub set_warn_proc: Option<unsafe extern "C" fn(WarnProc)>,
    /// `GC_is_marked(base)`: whether the last collection marked the object
    /// that starts at `base` (with the allocation lock held).
    pub is_marked: Option<unsafe extern "C" fn(*const c_void) -> c_int>,
}

/// bdwgc's warning callback: a printf format with one word argument.
pub type WarnProc = unsafe extern "C" fn(msg: *mut core::ffi::c_char, arg: usize);

static API: OnceLock<Result<Api, String>> = OnceLock::new();

/// The process-wide function table, loading the library on first use.
pub(crate) fn api() -> Result<&'static Api, String> {
    API.get_or_init(|| load(SONAME)).as_ref().map_err(Clone::clone)
}

/// The message for a missing library: it names the package to install.
pub(crate) fn missing_library_message(soname: &str) -> String {
    format!("the boehm collector needs the Debian package libgc1 ({soname} not found)")
}

/// Opens `soname` and looks up every entry point.
pub(crate) fn load(soname: &str) -> Result<Api, String> {
    let c_name = std::ffi::CString::new(soname).map_err(|e| e.to_string())?;
    // SAFETY: `c_name` is a NUL-terminated string that outlives the call.
    // Loading bdwgc runs no initialisers that touch skiff's state.
    let handle = unsafe { libc::dlopen(c_name.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if handle.is_null() {
        // `dlerror` says the same in more words; the package name is what
        // the user needs.
        let _ = dl_error();
        return Err(missing_library_message(soname));
    }

    /// Looks up `$name` and converts it to the function pointer type the
    /// field it is assigned to expects.
    macro_rules! sym {
        ($name:literal) => {{
            let p = lookup(handle, concat!($name, "\0"));
            if p.is_null() {
                return Err(format!("{soname} lacks {} (bdwgc 8.2 or newer is needed)", $name));
            }
            // SAFETY: `p` is the address of the C function `$name`, whose
            // signature in bdwgc's headers is the field's type; function and
            // data pointers have the same size on every supported target.
            unsafe { core::mem::transmute::<*mut c_void, _>(p) }
        }};
    }
    /// Like `sym!` but `None` when the symbol is absent.
    macro_rules! optional_sym {
        ($name:literal) => {{
            let p = lookup(handle, concat!($name, "\0"));
            if p.is_null() {
                None
            } else {
                // SAFETY: as in `sym!`.
                Some(unsafe { core::mem::transmute::<*mut c_void, _>(p) })
            }
        }};
    }

    Ok(Api {
        init: sym!("GC_init"),
        malloc: sym!("GC_malloc"),
        malloc_atomic: sym!("GC_malloc_atomic"),
        malloc_uncollectable: sym!("GC_malloc_uncollectable"),
        free: sym!("GC_free"),
        gcollect: sym!("GC_gcollect"),
        try_to_collect: sym!("GC_try_to_collect"),
        base: sym!("GC_base"),
        disable: sym!("GC_disable"),
        enable: sym!("GC_enable"),
        get_push_other_roots: sym!("GC_get_push_other_roots"),
        set_push_other_roots: sym!("GC_set_push_other_roots"),
        push_all_eager: sym!("GC_push_all_eager"),
        register_finalizer_no_order: sym!("GC_register_finalizer_no_order"),
        set_finalize_on_demand: sym!("GC_set_finalize_on_demand"),
        invoke_finalizers: sym!("GC_invoke_finalizers"),
        should_invoke_finalizers: sym!("GC_should_invoke_finalizers"),
        get_heap_size: sym!("GC_get_heap_size"),
        get_free_bytes: sym!("GC_get_free_bytes"),
        get_gc_no: sym!("GC_get_gc_no"),
        set_stackbottom: sym!("GC_set_stackbottom"),
        get_my_stackbottom: sym!("GC_get_my_stackbottom"),
        call_with_alloc_lock: sym!("GC_call_with_alloc_lock"),
        new_free_list: sym!("GC_new_free_list"),
        new_kind: sym!("GC_new_kind"),
        register_disclaim_proc: sym!("GC_register_disclaim_proc"),
        generic_malloc: sym!("GC_generic_malloc"),
        set_java_finalization: sym!("GC_set_java_finalization"),
        set_markers_count: optional_sym!("GC_set_markers_count"),
        set_on_collection_event: optional_sym!("GC_set_on_collection_event"),
        set_warn_proc: optional_sym!("GC_set_warn_proc"),
        is_marked: optional_sym!("GC_is_marked"),
    })
}

/// `dlsym(handle, name)`; `name` must end in NUL.
fn lookup(handle: *mut c_void, name: &str) -> *mut c_void {
    debug_assert!(name.ends_with('\0'));
    // SAFETY: `handle` came from a successful `dlopen` and is never closed;
    // `name` is NUL-terminated (checked above, and built with `concat!`).
    unsafe { libc::dlsym(handle, name.as_ptr().cast::<c_char>()) }
}

/// The text of the last `dlerror`, or a placeholder.
fn dl_error() -> String {
    // SAFETY: `dlerror` returns null or a NUL-terminated string valid until
    // the next dl* call on this thread; we copy it out at once.
    unsafe {
        let msg = libc::dlerror();
        if msg.is_null() {
            "unknown dlopen error".to_string()
        } else {
            CStr::from_ptr(msg).to_string_lossy().into_owned()
        }
    }
}

/// The highest address of the calling thread's stack (its "bottom" in
/// bdwgc's terms), from `pthread_getattr_np`.
pub(crate) fn current_thread_stack_base() -> Result<*mut c_void, String> {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` before it is read
    // and destroyed once; `addr` and `size` are written by
    // `pthread_attr_getstack` before use.
    unsafe {
        let mut attr: libc::pthread_attr_t = core::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return Err("pthread_getattr_np failed".into());
        }
        let mut addr: *mut c_void = core::ptr::null_mut();
        let mut size: usize = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 || addr.is_null() {
            return Err("pthread_attr_getstack failed".into());
        }
        Ok(addr.cast::<u8>().add(size).cast())
    }
}

/// Monotonic time in nanoseconds (async-signal-safe, allocation-free: usable
/// inside bdwgc's collection-event callback).
pub(crate) fn monotonic_ns() -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}
