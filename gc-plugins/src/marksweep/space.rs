//! The memory of the mark-sweep heap: size-classed chunks for small objects
//! and individually allocated large objects, with address lookup.
//!
//! This module owns every raw access to heap memory the collector makes
//! (block headers, free-list links, chunk headers); the rest of `marksweep`
//! works with the safe methods of [`Space`].
//!
//! A chunk is `CHUNK_SIZE` bytes aligned to `CHUNK_SIZE`, so masking any
//! address inside it gives its base. It holds blocks of one size class:
//!
//! ```text
//!   base (CHUNK_SIZE-aligned)
//!   |
//!   v
//!   +-------------+---------+---------+---------+-----+---------+-------+
//!   | ChunkHeader | block 0 | block 1 | block 2 | ... | block   | slack |
//!   | class, size | (bs)    |         |         |     | n-1     |       |
//!   +-------------+---------+---------+---------+-----+---------+-------+
//!   0             FIRST_BLOCK         FIRST_BLOCK + i * bs              CHUNK_SIZE
//!
//!   allocated block:  | info: *TypeInfo (non-null) | flags | body ...    |
//!   free block:       | 0                          | next  | (garbage)   |
//! ```
//!
//! A block is allocated iff its first word is non-null: a free block stores
//! zero there and the next free block of its size class in the second word,
//! so one word tells interior-pointer lookup, the sweeper and the verifier
//! whether a block holds an object. Large objects (more than `MAX_SMALL`
//! bytes) come from `std::alloc` one by one and live in an ordered map from
//! start address to size, where a range query finds the object containing an
//! address.
//!
//! **Foreign objects.** A generational collector can hand the space objects
//! that live in memory it owns (young objects pinned where they are, see
//! `skiff-gc-generational`): [`Space::adopt_foreign`] enters them in the
//! large-object map, so lookup, marking, walking and sweeping treat them as
//! large objects, except that the sweep never returns their memory to the
//! OS and reports each one it frees in `freed_foreign` instead, and they do
//! not count in `heap_bytes`.
//!
//! **Fresh blocks.** A new chunk is not formatted: its header counts the
//! blocks handed out so far (`used`), and the blocks after them are fresh,
//! never touched, handed out in address order by [`Space::bump`] once the
//! class's free list is empty. So a size class used by a few objects costs
//! a few touched pages, not a whole chunk of resident memory, and
//! allocation into a growing heap (the generational collector's promotion)
//! bumps a pointer instead of following a free list through cold memory.
//! Walkers (sweep, lookup, verification) see only the first `used` blocks.
//!
//! **Invariant:** `chunks` is sorted and holds exactly the chunks in use;
//! every block below `used` of every chunk in use is either allocated (a
//! live object header) or free (first word zero). Chunks in `spare` hold no
//! objects.

#[cfg(not(unix))]
use std::alloc::alloc;
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ptr::null_mut;

use crate::header::{flags, Header, TypeInfo};

/// Size and alignment of a chunk.
pub(super) const CHUNK_SIZE: usize = 256 * 1024;
/// Offset of the first block in a chunk (room for the header, cache-line aligned).
const FIRST_BLOCK: usize = 64;
/// Largest object size served from chunks; larger ones are large objects.
pub(super) const MAX_SMALL: usize = 2048;
/// Empty chunks kept for reuse instead of being returned to the OS.
const MAX_SPARE_CHUNKS: usize = 16;
/// Alignment of large objects.
pub(super) const LARGE_ALIGN: usize = 16;

/// Block sizes: multiples of 8 up to 64, then four classes per power of two
/// (at most 25% apart, so at most 20% of a block is slack).
pub(super) const CLASS_SIZES: [usize; NCLASSES] = [
    16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768,
    896, 1024, 1280, 1536, 1792, 2048,
];
pub(super) const NCLASSES: usize = 27;

/// `CLASS_OF[ceil(size / 8)]` is the smallest class whose blocks hold `size`.
static CLASS_OF: [u8; MAX_SMALL / 8 + 1] = build_class_table();

const fn build_class_table() -> [u8; MAX_SMALL / 8 + 1] {
    let mut table = [0u8; MAX_SMALL / 8 + 1];
    let mut words = 0;
    let mut class = 0;
    while words <= MAX_SMALL / 8 {
        while CLASS_SIZES[class] < words * 8 {
            class += 1;
        }
        table[words] = class as u8;
        words += 1;
    }
    table
}

/// The size class for an object of `size <= MAX_SMALL` bytes.
#[inline(always)]
pub(super) fn class_of(size: usize) -> usize {
    CLASS_OF[(size + 7) >> 3] as usize
}

/// A free block: first word zero, second word the next free block.
#[repr(C)]
pub(super) struct FreeBlock {
    zero: usize,
    next: *mut FreeBlock,
}

/// Pops the first block of a free list.
///
/// # Safety
/// `head` must be non-null and the head of a free list built by [`Space`]
/// (a free block of a chunk in use).
#[inline(always)]
pub(super) unsafe fn pop_free(head: *mut FreeBlock) -> (*mut u8, *mut FreeBlock) {
    // SAFETY: the caller guarantees `head` is a free block, whose second word
    // is the link.
    let next = unsafe { (*head).next };
    (head as *mut u8, next)
}

#[repr(C)]
struct ChunkHeader {
    class: u32,
    block_size: u32,
    nblocks: u32,
    /// Blocks `[0, used)` have been handed out (module docs).
    used: u32,
}

const _: () = assert!(core::mem::size_of::<ChunkHeader>() <= FIRST_BLOCK);

/// A new chunk: `CHUNK_SIZE` bytes aligned to `CHUNK_SIZE`, or null if the
/// OS refuses. On Unix it is mapped straight from the OS rather than taken
/// from malloc: an aligned malloc block leaves alignment holes that malloc
/// keeps resident, and a chunk given back to malloc stays resident in its
/// arena, so the process kept tens of megabytes more than the heap held.
/// A mapping is given back whole by `os_chunk_free`.
fn os_chunk_alloc() -> *mut u8 {
    #[cfg(unix)]
    {
        let len = 2 * CHUNK_SIZE;
        // SAFETY: an anonymous private mapping of `len` bytes; only the
        // aligned chunk inside it is kept, the rest is unmapped at once.
        unsafe {
            let p = libc::mmap(null_mut(), len, libc::PROT_READ | libc::PROT_WRITE,
                               libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
            if p == libc::MAP_FAILED {
                return null_mut();
            }
            let start = p as usize;
            let base = (start + CHUNK_SIZE - 1) & !(CHUNK_SIZE - 1);
            let (head, tail) = (base - start, start + len - (base + CHUNK_SIZE));
            if head > 0 {
                libc::munmap(start as *mut libc::c_void, head);
            }
            if tail > 0 {
                libc::munmap((base + CHUNK_SIZE) as *mut libc::c_void, tail);
            }
            base as *mut u8
        }
    }
    #[cfg(not(unix))]
    {
        // SAFETY: the layout has a non-zero size.
        unsafe { alloc(chunk_layout()) }
    }
}

/// Returns a chunk from `os_chunk_alloc` to the OS.
///
/// # Safety
/// `base` must come from `os_chunk_alloc`, hold nothing still in use, and
/// not be freed twice.
unsafe fn os_chunk_free(base: *mut u8) {
    #[cfg(unix)]
    // SAFETY: `base` is a `CHUNK_SIZE` mapping of ours (caller).
    unsafe {
        libc::munmap(base as *mut libc::c_void, CHUNK_SIZE);
    }
    #[cfg(not(unix))]
    // SAFETY: allocated with `chunk_layout()` (caller).
    unsafe {
        dealloc(base, chunk_layout())
    }
}

#[cfg_attr(unix, allow(dead_code))]
fn chunk_layout() -> Layout {
    // A power of two no larger than isize::MAX: always a valid layout.
    Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).expect("chunk layout")
}

fn large_layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size, LARGE_ALIGN).ok()
}

/// Frees the large object at `start`, `size` bytes long, and its prefix.
///
/// # Safety
/// `start` must come from [`Space::alloc_large`] with `size`, `prefixes`
/// must be its space's map, and nothing may use the object afterwards.
unsafe fn free_large(prefixes: &mut HashMap<usize, usize>, start: usize, size: usize) {
    let prefix = prefixes.remove(&start).unwrap_or(0);
    let layout = large_layout(size + prefix).expect("layout was valid at allocation");
    // SAFETY: allocated by `alloc_large` with this layout at `start -
    // prefix` (caller).
    unsafe { dealloc((start - prefix) as *mut u8, layout) };
}

/// What a sweep found.
#[derive(Default)]
pub(super) struct SweepOutcome {
    pub live_bytes: usize,
    pub live_objects: usize,
    pub freed_objects: usize,
    pub freed_bytes: usize,
}

/// Chunks, large objects and the bounds of both.
pub(super) struct Space {
    /// Bases of chunks in use, sorted ascending.
    chunks: Vec<usize>,
    /// The same bases in an open-addressing hash set (0 = empty slot), so
    /// the marker's address lookup is one or two probes instead of a binary
    /// search. Rebuilt whenever `chunks` changes.
    index: Vec<usize>,
    /// Empty chunks kept for reuse (not in `chunks`).
    spare: Vec<usize>,
    /// Large objects: start address -> size in bytes.
    large: BTreeMap<usize, usize>,
    large_bytes: usize,
    /// Starts of the entries of `large` that are foreign objects (module
    /// docs): not ours to deallocate.
    foreign: HashSet<usize>,
    /// Large objects allocated with room before their header (a
    /// generational collector's card table): start -> bytes before it.
    prefixes: HashMap<usize, usize>,
    /// Foreign objects freed by sweeps, `(start, size)`, until taken.
    pub(super) freed_foreign: Vec<(usize, usize)>,
    /// `[lo, hi)` covers every chunk in use and every large object: a cheap
    /// first test for conservative words, most of which point elsewhere.
    lo: usize,
    hi: usize,
    /// Per size class, the chunk whose fresh blocks [`Space::bump`] hands
    /// out (0: none).
    fresh: [usize; NCLASSES],
}

impl Space {
    pub(super) fn new() -> Space {
        Space {
            chunks: Vec::new(),
            index: Vec::new(),
            spare: Vec::new(),
            large: BTreeMap::new(),
            large_bytes: 0,
            foreign: HashSet::new(),
            prefixes: HashMap::new(),
            freed_foreign: Vec::new(),
            lo: usize::MAX,
            hi: 0,
            fresh: [0; NCLASSES],
        }
    }

    /// Bytes obtained from the OS and not returned (chunks in use and spare,
    /// and large objects).
    pub(super) fn heap_bytes(&self) -> usize {
        (self.chunks.len() + self.spare.len()) * CHUNK_SIZE + self.large_bytes
    }

    /// Hands out the next fresh block of `class` (its first word zero, the
    /// rest unspecified), or null if the class has no chunk with fresh
    /// blocks left.
    #[inline]
    pub(super) fn bump(&mut self, class: usize) -> *mut u8 {
        let base = self.fresh[class];
        if base == 0 {
            return null_mut();
        }
        // SAFETY: `fresh` holds only chunks in use, whose header `add_chunk`
        // wrote; the mutator is the only writer of `used`.
        let h = unsafe { &mut *(base as *mut ChunkHeader) };
        if h.used == h.nblocks {
            self.fresh[class] = 0;
            return null_mut();
        }
        let block = (base + FIRST_BLOCK + h.used as usize * h.block_size as usize) as *mut u8;
        h.used += 1;
        // SAFETY: a block of this chunk (index below `nblocks`), which we
        // own; a zero first word makes it a free block for walkers until
        // the caller writes its header.
        unsafe { (block as *mut usize).write(0) };
        block
    }

    /// The next fresh block of `class`, from a new chunk if need be (null
    /// if the OS refuses memory).
    #[inline]
    pub(super) fn bump_or_add(&mut self, class: usize) -> *mut u8 {
        let block = self.bump(class);
        if block.is_null() { self.add_chunk(class) } else { block }
    }

    /// Takes a chunk (a spare one, or a new one from the OS) for size class
    /// `class`, makes it the class's fresh chunk and returns its first block
    /// as [`Space::bump`] does, or null if the OS refuses memory.
    #[inline(never)]
    pub(super) fn add_chunk(&mut self, class: usize) -> *mut u8 {
        let base = match self.spare.pop() {
            Some(base) => base,
            None => {
                let p = os_chunk_alloc();
                if p.is_null() {
                    return null_mut();
                }
                p as usize
            }
        };
        let block_size = CLASS_SIZES[class];
        let nblocks = (CHUNK_SIZE - FIRST_BLOCK) / block_size;
        // SAFETY: `base` is a chunk we own exclusively (fresh, or spare and
        // therefore holding no objects), CHUNK_SIZE bytes long and aligned,
        // so the header lies inside it and is writable. No block is formatted
        // (`used` is zero).
        unsafe {
            (base as *mut ChunkHeader).write(ChunkHeader {
                class: class as u32,
                block_size: block_size as u32,
                nblocks: nblocks as u32,
                used: 0,
            });
        }
        let pos = self.chunks.binary_search(&base).unwrap_err();
        self.chunks.insert(pos, base);
        self.rebuild_index();
        self.lo = self.lo.min(base);
        self.hi = self.hi.max(base + CHUNK_SIZE);
        self.fresh[class] = base;
        self.bump(class)
    }

    /// Allocates a zeroed large object of `size` bytes, with `prefix` zeroed
    /// bytes (a multiple of `LARGE_ALIGN`) before it that belong to whoever
    /// allocated it, or null if the OS refuses memory.
    pub(super) fn alloc_large(&mut self, size: usize, prefix: usize) -> *mut u8 {
        debug_assert!(prefix % LARGE_ALIGN == 0);
        let Some(layout) = size.checked_add(prefix).and_then(large_layout) else { return null_mut() };
        // SAFETY: `size > MAX_SMALL > 0`, so the layout is not zero-sized.
        let base = unsafe { alloc_zeroed(layout) };
        if base.is_null() {
            return base;
        }
        // SAFETY: `prefix` bytes into an allocation of `size + prefix`.
        let p = unsafe { base.add(prefix) };
        let start = p as usize;
        if prefix != 0 {
            self.prefixes.insert(start, prefix);
        }
        self.large.insert(start, size);
        self.large_bytes += size;
        self.lo = self.lo.min(start);
        self.hi = self.hi.max(start + size);
        p
    }

    /// Frees the large object at `start` (not a foreign one) and returns
    /// its size.
    ///
    /// # Safety
    /// `start` must be a large object of this space from
    /// [`Space::alloc_large`] that nothing uses any more.
    pub(super) unsafe fn free_large_object(&mut self, start: usize) -> usize {
        debug_assert!(!self.foreign.contains(&start));
        let size = self.large.remove(&start).expect("free_large_object of a large object");
        // SAFETY: allocated by `alloc_large` with `size` (caller), unused.
        unsafe { free_large(&mut self.prefixes, start, size) };
        self.large_bytes -= size;
        self.recompute_bounds();
        size
    }

    /// Enters the foreign object at `start`, `size` bytes long, in the
    /// large-object map (module docs).
    ///
    /// # Safety
    /// `start` must be a live object of `size` bytes (its `size_of`, rounded
    /// up to 8) in memory that outlives its entry here, overlapping no
    /// other object of this space; it stays valid until a sweep reports it
    /// in `freed_foreign`.
    pub(super) unsafe fn adopt_foreign(&mut self, start: usize, size: usize) {
        let clash = self.large.insert(start, size);
        debug_assert!(clash.is_none(), "foreign object {start:#x} adopted twice");
        self.foreign.insert(start);
        self.lo = self.lo.min(start);
        self.hi = self.hi.max(start + size);
    }

    /// The chunk containing `addr`, if it is a chunk in use.
    #[inline]
    fn chunk_of(&self, addr: usize) -> Option<usize> {
        let base = addr & !(CHUNK_SIZE - 1);
        if self.index.is_empty() { return None; }
        let mask = self.index.len() - 1;
        let mut i = Self::slot_of(base, mask);
        loop {
            let b = self.index[i];
            if b == base { return Some(base); }
            if b == 0 { return None; }
            i = (i + 1) & mask;
        }
    }

    #[inline(always)]
    fn slot_of(base: usize, mask: usize) -> usize {
        (((base / CHUNK_SIZE) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
    }

    /// Rebuilds `index` from `chunks` (at most half full).
    fn rebuild_index(&mut self) {
        let cap = (self.chunks.len() * 2).next_power_of_two().max(16);
        self.index.clear();
        self.index.resize(cap, 0);
        let mask = cap - 1;
        for &base in &self.chunks {
            let mut i = Self::slot_of(base, mask);
            while self.index[i] != 0 { i = (i + 1) & mask; }
            self.index[i] = base;
        }
    }

    /// `(block_size, used)` of a chunk in use: the blocks walkers look at.
    #[inline]
    fn chunk_geometry(base: usize) -> (usize, usize) {
        // SAFETY: `base` is a chunk in use, whose header was written by
        // `add_chunk`; only `used` changes while the chunk is in use, and
        // only in the mutator, never during a collection.
        let h = unsafe { &*(base as *const ChunkHeader) };
        (h.block_size as usize, h.used as usize)
    }

    /// Whether the block at `addr` (a block start of a chunk in use) holds an
    /// object.
    #[inline]
    fn block_allocated(addr: usize) -> bool {
        // SAFETY: `addr` is a block start inside a chunk in use, so its first
        // word is readable; allocated blocks have a non-null info word there.
        unsafe { !(*(addr as *const Header)).info.is_null() }
    }

    /// The live object starting exactly at `addr`, if any.
    #[inline]
    pub(super) fn object_at(&self, addr: usize) -> Option<*mut Header> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        if let Some(base) = self.chunk_of(addr) {
            let (bs, n) = Self::chunk_geometry(base);
            let rel = (addr - base).checked_sub(FIRST_BLOCK)?;
            if rel % bs != 0 || rel / bs >= n || !Self::block_allocated(addr) {
                return None;
            }
            Some(addr as *mut Header)
        } else if self.large.contains_key(&addr) {
            Some(addr as *mut Header)
        } else {
            None
        }
    }

    /// The live object whose block (small) or extent (large) contains `addr`.
    #[inline]
    pub(super) fn object_containing(&self, addr: usize) -> Option<*mut Header> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        if let Some(base) = self.chunk_of(addr) {
            let (bs, n) = Self::chunk_geometry(base);
            let rel = (addr - base).checked_sub(FIRST_BLOCK)?;
            let index = rel / bs;
            if index >= n {
                return None;
            }
            let start = base + FIRST_BLOCK + index * bs;
            Self::block_allocated(start).then_some(start as *mut Header)
        } else {
            let (&start, &size) = self.large.range(..=addr).next_back()?;
            (addr < start + size).then_some(start as *mut Header)
        }
    }

    /// Whether `addr` lies in memory this space manages: a chunk in use or
    /// spare, or a large object. (Memory already returned to the OS is not
    /// tracked: a dangling pointer into it looks like an outside address.)
    pub(super) fn owns(&self, addr: usize) -> bool {
        let base = addr & !(CHUNK_SIZE - 1);
        if self.spare.contains(&base) {
            return true;
        }
        if addr < self.lo || addr >= self.hi {
            return false;
        }
        self.chunk_of(addr).is_some()
            || self.large.range(..=addr).next_back().is_some_and(|(&start, &size)| addr < start + size)
    }

    /// Calls `f(obj, capacity)` for every live object.
    pub(super) fn walk(&self, f: &mut dyn FnMut(*mut Header, usize)) {
        for &base in &self.chunks {
            let (bs, n) = Self::chunk_geometry(base);
            for i in 0..n {
                let block = base + FIRST_BLOCK + i * bs;
                if Self::block_allocated(block) {
                    f(block as *mut Header, bs);
                }
            }
        }
        for (&start, &size) in &self.large {
            f(start as *mut Header, size);
        }
    }

    /// Frees every unmarked object (running its drop hook), clears the mark
    /// and pin bits of the others, rebuilds the free lists into `heads`
    /// (in address order) and releases empty chunks.
    pub(super) fn sweep(&mut self, heads: &[Cell<*mut FreeBlock>; NCLASSES]) -> SweepOutcome {
        let mut out = SweepOutcome::default();
        let mut new_heads: [*mut FreeBlock; NCLASSES] = [null_mut(); NCLASSES];
        let mut kept = Vec::with_capacity(self.chunks.len());
        let chunks = std::mem::take(&mut self.chunks);
        // Chunks and blocks are visited in descending address order and
        // pushed at the front of their lists, so the lists come out ascending.
        for &base in chunks.iter().rev() {
            let (bs, n) = Self::chunk_geometry(base);
            // SAFETY: as in `chunk_geometry`.
            let class = unsafe { (*(base as *const ChunkHeader)).class as usize };
            let mut head: *mut FreeBlock = null_mut();
            let mut tail: *mut FreeBlock = null_mut();
            let mut live = 0;
            for i in (0..n).rev() {
                let block = base + FIRST_BLOCK + i * bs;
                // SAFETY: every block of a chunk in use is either a live
                // object (valid header, `info` a `&'static TypeInfo`) or a free
                // block (first word zero). We free an object only if the mark
                // phase did not reach it, so nothing live refers to it; its
                // drop hook may only release Rust-heap resources the object
                // owns. Turning the block into a free block writes its first
                // two words, which are inside the block.
                unsafe {
                    let obj = block as *mut Header;
                    let info = (*obj).info;
                    if !info.is_null() {
                        let f = (*obj).flags;
                        if f & flags::MARK != 0 {
                            (*obj).flags = f & !(flags::MARK | flags::PINNED);
                            live += 1;
                            continue;
                        }
                        if let Some(drop_hook) = (*info).drop {
                            drop_hook(obj);
                        }
                        out.freed_objects += 1;
                        out.freed_bytes += bs;
                    }
                    let free = block as *mut FreeBlock;
                    free.write(FreeBlock { zero: 0, next: head });
                    head = free;
                    if tail.is_null() {
                        tail = free;
                    }
                }
            }
            if live == 0 {
                self.release_chunk(base);
                continue;
            }
            out.live_objects += live;
            out.live_bytes += live * bs;
            kept.push(base);
            if !head.is_null() {
                // SAFETY: `tail` is the last free block of this chunk's list,
                // written just above.
                unsafe { (*tail).next = new_heads[class] };
                new_heads[class] = head;
            }
        }
        kept.reverse();
        self.chunks = kept;
        self.rebuild_index();
        for (cell, head) in heads.iter().zip(new_heads) {
            cell.set(head);
        }

        let mut freed_large = 0;
        let (foreign, freed_foreign, prefixes) = (&mut self.foreign, &mut self.freed_foreign, &mut self.prefixes);
        self.large.retain(|&start, &mut size| {
            let obj = start as *mut Header;
            // SAFETY: every entry of `large` is a live object of `size` bytes
            // with a valid header; unmarked ones are unreachable (see above)
            // and are freed with the layout they were allocated with.
            unsafe {
                let f = (*obj).flags;
                if f & flags::MARK != 0 {
                    (*obj).flags = f & !(flags::MARK | flags::PINNED);
                    out.live_objects += 1;
                    out.live_bytes += size;
                    return true;
                }
                if let Some(drop_hook) = TypeInfo::of(obj).drop {
                    drop_hook(obj);
                }
                if foreign.remove(&start) {
                    freed_foreign.push((start, size));
                } else {
                    free_large(prefixes, start, size);
                    freed_large += size;
                }
            }
            out.freed_objects += 1;
            out.freed_bytes += size;
            false
        });
        self.large_bytes -= freed_large;
        self.recompute_bounds();
        out
    }

    /// Keeps an empty chunk for reuse or returns it to the OS.
    fn release_chunk(&mut self, base: usize) {
        // SAFETY: `base` was a chunk in use until now; its header is intact.
        let class = unsafe { (*(base as *const ChunkHeader)).class as usize };
        if self.fresh[class] == base {
            self.fresh[class] = 0;
        }
        if self.spare.len() < MAX_SPARE_CHUNKS {
            self.spare.push(base);
        } else {
            // SAFETY: `base` came from `os_chunk_alloc` and holds no
            // objects; it is no longer in `chunks`.
            unsafe { os_chunk_free(base as *mut u8) };
        }
    }

    fn recompute_bounds(&mut self) {
        let mut lo = usize::MAX;
        let mut hi = 0;
        if let (Some(&first), Some(&last)) = (self.chunks.first(), self.chunks.last()) {
            lo = first;
            hi = last + CHUNK_SIZE;
        }
        if let Some((&start, _)) = self.large.first_key_value() {
            lo = lo.min(start);
        }
        // Large objects do not overlap, so the last one ends highest.
        if let Some((&start, &size)) = self.large.last_key_value() {
            hi = hi.max(start + size);
        }
        self.lo = lo;
        self.hi = hi;
    }
}

impl Drop for Space {
    /// Frees every object (running drop hooks: the heap is going away with
    /// the plugin) and returns all memory to the OS.
    fn drop(&mut self) {
        let mut dead = Vec::new();
        self.walk(&mut |obj, _| dead.push(obj));
        for obj in dead {
            // SAFETY: `obj` is a live object; nothing can use it after the
            // plugin is gone, and each hook runs once.
            unsafe {
                if let Some(drop_hook) = TypeInfo::of(obj).drop {
                    drop_hook(obj);
                }
            }
        }
        for base in self.chunks.drain(..).chain(self.spare.drain(..)) {
            // SAFETY: from `os_chunk_alloc`, freed once.
            unsafe { os_chunk_free(base as *mut u8) };
        }
        for (start, size) in std::mem::take(&mut self.large) {
            if self.foreign.contains(&start) {
                continue;
            }
            // SAFETY: allocated by `alloc_large`, freed once.
            unsafe { free_large(&mut self.prefixes, start, size) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_is_tight() {
        for size in (8..=MAX_SMALL).step_by(8) {
            let c = class_of(size);
            assert!(CLASS_SIZES[c] >= size);
            assert!(c == 0 || CLASS_SIZES[c - 1] < size, "size {size} class {c}");
        }
        for w in CLASS_SIZES.windows(2) {
            assert!(w[0] < w[1] && w[1] % 8 == 0);
            // Below 64 bytes classes are one word apart; above, at most 25%.
            assert!(w[1] - w[0] == 8 || w[1] * 4 <= w[0] * 5, "classes {w:?} too far apart");
        }
        assert_eq!(CLASS_SIZES[NCLASSES - 1], MAX_SMALL);
    }

    #[test]
    fn chunk_lookup() {
        let mut space = Space::new();
        let head = space.add_chunk(class_of(48));
        assert!(!head.is_null());
        let base = head as usize - FIRST_BLOCK;
        assert_eq!(base % CHUNK_SIZE, 0);
        // Free blocks are not objects.
        assert!(space.object_at(head as usize).is_none());
        assert!(space.object_containing(head as usize + 8).is_none());
        assert!(space.owns(head as usize));
        assert!(space.owns(base + 3));
        assert!(!space.owns(base + CHUNK_SIZE));
        assert!(space.object_containing(base + 8).is_none(), "chunk header is not a block");
    }

    unsafe fn dummy_size(_: *const Header) -> usize { 48 }
    unsafe fn dummy_trace(_: *mut Header, _: &mut dyn crate::header::Tracer) {}
    static DUMMY: TypeInfo = TypeInfo {
        name: "dummy", kind: 0, has_refs: false, size_of: dummy_size, trace: dummy_trace, drop: None,
    };

    /// Fresh blocks are handed out in address order, walkers see only the
    /// blocks handed out, and a swept-empty chunk stops being the class's
    /// fresh chunk.
    #[test]
    fn fresh_blocks_bump_in_order() {
        let mut space = Space::new();
        let class = class_of(48);
        assert!(space.bump(class).is_null(), "no fresh chunk yet");
        let first = space.bump_or_add(class);
        let base = first as usize - FIRST_BLOCK;
        let mut blocks = vec![first];
        for _ in 0..9 {
            blocks.push(space.bump_or_add(class));
        }
        for (i, &b) in blocks.iter().enumerate() {
            assert_eq!(b as usize, base + FIRST_BLOCK + i * CLASS_SIZES[class]);
        }
        for &b in &blocks[..3] {
            // SAFETY: a block we own, at least 16 bytes.
            unsafe { (*(b as *mut Header)).info = &DUMMY };
        }
        let mut seen = Vec::new();
        space.walk(&mut |o, _| seen.push(o as usize));
        assert_eq!(seen, blocks[..3].iter().map(|&b| b as usize).collect::<Vec<_>>());
        // Past the handed-out blocks nothing is an object, whatever the
        // memory holds.
        assert!(space.object_containing(base + FIRST_BLOCK + 20 * CLASS_SIZES[class]).is_none());
        // Nothing is marked: the sweep frees all three and releases the chunk.
        let heads: [Cell<*mut FreeBlock>; NCLASSES] = std::array::from_fn(|_| Cell::new(null_mut()));
        let out = space.sweep(&heads);
        assert_eq!(out.freed_objects, 3);
        assert!(space.bump(class).is_null(), "a released chunk is not fresh");
        let again = space.bump_or_add(class);
        assert_eq!(again as usize, base + FIRST_BLOCK, "the spare chunk is reused from its start");
    }
}
