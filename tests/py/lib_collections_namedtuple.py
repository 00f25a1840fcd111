# collections.namedtuple: field specs, defaults, rename, the generated
# methods and attributes, tuple behaviour, subclassing and errors.
from collections import namedtuple


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


Point = namedtuple('Point', ['x', 'y'])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p), p == (1, 2), p == Point(1, 2))
print(Point(y=5, x=3), Point(1, y=4), Point._make([7, 8]), Point._make(iter('ab')))
print(isinstance(p, tuple), type(p).__name__, Point.__name__, Point.__qualname__, Point.__module__)
print(Point._fields, Point._field_defaults, Point.__match_args__, Point.__doc__, Point.__slots__)
print(Point.__new__.__doc__, Point.x.__doc__, Point.y.__doc__)
print(Point._make.__qualname__, Point.__new__.__qualname__, Point._replace.__qualname__,
      Point.__repr__.__qualname__, Point._asdict.__qualname__)
print(p._asdict(), p._replace(x=10), p._replace(), p.__getnewargs__())
print(hash(p) == hash((1, 2)), p + (3,), p * 2, p[::-1], p[0:1], 1 in p, p.count(1), p.index(2))
x, y = p
print(x, y, sorted([Point(2, 1), Point(1, 2), Point(1, 1)]), max(Point(3, 0), Point(2, 9)))
print({p: 'here'}[(1, 2)], '%s and %s' % p, 'x=%d y=%d' % p)

show('missing arg', lambda: Point(1))
show('too many', lambda: Point(1, 2, 3))
show('unexpected kw', lambda: Point(1, 2, z=3))
show('make short', lambda: Point._make([1]))
show('make long', lambda: Point._make([1, 2, 3]))
show('replace bad', lambda: p._replace(z=3))
show('replace bad2', lambda: p._replace(x=1, q=2, r=3))
show('set field', lambda: setattr(p, 'x', 5))
show('del field', lambda: delattr(p, 'x'))
show('set other', lambda: setattr(p, 'z', 5))

# Field name forms
print(namedtuple('A', 'a b c')._fields, namedtuple('A', 'a,b,c')._fields, namedtuple('A', 'a, b , c')._fields,
      namedtuple('A', ('a', 'b'))._fields, namedtuple('A', iter(['q']))._fields, namedtuple('A', '')._fields,
      namedtuple('A', [])._fields)
E = namedtuple('E', '')
print(E(), E._make([]), len(E()), E.__doc__)
One = namedtuple('One', 'v')
print(One(1), One.__doc__, One.__new__.__doc__, One._make([2]))

# Defaults
D = namedtuple('D', 'a b c', defaults=(2, 3))
print(D(1), D(1, 5), D(0, 0, 0), D._field_defaults, D.__new__.__defaults__)
print(namedtuple('D2', 'a b', defaults=[None])(1), namedtuple('D3', 'a', defaults=iter([9]))())
print(namedtuple('D4', 'a b', defaults=())._field_defaults, namedtuple('D5', 'a b', defaults=None)._field_defaults)
show('too many defaults', lambda: namedtuple('D', 'a', defaults=(1, 2)))
show('missing after defaults', lambda: D())

# rename
print(namedtuple('R', 'a def _b a 1x class ok', rename=True)._fields)
print(namedtuple('R', ['abc', 'abc', 'abc'], rename=True)._fields)

# Invalid names
show('bad field', lambda: namedtuple('P', 'x 1y'))
show('keyword field', lambda: namedtuple('P', 'x def'))
show('underscore field', lambda: namedtuple('P', 'x _y'))
show('duplicate field', lambda: namedtuple('P', 'x y x'))
show('non-str field', lambda: namedtuple('P', ['x', 1]))
show('bad type name', lambda: namedtuple('1P', 'x'))
show('keyword type name', lambda: namedtuple('class', 'x'))
show('int type name', lambda: namedtuple(5, 'x'))
show('type name with space', lambda: namedtuple('A B', 'x'))
print(namedtuple('_Private', 'x').__name__, namedtuple('P', 'x', module='some.module').__module__)

# Subclassing
class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return 'Vec<%s, %s>' % self


v = Vec(3, 4)
print(v, v.norm2, v + Vec(1, 1), v._replace(x=0), Vec._make([5, 6]), v._asdict(), type(v._replace(y=1)).__name__)


class Named(namedtuple('Named', 'a')):
    pass


n = Named(1)
print(n, n.a, type(n).__name__, Named._fields)

# Nested, and fields holding mutable values
Line = namedtuple('Line', 'start end')
ln = Line(Point(0, 0), Point(3, 4))
print(ln, ln.end.y, ln._asdict())
Box = namedtuple('Box', 'items')
b = Box([])
b.items.append(1)
print(b)

# Many fields
Big = namedtuple('Big', ['f%d' % i for i in range(30)])
big = Big(*range(30))
print(big.f0, big.f29, len(big), big._fields[-1])
print(repr(Big._make(range(30)))[:40])
