# oracle: pypy3
"""A tasklet may block on a channel, or schedule(), from inside Python code
that native code calls back: a sorted() key function, __eq__ and __hash__
called by dict and list operations, __iter__/__next__ driven by a for loop
over a generator, and functions called through map(). In skiff these
tasklets keep their native stack while blocked (a hard switch)."""
import stackless

ch = stackless.channel()


def feeder(values):
    for v in values:
        ch.send(v)
    print("feeder done")


# sorted(key=...) whose key function receives from a channel.
def sorter():
    def key(x):
        return ch.receive() if x == "?" else x
    print("sorted:", sorted([5, "?", 1, 4], key=key))

stackless.tasklet(sorter)()
stackless.tasklet(feeder)([3])
stackless.run()


# __eq__ that schedules, called from list.index and the in operator.
class Slow:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        stackless.schedule()
        return isinstance(other, Slow) and self.v == other.v

    def __hash__(self):
        stackless.schedule()
        return hash(self.v)


def searcher(name, items, target):
    print(name, "index", items.index(Slow(target)))
    print(name, "contains", Slow(target + 100) in items)


def ticker(n):
    for i in range(n):
        stackless.schedule()
    print("ticker done after", n)


items = [Slow(i) for i in range(5)]
stackless.tasklet(searcher)("s1", items, 3)
stackless.tasklet(searcher)("s2", items, 1)
stackless.tasklet(ticker)(5)
stackless.run()


# dict operations whose __hash__/__eq__ switch tasklets.
def dict_user(name, keys):
    d = {}
    for k in keys:
        d[Slow(k)] = k * 10
    print(name, "lookup", d[Slow(keys[-1])], "size", len(d))

stackless.tasklet(dict_user)("d1", [1, 2, 3])
stackless.tasklet(dict_user)("d2", [7, 8])
stackless.run()


# A generator whose body receives from a channel, consumed by a for loop.
def gen():
    while True:
        v = ch.receive()
        if v is None:
            return
        yield v * 10

def consumer():
    total = 0
    for x in gen():
        total += x
        print("consumer got", x)
    print("consumer total", total)

stackless.tasklet(consumer)()
stackless.tasklet(feeder)([1, 2, 3, None])
stackless.run()


# map() calling a function that blocks, consumed by list().
def mapper():
    print("mapped:", list(map(lambda x: x + ch.receive(), [100, 200])))

stackless.tasklet(mapper)()
stackless.tasklet(feeder)([1, 2])
stackless.run()

# A killed tasklet blocked inside a callback unwinds through the native call.
def stuck():
    try:
        sorted([2, 1], key=lambda x: ch.receive())
    finally:
        print("stuck tasklet unwound")

t = stackless.tasklet(stuck)()
stackless.run()
t.kill()
print("stuck alive:", t.alive)
