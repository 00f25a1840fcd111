//! `pickle.loads` on hostile input (issue 6, "Hardening"): truncated,
//! corrupted and spliced pickles must raise a Python exception or load, and
//! never panic, crash, hang or allocate without bound.
//!
//! The inputs are the seed pickles of `tests/pickle_corpus/seeds/` (written
//! by `tests/pickle_corpus/make.py`; re-bless them with `SKIFF_BLESS=1`),
//! which must load; the reproducers of `tests/pickle_corpus/regressions/`;
//! and about 470,000 deterministic mutants of the seeds (every 16th in a
//! debug build): every truncation; every byte set to 0x00, 0xff, a random
//! value or with a bit flipped; every byte that could be a record tag set to
//! each other tag; every REF pointed at each of the first 64 objects;
//! varints after counted tags (and elsewhere) replaced with huge values;
//! random insertions, deletions, duplications and splices between seeds;
//! and random stacks of those. Whatever loads is then used without running
//! pickled code (`USE_LOADED`: walk it, step builtin iterators, repr).
//!
//! The cases run in a child process (this test binary run again with
//! `SKIFF_PICKLE_CHILD` set) that holds one VM and announces each case
//! before it runs it, so that a segfault, an abort or a hang is pinned to
//! the input that caused it instead of taking the test runner down. The
//! parent rebuilds any case from its number (the mutations depend only on
//! the seeds and a fixed PRNG seed), writes it to
//! `target/pickle-crash-<n>.bin`, prints it in hex, and restarts the child
//! after it, so one run reports up to `MAX_FAILURES` failures.
//! `SKIFF_PICKLE_DUMP=n,m` writes cases out without running them.
//!
//! What a pickle loads may run later without anyone calling it: a loaded
//! tasklet that is alive and started is killed when the collector finds it
//! unreachable, which runs its frames. So the child runs `gc.collect()`
//! after every `BATCH` cases that made tasklets, and the parent pins a
//! failure there to one case by replaying it alone (and, failing that, the
//! cases before it) with a collection after each. The child never runs or
//! inserts what it loaded itself. It also counts the bytes each case
//! allocates (a counting global allocator).

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A case that runs longer than this fails (a hang that ends).
const SLOW: Duration = Duration::from_secs(if cfg!(debug_assertions) { 10 } else { 1 });
/// A child that announces nothing for this long is killed and its current
/// case reported as a hang.
const HANG: Duration = Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 10 });
/// Bytes a case may allocate beyond the live heap at its start: a fixed
/// allowance (collector arenas, module imports) plus a multiple of the input.
const ALLOC_BASE: usize = 64 << 20;
const ALLOC_PER_INPUT_BYTE: usize = 4096;
/// The run stops after this many failures.
const MAX_FAILURES: usize = 6;
/// Debug builds run every `DEBUG_STRIDE`th mutant (all seeds and
/// regressions), so a plain `cargo test` stays quick.
const DEBUG_STRIDE: usize = 16;
const CHILD_ENV: &str = "SKIFF_PICKLE_CHILD";
/// The cases the child runs (`FROM..TO`), and how many cases it runs
/// between collections.
const FROM_ENV: &str = "SKIFF_PICKLE_FROM";
const TO_ENV: &str = "SKIFF_PICKLE_TO";
const BATCH_ENV: &str = "SKIFF_PICKLE_BATCH";
/// The child collects after every `BATCH` cases (when they made tasklets).
const BATCH: usize = 32;

// -- the allocation counter ---------------------------------------------------

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged, so `System`'s guarantees carry over; the counters only observe.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged; the caller upholds `alloc`'s contract.
        let p = unsafe { System.alloc(l) };
        if !p.is_null() { grew(l.size()); }
        p
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() { grew(l.size()); }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: `p` came from this allocator (so from `System`) with layout `l`.
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        // SAFETY: `p` came from `System` with layout `l`; the caller upholds
        // `realloc`'s contract for `new`.
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            LIVE.fetch_sub(l.size(), Ordering::Relaxed);
            grew(new);
        }
        q
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

// -- the cases ------------------------------------------------------------------

fn corpus_dir() -> PathBuf { Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pickle_corpus") }

/// xorshift64*: a fixed seed gives the same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize { (self.next() % n.max(1) as u64) as usize }
    fn byte(&mut self) -> u8 { self.next() as u8 }
    fn bytes(&mut self, n: usize) -> Vec<u8> { (0..n).map(|_| self.byte()).collect() }
}

/// The header: magic, format version, bytecode ABI.
const HEADER: usize = 9;

/// Record tags (stdlib/src/pickle/format.rs) followed by a count, a length
/// or a memo number: INT, BIGINT, STR, BYTES, BYTEARRAY, TUPLE, FROZENSET, REF.
const COUNTED_TAGS: &[u8] = &[6, 7, 10, 11, 12, 13, 17, 18];

/// The last record tag (END) and REF's.
const LAST_TAG: u8 = 38;
const TAG_REF: u8 = 18;

/// Huge varints: past u32, past i64, the largest u64, and an over-long one.
fn huge_varints() -> Vec<Vec<u8>> {
    let enc = |mut v: u64| {
        let mut out = Vec::new();
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 { out.push(b); return out; }
            out.push(b | 0x80);
        }
    };
    vec![enc(1 << 20), enc(u32::MAX as u64), enc(1 << 32), enc(i64::MAX as u64), enc(u64::MAX), vec![0xff; 11]]
}

/// The length of the varint at `data[i..]` (up to the end of the data).
fn varint_len(data: &[u8], i: usize) -> usize {
    let mut n = 0;
    while i + n < data.len() {
        n += 1;
        if data[i + n - 1] & 0x80 == 0 { break; }
    }
    n
}

struct Case {
    label: String,
    data: Vec<u8>,
    kind: CaseKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CaseKind {
    /// Must load without error.
    Seed,
    /// Must not crash (may raise).
    Regression,
    Mutant,
}

fn read_dir_sorted(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(rd) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut v: Vec<(String, Vec<u8>)> = rd
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            !n.starts_with('.') && !n.starts_with("README")
        })
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    v.sort();
    v
}

fn seeds() -> Vec<(String, Vec<u8>)> { read_dir_sorted(&corpus_dir().join("seeds")) }

/// Every case, in the order the child runs them.
fn cases() -> Vec<Case> {
    let seeds = seeds();
    assert!(seeds.len() >= 30, "tests/pickle_corpus/seeds/ holds {} pickles; regenerate them with SKIFF_BLESS=1", seeds.len());
    let mut out: Vec<Case> = Vec::new();
    for (name, data) in &seeds {
        out.push(Case { label: format!("seed {name}"), data: data.clone(), kind: CaseKind::Seed });
    }
    for (name, data) in read_dir_sorted(&corpus_dir().join("regressions")) {
        out.push(Case { label: format!("regression {name}"), data, kind: CaseKind::Regression });
    }
    let mut rng = Rng(0x5eed_0f5c_1ff0_0006);
    let huge = huge_varints();
    let mut mutants: Vec<(String, Vec<u8>)> = Vec::new();
    for (si, (name, s)) in seeds.iter().enumerate() {
        let n = s.len();
        let mut push = |what: String, d: Vec<u8>| mutants.push((format!("{name}: {what}"), d));
        // Truncations (the header's own only once: they all fail alike).
        for len in (if si == 0 { 0 } else { HEADER })..n {
            push(format!("truncated to {len} bytes"), s[..len].to_vec());
        }
        // Single bytes.
        for i in (if si == 0 { 0 } else { HEADER })..n {
            let bit = 1u8 << rng.below(8);
            let r = rng.byte();
            for (what, b) in [("set to 0x00", 0), ("set to 0xff", 0xff), ("bit-flipped", s[i] ^ bit), ("set to a random byte", r)] {
                if b == s[i] { continue; }
                let mut d = s.clone();
                d[i] = b;
                push(format!("byte {i} {what} ({b:#04x})"), d);
            }
        }
        // Record tags: where a byte may start a record (its value is a tag),
        // every other tag, so each record is read as each other kind.
        for i in HEADER..n {
            if s[i] > LAST_TAG { continue; }
            for t in 0..=LAST_TAG {
                if t == s[i] { continue; }
                let mut d = s.clone();
                d[i] = t;
                push(format!("byte {i} ({:#04x}) set to tag {t}", s[i]), d);
            }
        }
        // References: every REF pointed at each earlier object, so objects
        // of every kind turn up where another kind was.
        for i in HEADER + 1..n {
            if s[i - 1] != TAG_REF { continue; }
            let vl = varint_len(s, i);
            for id in 0..64u8 {
                if s[i..i + vl] == [id] { continue; }
                let mut d = s[..i].to_vec();
                d.push(id);
                d.extend_from_slice(&s[i + vl..]);
                push(format!("reference at {i} pointed at object {id}"), d);
            }
        }
        // Varints: after a counted tag every huge value; elsewhere one.
        for i in HEADER + 1..n {
            let counted = COUNTED_TAGS.contains(&s[i - 1]);
            if !counted && i % 3 != 0 { continue; }
            let vl = varint_len(s, i);
            let choices: Vec<&Vec<u8>> = if counted { huge.iter().collect() } else { vec![&huge[rng.below(huge.len())]] };
            for h in choices {
                let mut d = s[..i].to_vec();
                d.extend_from_slice(h);
                d.extend_from_slice(&s[i + vl..]);
                push(format!("varint at {i} replaced with {h:02x?}"), d);
            }
        }
        // Insertions, deletions, duplications.
        for _ in 0..n / 8 + 2 {
            let i = HEADER + rng.below(n - HEADER + 1);
            let k = 1 + rng.below(8);
            let ins = rng.bytes(k);
            let mut d = s[..i].to_vec();
            d.extend_from_slice(&ins);
            d.extend_from_slice(&s[i..]);
            push(format!("{k} random bytes inserted at {i}"), d);
            let i = HEADER + rng.below(n - HEADER);
            let k = 1 + rng.below((n - i).min(16));
            let mut d = s[..i].to_vec();
            d.extend_from_slice(&s[i + k..]);
            push(format!("{k} bytes deleted at {i}"), d);
            let i = HEADER + rng.below(n - HEADER);
            let k = 1 + rng.below((n - i).min(32));
            let mut d = s[..i + k].to_vec();
            d.extend_from_slice(&s[i..]);
            push(format!("{k} bytes at {i} duplicated"), d);
        }
        // Splices: this seed's start with another's end, and another's
        // middle pasted into this one.
        for _ in 0..n / 2 + 4 {
            let (oname, o) = &seeds[rng.below(seeds.len())];
            let i = HEADER + rng.below(n - HEADER + 1);
            let j = HEADER + rng.below(o.len() - HEADER + 1);
            let mut d = s[..i].to_vec();
            d.extend_from_slice(&o[j..]);
            push(format!("bytes ..{i} then {oname} bytes {j}.."), d);
            let a = HEADER + rng.below(o.len() - HEADER);
            let b = a + 1 + rng.below((o.len() - a).min(64));
            let i = HEADER + rng.below(n - HEADER + 1);
            let mut d = s[..i].to_vec();
            d.extend_from_slice(&o[a..b]);
            d.extend_from_slice(&s[i..]);
            push(format!("{oname} bytes {a}..{b} inserted at {i}"), d);
        }
        // Stacks of random mutations.
        for k in 0..4 * n + 16 {
            let mut d = s.clone();
            for _ in 0..2 + rng.below(5) {
                if d.len() <= HEADER + 1 { break; }
                let i = HEADER + rng.below(d.len() - HEADER);
                match rng.below(6) {
                    0 => d[i] = rng.byte(),
                    1 => d[i] ^= 1 << rng.below(8),
                    2 => { let k = 1 + rng.below(4); let b = rng.bytes(k); d.splice(i..i, b); }
                    3 => { let e = (i + 1 + rng.below(8)).min(d.len()); d.drain(i..e); }
                    4 => { let h = huge[rng.below(huge.len())].clone(); let e = i + varint_len(&d, i); d.splice(i..e, h); }
                    _ => {
                        let o = &seeds[rng.below(seeds.len())].1;
                        let a = HEADER + rng.below(o.len() - HEADER);
                        let b = a + 1 + rng.below((o.len() - a).min(32));
                        d.splice(i..i, o[a..b].iter().copied());
                    }
                }
            }
            push(format!("random mutation stack #{k}"), d);
        }
    }
    for (i, (label, data)) in mutants.into_iter().enumerate() {
        if cfg!(debug_assertions) && i % DEBUG_STRIDE != 0 { continue; }
        out.push(Case { label, data, kind: CaseKind::Mutant });
    }
    out
}

// -- the child: one VM, every case -------------------------------------------

/// Runs in the child process only (see the module doc); a no-op otherwise.
#[test]
fn child_process() {
    if std::env::var_os(CHILD_ENV).is_none() { return; }
    let var = |k: &str| std::env::var(k).ok().and_then(|s| s.parse::<usize>().ok());
    let cases = cases();
    let from = var(FROM_ENV).unwrap_or(0);
    let to = var(TO_ENV).unwrap_or(cases.len()).min(cases.len());
    let batch = var(BATCH_ENV).unwrap_or(BATCH).max(1);
    // A big stack, as the skiff binary gives its interpreter thread: the
    // loader's recursion is bounded by the VM's stack guard.
    let t = std::thread::Builder::new().stack_size(256 << 20)
        .spawn(move || run_cases(&cases, from, to, batch)).unwrap();
    let code = t.join().unwrap_or(70);
    std::process::exit(code);
}

/// Touches what a case loaded without running pickled code: walks the
/// containers, instance dicts and exception args, steps builtin iterators
/// over builtin sequences (not map/filter/generators, which call code), and
/// takes a repr. Python exceptions are fine; a crash is a failure.
const USE_LOADED: &str = r#"
_STEP = tuple({type(iter(x)) for x in ([], (), range(1), "", "\xe9", b"", bytearray(), {}, set())}
              | {type(iter({}.values())), type(iter({}.items()))})

def use_loaded(root):
    seen = set()
    todo = [root]
    n = 0
    while todo and n < 1000:
        x = todo.pop()
        n += 1
        if id(x) in seen:
            continue
        seen.add(id(x))
        try:
            if isinstance(x, (list, tuple, set, frozenset)):
                todo.extend(x)
                len(x)
            elif isinstance(x, dict):
                todo.extend(x.keys())
                todo.extend(x.values())
            elif isinstance(x, (range, slice)):
                todo.append(x.start)
                todo.append(x.stop)
                if isinstance(x, range):
                    len(x)
            elif isinstance(x, _STEP) and type(x) in _STEP:
                for _ in range(3):
                    todo.append(next(x))
            elif isinstance(x, BaseException):
                todo.extend(x.args)
                todo.append(x.__traceback__)
                todo.append(x.__cause__)
                todo.append(x.__context__)
            elif hasattr(type(x), "__dict__") and type(x).__module__ == "corpus_defs":
                todo.append(vars(x))
        except Exception:
            pass
    try:
        repr(root)
    except Exception:
        pass
"#;

/// Runs cases `from..to`, printing the protocol the parent reads:
/// `@@case i` before case i, `@@use i` before using what it loaded,
/// `@@collect i` before a collection, `@@fail i what` for a failure, and
/// `@@done summary` at the end. A panic ends the run (exit status 3): the
/// VM may be inconsistent after one.
fn run_cases(cases: &[Case], from: usize, to: usize, batch: usize) -> i32 {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let mut config = skiff::Config::default();
    config.path = vec![corpus_dir().to_string_lossy().to_string()];
    let mut vm = skiff::new_vm(&config).expect("create a VM");
    let must = |vm: &mut skiff_vm::Vm, r: skiff_vm::PyResult| match r {
        Ok(v) => v,
        Err(e) => panic!("setup failed: {}", vm.format_exception_only(e.0)),
    };
    let r = vm.import_module("pickle");
    let pickle = must(&mut vm, r);
    let r = vm.getattr_str(pickle, "loads");
    let loads = must(&mut vm, r);
    let r = vm.getattr_str(pickle, "UnpicklingError");
    let unpickling_error = must(&mut vm, r);
    let ns = vm.new_dict();
    let r = vm.compile_source(USE_LOADED, "<pickle_hardening>").and_then(|c| vm.exec_code(c, ns));
    must(&mut vm, r);
    let use_loaded = vm.dict_get_by_name(ns, "use_loaded").expect("use_loaded");
    let r = vm.import_module("gc");
    let gc = must(&mut vm, r);
    let r = vm.getattr_str(gc, "collect");
    let collect = must(&mut vm, r);
    // Imported up front so that the first case that needs them is not slow.
    for m in ["stackless", "corpus_defs"] {
        let r = vm.import_module(m);
        must(&mut vm, r);
    }
    let fns = Fns { loads, use_loaded, unpickling_error };
    let out = std::io::stdout();
    let say = |s: String| writeln!(out.lock(), "{s}").unwrap();
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let start = Instant::now();
    let mut collects = 0;
    let mut tasklets_seen = vm.sched.next_id;
    for (i, case) in cases.iter().enumerate().take(to).skip(from) {
        say(format!("@@case {i}"));
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t0 = Instant::now();
        let Some(outcome) = load_and_use(&mut vm, &fns, i, case, &say) else { return 3 };
        let took = t0.elapsed();
        if took > SLOW {
            say(format!("@@fail {i} took {} ms", took.as_millis()));
        }
        let grown = PEAK.load(Ordering::Relaxed).saturating_sub(base);
        if grown > ALLOC_BASE + ALLOC_PER_INPUT_BYTE * case.data.len() {
            say(format!("@@fail {i} allocated {grown} bytes for a {}-byte input", case.data.len()));
        }
        *counts.entry(outcome).or_default() += 1;
        // A loaded tasklet that is alive and started is killed (its frames'
        // finally blocks run) when the collector finds it unreachable:
        // collect every `batch` cases that made tasklets, so that such a
        // crash surfaces near the case that caused it.
        if vm.sched.next_id != tasklets_seen && ((i + 1) % batch == 0 || i + 1 == to) {
            say(format!("@@collect {i}"));
            let t0 = Instant::now();
            for _ in 0..2 {
                if catch_unwind(AssertUnwindSafe(|| vm.call(collect, &[]))).is_err() {
                    say(format!("@@fail {i} panicked in gc.collect() after loading (see stderr)"));
                    return 3;
                }
            }
            if t0.elapsed() > SLOW {
                say(format!("@@fail {i} gc.collect() after loading took {} ms", t0.elapsed().as_millis()));
            }
            collects += 1;
            tasklets_seen = vm.sched.next_id;
        }
    }
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
    say(format!("@@done {} cases in {} ms, {collects} collections: {}",
                to.saturating_sub(from), start.elapsed().as_millis(), summary.join(", ")));
    0
}

struct Fns {
    loads: skiff_vm::Value,
    use_loaded: skiff_vm::Value,
    unpickling_error: skiff_vm::Value,
}

/// Loads case `i` and uses what it loaded; the outcome (`loaded` or the
/// exception's type name), or None after a panic (reported). Not inlined:
/// what it loaded is left only in dead stack, which `gc.collect()` clears
/// before its conservative scan, so a collection soon after finds it.
#[inline(never)]
fn load_and_use(vm: &mut skiff_vm::Vm, fns: &Fns, i: usize, case: &Case, say: &dyn Fn(String)) -> Option<String> {
    use std::panic::{catch_unwind, AssertUnwindSafe};
    let r = catch_unwind(AssertUnwindSafe(|| {
        let b = vm.new_bytes(&case.data);
        vm.call(fns.loads, &[b])
    }));
    Some(match r {
        Err(p) => {
            let msg = p.downcast_ref::<String>().cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            say(format!("@@fail {i} panicked while loading: {}", msg.replace('\n', " | ")));
            return None;
        }
        Ok(Ok(v)) => {
            say(format!("@@use {i}"));
            if catch_unwind(AssertUnwindSafe(|| vm.call(fns.use_loaded, &[v]))).is_err() {
                say(format!("@@fail {i} panicked while using what it loaded (see stderr)"));
                return None;
            }
            "loaded".to_string()
        }
        Ok(Err(e)) if e.is_switch() => {
            say(format!("@@fail {i} loads returned a tasklet switch instead of an exception"));
            return None;
        }
        Ok(Err(e)) => {
            if case.kind == CaseKind::Seed {
                let msg = vm.format_exception_only(e.0);
                say(format!("@@fail {i} the seed does not load (if the format changed, regenerate the seeds with SKIFF_BLESS=1): {}", msg.trim_end()));
            }
            if vm.isinstance(e.0, fns.unpickling_error) { "UnpicklingError".to_string() } else { vm.type_name(e.0) }
        }
    })
}

// -- the parent ---------------------------------------------------------------

struct Failure {
    case: usize,
    what: String,
}

/// What one child run reported.
struct Run {
    /// Failures after which the child carried on (a seed that does not
    /// load, a slow case, a large allocation).
    failures: Vec<Failure>,
    /// The summary, or the failure that stopped the child (a panic, a
    /// crash or a hang).
    end: Result<String, Failure>,
}

fn run_child(from: usize, to: usize, batch: usize) -> Run {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_process", "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1").env(FROM_ENV, from.to_string()).env(TO_ENV, to.to_string())
        .env(BATCH_ENV, batch.to_string())
        .stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped())
        .spawn().expect("run the test binary as the child");
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() { break; }
        }
    });
    let mut current = from;
    let mut phase = "while loading";
    let mut failures = Vec::new();
    let mut stop: Option<Failure> = None;
    let mut done = None;
    let mut hung = false;
    loop {
        match rx.recv_timeout(HANG) {
            Ok(line) => {
                // Output of the loaded code may share a line with ours.
                let Some(at) = line.find("@@") else { continue };
                let msg = &line[at + 2..];
                if let Some(n) = msg.strip_prefix("case ") {
                    current = n.trim().parse().unwrap();
                    phase = "while loading";
                } else if msg.starts_with("use ") {
                    phase = "while using what it loaded (use_loaded)";
                } else if msg.starts_with("collect ") {
                    phase = "in gc.collect() after loading (lost tasklets are killed then)";
                } else if let Some(rest) = msg.strip_prefix("fail ") {
                    let (n, what) = rest.split_once(' ').unwrap();
                    let f = Failure { case: n.parse().unwrap(), what: what.to_string() };
                    if what.starts_with("panicked") || what.starts_with("loads returned") { stop = Some(f) } else { failures.push(f) }
                } else if let Some(s) = msg.strip_prefix("done ") {
                    done = Some(s.to_string());
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                hung = true;
                break;
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait().unwrap();
    let stderr = err_thread.join().unwrap_or_default();
    let end = if hung {
        Err(Failure { case: current, what: format!("hung {phase} (no progress for {} s)", HANG.as_secs()) })
    } else if let Some(f) = stop {
        Err(f)
    } else if let (Some(s), true) = (done, status.success()) {
        Ok(s)
    } else {
        let tail: Vec<&str> = stderr.lines().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
        Err(Failure { case: current, what: format!("crashed {phase} ({status}); stderr ends:\n    {}", tail.join("\n    ")) })
    };
    Run { failures, end }
}

/// Pins a failure that stopped a batched run to the case that causes it:
/// that case alone in a fresh child, collecting after it; else the cases
/// before it, one collection after each (a lost tasklet of an earlier case
/// may have been killed late, when the conservative stack scan let go of it).
fn pin(f: Failure, run_from: usize) -> Failure {
    if let Err(alone) = run_child(f.case, f.case + 1, 1).end { return alone; }
    let window = f.case.saturating_sub(2 * BATCH).max(run_from);
    match run_child(window, f.case + 1, 1).end {
        Err(g) => {
            if let Err(alone) = run_child(g.case, g.case + 1, 1).end { return alone; }
            Failure { case: g.case, what: format!("{} (only after cases {window}..{} ran in the same VM)", g.what, g.case) }
        }
        Ok(_) => Failure { case: f.case, what: format!("{} (not reproduced alone, nor with cases {window}..={} collected one by one)", f.what, f.case) },
    }
}

fn hex(data: &[u8]) -> String {
    let mut s = String::new();
    for (i, chunk) in data.chunks(32).take(128).enumerate() {
        let h: Vec<String> = chunk.iter().map(|b| format!("{b:02x}")).collect();
        s += &format!("    {:05x}: {}\n", i * 32, h.join(" "));
    }
    if data.len() > 32 * 128 { s += "    ...\n"; }
    s
}

#[test]
fn loads_survives_hostile_input() {
    if std::env::var_os(CHILD_ENV).is_some() { return; }
    if std::env::var_os("SKIFF_BLESS").is_some_and(|v| v == "1") {
        let seeds = corpus_dir().join("seeds");
        let st = Command::new(env!("CARGO_BIN_EXE_skiff")).arg(corpus_dir().join("make.py")).arg(&seeds)
            .status().expect("run make.py");
        assert!(st.success(), "make.py failed");
    }
    let cases = cases();
    let target = std::env::current_exe().unwrap().ancestors().nth(3).unwrap().to_path_buf();
    // `SKIFF_PICKLE_DUMP=n,m,...` only writes those cases to
    // target/pickle-case-<n>.bin (to replay them with the skiff binary).
    if let Ok(list) = std::env::var("SKIFF_PICKLE_DUMP") {
        for n in list.split(',').filter_map(|s| s.trim().parse::<usize>().ok()) {
            let path = target.join(format!("pickle-case-{n}.bin"));
            std::fs::write(&path, &cases[n].data).unwrap();
            println!("case {n} ({}) written to {}", cases[n].label, path.display());
        }
        return;
    }
    let start = Instant::now();
    let mut failures = Vec::new();
    let mut from = 0;
    let mut restarts = 0;
    let summary = loop {
        let run = run_child(from, cases.len(), BATCH);
        failures.extend(run.failures);
        match run.end {
            Ok(s) => break s,
            Err(f) => {
                let f = pin(f, from);
                restarts += 1;
                from = f.case.max(from) + 1;
                failures.push(f);
                if failures.len() >= MAX_FAILURES || from >= cases.len() { break format!("stopped before case {from}"); }
            }
        }
    };
    let seeds = cases.iter().filter(|c| c.kind == CaseKind::Seed).count();
    let regressions = cases.iter().filter(|c| c.kind == CaseKind::Regression).count();
    println!("pickle hardening: {} cases ({seeds} seeds, {regressions} regressions, {} mutants), {restarts} child restarts, {:.1} s; last run: {summary}",
             cases.len(), cases.len() - seeds - regressions, start.elapsed().as_secs_f64());
    if failures.is_empty() { return; }
    let mut report = String::new();
    for f in &failures {
        let case = &cases[f.case];
        let path = target.join(format!("pickle-crash-{}.bin", f.case));
        std::fs::write(&path, &case.data).unwrap();
        report += &format!("case {} ({}), {} bytes, saved as {}: {}\n{}", f.case, case.label, case.data.len(), path.display(), f.what, hex(&case.data));
    }
    panic!("{} of {} pickle cases failed (once fixed, copy each reproducer into tests/pickle_corpus/regressions/):\n{report}",
           failures.len(), cases.len());
}
