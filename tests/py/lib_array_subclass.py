# array: Python subclasses keep attributes, overrides and CPython's rules
# for constructor arguments; results of slicing, copying and operators are
# plain arrays.
from array import array
import copy


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class A(array):
    pass


a = A('i', [1, 2, 3])
print(a, type(a).__name__, isinstance(a, array), type(a) is A, A.__mro__ == (A, array, object))
print(a[0], a[-1], len(a), list(a), a.tolist(), 2 in a, a == array('i', [1, 2, 3]), a.typecode, a.itemsize)
a[0] = 10
a.append(4)
del a[1]
print(a, a.__sizeof__() > 0)
for r in [a[:], a[::2], a + a, a * 2, 2 * a, a.__copy__(), copy.copy(a), copy.deepcopy(a)]:
    print(type(r).__name__, r)
alias = a
a += array('i', [5])
a *= 2
print(type(a).__name__, a is alias, a)

# Attributes live in the instance's __dict__.
a.name = 'first'
a.count_ = 3
print(a.name, a.count_, sorted(a.__dict__.items()), hasattr(a, 'missing'))
a.count_ = 4
print(sorted(vars(a)), a.count_)
attempt('missing attr', lambda: a.missing)


class B(array):
    def __new__(cls, tc, data, label):
        self = super().__new__(cls, tc, data)
        self.label = label
        return self

    def __getitem__(self, i):
        return ('B', super().__getitem__(i))

    def __len__(self):
        return 99

    def __repr__(self):
        return 'B<%s>' % self.tolist()


b = B('d', [1.5, 2.5], 'lbl')
print(b[0], b[1:], b.label, len(b), repr(b), str(b), list(b), b == array('d', [1.5, 2.5]), bool(b))


class C(array):
    def __init__(self, tc, data=(), **kw):
        self.n = len(data)
        self.kw = kw


c = C('i', [1, 2, 3], extra=1)
print(c, c.n, c.kw)
attempt('A kw', lambda: A('i', [1], extra=1))
attempt('A bad', lambda: A('z'))
attempt('A noargs', lambda: A())


class D(array):
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 2)

    def __iter__(self):
        yield 'custom'

    def __contains__(self, x):
        return True

    def __eq__(self, other):
        return 'eq'


d = D('h', [1, 2])
d[0] = 5
d[1:] = array('h', [7])
print(d.tolist(), list(d), 'x' in d, d == d, array('h', [10, 14]) == d)


class E(array):
    def append(self, v):
        super().append(v)
        super().append(v)

    @property
    def first(self):
        return self[0]


e = E('b')
e.append(3)
e.extend([4])
print(e, e.first)


# Subclasses of subclasses, and a class attribute shadowed per instance.
class F(A):
    tag = 'class'


f = F('u', 'hi')
print(f, type(f).__mro__[1:] == (A, array, object), f.tag, f.tounicode())
f.tag = 'instance'
print(f.tag, F.tag)
print(repr(F('f')), repr(F('d', [1])), repr(A('u', 'x')))


# __slots__ subclasses have no __dict__.
class S(array):
    __slots__ = ('x',)


s = S('i', [1])
s.x = 5
print(s.x, hasattr(s, '__dict__'))
attempt('slots', lambda: setattr(s, 'y', 1))

# Instances of the native class take no attributes.
try:
    array('i').x = 1
except AttributeError:
    print('plain attr AttributeError')
print(hasattr(array('i'), '__dict__'))
