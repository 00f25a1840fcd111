"""A producer/filter/consumer pipeline of green threads built on generators.

skiff's native tasklets (the `stackless` module) are not implemented yet;
this example shows the same cooperative style with generator-based threads
and channels written in Python, and runs unchanged under CPython.
"""
import time


class Channel:
    def __init__(self, name):
        self.name = name
        self.items = []

    def send(self, value):
        self.items.append(value)

    def ready(self):
        return len(self.items) > 0

    def receive(self):
        return self.items.pop(0)


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.switches = 0

    def spawn(self, gen):
        self.tasks.append(gen)

    def run(self):
        while self.tasks:
            task = self.tasks.pop(0)
            try:
                next(task)
            except StopIteration:
                continue
            self.switches += 1
            self.tasks.append(task)


def producer(out, n):
    for i in range(n):
        out.send(i)
        yield
    out.send(None)


def square_odd(inp, out):
    while True:
        while not inp.ready():
            yield
        v = inp.receive()
        if v is None:
            out.send(None)
            return
        if v % 2:
            out.send(v * v)
        yield


def consumer(inp, results):
    total = 0
    while True:
        while not inp.ready():
            yield
        v = inp.receive()
        if v is None:
            results.append(total)
            return
        total += v
        yield


def main():
    start = time.perf_counter()
    sched = Scheduler()
    results = []
    for worker in range(100):
        a = Channel(f"raw{worker}")
        b = Channel(f"odd{worker}")
        sched.spawn(producer(a, 200 + worker))
        sched.spawn(square_odd(a, b))
        sched.spawn(consumer(b, results))
    sched.run()
    elapsed = time.perf_counter() - start
    print(f"pipelines finished: {len(results)}")
    print(f"sum of all results: {sum(results)}")
    print(f"task switches: {sched.switches}")
    print(f"took {elapsed * 1000:.1f} ms")


if __name__ == "__main__":
    main()
