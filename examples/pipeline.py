"""A producer -> filter -> transform -> consumer pipeline of tasklets.

Each stage is a tasklet that receives items from the channel before it and
sends results to the channel after it, so the stages run in lock step
without any explicit scheduling: a stage that has nothing to do is simply
blocked on `receive()`. Several pipelines run side by side in one
`stackless.run()`.

The items are pseudo-random numbers from a small linear congruential
generator written here, so every run (and every Python implementation)
produces the same numbers and the same summary.

Run it with

    cargo run --release -- examples/pipeline.py

(it also runs under PyPy: `pypy3 examples/pipeline.py`). The lines before
the ones starting with "time:" are deterministic; the "time:" lines report
the elapsed time of the pipeline run and how many tasklet switches per
second that was. The switches are counted in a second, identical run with
a schedule callback installed, so counting does not slow the timed run.
"""
import time

import stackless

PIPELINES = 4
ITEMS = 20000
END = None  # sent down a pipeline after the last item


def producer(out, n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.send(x >> 8)
    out.send(END)


def keep_multiples(inp, out, k):
    while True:
        v = inp.receive()
        if v is END:
            out.send(END)
            return
        if v % k == 0:
            out.send(v)


def transform(inp, out):
    while True:
        v = inp.receive()
        if v is END:
            out.send(END)
            return
        out.send((v * v) % 1000003)


def consumer(inp, results, name):
    count = 0
    total = 0
    largest = 0
    while True:
        v = inp.receive()
        if v is END:
            results.append((name, count, total, largest))
            return
        count += 1
        total += v
        if v > largest:
            largest = v


def run_pipelines():
    results = []
    for p in range(PIPELINES):
        raw, kept, squared = stackless.channel(), stackless.channel(), stackless.channel()
        stackless.tasklet(producer)(raw, ITEMS, seed=p + 1)
        stackless.tasklet(keep_multiples)(raw, kept, 3)
        stackless.tasklet(transform)(kept, squared)
        stackless.tasklet(consumer)(squared, results, "pipeline %d" % p)
    stackless.run()
    results.sort()
    return results


def count_switches():
    switches = [0]

    def on_switch(prev, nxt):
        switches[0] += 1

    stackless.set_schedule_callback(on_switch)
    try:
        run_pipelines()
    finally:
        stackless.set_schedule_callback(None)
    return switches[0]


def main():
    start = time.perf_counter()
    results = run_pipelines()
    elapsed = time.perf_counter() - start
    switches = count_switches()

    print("pipelines: %d, items produced per pipeline: %d" % (PIPELINES, ITEMS))
    for name, count, total, largest in results:
        print("%s: %d items kept, sum %d, largest %d" % (name, count, total, largest))
    print("items through all stages: %d" % sum(r[1] for r in results))
    print("tasklet switches: %d" % switches)
    print("time: %.1f ms" % (elapsed * 1000))
    print("time: %.0f switches/s" % (switches / elapsed if elapsed > 0 else 0.0))


if __name__ == "__main__":
    main()
