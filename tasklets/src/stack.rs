//! Bounds of the calling OS thread's native stack.
//!
//! The VM's native stack guard compares the stack pointer against `lo` (plus
//! a red zone) so that runaway Rust recursion becomes `RecursionError` before
//! it reaches the guard page, and the collector's conservative root scan reads
//! every word from the current stack pointer up to `hi`. Both ask for the
//! bounds often, so they are queried from the OS once per thread and cached in
//! a thread-local.
//!
//! ```text
//!   higher addresses
//!   +--------------------------+ <- hi (one past the highest usable byte;
//!   | thread start-up, main()  |       the stack base: frames grow down from it)
//!   | ... older frames ...     |
//!   | current frame            | <- stack pointer: a conservative scan
//!   |                          |    covers [sp, hi)
//!   | (not yet used)           |
//!   | red zone (stack guard)   |
//!   +--------------------------+ <- lo (lowest usable address as the OS
//!   | guard page(s)            |       reports it)
//!   lower addresses
//! ```
//!
//! These are the bounds of the *OS thread's* stack. Tasklet coroutine stacks
//! have their own bounds, which the coroutine module will report when it
//! exists; code running on such a stack must not use these.
//!
//! On Linux (glibc and musl) the bounds come from `pthread_getattr_np` and
//! `pthread_attr_getstack`; for the main thread glibc derives the size from
//! `RLIMIT_STACK`, so `lo` may lie below pages the kernel has not mapped yet
//! (the stack grows on demand down to it). On macOS they come from
//! `pthread_get_stackaddr_np` / `pthread_get_stacksize_np`. Other systems are
//! not supported yet and fail to compile.

use std::cell::Cell;

/// The address range `[lo, hi)` of a native stack. Stacks grow downwards:
/// `hi` is the base, where the first frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackBounds {
    /// Lowest usable address.
    pub lo: usize,
    /// One past the highest usable address (the stack base).
    pub hi: usize,
}

impl StackBounds {
    /// Whether `addr` lies on this stack.
    #[inline]
    pub fn contains(&self, addr: usize) -> bool {
        self.lo <= addr && addr < self.hi
    }

    /// Size of the stack in bytes.
    #[inline]
    pub fn size(&self) -> usize {
        self.hi - self.lo
    }
}

thread_local! {
    // `Cell<Option<..>>` of a `Copy` type has no destructor, so this can be
    // read even while the thread's other thread-locals are being destroyed.
    static BOUNDS: Cell<Option<StackBounds>> = const { Cell::new(None) };
}

/// The bounds of the calling OS thread's stack, queried once per thread.
///
/// Panics if the OS cannot report them (which does not happen for threads
/// created by `std::thread` or for the main thread on supported systems).
pub fn current_thread_stack() -> StackBounds {
    BOUNDS.with(|cached| match cached.get() {
        Some(bounds) => bounds,
        None => {
            let bounds = query_os();
            cached.set(Some(bounds));
            bounds
        }
    })
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn query_os() -> StackBounds {
    use std::mem::MaybeUninit;

    let mut attr = MaybeUninit::<libc::pthread_attr_t>::uninit();
    let mut addr: *mut libc::c_void = std::ptr::null_mut();
    let mut size: libc::size_t = 0;
    // SAFETY: `pthread_getattr_np` initialises `attr` for the calling thread
    // (`pthread_self()` is always valid) when it returns 0, which we check
    // before using it; `pthread_attr_getstack` only reads the initialised
    // attribute object and writes the two out-parameters, which are valid
    // locals; the attribute object is destroyed exactly once, after its last
    // use, and only if it was initialised.
    unsafe {
        let rc = libc::pthread_getattr_np(libc::pthread_self(), attr.as_mut_ptr());
        assert_eq!(rc, 0, "pthread_getattr_np failed with error {rc}");
        let rc = libc::pthread_attr_getstack(attr.as_ptr(), &mut addr, &mut size);
        libc::pthread_attr_destroy(attr.as_mut_ptr());
        assert_eq!(rc, 0, "pthread_attr_getstack failed with error {rc}");
    }
    let lo = addr as usize;
    StackBounds { lo, hi: lo + size }
}

#[cfg(target_vendor = "apple")]
fn query_os() -> StackBounds {
    // SAFETY: both functions only read the descriptor of the calling thread,
    // which is valid for as long as the thread runs.
    let (top, size) = unsafe {
        let this = libc::pthread_self();
        (libc::pthread_get_stackaddr_np(this) as usize, libc::pthread_get_stacksize_np(this))
    };
    StackBounds { lo: top - size, hi: top }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
compile_error!("skiff-tasklets: stack bounds are not implemented for this OS yet");

#[cfg(test)]
mod tests {
    use super::*;

    fn local_address() -> usize {
        let x = 0u64;
        std::hint::black_box(&x) as *const u64 as usize
    }

    #[test]
    fn bounds_contain_locals_and_are_cached() {
        let b = current_thread_stack();
        assert!(b.lo < b.hi, "{b:?}");
        assert!(b.contains(local_address()), "{b:?} vs {:#x}", local_address());
        assert_eq!(current_thread_stack(), b);
        // A heap address is not on the stack.
        let heap = Box::new(0u64);
        assert!(!b.contains(&*heap as *const u64 as usize));
    }

    #[test]
    fn spawned_thread_reports_its_own_stack() {
        const SIZE: usize = 4 << 20;
        let outer = current_thread_stack();
        let inner = std::thread::Builder::new()
            .stack_size(SIZE)
            .spawn(|| {
                let b = current_thread_stack();
                assert!(b.contains(local_address()), "{b:?}");
                b
            })
            .unwrap()
            .join()
            .unwrap();
        assert_ne!(inner, outer);
        // The OS may round the size up to pages and may or may not count the
        // guard page, but the stack is about the size we asked for.
        assert!(inner.size() >= SIZE - 64 * 1024, "{inner:?} size {}", inner.size());
        assert!(inner.size() <= SIZE + 1024 * 1024, "{inner:?} size {}", inner.size());
    }
}
