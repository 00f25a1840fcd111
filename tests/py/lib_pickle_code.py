"""skiff pickles what CPython's pickle refuses: lambdas, closures, nested
functions, code objects and generators mid-iteration. Oracle: under CPython
`copy_of` returns the object itself, so the expected output is what the
original does when it carries on; under skiff it returns a pickled copy
(never the object itself), which must behave the same."""
import sys
import pickle

SKIFF = sys.implementation.name == "skiff"


def copy_of(obj):
    if not SKIFF:
        return obj
    c = pickle.loads(pickle.dumps(obj))
    assert c is not obj
    return c


sq = copy_of(lambda x: x * x)
print(sq(7), sq.__name__)


def make_counter(start):
    n = start

    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc


c = make_counter(10)
c()
c2 = copy_of(c)
print(c2(), c2(5), c2.__qualname__, c2.__defaults__)


def make_pair():
    shared = []

    def push(x):
        shared.append(x)
        return len(shared)

    def peek():
        return list(shared)
    return push, peek


push, peek = copy_of(make_pair())
push("a")
push("b")
print(peek())


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(pickle.loads(pickle.dumps(fact)) is fact, pickle.loads(pickle.dumps(fact))(10))


def outer():
    def rec(n):
        return 0 if n == 0 else n + rec(n - 1)
    return rec


print(copy_of(outer())(100))
code = copy_of(fact.__code__)
print(code.co_name, code.co_argcount, code.co_varnames)


def gen(n):
    total = 0
    for i in range(n):
        try:
            total += i
            got = yield i * 10
            if got is not None:
                total += got
        finally:
            pass
    yield "total %d" % total


g = gen(5)
print(next(g), next(g), g.send(100))
g2 = copy_of(g)
print(list(g2))

fresh = copy_of(gen(3))
print(list(fresh))

done = gen(1)
list(done)
print(list(copy_of(done)))


def pipeline():
    evens = (x for x in range(20) if x % 2 == 0)
    squares = (x * x for x in evens)
    return squares


p = pipeline()
print(next(p), next(p))
print(list(copy_of(p)))


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.log = []

    def deposit(self, amount):
        self.log.append(amount)
        return sum(self.log)


a = Account("ann")
dep = copy_of(a.deposit)
print(dep(5), dep(7), dep.__self__.owner)


def with_defaults(a, b=[1], *, c={"k": 2}):
    return a, b, c


wd = copy_of(lambda: with_defaults)
print(wd()(0))
