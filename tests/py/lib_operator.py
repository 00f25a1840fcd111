# operator: every function, the getter objects, reprs and error messages
import operator
from operator import *

print(lt(1, 2), le(2, 2), eq(1, 1.0), ne('a', 'a'), ge(3, 2), gt(1, 2))
print(lt('a', 'b'), le([1], [1, 0]), gt((2,), (1, 9)), eq(None, None))
print(not_(0), not_([1]), truth(''), truth([0]), is_(None, None), is_not(1, None))
print(abs(-3), abs(-2.5), add(2, 3), add('a', 'b'), add([1], [2]), and_(12, 10), and_(True, False))
print(floordiv(7, 2), floordiv(-7, 2), floordiv(7.5, 2), mod(7, 3), mod(-7, 3), mod(7.5, 2))
print(index(5), index(True), inv(5), invert(0), invert(-1), lshift(1, 10), rshift(1024, 3))
print(mul(3, 4), mul('ab', 3), mul([0], 2), neg(5), neg(-0.5), or_(12, 10), pos(-3), pos(True))
print(pow(2, 10), pow(2, -1), pow(2.0, 0.5), sub(10, 3), truediv(7, 2), truediv(1, 4), xor(12, 10))
print(or_({1}, {2}), and_({1, 2}, {2, 3}), xor({1, 2}, {2, 3}), sub({1, 2}, {2}))
print(concat('ab', 'cd'), concat([1], [2]), concat((1,), (2,)))
print(contains([1, 2], 2), contains('abc', 'bc'), contains({'k': 1}, 'v'))
print(countOf([1, 2, 1, 1.0, True], 1), countOf('banana', 'a'), countOf([], 1))
nan = float('nan')
print(countOf([nan, nan], nan), indexOf([nan], nan))
print(indexOf([3, 4, 5], 5), indexOf('abc', 'b'), indexOf(iter([0, 1]), 1))
l = [1, 2, 3]
setitem(l, 0, 10)
delitem(l, 1)
print(l, getitem(l, -1), getitem('abc', slice(1, None)), getitem({'a': 1}, 'a'))
d = {}
setitem(d, 'k', 'v')
print(d)
delitem(d, 'k')
print(d)
print(length_hint([1, 2, 3]), length_hint(iter([1, 2, 3])), length_hint(5), length_hint(5, 7))
print(length_hint(iter(range(10))), length_hint(x for x in [1]), length_hint(iter(()), 3))
class Hint:
    def __init__(self, v):
        self.v = v
    def __length_hint__(self):
        return self.v
print(length_hint(Hint(4)), length_hint(Hint(NotImplemented), 9))
for bad in [Hint(-1), Hint('x'), Hint(2.0)]:
    try:
        length_hint(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    length_hint([], 'a')
except TypeError as e:
    print('TypeError', e)
class Lenless:
    def __len__(self):
        raise TypeError('no len')
    def __length_hint__(self):
        return 11
print(length_hint(Lenless()))
print(operator.call(max, 3, 7), operator.call(sorted, [3, 1], reverse=True), operator.call(dict, a=1))
print(matmul.__name__)
class M:
    def __matmul__(self, o):
        return 'matmul'
    def __imatmul__(self, o):
        return 'imatmul'
print(matmul(M(), 1), imatmul(M(), 1))

# In-place operators: mutable objects change, immutable ones do not.
a = [1]
b = iadd(a, [2])
print(a, b, a is b)
t = (1,)
u = iadd(t, (2,))
print(t, u)
s = {1, 2, 3}
iand(s, {1, 2})
ior(s, {9})
ixor(s, {1})
isub(s, {9})
print(s)
print(iadd(1, 2), isub(5, 3), imul(3, 3), imul([1], 3), ifloordiv(7, 2), imod(7, 4), ipow(2, 5))
print(ilshift(1, 3), irshift(8, 2), itruediv(1, 2), ior(1, 2), ixor(3, 1), iand(3, 1))
lst = ['x']
print(iconcat(lst, ['y']), lst)

# Errors.
def err(f, *args):
    try:
        f(*args)
    except Exception as e:
        return type(e).__name__
    return 'no error'
print(err(add, 1, 'a'), err(neg, 'a'), err(lt, 1, 'a'), err(truediv, 1, 0), err(floordiv, 1, 0), err(mod, 1, 0))
print(err(getitem, [1], 5), err(getitem, {}, 'x'), err(delitem, [], 0), err(setitem, (1,), 0, 2))
print(err(indexOf, [1], 2), err(countOf, 5, 1), err(contains, 5, 1), err(inv, 1.5), err(add))
for f, args in [(concat, (1, 2)), (iconcat, (1, 2)), (index, ('a',)), (index, (2.5,)), (indexOf, ([1, 2], 3))]:
    try:
        f(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(err(concat, [1], 2))
class Idx:
    def __index__(self):
        return 42
print(index(Idx()), operator.__index__(Idx()))

# itemgetter, attrgetter, methodcaller
g = itemgetter(1)
print(g([10, 20, 30]), g('xyz'), g({1: 'one'}), repr(g))
g = itemgetter(0, -1, slice(1, 3))
print(g('abcdef'), repr(g))
print(repr(itemgetter('a', 'b')), itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a')], key=itemgetter(0)))
print(list(map(itemgetter(0, 0), ['ab', 'cd'])))
for f in [lambda: itemgetter(), lambda: itemgetter(1, x=2), lambda: itemgetter(1)(5), lambda: itemgetter(5)([1])]:
    try:
        f()
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)

class Name:
    def __init__(self, first, last):
        self.first = first
        self.last = last
class Person:
    def __init__(self, first, last, age):
        self.name = Name(first, last)
        self.age = age
people = [Person('Ann', 'Lee', 30), Person('Bob', 'Kim', 25)]
print([attrgetter('age')(p) for p in people])
print(attrgetter('name.first', 'age')(people[0]), attrgetter('name.last')(people[1]))
print([p.age for p in sorted(people, key=attrgetter('age'))])
print(repr(attrgetter('age')), repr(attrgetter('name.first', 'age')))
print(attrgetter('real', 'imag')(3 + 4j), attrgetter('__class__.__name__')(1))
for f in [lambda: attrgetter(), lambda: attrgetter(1), lambda: attrgetter('a', 2), lambda: attrgetter('x')(1),
          lambda: attrgetter('name.middle')(people[0])]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

m = methodcaller('upper')
print(m('abc'), repr(m))
m = methodcaller('split', ',', maxsplit=1)
print(m('a,b,c'), repr(m))
m = methodcaller('replace', 'a', 'b', 1)
print(m('aaa'), repr(m))
print(methodcaller('get', 'k', 'default')({}), methodcaller('count', 1)([1, 1, 2]))
print(repr(methodcaller('f', name='n', self='s')), methodcaller('format', self='me', name='x')('{self}-{name}'))
for f in [lambda: methodcaller(), lambda: methodcaller(1), lambda: methodcaller('nope')(1)]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)

# The dunder aliases are the same functions.
print(operator.__add__ is add, operator.__lt__ is lt, operator.__not__ is not_, operator.__inv__ is inv,
      operator.__invert__ is invert, operator.__iadd__ is iadd, operator.__getitem__ is getitem,
      operator.__concat__ is concat, operator.__contains__ is contains, operator.__abs__ is operator.abs)
print(sorted(operator.__all__))
print(all(callable(getattr(operator, n)) for n in operator.__all__))
print(inv.__name__, add.__name__, not_.__name__, truth.__name__, type(itemgetter(1)).__name__,
      type(attrgetter('a')).__name__, type(methodcaller('a')).__name__)

# functools.reduce-style uses of the operators
from functools import reduce
print(reduce(add, range(10)), reduce(mul, range(1, 6)), reduce(or_, [1, 2, 4]), reduce(concat, ['a', 'b', 'c']))
