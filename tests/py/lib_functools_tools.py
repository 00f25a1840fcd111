# functools: reduce, partial, partialmethod, wraps/update_wrapper, cmp_to_key,
# total_ordering, cached_property, singledispatch
import functools
from functools import (reduce, partial, partialmethod, wraps, update_wrapper, cmp_to_key,
                       total_ordering, cached_property, singledispatch, singledispatchmethod,
                       WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
import operator

# reduce
print(reduce(operator.add, [1, 2, 3, 4, 5]), reduce(operator.add, [1, 2, 3], 10), reduce(operator.add, [], 7))
print(reduce(lambda a, b: a * 10 + b, range(1, 6)), reduce(max, [3, 9, 2]), reduce(operator.add, ['x']))
print(reduce(operator.add, iter('abc')), reduce(lambda acc, x: acc + [x], 'ab', []))
print(reduce(operator.add, [[1], [2]], []), reduce(operator.mul, range(1, 1), 1))
for args in [(operator.add, []), (operator.add, 5), (operator.add,), (operator.add, [], 1, 2), ()]:
    try:
        reduce(*args)
    except TypeError as e:
        print(type(e).__name__)
for args in [(operator.add, []), (operator.add, 5), (operator.add, (), None), (operator.add, 'ab', None)]:
    try:
        print(reduce(*args))
    except TypeError as e:
        print('TypeError', e)
try:
    reduce(operator.add, [1], initial=2)
except TypeError as e:
    print(type(e).__name__)

# partial
def f(a, b, c=3, *rest, **kw):
    return (a, b, c, rest, kw)
p = partial(f, 1)
print(p(2), p(2, 4, 5), p(b=9), p.func is f, p.args, p.keywords)
p = partial(f, 1, 2, c=7, x=1)
print(p(), p(c=0), p(x=2, y=3), p.args, p.keywords)
pp = partial(p, y=5)
print(pp(), pp.func is f, pp.args, pp.keywords)
pp = partial(partial(f, 1), 2, 'c', 'd')
print(pp('e'), pp.func is f, pp.args, pp.keywords)
print(partial(int, base=2)('101'), partial(max, 0)(-5, -3), partial(sorted, reverse=True)([2, 3, 1]))
print(repr(partial(int, base=2)), repr(partial(str, 0)), repr(partial(dict)))
print(repr(partial(list, [3, 1])), repr(partial(dict, [], a=[1], b='x')))
print(type(partial(len)).__name__, callable(partial(len)))
class MyPartial(partial):
    pass
mp = MyPartial(int, '7')
print(mp(), repr(mp), type(mp).__name__, isinstance(mp, partial))
p = partial(max)
p.attr = 'set'
print(p.attr, p.__dict__)
inner = partial(f, 1)
inner.marker = True
outer = partial(inner, 2)
print(outer.func is inner, outer.args, outer())
for args in [(), (5,), ('notcallable', 1)]:
    try:
        partial(*args)
    except TypeError as e:
        print('TypeError', e)
# a partial stored on a class does not bind self
class Holder:
    meth = partial(f, 'first')
print(Holder().meth('second'))
# keyword override at call time
p = partial(f, c=1)
print(p(1, 2, c=5), p.keywords)

# partialmethod
class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive)
class Adder:
    def add(self, a, b, c=0):
        return a + b + c
    add5 = partialmethod(add, 5)
    add5c = partialmethod(add, 5, c=100)
a = Adder()
print(a.add5(1), a.add5c(1), Adder.add5(a, 2))

# wraps / update_wrapper
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
def deco(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return ('wrapped', func(*args, **kwargs))
    return wrapper
@deco
def target(x: int) -> int:
    "Target doc."
    return x
target_attr_holder = target
print(target(1), target.__name__, target.__doc__, target.__qualname__, target.__module__)
def annotated():
    pass
annotated.__annotations__ = {'x': int}
print(deco(annotated).__annotations__)
print(target.__wrapped__(2), target.__wrapped__.__name__)
def src():
    "src doc"
src.custom = 'c'
def dst():
    pass
dst.custom = 'old'
dst.other = 1
res = update_wrapper(dst, src)
print(res is dst, dst.__name__, dst.__doc__, dst.custom, dst.other, dst.__wrapped__ is src)
def dst2():
    pass
update_wrapper(dst2, src, assigned=('__doc__',), updated=())
print(dst2.__name__, dst2.__doc__, hasattr(dst2, 'custom'), dst2.__wrapped__ is src)
class NoAttrs:
    pass
obj = NoAttrs()
def dst3():
    pass
update_wrapper(dst3, len)
print(dst3.__name__, dst3.__wrapped__ is len)
# stacked wraps: __wrapped__ points one level down
@deco
@deco
def twice():
    "twice doc"
    return 0
print(twice(), twice.__name__, twice.__wrapped__.__wrapped__.__name__, twice.__wrapped__ is not twice)

# cmp_to_key
def numeric_desc(a, b):
    return b - a
print(sorted([3, 1, 2], key=cmp_to_key(numeric_desc)))
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(['bb', 'a', 'ccc', 'ab', 'b'], key=cmp_to_key(by_len_then_alpha)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
print(K(1) < K(2), K(2) > K(1), K(1) == K(1), K(1) <= K(1), K(2) >= K(3), K(1) != K(2))
print(K(5).obj, min([3, 1, 2], key=K), max('abc', key=K))
try:
    hash(K(1))
except TypeError as e:
    print('TypeError', type(e).__name__)
print(type(K(1)).__name__)

# total_ordering
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.n == other.n
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.n < other.n
v1, v2, v3 = Version(1), Version(2), Version(1)
print(v1 < v2, v1 <= v3, v1 > v2, v2 >= v1, v1 >= v3, v2 <= v1, v1 == v3)
print(sorted([Version(3), Version(1), Version(2)], key=lambda v: v)[0].n)
try:
    v1 <= 5
except TypeError as e:
    print('TypeError', e)
print(Version.__le__(v1, 5), Version.__gt__.__name__)
for root in ['__le__', '__gt__', '__ge__']:
    ns = {'__init__': lambda self, n: setattr(self, 'n', n),
          '__eq__': lambda self, o: self.n == o.n,
          root: (lambda op: lambda self, o: op(self.n, o.n))(getattr(operator, root.strip('_')))}
    cls = total_ordering(type('T' + root.strip('_'), (), ns))
    a, b = cls(1), cls(2)
    print(root, a < b, a <= b, a > b, a >= b, b < a, b <= a, b > a, b >= a, a <= cls(1), a >= cls(1))
try:
    total_ordering(type('Empty', (), {}))
except ValueError as e:
    print('ValueError', e)
@total_ordering
class Both:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        return self.n < o.n
    def __gt__(self, o):
        return 'own gt'
print(Both(1) > Both(2), Both(1) >= Both(2), Both(1) <= Both(1))

# cached_property
class Data:
    def __init__(self, values):
        self.values = values
        self.computed = 0
    @cached_property
    def total(self):
        "The sum."
        self.computed += 1
        return sum(self.values)
d = Data([1, 2, 3])
print(d.total, d.total, d.computed, 'total' in vars(d))
d.total = 100
print(d.total, d.computed)
del d.total
print(d.total, d.computed)
print(type(Data.total).__name__, Data.total.__doc__, Data.total.attrname)
class Slotted:
    __slots__ = ('x',)
    @cached_property
    def prop(self):
        return 1
try:
    Slotted().prop
except TypeError as e:
    print('TypeError', e)
cp = cached_property(lambda self: 1)
try:
    cp.__get__(Data([]), Data)
except TypeError as e:
    print('TypeError', e)
try:
    class Twice:
        a = cached_property(lambda self: 1)
        b = a
except (TypeError, RuntimeError) as e:
    # CPython 3.11 wraps the TypeError from __set_name__ in a RuntimeError.
    print('error')

# singledispatch
@singledispatch
def describe(arg):
    return 'object ' + repr(arg)
@describe.register(int)
def _(arg):
    return 'int %d' % arg
@describe.register(list)
def _(arg):
    return 'list of %d' % len(arg)
def describe_str(arg):
    return 'str ' + arg
describe.register(str, describe_str)
print(describe(5), describe(True), describe([1, 2]), describe('s'), describe(2.5), describe(None))
print(describe.dispatch(int).__name__, describe.dispatch(bool).__name__, describe.dispatch(float).__name__)
print(describe.registry[str] is describe_str, object in describe.registry, len(describe.registry))
print(describe.__name__)
def describe_float(arg):
    return 'float by annotation'
describe_float.__annotations__ = {'arg': float}
print(describe.register(describe_float) is describe_float, describe(1.5))
def no_ann(arg):
    pass
try:
    describe.register(no_ann)
except TypeError as e:
    print(type(e).__name__)
class Base:
    pass
class Derived(Base):
    pass
@describe.register(Base)
def _(arg):
    return 'Base-ish ' + type(arg).__name__
print(describe(Derived()), describe(Base()))
try:
    describe()
except TypeError as e:
    print('TypeError', e)
try:
    describe.register(5, lambda x: x)
except TypeError as e:
    print(type(e).__name__)

class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return 'generic'
    @fmt.register(int)
    def _(self, arg):
        return 'int'
    @fmt.register(str)
    def _(self, arg):
        return 'str ' + arg
print(Formatter().fmt(1), Formatter().fmt('a'), Formatter().fmt(1.0))
class Tools:
    @singledispatchmethod
    @classmethod
    def kind(cls, arg):
        return cls.__name__ + ' generic'
    @kind.register(int)
    @classmethod
    def _(cls, arg):
        return cls.__name__ + ' int'
print(Tools.kind(1), Tools.kind('x'), Tools().kind(2))
class Partials:
    def __init__(self, v):
        self.v = v
    def combine(self, a, b):
        return (self.v, a, b)
    first = partialmethod(combine, 'A')
    both = partialmethod(first, 'B')
    @classmethod
    def make(cls, a, b):
        return (cls.__name__, a, b)
    make_one = partialmethod(make, 1)
    @staticmethod
    def stat(a, b):
        return ('static', a, b)
    stat_x = partialmethod(stat, 'x')
pm = Partials(9)
print(pm.first('b'), pm.both(), Partials.make_one(2), pm.make_one(3), pm.stat_x('y'), Partials.stat_x('z'))
print(type(Partials.__dict__['first']).__name__)
try:
    partialmethod(5)
except TypeError as e:
    print(type(e).__name__)

# __all__
print(sorted(functools.__all__))

# singledispatch on a class that is a subclass only through __subclasscheck__
class Meta(type):
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Duck(metaclass=Meta):
    pass
class Mallard:
    quack = True
@singledispatch
def kind(x):
    return 'thing'
@kind.register(Duck)
def _(x):
    return 'duck'
@kind.register(int)
def _(x):
    return 'int'
print(kind(Mallard()), kind(3), kind('s'))
