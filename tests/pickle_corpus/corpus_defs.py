"""Classes and functions the seed pickles name.

The seeds (tests/pickle_corpus/seeds/) refer to these by `corpus_defs.NAME`,
and the lambdas, closures, generators and tasklet frames in them carry this
module's name as their globals, so a loader must have this directory on
sys.path. Changing what is here can change the seeds: run make.py again
(see README.md)."""
import stackless


# Instances: the default protocol, __getstate__/__setstate__, __reduce__,
# __slots__, and builtin subclasses.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = "not pickled"

    def __getstate__(self):
        s = dict(self.__dict__)
        del s["secret"]
        return s

    def __setstate__(self, s):
        self.__dict__.update(s)
        self.restored = True


class Reduced:
    def __init__(self, a, b=0):
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


class ReducedWithState:
    def __init__(self, tag):
        self.tag = tag
        self.extra = [tag] * 2

    def __reduce__(self):
        return (ReducedWithState, (self.tag,), {"extra": self.extra, "late": True})


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 10


class MyList(list):
    pass


class MyDict(dict):
    pass


class MySet(set):
    pass


class MyTuple(tuple):
    pass


class MyError(Exception):
    pass


# Functions pickled by reference, and the makers of functions pickled whole.

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def make_lambda():
    return lambda x, y=2: x * y + 1


def make_counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


def make_pair():
    shared = []

    def push(x):
        shared.append(x)
        return len(shared)

    def peek():
        return list(shared)
    return push, peek


def make_kwonly():
    def f(a, /, b, *args, c=3, **kw):
        """A docstring."""
        return a, b, args, c, kw
    f.attr = "function attribute"
    return f


def failing(depth):
    if depth == 0:
        raise MyError("deep", depth)
    return failing(depth - 1)


def caught(depth):
    """The exception `failing` raises, with its traceback (whose frames have
    all returned by the time it is pickled)."""
    try:
        failing(depth)
    except MyError as e:
        return e


def chained():
    try:
        try:
            {}["missing"]
        except KeyError as e:
            raise ValueError("while handling") from e
    except ValueError as e:
        return e


# Generators.

def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def accumulate():
    total = 0
    try:
        while True:
            x = yield total
            if x is None:
                break
            total += x
    finally:
        total = -total


def delegating():
    yield "first"
    r = yield from countdown(3)
    yield r


# Tasklets.

class MyTasklet(stackless.tasklet):
    pass


class MyChannel(stackless.channel):
    pass


def receiver(name, ch, log):
    total = 0
    try:
        for i in range(3):
            x = ch.receive()
            total += x * (i + 1)
            log.append((name, i, x))
    finally:
        log.append((name, "finally", total))


def sender(ch, items):
    for item in items:
        ch.send(item)
    return len(items)


def step(k):
    stackless.schedule()
    return k * 100


def scheduler_loop(name, n, log):
    acc = 0
    while n > 0:
        acc = acc + step(n) + n
        log.append((name, acc))
        n -= 1
    return acc


def received(ch, n):
    for i in range(n):
        item = ch.receive()
        yield i, item


def consumer(ch, out):
    for i, item in received(ch, 3):
        out.append((i, item))
    out.append("done")


def victim(ch, log):
    try:
        ch.receive()
    except BaseException as e:
        log.append(type(e).__name__)
        raise


def plain(a, b=1, *rest, **kw):
    return a + b
