"""Pickle and unpickle 100,000 blocked tasklets with small frames.

Issue 6's target: at most 5 us and 500 bytes per tasklet for the round
trip. Every tasklet runs `waiter`, a small function blocked in
`ch.receive()` on one of 1,000 channels (100 waiters each); the whole set
of channels is pickled in one `pickle.dumps` (the tasklets come with their
channels), then loaded back. The loaded tasklets are then woken and their
results summed, so the copies are checked to really resume.

    target/release/skiff bench/pickle/tasklets.py [N] [--repeat R]

Prints the median of R rounds (default 5) for dumps and loads, per
tasklet, the pickle's size per tasklet, and a checksum line. PyPy cannot
pickle tasklets and CPython has none, so there is nothing to run it
against side by side; the targets are absolute.
"""
import sys
import time
import pickle
import stackless


def waiter(ch, i):
    x = ch.receive()
    return x + i


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    repeat = 5
    if "--repeat" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1])
    per = 100
    channels = [stackless.channel() for _ in range((n + per - 1) // per)]
    for i in range(n):
        stackless.tasklet(waiter)(channels[i // per], i)
    stackless.run()
    assert sum(-c.balance for c in channels) == n
    dump_times, load_times = [], []
    data = b""
    copies = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        data = pickle.dumps(channels)
        t1 = time.perf_counter()
        copies = pickle.loads(data)
        t2 = time.perf_counter()
        dump_times.append(t1 - t0)
        load_times.append(t2 - t1)
    dump_times.sort()
    load_times.sort()
    d, l = dump_times[len(dump_times) // 2], load_times[len(load_times) // 2]
    print(f"tasklets: {n}")
    print(f"dumps: {d * 1e6 / n:.2f} us per tasklet ({d:.3f} s)")
    print(f"loads: {l * 1e6 / n:.2f} us per tasklet ({l:.3f} s)")
    print(f"round trip: {(d + l) * 1e6 / n:.2f} us per tasklet")
    print(f"size: {len(data) / n:.1f} bytes per tasklet ({len(data)} bytes)")
    # The last copies resume: every waiter gets 1 and returns 1 + i.
    assert sum(-c.balance for c in copies) == n
    for c in copies:
        for _ in range(-c.balance):
            c.send(1)
    print("checksum: all", n, "copies resumed" if all(c.balance == 0 for c in copies) else "NOT resumed")


main()
