"""A discrete-event simulation of a bank, one tasklet per customer.

Thousands of customers arrive at a bank with a few tellers. Every customer
is a tasklet, and all of them exist from the start: each first waits for
its arrival time, then queues for a free teller, is served for a while and
leaves. Simulated time is kept by a clock tasklet: a tasklet that
wants to wait for `dt` time units puts a wake-up entry (time, sequence
number, channel) into the clock's event heap and blocks on its own
channel; whenever no other tasklet is runnable the clock pops the earliest
entry, advances the simulated time and sends on that channel. Tellers are
a resource whose waiting customers block on a channel, first come first
served. Nothing here depends on wall-clock time, and the pseudo-random
numbers come from a small linear congruential generator in this file (not
the `random` module), so the statistics are the same on every run and
every Python implementation.

Run it with

    cargo run --release -- examples/simulation.py

(it also runs under PyPy: `pypy3 examples/simulation.py`). The lines before
the ones starting with "time:" are deterministic; the "time:" lines report
the wall-clock time and the rate of simulated events.
"""
import time

import stackless

CUSTOMERS = 3000
TELLERS = 4
ARRIVAL_GAP = (1, 9)      # time units between arrivals, inclusive range
SERVICE_TIME = (5, 29)    # time units at the counter, inclusive range


class Lcg:
    """x' = (a x + c) mod 2**32 (Numerical Recipes constants)."""

    def __init__(self, seed):
        self.x = seed

    def between(self, lo, hi):
        self.x = (1664525 * self.x + 1013904223) % 4294967296
        return lo + (self.x >> 16) % (hi - lo + 1)


class Heap:
    """A binary min-heap of tuples (the `heapq` module is not needed)."""

    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def push(self, item):
        items = self.items
        items.append(item)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if items[parent] <= items[i]:
                break
            items[parent], items[i] = items[i], items[parent]
            i = parent

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if items:
            items[0] = last
            i = 0
            n = len(items)
            while True:
                left = 2 * i + 1
                if left >= n:
                    break
                child = left
                if left + 1 < n and items[left + 1] < items[left]:
                    child = left + 1
                if items[i] <= items[child]:
                    break
                items[i], items[child] = items[child], items[i]
                i = child
        return top


class Clock:
    def __init__(self):
        self.now = 0
        self.events = Heap()
        self.seq = 0
        self.processed = 0

    def wait(self, dt):
        ch = stackless.channel()
        self.seq += 1
        self.events.push((self.now + dt, self.seq, ch))
        ch.receive()

    def run(self):
        # Advance time only when every other tasklet is blocked.
        while True:
            if stackless.getruncount() > 1:
                stackless.schedule()
                continue
            if not self.events:
                return
            when, _, ch = self.events.pop()
            self.now = when
            self.processed += 1
            ch.send(None)


class Tellers:
    def __init__(self, count):
        self.free = count
        self.waiting = stackless.channel()
        self.waiting.preference = 1   # the releasing customer carries on
        self.longest_queue = 0

    def acquire(self):
        if self.free > 0:
            self.free -= 1
            return
        queue = -self.waiting.balance + 1
        if queue > self.longest_queue:
            self.longest_queue = queue
        self.waiting.receive()       # a releasing customer hands over its teller

    def release(self):
        if self.waiting.balance < 0:
            self.waiting.send(None)
        else:
            self.free += 1


def customer(number, clock, tellers, arrival, service, stats):
    clock.wait(arrival - clock.now)
    arrived = clock.now
    tellers.acquire()
    waited = clock.now - arrived
    clock.wait(service)
    tellers.release()
    stats.append((number, waited, clock.now - arrived))


def simulate(seed):
    clock = Clock()
    tellers = Tellers(TELLERS)
    rng = Lcg(seed)
    stats = []
    arrival = 0
    for number in range(CUSTOMERS):
        arrival += rng.between(*ARRIVAL_GAP)
        service = rng.between(*SERVICE_TIME)
        stackless.tasklet(customer)(number, clock, tellers, arrival, service, stats)
    stackless.tasklet(clock.run)()
    stackless.run()
    return clock, tellers, stats


def main():
    start = time.perf_counter()
    clock, tellers, stats = simulate(seed=2024)
    elapsed = time.perf_counter() - start

    waits = sorted(s[1] for s in stats)
    in_bank = [s[2] for s in stats]
    print("customer tasklets: %d, tellers: %d" % (CUSTOMERS, TELLERS))
    print("customers served: %d" % len(stats))
    print("simulated time: %d units" % clock.now)
    print("mean wait: %.2f units, median %d, longest %d" % (
        sum(waits) / len(waits), waits[len(waits) // 2], waits[-1]))
    print("customers who did not wait: %d" % sum(1 for w in waits if w == 0))
    print("mean time in the bank: %.2f units" % (sum(in_bank) / len(in_bank)))
    print("longest queue: %d" % tellers.longest_queue)
    print("clock events: %d" % clock.processed)
    print("first five served: %s" % [s[0] for s in stats[:5]])
    print("time: %.1f ms" % (elapsed * 1000))
    print("time: %.0f simulated events/s" % (clock.processed / elapsed if elapsed > 0 else 0.0))


if __name__ == "__main__":
    main()
