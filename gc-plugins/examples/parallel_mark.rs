//! Parallel marking benchmark: builds a heap of linked mock-VM nodes (binary
//! trees whose third field links to a random node anywhere in the heap, so
//! tracing misses the cache as a real heap does) and times full marksweep
//! collections of it with each requested number of marking threads, on the
//! same heap.
//!
//! ```text
//! cargo run --release -p skiff-gc --example parallel_mark -- --heap-mib 1024 --threads 1,2 --runs 5
//! ```
//!
//! Prints, per thread count, the median marking time and the median whole
//! pause (marking plus the single-threaded sweep) over `--runs`
//! collections, and the speedups over the first thread count. Runs for the
//! thread counts are interleaved (1, 2, 1, 2, ...) so that a machine whose
//! load changes affects them alike.

#[path = "../tests/mock_vm/mod.rs"]
mod mock_vm;

use std::time::{Duration, Instant};

use mock_vm::{MockVm, Rng, NODE_SIZE};
use skiff_gc::marksweep::MarkSweep;
use skiff_gc::plugin::GcParams;
use skiff_gc::{GcConfig, GcPlugin, Header};

struct Args {
    heap_mib: usize,
    threads: Vec<u32>,
    runs: usize,
    trees: usize,
}

fn parse_args() -> Args {
    let mut args = Args { heap_mib: 1024, threads: vec![1, 2], runs: 5, trees: 64 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        match flag.as_str() {
            "--heap-mib" => args.heap_mib = value.parse().expect("--heap-mib N"),
            "--threads" => args.threads = value.split(',').map(|t| t.parse().expect("--threads 1,2")).collect(),
            "--runs" => args.runs = value.parse().expect("--runs N"),
            "--trees" => args.trees = value.parse().expect("--trees N"),
            _ => panic!("unknown flag {flag} (known: --heap-mib, --threads, --runs, --trees)"),
        }
    }
    args
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args = parse_args();
    // A huge growth factor: no collection while the heap is built.
    let params = GcParams { major_growth: 1e9, ..GcParams::default() };
    let vm = MockVm::new(Box::new(MarkSweep::with_params(GcConfig::default(), params)));
    // SAFETY: the box holds a MarkSweep (just above); the reference does not
    // outlive `vm`.
    let ms_plugin: &MarkSweep = unsafe { &*(&*vm.gc as *const dyn GcPlugin as *const MarkSweep) };

    let nodes = args.heap_mib * (1 << 20) / NODE_SIZE;
    let per_tree = nodes.div_ceil(args.trees);
    let t = Instant::now();
    let mut all: Vec<*mut Header> = Vec::with_capacity(nodes);
    // Tree t is nodes [t * per_tree, ...): local node l's children are
    // local nodes 2l + 1 and 2l + 2 (fields 0 and 1); field 2 links to a
    // random node allocated before. Each node is linked as soon as it is
    // allocated, so the heap is always reachable (the first collection
    // runs after 4 MiB whatever the growth factor).
    let mut rng = Rng(42);
    for i in 0..nodes {
        let node = vm.alloc_node(i as u64);
        all.push(node);
        let (tree, l) = (i / per_tree, i % per_tree);
        if l == 0 {
            vm.push_root(node);
        } else {
            let parent = all[tree * per_tree + (l - 1) / 2];
            vm.set_field_raw(parent, (l - 1) % 2, node as u64);
        }
        vm.set_field_raw(node, 2, all[rng.below(i + 1)] as u64);
    }
    drop(all);
    let built = t.elapsed();
    vm.collect();
    let stats = vm.stats();
    println!(
        "heap: {} nodes of {NODE_SIZE} bytes in {} trees, {:.0} MiB live ({:.0} MiB heap), built in {:.1} s",
        nodes,
        args.trees,
        stats.live_bytes_after_last as f64 / (1 << 20) as f64,
        stats.heap_bytes as f64 / (1 << 20) as f64,
        built.as_secs_f64()
    );
    assert!(stats.live_bytes_after_last as usize >= nodes * NODE_SIZE, "every node survives");

    let mut marks: Vec<Vec<Duration>> = vec![Vec::new(); args.threads.len()];
    let mut pauses: Vec<Vec<Duration>> = vec![Vec::new(); args.threads.len()];
    for _ in 0..args.runs {
        for (k, &threads) in args.threads.iter().enumerate() {
            ms_plugin.set_marking_threads(threads);
            let before = vm.stats().pause_total_ns;
            vm.collect();
            let pause = Duration::from_nanos(vm.stats().pause_total_ns - before);
            marks[k].push(ms_plugin.last_mark_duration());
            pauses[k].push(pause);
        }
    }
    let base_mark = median(marks[0].clone());
    let base_pause = median(pauses[0].clone());
    for (k, &threads) in args.threads.iter().enumerate() {
        let (mark, pause) = (median(marks[k].clone()), median(pauses[k].clone()));
        let all_marks: Vec<String> = marks[k].iter().map(|d| format!("{:.0}", ms(*d))).collect();
        println!(
            "threads {threads}: mark median {:.1} ms (speedup {:.2}x; runs {} ms), pause median {:.1} ms (speedup {:.2}x)",
            ms(mark),
            base_mark.as_secs_f64() / mark.as_secs_f64(),
            all_marks.join(" "),
            ms(pause),
            base_pause.as_secs_f64() / pause.as_secs_f64(),
        );
    }
    assert!(vm.stats().live_bytes_after_last as usize >= nodes * NODE_SIZE, "every node survives");
}
