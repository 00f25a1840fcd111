# Flag and IntFlag: bitwise operators, pseudo-members, reprs (CPython 3.11).
from enum import Flag, IntFlag, auto, Enum


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, rw.name)
print(repr(Perm.R), str(Perm.R), format(Perm.X))
print(Perm.R in rw, Perm.X in rw, bool(rw), bool(Perm(0)))
print(repr(Perm(0)), str(Perm(0)), Perm(0).name)
print(repr(rw & Perm.R), repr(rw ^ Perm.R), repr(rw & Perm.X))
print(repr(~Perm.R), repr(~rw), repr(~Perm(0)))
print(repr(Perm(7)), Perm(6) is rw, Perm(6) is Perm(6))
print(list(Perm), len(Perm), list(rw), len(rw))
print(Perm['W'], Perm.R == Perm.R, Perm.R != Perm.W)
try:
    Perm(8)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Perm.R | 1
except TypeError as e:
    print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print([c.value for c in Color], repr(Color.WHITE), repr(Color.RED | Color.GREEN))
print(list(Color.WHITE), Color.WHITE.name, repr(Color(7)))
print(repr(Color.RED | Color.GREEN | Color.BLUE), Color.BLUE in Color.WHITE)


class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1


v = IPerm.R | IPerm.W
print(repr(v), str(v), v, v + 1, v == 6, isinstance(v, int), format(v, 'x'))
print(repr(IPerm.R | 8), repr(IPerm(0)), str(IPerm(0)), repr(~IPerm.R))
print(repr(IPerm.R & 5), repr(IPerm.R | IPerm.X), IPerm.X in v, repr(IPerm(7)))
print(repr(3 | IPerm.R), type(IPerm.R + 1).__name__, type(IPerm.R | 1).__name__)
print(IPerm.R.name, IPerm.R.value, list(IPerm), repr(IPerm(12)))


class Big(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print([m.value for m in Big], repr(Big.A | Big.C))
