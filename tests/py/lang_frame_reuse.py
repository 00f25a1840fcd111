# Frames that escape their call (sys._getframe, f_back, tracebacks) stay
# intact after the call returns while later calls run: skiff recycles only
# frames nobody can still see.
import sys


def capture(x):
    y = x * 2
    return sys._getframe()


def caller_of(x):
    inner = x + 1
    return grab_back()


def grab_back():
    return sys._getframe().f_back


def fails(n):
    local = "value %d" % n
    raise ValueError(n)


class Point:
    def __init__(self, x):
        self.x = x
        self.frame = sys._getframe()


def plain(a, b):
    c = a + b
    return c


def show(label, f):
    print(label, f.f_code.co_name, f.f_lineno, sorted(f.f_locals.items()))


kept = [capture(i) for i in range(3)]
backs = [caller_of(i) for i in range(3)]
tbs = []
for i in range(3):
    try:
        fails(i)
    except ValueError as e:
        tbs.append(e.__traceback__)
points = [Point(i) for i in range(3)]
# Many calls of the same shapes after the frames above have returned.
total = 0
for i in range(2000):
    total += plain(i, 1)
print(total)
for f in kept:
    show("captured", f)
for f in backs:
    show("f_back", f)
for tb in tbs:
    show("traceback", tb.tb_next.tb_frame)
for p in points:
    print("init", p.x, p.frame.f_code.co_name, p.frame.f_locals["x"])
f1 = capture(7)
print(f1.f_locals["y"])


def gen():
    yield sys._getframe()
    yield 2


g = gen()
gf = next(g)
for i in range(100):
    plain(i, i)
print(gf.f_code.co_name, gf is g.gi_frame)


def deep(n):
    if n == 0:
        return sys._getframe()
    return deep(n - 1)


d = deep(30)
chain = 0
f = d
while f is not None and f.f_code.co_name == "deep":
    chain += 1
    f = f.f_back
print("deep chain", chain)
for i in range(1000):
    deep(5)
print("deep locals", d.f_locals["n"])


def inner_fail(k):
    raise KeyError(k)


def outer_call(k):
    return inner_fail(k)


try:
    outer_call("z")
except KeyError as e:
    t = e.__traceback__
    while t.tb_next is not None:
        t = t.tb_next
    f = t.tb_frame
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    print("tb chain", names)
for i in range(500):
    outer_call  # a name load only
    plain(i, 2)
print("after", [tb.tb_next.tb_frame.f_back.f_code.co_name for tb in tbs])
