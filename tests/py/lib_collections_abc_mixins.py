# collections.abc: user classes built on the mixin methods.
from collections.abc import (
    Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet,
    Iterator, Iterable, Generator, Sized, Container, Hashable, Callable,
    KeysView, ItemsView, ValuesView, Reversible)


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


### Mapping / MutableMapping

class Frozen(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


f = Frozen(a=1, b=2)
print(f["a"], f.get("a"), f.get("z"), f.get("z", 0), "a" in f, "z" in f, len(f))
print(list(f), list(f.keys()), list(f.values()), list(f.items()))
print(f == {"a": 1, "b": 2}, f == {"a": 1}, f != {"a": 1}, f == Frozen(b=2, a=1), f == [1])
print(type(f.keys()).__name__, type(f.items()).__name__, type(f.values()).__name__)
print(repr(f.keys())[:9], len(f.keys()), "a" in f.keys(), ("a", 1) in f.items(), ("a", 2) in f.items(), 2 in f.values(), 3 in f.values())
print(sorted(f.keys() & {"a", "c"}), sorted(f.keys() | {"c"}), sorted(f.keys() - {"a"}), sorted(f.keys() ^ {"a", "c"}))
print(sorted(f.items() & {("a", 1)}), f.keys() == {"a", "b"}, f.keys() <= {"a", "b", "c"}, f.keys().isdisjoint(["x"]))
print(isinstance(f, Mapping), isinstance(f, MutableMapping), isinstance(f, Hashable), f.__hash__)
attempt("reversed(f)", lambda: reversed(f))
attempt("f['z']", lambda: f["z"])


class Store(MutableMapping):
    def __init__(self, *args, **kw):
        self._d = {}
        self.update(*args, **kw)

    def __getitem__(self, key):
        return self._d[key]

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return "Store(%r)" % self._d


s = Store([("x", 1)], y=2)
print(s, len(s))
s.update({"z": 3})
s.update([("w", 4)])
s.update(Frozen(v=5))


class KeysOnly:
    def keys(self):
        return ["k"]

    def __getitem__(self, key):
        return key.upper()


s.update(KeysOnly(), extra=0)
print(s)
print(s.pop("x"), s.pop("nope", "dflt"), s)
attempt("pop missing", lambda: s.pop("nope"))
print(s.setdefault("y", 100), s.setdefault("new", 100), s.setdefault("none"), s)
print(s.popitem(), s)
s.clear()
print(s, len(s))
attempt("popitem empty", lambda: s.popitem())
attempt("update 2 args", lambda: s.update({}, {}))
s["a"] = 1
del s["a"]
attempt("del missing", lambda: s.__delitem__("a"))
print(s == {}, s == Store(), isinstance(s, MutableMapping))
# keys/items/values views are live.
s["p"] = 1
k = s.keys()
s["q"] = 2
print(list(k), len(k))


# An incomplete mapping cannot be instantiated.
class Partial(Mapping):
    def __getitem__(self, key):
        return 1


attempt("Partial()", lambda: Partial())


### Sequence / MutableSequence

class Seq(Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, index):
        return self._items[index]

    def __len__(self):
        return len(self._items)


q = Seq(1, 2, 3, 2, 1)
print(list(q), list(reversed(q)), 2 in q, 9 in q, q.count(2), q.count(9), q.index(2), q.index(2, 2), q.index(1, -1))
attempt("index missing", lambda: q.index(9))
attempt("index stop", lambda: q.index(3, 0, 2))
print(q.index(3, -3, -1), q[1:3], len(q), isinstance(q, Reversible), isinstance(q, Hashable))
nan = float("nan")
print(nan in Seq(nan), Seq(nan).count(nan), Seq(nan).index(nan))


# __iter__ falls back on __getitem__ with IndexError.
class Squares(Sequence):
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i

    def __len__(self):
        return 5


print(list(Squares()), 16 in Squares(), list(reversed(Squares())), max(Squares()))


class MSeq(MutableSequence):
    def __init__(self, items=()):
        self._items = list(items)

    def __getitem__(self, index):
        return self._items[index]

    def __setitem__(self, index, value):
        self._items[index] = value

    def __delitem__(self, index):
        del self._items[index]

    def __len__(self):
        return len(self._items)

    def insert(self, index, value):
        self._items.insert(index, value)

    def __repr__(self):
        return "MSeq(%r)" % self._items


m = MSeq([3, 1])
m.append(4)
m.extend([1, 5])
m.extend(m)
print(m, len(m))
print(m.pop(), m.pop(0), m)
m.remove(1)
print(m)
attempt("remove missing", lambda: m.remove(42))
m.reverse()
print(m)
m += (9, 8)
print(m, type(m).__name__)
m.clear()
print(m)
attempt("pop empty", lambda: m.pop())
print(isinstance(m, MutableSequence), isinstance(m, Sequence), issubclass(MSeq, Iterable))
m.extend(x * x for x in range(4))
print(m, list(reversed(m)), m.index(4), 9 in m)

### Set / MutableSet


class LSet(Set):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            if x not in self._items:
                self._items.append(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "LSet(%r)" % sorted(self._items)


a = LSet([1, 2, 3])
b = LSet([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [3, 9], a | [7], a - {1}, a ^ {1, 9})
print([3, 9] & a, {1, 9} ^ a, {5} - a, [5] | a)
print(type(a & b).__name__, type({1} & a).__name__, type([1] & a).__name__)
print(a == LSet([3, 2, 1]), a == {1, 2, 3}, a != b, a == [1, 2, 3])
print(a <= LSet([1, 2, 3, 4]), a < LSet([1, 2, 3]), a < LSet([1, 2, 3, 4]), a >= LSet([1]), a > LSet([1]), a > a)
print(a <= {1, 2, 3}, {1, 2} < a, frozenset([1, 2, 3, 4]) > a)
print(a.isdisjoint([7, 8]), a.isdisjoint(b))
attempt("a < list", lambda: a < [1])
attempt("a & 3", lambda: a & 3)
attempt("a - 3", lambda: a - 3)
print(isinstance(a, Set), isinstance(a, MutableSet), a.__hash__)


class HSet(LSet):
    __hash__ = Set._hash


# (Whether Set._hash equals frozenset's hash is an implementation detail.)
print(HSet([1, 2]) == HSet([2, 1]), hash(HSet([1, 2])) == hash(HSet([2, 1])), hash(HSet([3, 1, 2])) == hash(HSet([1, 2, 3])))
print(type(hash(HSet())).__name__, hash(HSet(["a", (1, 2)])) == hash(HSet([(1, 2), "a"])), hash(HSet([1])) != hash(HSet([2])))


class MSet(LSet, MutableSet):
    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)


ms = MSet([1, 2])
ms.add(3)
ms.add(1)
ms.discard(9)
print(ms)
ms.remove(2)
attempt("remove missing", lambda: ms.remove(2))
print(ms, ms.pop() in (1, 3), len(ms))
ms |= [5, 6]
print(ms)
ms &= {5, 6, 7}
print(ms)
ms ^= [6, 8]
print(ms)
ms -= [5]
print(ms, type(ms).__name__)
ms ^= ms
print(ms)
ms.add(1)
ms -= ms
print(ms)
ms |= {1, 2, 3}
ms.clear()
print(ms)
attempt("pop empty", lambda: ms.pop())


### Iterator / Generator / others

class Count(Iterator):
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


c = Count(3)
print(iter(c) is c, list(c), list(c))


class Gen(Generator):
    def __init__(self):
        self.last = 0

    def send(self, value):
        if value is None:
            value = 1
        self.last += value
        if self.last > 10:
            raise StopIteration
        return self.last

    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)


g = Gen()
print(next(g), g.send(5), next(g), list(g))
attempt("throw", lambda: Gen().throw(ValueError, ValueError("boom")))
attempt("throw type", lambda: Gen().throw(KeyError))
print(Gen().close())


class Stubborn(Gen):
    def throw(self, typ, val=None, tb=None):
        return 0


attempt("close stubborn", lambda: Stubborn().close())
print(isinstance(g, Iterator), isinstance(g, Generator))


class Box(Sized, Container, Iterable):
    def __init__(self, *xs):
        self.xs = xs

    def __len__(self):
        return len(self.xs)

    def __contains__(self, x):
        return x in self.xs

    def __iter__(self):
        return iter(self.xs)


from collections.abc import Collection
bx = Box(1, 2)
print(len(bx), 2 in bx, list(bx), isinstance(bx, Collection), issubclass(Box, Collection))


# Setting a protocol method to None opts out of the structural check.
class NoIter:
    def __iter__(self):
        return iter([])


class OptOut(NoIter):
    __iter__ = None


class Unhash:
    __hash__ = None


class EqOnly:
    def __eq__(self, other):
        return True


print(issubclass(NoIter, Iterable), issubclass(OptOut, Iterable), issubclass(Unhash, Hashable), issubclass(EqOnly, Hashable))
print(isinstance(Callable, Callable), issubclass(type(print), Callable), issubclass(NoIter, Callable))

# Registration of user classes with the container ABCs.


class Legacy:
    def __len__(self):
        return 0


Sequence.register(Legacy)
print(issubclass(Legacy, Sequence), issubclass(Legacy, Reversible), issubclass(Legacy, MutableSequence), issubclass(Legacy, Sized))
