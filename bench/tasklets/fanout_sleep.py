"""fanout_sleep: N worker tasklets each call time.sleep(0.001) R = 5 times.

In skiff `time.sleep` inside a tasklet is green: it parks only that tasklet
on the scheduler's timer heap, so all N workers sleep at once and the run
takes a few milliseconds of sleeping plus the cost of parking and waking
N * R sleepers.  Go's `time.Sleep` in goroutines behaves the same way.
Between sleeps each worker adds its number to a shared total.

PyPy: `time.sleep` blocks the whole process there (as in Stackless
Python), so the sleeps run one after another: N * R milliseconds at least.
The runner therefore runs PyPy on this benchmark only at the `smoke` size
(to check the output), and reports n/a for its time at full size.

Size: workers N (default 10000; `smoke`: 20).
"""
import sys
import time

import stackless

SLEEPS, DEFAULT, SMOKE = 5, 10000, 20


def size():
    if len(sys.argv) < 2:
        return DEFAULT
    return SMOKE if sys.argv[1] == "smoke" else int(sys.argv[1])


def main(n):
    acc = [0, 0]

    def worker(i):
        for _ in range(SLEEPS):
            time.sleep(0.001)
            acc[0] += 1
            acc[1] += i

    for i in range(n):
        stackless.tasklet(worker)(i)
    stackless.run()
    return acc[0], acc[1]


if __name__ == "__main__":
    n = size()
    t0 = time.perf_counter()
    wakeups, total = main(n)
    t1 = time.perf_counter()
    print("fanout_sleep", n, "x", SLEEPS, "wakeups", wakeups, "sum", total)
    print("time: %.3f s" % (t1 - t0), file=sys.stderr)
