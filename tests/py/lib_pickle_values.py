"""pickle round trips of ordinary values: what comes back prints the same,
shared references stay shared, cycles survive, and instances go through the
default protocol, __getstate__/__setstate__, __reduce__ and __slots__.
(skiff's format differs from CPython's; only the loaded objects are compared.)"""
import pickle
from collections import deque, OrderedDict, Counter, defaultdict, namedtuple
from dataclasses import dataclass
import enum


def rt(x):
    data = pickle.dumps(x)
    assert isinstance(data, bytes)
    return pickle.loads(data)


for v in [None, True, False, 0, 1, -1, 2**62 - 1, -2**62, 2**62, 2**100, -(3**80), 1.5, -0.0,
          float("inf"), 1e300, 2j, 1 + 2.5j, "", "abc", "héllo wörld ✓", "x" * 1000, b"", b"\x00\xff",
          bytearray(b"ab"), (), (1,), (1, 2, (3, 4)), [], [1, [2, [3]]], {}, {"a": 1, 2: "b", (3, 4): [5]},
          set(), {1, 2, 3}, frozenset(), frozenset({"x", "y"}), range(10), range(1, 20, 3), range(-5),
          slice(1, 10, 2), slice(None), Ellipsis, NotImplemented, [None, ..., True]]:
    w = rt(v)
    print(type(w).__name__, repr(w) if not isinstance(w, (set, frozenset)) else sorted(w, key=repr), w == v or v != v)

import math
print(math.isnan(rt(float("nan"))))

# Sharing and cycles.
a = [1, 2]
t = (a, a)
t2 = rt(t)
print(t2, t2[0] is t2[1])
l = [1]
l.append(l)
l2 = rt(l)
print(l2[1] is l2, len(l2))
d = {}
d["self"] = d
d2 = rt(d)
print(d2["self"] is d2)
x = [[]]
y = (x, x[0])
y2 = rt(y)
print(y2[0][0] is y2[1])
tc = ([],)
tc[0].append(tc)
tc2 = rt(tc)
print(tc2[0][0] is tc2)

# Classes and functions by reference.
print(rt(int) is int, rt(dict) is dict, rt(len) is len, rt(math.sqrt) is math.sqrt, rt(deque) is deque)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
p2 = rt(p)
print(p2, type(p2) is Point, p2 is not p, p2.norm2(), vars(p2))
p.extra = [1, 2]
del p.x
print(vars(rt(p)))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

    def add(self, c):
        c.parent = self
        self.children.append(c)
        return c


root = Node("root")
kid = root.add(Node("kid"))
kid.add(Node("grandkid"))
r2 = rt(root)
print(r2.name, [c.name for c in r2.children], r2.children[0].parent is r2, r2.children[0].children[0].parent.name)


class WithState:
    def __init__(self):
        self.a = 1
        self.secret = "drop me"

    def __getstate__(self):
        s = dict(self.__dict__)
        del s["secret"]
        return s

    def __setstate__(self, s):
        print("setstate", sorted(s.items()))
        self.__dict__.update(s)
        self.restored = True


w = rt(WithState())
print(sorted(vars(w).items()))


class Reduced:
    def __init__(self, a, b=0):
        print("init", a, b)
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


r = rt(Reduced(5, 6))
print(r.a, r.b)


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 10


s2 = rt(Slotted())
print(s2.x, hasattr(s2, "y"))


@dataclass
class DC:
    name: str
    qty: int = 0


print(rt(DC("bolt", 3)), rt(DC("nut")) == DC("nut"))


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(rt(Color.GREEN), rt(Color.RED) is Color.RED)
P = namedtuple("P", "x y")
print(rt(P(1, 2)), type(rt(P(1, 2))).__name__)
print(rt(deque([1, 2, 3], maxlen=5)), rt(OrderedDict(a=1, b=2)), rt(Counter("abracadabra")).most_common(2))
dd = defaultdict(list)
dd["k"].append(1)
dd2 = rt(dd)
dd2["new"].append(2)
print(sorted(dd2.items()), dd2.default_factory is list)


class MyList(list):
    pass


ml = MyList([1, 2])
ml.tag = "t"
ml2 = rt(ml)
print(type(ml2).__name__, ml2, ml2.tag)


class MyDict(dict):
    pass


print(type(rt(MyDict(a=1))).__name__, rt(MyDict(a=1)))

# Exceptions keep their class and args.
e = rt(ValueError("bad", 42))
print(type(e).__name__, e.args, str(e))


class MyErr(Exception):
    pass


print(repr(rt(MyErr("x"))))

# Iterators resume where they were.
it = iter([10, 20, 30, 40])
next(it)
it2 = rt(it)
print(list(it2))
ri = iter(range(0, 100, 7))
next(ri); next(ri)
print(list(rt(ri))[:3])
e = enumerate("abc")
next(e)
print(list(rt(e)))
z = zip([1, 2, 3], "xyz")
next(z)
print(list(rt(z)))
di = iter({"a": 1, "b": 2, "c": 3}.items())
next(di)
print(list(rt(di)))
print(list(rt(reversed([1, 2, 3]))))
print(list(rt(iter("héllo"))))

# file objects and dump/load.
import io
buf = io.BytesIO()
pickle.dump([1, 2], buf)
pickle.dump({"second": True}, buf)
buf.seek(0)
print(pickle.load(buf), pickle.load(buf))
try:
    pickle.load(buf)
except EOFError as ex:
    print("EOFError", ex)

# Errors.
for bad in [lambda: pickle.dumps(open(__file__))]:
    try:
        bad()
    except (TypeError, pickle.PicklingError) as ex:
        print("refused", type(ex).__name__ in ("TypeError", "PicklingError"))
try:
    pickle.loads(b"definitely not a pickle")
except pickle.UnpicklingError:
    print("UnpicklingError")
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
print(pickle.HIGHEST_PROTOCOL >= 4, pickle.DEFAULT_PROTOCOL >= 3)
