# oracle: pypy3
"""Pickling a channel pickles the tasklets blocked on it. The copy comes back
with its receivers queued in the same order and its balance; sending on it
wakes the copies, which carry on right after their receive() with their
locals, loop position, running generator and pending try/finally intact.

Oracle: PyPy cannot pickle tasklets, so under PyPy `copy_of` returns the
object itself and the expected output is what the originals do when they
carry on. Under skiff it returns a pickled copy (never the object itself)
and the originals are never touched again, so the copies must do exactly
what the originals would have."""
import sys
import stackless

SKIFF = sys.implementation.name == "skiff"


def copy_of(obj):
    if not SKIFF:
        return obj
    import pickle
    data = pickle.dumps(obj)
    c = pickle.loads(data)
    assert c is not obj
    return c


def numbers(limit):
    for i in range(limit):
        yield i


def worker(name, ch, log):
    total = 0
    try:
        for i in numbers(3):
            x = ch.receive()
            total += x * (i + 1)
            print(" ", name, "step", i, "got", x, "total", total)
    finally:
        log.append((name, "finally", total))
    log.append((name, "done"))


log = []
ch = stackless.channel()
for n in ("a", "b", "c"):
    stackless.tasklet(worker)(n, ch, log)
stackless.run()
print("balance", ch.balance)
ch.send(1)
print("balance after one send", ch.balance)
ch2, log2 = copy_of((ch, log))
del ch, log
print("copy balance", ch2.balance)
for v in range(2, 10):
    ch2.send(v)
print("copy balance", ch2.balance)
for entry in log2:
    print(entry)

# Blocked inside a generator that a for loop runs: the generator's frame is
# the top of the tasklet's chain and its caller waits in FOR_ITER.


def received(ch, n):
    for i in range(n):
        item = ch.receive()
        yield i, item


def consumer(ch, out):
    for i, item in received(ch, 3):
        out.append(item.upper())
        print("  consumer", i, item)
    print("  consumer done", out)


out = []
ch = stackless.channel()
stackless.tasklet(consumer)(ch, out)
stackless.run()
ch.send("one")
ch3 = copy_of(ch)
del ch
ch3.send("two")
ch3.send("three")
print("balance", ch3.balance)
