//! Register spilling for conservative stack scanning.
//!
//! A collection scans the running native stack conservatively (see the
//! storage rule in the crate docs), but a reference may live only in a
//! callee-saved register of some caller frame, where no stack scan sees it.
//! [`with_registers_spilled`] stores those registers into an array in its own
//! frame and then runs the collector in a frame below it, so a scan from a
//! stack pointer taken inside the collector ([`current_sp`]) up to the stack
//! base covers the spilled values:
//!
//! ```text
//!   higher addresses
//!   +--------------------------------+ <- stack base (hi end of the scan)
//!   | VM frames: Values in locals    |
//!   | and spill slots                |
//!   +--------------------------------+
//!   | with_registers_spilled         |
//!   |   regs[5] = r15                |
//!   |   regs[4] = r14                |
//!   |   regs[3] = r13                |    callee-saved registers as they
//!   |   regs[2] = r12                |    were on entry (x86-64 SysV)
//!   |   regs[1] = rbp                |
//!   |   regs[0] = rbx                |
//!   +--------------------------------+
//!   | call_below  (#[inline(never)]) |
//!   +--------------------------------+
//!   | f: the collector, RootSource:: |
//!   | conservative_ranges            | <- current_sp() (lo end of the scan)
//!   +--------------------------------+
//!   lower addresses
//! ```
//!
//! Caller-saved registers need no spilling: any caller that still needs a
//! value kept in one has saved it on its own stack frame before calling.
//!
//! On other architectures there is no inline assembly here:
//! [`with_registers_spilled`] still calls `f` from a frame below an
//! `#[inline(never)]` boundary, which on most ABIs forces live values into
//! stack slots or callee-saved registers that the callee then saves in its
//! own frame before reusing them, but this is best-effort, not a guarantee.
//! Port the assembly before relying on a conservative scan there.

use core::hint::black_box;

/// Number of registers [`with_registers_spilled`] stores.
const SPILLED: usize = 6;

/// Calls `f` with the callee-saved registers of the calling frame stored in a
/// stack array above `f`'s frame, so that a conservative scan of the stack
/// from a stack pointer taken inside `f` sees every value they held.
#[inline(always)]
pub fn with_registers_spilled<R>(f: impl FnOnce() -> R) -> R {
    let mut regs = [0usize; SPILLED];
    spill(&mut regs);
    // Make the array observable so it is really written to memory and not
    // optimised away before `f` runs.
    black_box(&mut regs);
    let result = call_below(f);
    // Keep the array alive (and its slots reserved) until `f` has returned.
    black_box(&regs);
    result
}

/// Stores rbx, rbp, r12, r13, r14 and r15 into `regs`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spill(regs: &mut [usize; SPILLED]) {
    // SAFETY: the assembly only reads six registers and writes six words
    // through a pointer to a live, exclusively borrowed array of exactly six
    // words. It does not touch the stack, the flags or any other register.
    // rbx and rbp cannot be asm operands, but they may be read by name.
    unsafe {
        core::arch::asm!(
            "mov [{p}], rbx",
            "mov [{p} + 8], rbp",
            "mov [{p} + 16], r12",
            "mov [{p} + 24], r13",
            "mov [{p} + 32], r14",
            "mov [{p} + 40], r15",
            p = in(reg) regs.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
}

/// Best-effort fallback: nothing is stored; the `#[inline(never)]` call in
/// [`with_registers_spilled`] is what makes callee-saved registers land on the
/// stack on most ABIs (see the module docs).
#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn spill(regs: &mut [usize; SPILLED]) {
    black_box(regs);
}

/// Runs `f` in a frame strictly below the caller's, so that the caller's
/// spill array lies above every stack pointer `f` can observe.
#[inline(never)]
fn call_below<R>(f: impl FnOnce() -> R) -> R {
    black_box(f)()
}

/// Zeroes `N` bytes of the dead stack below the caller. Native frames that
/// returned leave their values behind there, and the frames of a later
/// collection reuse those addresses with slots they never write, so a
/// conservative scan would see the stale values and keep garbage alive
/// (bdwgc's `GC_clear_stack` does the same). Call it before an explicit
/// collection and after deep native call chains return.
#[inline(never)]
pub fn clear_dead_stack<const N: usize>() {
    let mut buf = [0u8; N];
    // The writes must happen: make the buffer observable.
    black_box(&mut buf);
}

/// The current stack pointer (approximately: exact on x86-64, the address of
/// a local elsewhere). Everything the calling function and its callers keep
/// on the stack lies at or above the returned address.
#[inline(always)]
pub fn current_sp() -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        let sp: usize;
        // SAFETY: reads rsp into a register; no memory is accessed.
        unsafe {
            core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
        }
        sp
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let marker = 0u8;
        black_box(&marker) as *const u8 as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_call_runs_below_the_caller() {
        let local = 7u64;
        let local_addr = black_box(&local) as *const u64 as usize;
        let (sp, value) = with_registers_spilled(|| (current_sp(), 42));
        assert_eq!(value, 42);
        assert!(sp < local_addr, "sp {sp:#x} not below caller local {local_addr:#x}");
        // The stack pointer is on the same stack, not far away.
        assert!(local_addr - sp < 1 << 20);
    }

    #[test]
    fn current_sp_is_near_locals() {
        let local = 0u64;
        let addr = black_box(&local) as *const u64 as usize;
        let sp = current_sp();
        assert!(sp.abs_diff(addr) < 4096, "sp {sp:#x}, local {addr:#x}");
    }
}
