//! skiff-gc: the boundary between the skiff VM and its garbage collectors.
//!
//! The VM never names a concrete collector. It allocates, stores references and
//! asks for collections through [`GcPlugin`], an `unsafe trait` whose `# Safety`
//! section is the whole contract; collectors find the VM's roots through
//! [`RootSource`]. Every heap object starts with a [`Header`] whose first word is
//! a `&'static` [`TypeInfo`]: the precise layout description a collector uses to
//! size and trace the object.
//!
//! ```text
//!   object address (8-byte aligned, what a Value holds)
//!   |
//!   v
//!   +-----------------+-----------------+-------------------------------+
//!   | info: *TypeInfo | flags: usize    | body (layout owned by the VM) |
//!   +-----------------+-----------------+-------------------------------+
//!     word 0            word 1            words 2..
//! ```
//!
//! **Reference words.** A slot visited by a trace function holds a reference iff
//! it is non-zero and its low three bits are zero (the VM tags small integers and
//! immediates in those bits). A reference may point outside the collector's heap
//! (a static object); collectors ignore such references.
//!
//! This crate also holds the collector-independent helpers (register spilling for
//! conservative stack scanning, the heap verifier, the work-stealing
//! [`parallel`] tracing protocol) and the reference collector, [`marksweep`].

pub mod header;
pub mod plugin;
pub mod conservative;
pub mod marksweep;
pub mod parallel;
mod sync;
pub mod verify;
pub mod barriercheck;

pub use header::{Header, TypeInfo, Tracer, flags, is_reference_word};
pub use plugin::{Barrier, CollectKind, FastPaths, GcConfig, GcParams, GcPlugin, GcStats, RootSource};
