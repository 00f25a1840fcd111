//! The nursery's memory: one block the young generation is bump-allocated
//! from, its free segments, and the table that finds objects in it.
//!
//! This module owns every raw access the collector makes to nursery memory
//! outside object copying (filler headers, object walks).
//!
//! ```text
//!   base                                                              end
//!   +--------+------+-----------+--------+--------------------------+
//!   | young objects | filler    | island | young | (free: cursor..) |
//!   +--------+------+-----------+--------+--------------------------+
//!   |<-- segment 0 ----------->|         |<-- segment 1 (current) ->|
//! ```
//!
//! **Segments.** The free space between *islands* (objects pinned by a
//! conservative root in some minor collection, which stay where they are
//! and belong to the old generation from then on) is a list of segments in
//! address order. Allocation bumps a cursor through the current segment and
//! moves to the next when an object does not fit, writing a *filler* over
//! the rest of the one it leaves.
//!
//! **Invariant (parseable below the cursor):** every byte of the nursery
//! below `cursor` belongs to exactly one of: a young object, a filler, an
//! island. So from any object start below the cursor, adding `size_of` steps
//! object by object up to the cursor.
//!
//! **Scan starts.** The nursery is divided into 4 KiB *cards*; `starts[k]`
//! is the lowest object start (young object, filler or island) in card `k`,
//! or 0 when none is known. The published bump limit never crosses a card
//! boundary, so the first allocation in each card goes through the slow
//! path, which records it: a lookup walks at most from the nearest recorded
//! start, about one card. (Mono's SGen keeps "scan starts" for the same
//! purpose.)

use std::alloc::{alloc, dealloc, Layout};
use std::cell::Cell;

use skiff_gc::{Header, Tracer, TypeInfo};

/// Bytes per card of the scan-start table (and the most a bump-allocation
/// fast path may run before the slow path sees it).
pub const CARD: usize = 4096;

/// The smallest nursery accepted (smaller configurations are rounded up).
pub const MIN_NURSERY: usize = 64 * 1024;

unsafe fn filler_size(obj: *const Header) -> usize {
    // SAFETY: a filler keeps its size in its flags word (see `write_filler`).
    unsafe { (*obj).flags }
}

unsafe fn filler8_size(_obj: *const Header) -> usize {
    8
}

unsafe fn no_trace(_obj: *mut Header, _t: &mut dyn Tracer) {}

/// Dead space of 16 bytes or more: its size is in the flags word.
pub static FILLER: TypeInfo =
    TypeInfo { name: "<nursery filler>", kind: u32::MAX, has_refs: false, size_of: filler_size, trace: no_trace, drop: None };

/// Dead space of exactly one word (only the info word exists).
pub static FILLER8: TypeInfo =
    TypeInfo { name: "<nursery filler8>", kind: u32::MAX, has_refs: false, size_of: filler8_size, trace: no_trace, drop: None };

/// Whether `info` is one of the fillers.
#[inline]
pub fn is_filler(info: *const TypeInfo) -> bool {
    std::ptr::eq(info, &FILLER) || std::ptr::eq(info, &FILLER8)
}

/// The nursery block and its bookkeeping. The bump cursor and limit are
/// separate `Cell`s owned by the plugin (their addresses are published).
pub struct Nursery {
    pub base: usize,
    pub end: usize,
    /// Free segments `(start, end)` in address order; `seg` indexes the
    /// current one.
    segments: Vec<(usize, usize)>,
    seg: Cell<usize>,
    /// Scan starts per card (module docs).
    starts: Vec<Cell<usize>>,
    /// Bytes of the segments left behind since the last reset (allocated or
    /// filled), for statistics.
    used_before: Cell<usize>,
}

impl Nursery {
    /// A nursery of `size` bytes (rounded up to a card, at least
    /// [`MIN_NURSERY`]); `None` if the OS refuses the memory.
    pub fn new(size: usize) -> Option<Nursery> {
        let size = size.max(MIN_NURSERY).div_ceil(CARD) * CARD;
        let layout = Layout::from_size_align(size, CARD).ok()?;
        // SAFETY: the layout has a non-zero size.
        let p = unsafe { alloc(layout) };
        if p.is_null() {
            return None;
        }
        let base = p as usize;
        let n = Nursery {
            base,
            end: base + size,
            segments: vec![(base, base + size)],
            seg: Cell::new(0),
            starts: (0..size / CARD).map(|_| Cell::new(0)).collect(),
            used_before: Cell::new(0),
        };
        Some(n)
    }

    pub fn size(&self) -> usize {
        self.end - self.base
    }

    #[inline(always)]
    pub fn contains(&self, addr: usize) -> bool {
        addr >= self.base && addr < self.end
    }

    /// The current segment `(start, end)`.
    pub fn current(&self) -> (usize, usize) {
        self.segments.get(self.seg.get()).copied().unwrap_or((self.end, self.end))
    }

    /// Records an object start for the scan-start table.
    #[inline]
    pub fn record_start(&self, addr: usize) {
        if addr < self.end {
            let c = &self.starts[(addr - self.base) / CARD];
            let s = c.get();
            if s == 0 || addr < s {
                c.set(addr);
            }
        }
    }

    /// The bump limit to publish for `cursor` in a segment ending at
    /// `seg_end`: never past the next card boundary.
    #[inline]
    pub fn limit_for(cursor: usize, seg_end: usize) -> usize {
        seg_end.min((cursor | (CARD - 1)) + 1)
    }

    /// Leaves the current segment at `cursor`: writes a filler over its rest
    /// and moves to the next. Returns the new current segment, or `None`
    /// when the nursery is exhausted.
    pub fn next_segment(&self, cursor: usize) -> Option<(usize, usize)> {
        let (start, end) = self.current();
        if cursor < end {
            // SAFETY: `[cursor, end)` is free space of the current segment,
            // inside the nursery block, that no object occupies.
            unsafe { write_filler(cursor, end - cursor) };
            self.record_start(cursor);
        }
        self.used_before.set(self.used_before.get() + (end - start));
        self.seg.set(self.seg.get() + 1);
        self.segments.get(self.seg.get()).copied()
    }

    /// Bytes allocated (or abandoned to fillers) since the last reset, the
    /// current segment up to `cursor` included.
    pub fn used(&self, cursor: usize) -> usize {
        let (start, _) = self.current();
        self.used_before.get() + cursor.saturating_sub(start)
    }

    /// Starts over after a minor collection: the segments become the gaps
    /// between `islands` (sorted `(start, size)`, all inside the nursery),
    /// scan starts are cleared except the islands'. With `poison`, free
    /// memory below `poison` is overwritten with a pattern so that a stale
    /// reference to a moved object reads garbage at once.
    pub fn reset(&mut self, islands: &[(usize, usize)], poison: Option<usize>) {
        self.segments.clear();
        let mut at = self.base;
        for &(start, size) in islands {
            if start > at {
                self.segments.push((at, start));
            }
            at = at.max(start + size);
        }
        if at < self.end {
            self.segments.push((at, self.end));
        }
        self.seg.set(0);
        self.used_before.set(0);
        for c in &self.starts {
            c.set(0);
        }
        for &(start, _) in islands {
            self.record_start(start);
        }
        for &(s, _) in &self.segments {
            self.record_start(s);
        }
        if let Some(upto) = poison {
            for &(s, e) in &self.segments {
                let e = e.min(upto);
                if s < e {
                    // SAFETY: free segments are nursery memory no object uses.
                    unsafe { std::ptr::write_bytes(s as *mut u8, 0xfb, e - s) };
                }
            }
        }
    }

    /// The young object, filler or island whose extent contains `addr`, if
    /// `addr < cursor` (above the cursor nothing is parseable; islands there
    /// are found by the old generation's lookup). Returns its start and size.
    pub fn object_containing(&self, addr: usize, cursor: usize) -> Option<(*mut Header, usize)> {
        if addr < self.base || addr >= cursor.min(self.end) {
            return None;
        }
        let mut k = (addr - self.base) / CARD;
        let mut at = loop {
            let s = self.starts[k].get();
            if s != 0 && s <= addr {
                break s;
            }
            if k == 0 {
                return None;
            }
            k -= 1;
        };
        while at < cursor {
            let obj = at as *mut Header;
            // SAFETY: by the parseability invariant, `at` (a recorded start
            // or the end of the previous object, below the cursor) is the
            // start of a young object, a filler or an island, whose info
            // word is valid and whose size_of reads only its own words.
            let size = unsafe { (TypeInfo::of(obj).size_of)(obj) };
            let size = (size + 7) & !7;
            if size == 0 {
                return None;
            }
            if addr < at + size {
                return Some((obj, size));
            }
            at += size;
        }
        None
    }
}

impl Nursery {
    /// [`Nursery::object_containing`] by a walk from the nursery's base
    /// (for the verifier).
    pub fn object_containing_slow(&self, addr: usize, cursor: usize) -> Option<*mut Header> {
        let mut at = self.base;
        while at < cursor.min(self.end) {
            let obj = at as *mut Header;
            // SAFETY: parseable below the cursor (module docs).
            let size = (unsafe { (TypeInfo::of(obj).size_of)(obj) } + 7) & !7;
            if size == 0 {
                return None;
            }
            if addr >= at && addr < at + size {
                return Some(obj);
            }
            at += size;
        }
        None
    }
}

impl Drop for Nursery {
    fn drop(&mut self) {
        let layout = Layout::from_size_align(self.size(), CARD).expect("valid at creation");
        // SAFETY: allocated in `new` with this layout; freed once.
        unsafe { dealloc(self.base as *mut u8, layout) };
    }
}

/// Writes a filler over `len` bytes (a multiple of 8) at `at`.
///
/// # Safety
/// `[at, at + len)` must be writable memory no live object uses.
pub unsafe fn write_filler(at: usize, len: usize) {
    debug_assert!(len % 8 == 0 && len > 0);
    let h = at as *mut Header;
    // SAFETY: the caller guarantees the range is ours to write.
    unsafe {
        if len == 8 {
            (h as *mut *const TypeInfo).write(&FILLER8);
        } else {
            h.write(Header { info: &FILLER, flags: len });
        }
    }
}
