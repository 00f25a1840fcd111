# `yield from` chains: values, sends, return values and exceptions pass
# through every level; the interpreter resumes subgenerators inline.
import sys


def leaf(n):
    got = yield n
    return ("leaf", n, got)


def level(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from level(depth - 1, n)
    return (depth, r)


g = level(20, 7)
print(next(g))
try:
    g.send("sent")
except StopIteration as e:
    print("returned", e.value[0], e.value[1][0], e.value[1][1][1][1])


def tree(lo, hi):
    if lo >= hi:
        return 0
    mid = (lo + hi) // 2
    a = yield from tree(lo, mid)
    yield mid
    b = yield from tree(mid + 1, hi)
    return a + b + 1


out = []
t = tree(0, 50)
while True:
    try:
        out.append(next(t))
    except StopIteration as e:
        print("nodes", e.value)
        break
print(out == list(range(50)), sum(out))
print(sum(tree(0, 1000)))


# An exception raised three levels down reaches the outer try, and the
# frames in between run their finally blocks.
def raiser():
    yield 1
    raise KeyError("deep")


def middle():
    try:
        yield from raiser()
    finally:
        print("middle finally")


def top():
    try:
        yield from middle()
    except KeyError as e:
        print("top caught", repr(e))
        yield "recovered"


print(list(top()))


# StopIteration raised inside a subgenerator becomes RuntimeError.
def bad():
    yield 1
    raise StopIteration("oops")


def wrap():
    try:
        yield from bad()
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))


print(list(wrap()))


# throw() and close() on the outer generator reach the innermost one.
def inner_catch():
    while True:
        try:
            x = yield "ready"
            print("inner got", x)
        except ValueError as e:
            print("inner caught", e)
            yield "after throw"
        except GeneratorExit:
            print("inner closing")
            raise


def outer_catch():
    yield from inner_catch()


g = outer_catch()
print(next(g))
print(g.send(1))
print(g.throw(ValueError("v1")))
print(next(g))
g.close()
print("closed", g.gi_frame is None)


# gi_running along the chain, and the frame chain from inside.
def probe(gens):
    f = sys._getframe()
    yield [x.gi_running for x in gens], f.f_back.f_code.co_name, f.f_back.f_back.f_code.co_name


def mid(gens):
    yield from probe(gens)


gens = []
m = mid(gens)
gens.append(m)
print(next(m))


# A generator delegating to itself is already executing.
def selfish():
    yield from me


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)


# A for loop over a chain, and one abandoned half-way.
def count(n):
    for i in range(n):
        yield i


def chained():
    yield from count(3)
    yield from count(2)
    return "end"


print(list(chained()))
for v in chained():
    if v == 1:
        break
print("broke at", v)


# Deep chains: fine well below the recursion limit, RecursionError far
# beyond it.
def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


d = deep(300)
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("depth", e.value)
try:
    list(deep(100000))
except RecursionError as e:
    print("RecursionError")


# yield from over a non-generator iterator with send().
class Echo:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(self.n * 10)
        return self.n

    def send(self, v):
        print("Echo.send", v)
        return self.__next__()


def use_echo():
    r = yield from Echo()
    return r


e = use_echo()
print(next(e), e.send("x"), e.send("y"))
try:
    e.send("z")
except StopIteration as s:
    print("echo returned", s.value)
