# dataclass(): generated __init__/__repr__/__eq__/order/hash, fields, helpers.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, FrozenInstanceError, InitVar, KW_ONLY,
                         MISSING)


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(Point(3)), Point(1, 2) == p, Point(1, 3) == p, p != Point(0))
print(Point.__init__.__name__, Point.__match_args__, Point.__hash__)
print(Point(x=5, y=6), Point(y=1, x=2))
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))
print([f.name for f in fields(p)], [f.type for f in fields(Point)], fields(Point)[1].default)
print(asdict(p), astuple(p), replace(p, y=9), p)
print(Point.__dataclass_fields__['x'].default is MISSING)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__)


@dataclass
class Outer:
    @dataclass
    class Inner:
        a: str = 'z'
    n: int = 1


print(Outer.Inner(), Outer())


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tag: str = field(default='', compare=False)


v1, v2 = Version(1, 2), Version(1, 10, 'rc')
print(v1 < v2, v1 <= v2, v2 > v1, v1 >= v1, sorted([v2, v1]), max(v1, v2))
print(hash(v1) == hash(Version(1, 2, 'other')), Version(1, 2, 'a') == Version(1, 2, 'b'))
print({v1: 1}[Version(1, 2)])
try:
    v1.major = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v1.minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    v1 < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(replace(v1, minor=7))


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict, repr=False)
    secret: str = field(default='s', repr=False, compare=False)
    count: int = field(default=0, init=False)
    meta: int = field(default=1, metadata={'unit': 'kg'})


a, b = Inventory('a'), Inventory('b')
a.items.append(1)
print(a, b, a.items is not b.items, a.count)
print(fields(Inventory)[5].metadata['unit'], len(fields(Inventory)[0].metadata))
print(Inventory('a', [1]) == a, Inventory('q') == Inventory('q', secret='t'))
print(asdict(Inventory('n', [Point(1, 2)], {'k': [Point(3, 4)]})))
print(astuple(Inventory('n', [Point(1, 2)])))
print(Inventory.__hash__)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10


print(Derived(), Derived(3, 4, 5), [f.name for f in fields(Derived)])


@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithPost(3)
print(w, WithPost(3, 10), [f.name for f in fields(w)], 'scale' in WithPost.__dataclass_fields__)


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


print(KW(1, c=5), KW(1))
try:
    KW(1, 2)
except TypeError as e:
    print(type(e).__name__)


@dataclass(kw_only=True)
class AllKW:
    a: int = 1
    b: int


print(AllKW(b=2))


@dataclass
class Mixed:
    a: int = field(kw_only=True, default=0)
    b: int = 5


print(Mixed(6), Mixed(1, a=3))


@dataclass(eq=False)
class NoEq:
    a: int


n = NoEq(1)
print(n == NoEq(1), n == n, NoEq.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashy:
    a: int
    b: list = field(default=None, hash=False)


print(hash(Hashy(1)) == hash(Hashy(1, [2])), Hashy(1) == Hashy(1))


@dataclass(repr=False, init=False)
class Custom:
    a: int = 4

    def __repr__(self):
        return 'Custom!'


print(Custom(), Custom().a)


@dataclass
class Explicit:
    a: int

    def __eq__(self, other):
        return True


print(Explicit(1) == Explicit(2))

try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class BadDefault:
        x: list = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class BadDefault2:
        x: dict = {}
except ValueError as e:
    print(type(e).__name__, e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(type(e).__name__, e)
try:
    asdict(Point)
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass(order=True, eq=False)
    class BadOrd:
        a: int
except ValueError as e:
    print(type(e).__name__, e)
try:
    fields(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    replace(w, b=3)
except ValueError as e:
    print(type(e).__name__, e)


@dataclass
class ClassVarTest:
    from typing import ClassVar
    count: ClassVar[int] = 0
    a: int = 1


print(ClassVarTest(), [f.name for f in fields(ClassVarTest)])


@dataclass
class Rec:
    name: str
    children: list = field(default_factory=list)


r = Rec('root', [Rec('kid')])
print(r, asdict(r))


@dataclass(frozen=True)
class FBase:
    a: int


@dataclass(frozen=True)
class FChild(FBase):
    b: int = 2


print(FChild(1), hash(FChild(1)) == hash(FChild(1)))
try:
    @dataclass
    class Thaw(FBase):
        c: int = 0
except TypeError as e:
    print(type(e).__name__, e)


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'x'


s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
try:
    s.c = 3
except AttributeError as e:
    print(type(e).__name__)


@dataclass(match_args=False)
class NoMatch:
    a: int


print(hasattr(NoMatch, '__match_args__'))
f0 = fields(Point)[0]
print(f0.name, f0.type, f0.init, f0.repr, f0.compare, f0.hash, f0.kw_only)
print(Point.__eq__(p, 5), Point.__annotations__)
