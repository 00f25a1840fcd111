//! skiff-vm: values, objects and types, the compiler (AST -> bytecode), the
//! stackless interpreter, frames, exceptions and import.
//!
//! The VM never names a concrete collector: it allocates through
//! `skiff_gc::GcPlugin`, chosen by the embedder (the root `skiff` package).
//! See `docs/ARCHITECTURE.md` for the map of this crate.

pub mod value;
#[macro_use]
pub mod heap;
pub mod names;
pub mod vm;
pub mod bytecode;
pub mod compiler;
pub mod dis;
pub mod code;
pub mod dict;
pub mod numeric;
pub mod ops;
pub mod object;
pub mod call;
pub mod interp;
pub mod exc;
pub mod iter;
pub mod containers;
pub mod bootstrap;
pub mod strfmt;
pub mod specialattrs;
pub mod builtin_iters;
pub mod import;
pub mod types;
pub mod io;
pub mod sched;
pub mod verify;

pub use value::Value;
pub use vm::{Vm, VmConfig, PyResult, PyErr, Exc, Ty, NativeFn};
