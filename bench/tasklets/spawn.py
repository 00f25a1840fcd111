"""spawn: create tasklets that block on one channel, then wake them all.

In each wave the main tasklet creates WAVE = 1000 tasklets, runs the
scheduler until every one of them is blocked in `receive()` on one shared
channel, then sends WAVE values, each of which wakes one waiter, which adds
it to a shared total and ends.  N tasklets are created in all.  This
measures tasklet creation, the first switch into a new tasklet, parking it
in a channel queue, waking it, and freeing it; peak memory shows whether
dead tasklets are reclaimed promptly.

Why waves rather than N waiters at once: PyPy gives every blocked tasklet
its own continulet stack (about 64 KiB of RSS each; 100,000 waiters need
6 GiB and 20 s there), so one wave of a million is out of its reach.

The checksum (waiters woken, sum of values seen) does not depend on the
order in which waiters are woken: Go does not promise FIFO wake-up order,
Stackless and skiff do.

Size: tasklets N in all (default 1000000; `smoke`: 2000, two waves).
"""
import sys
import time

import stackless

WAVE, DEFAULT, SMOKE = 1000, 1000000, 2000


def size():
    if len(sys.argv) < 2:
        return DEFAULT
    return SMOKE if sys.argv[1] == "smoke" else int(sys.argv[1])


def main(n):
    gate = stackless.channel()
    seen = [0, 0]

    def waiter():
        v = gate.receive()
        seen[0] += 1
        seen[1] += v

    wave_no = 0
    left = n
    while left > 0:
        wave = min(WAVE, left)
        left -= wave
        for _ in range(wave):
            stackless.tasklet(waiter)()
        stackless.run()
        if gate.balance != -wave:
            raise SystemExit("spawn: %d waiters blocked, expected %d"
                             % (-gate.balance, wave))
        for i in range(wave):
            gate.send(i * 3 + wave_no)
        stackless.run()
        wave_no += 1
    return seen[0], seen[1]


if __name__ == "__main__":
    n = size()
    t0 = time.perf_counter()
    woken, total = main(n)
    t1 = time.perf_counter()
    print("spawn", n, "woken", woken, "sum", total)
    print("time: %.3f s" % (t1 - t0), file=sys.stderr)
