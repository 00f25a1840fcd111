# itertools: accumulate, chain, compress, dropwhile, filterfalse, islice,
# pairwise, starmap, takewhile, zip_longest
import operator
from itertools import (accumulate, chain, compress, dropwhile, filterfalse,
                       islice, pairwise, starmap, takewhile, zip_longest, count)

# accumulate
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=5)), list(accumulate([])), list(accumulate([7])))
print(list(accumulate('abc')))
print(list(accumulate([[1], [2], [3]])))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=0)))
print(list(accumulate(range(5), None)))
print(list(accumulate([1.5, 2, 3j])))
def boom(a, b):
    if b == 3:
        raise ZeroDivisionError('three')
    return a + b
acc = accumulate([1, 2, 3, 4], boom)
print(next(acc), next(acc))
try:
    next(acc)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(next(acc))
try:
    list(accumulate([1, 'a']))
except TypeError as e:
    print('TypeError', e)
for args, kw in [((), {}), ((5,), {}), (([1], None, None), {}), (([1],), {'x': 2})]:
    try:
        accumulate(*args, **kw)
    except TypeError as e:
        print(type(e).__name__)

# chain
print(list(chain('ab', [1, 2], (), range(3), {'k': 1})))
print(list(chain()), list(chain([], [], [])))
print(list(chain.from_iterable(['ab', 'cd', []])))
print(list(chain.from_iterable(x * 'z' for x in range(4))))
def lazy():
    print('lazy started')
    yield 'L'
c = chain([1], lazy())
print(next(c))
print(next(c))
c = chain([1], 5, [2])
print(next(c))
try:
    next(c)
except TypeError as e:
    print('TypeError', e)
print(list(c))
try:
    chain.from_iterable(5)
except TypeError as e:
    print('TypeError', e)
try:
    chain(x=1)
except TypeError as e:
    print(type(e).__name__)
it = iter([1, 2, 3])
c = chain(it, it)
print(list(c))
class MyChain(chain):
    pass
print(type(MyChain.from_iterable(['a'])).__name__, list(MyChain('xy', 'z')))

# compress
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(compress('ABC', [0, 0, 1, 1, 1])), list(compress('ABCDE', [1, 1])))
print(list(compress([], [])), list(compress(range(10), count(0))), list(compress('ab', ['', 'x'])))
print(list(compress(data=[1, 2], selectors=[True, False])))
try:
    compress([1])
except TypeError as e:
    print(type(e).__name__)
try:
    compress([1], 5)
except TypeError as e:
    print('TypeError', e)

# dropwhile / takewhile / filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(dropwhile(lambda x: x < 5, [])), list(dropwhile(lambda x: True, [1, 2])))
print(list(dropwhile(lambda x: False, [1, 2])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [])), list(takewhile(bool, [1, 1])), list(takewhile(bool, [0, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, '', 'a', None, [], [0], 0.0])))
print(list(filterfalse(None, [])))
src = iter(range(10))
tw = takewhile(lambda x: x < 3, src)
print(list(tw), next(src), list(tw))
def pred(x):
    if x == 2:
        raise ValueError('two')
    return x < 4
tw = takewhile(pred, [1, 2, 3, 5, 1])
print(next(tw))
try:
    next(tw)
except ValueError as e:
    print('ValueError', e)
print(list(tw))
for f in (dropwhile, takewhile, filterfalse):
    try:
        f(len)
    except TypeError as e:
        print(type(e).__name__)
    try:
        f(len, 3)
    except TypeError as e:
        print('TypeError', e)
try:
    list(dropwhile(5, [1]))
except TypeError as e:
    print('TypeError', e)

# islice
print(list(islice('ABCDEFG', 2)))
print(list(islice('ABCDEFG', 2, 4)))
print(list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)))
print(list(islice('ABCDEFG', None)), list(islice('ABCDEFG', None, None, None)))
print(list(islice('ABCDEFG', 1, 100, 3)), list(islice('ABC', 5, 10)), list(islice('ABC', 0)))
print(list(islice(count(), 3, 20, 5)), list(islice(range(10), 3, 3)), list(islice(range(10), 5, 2)))
print(list(islice('ABCDEFG', True, 4)))
class Idx:
    def __index__(self):
        return 2
print(list(islice('ABCDEFG', Idx(), None, Idx())))
# how far islice consumes its input
for args in [(2,), (0, 5, 3), (1, 5, 2), (3, 3), (5, 2), (2, None, 4), (0,)]:
    src = iter(range(10))
    out = list(islice(src, *args))
    print(args, out, next(src, 'end'))
src = iter(range(3))
out = list(islice(src, 5, 8))
print(out, next(src, 'end'))
isl = islice(count(), 2, None, 10)
print(next(isl), next(isl), next(isl))
def flaky():
    yield 1
    yield 2
    raise KeyError('k')
isl = islice(flaky(), 0, 10, 1)
print(next(isl), next(isl))
try:
    next(isl)
except KeyError as e:
    print('KeyError', e)
print(list(isl))
bad_args = [
    (-1,), ('a',), (1.5,), (-2,), (2 ** 70,), (-(2 ** 70),),
    (-1, 2), (1, -1), (1, -2), ('a', 2), ('a', -1), (1, 'a'), (2 ** 70, 1),
    (1, 2, 0), (1, 2, -1), (1, 2, 'a'), (1, 2, 2 ** 70), (None, None, 0),
]
for args in bad_args:
    try:
        islice([1], *args)
    except ValueError as e:
        print(args, 'ValueError', e)
for args, kw in [((), {}), (([1],), {}), (([1], 1, 2, 3, 4), {}), (([1],), {'stop': 1})]:
    try:
        islice(*args, **kw)
    except TypeError as e:
        print('TypeError', e)
try:
    islice(5, -1)
except ValueError as e:
    print('ValueError first')
try:
    islice(5, 1)
except TypeError as e:
    print('TypeError', e)

# pairwise
print(list(pairwise('ABCDEFG')), list(pairwise('A')), list(pairwise('')), list(pairwise([1, 2])))
pw = pairwise(iter([1, 2, 3]))
print(next(pw), next(pw), next(pw, 'done'), next(pw, 'done'))
try:
    pairwise(5)
except TypeError as e:
    print('TypeError', e)
try:
    pairwise()
except TypeError as e:
    print(type(e).__name__)

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, [(), (1,), [2, 3], 'xy', range(2)])))
print(list(starmap(max, [])))
sm = starmap(operator.truediv, [(1, 2), (1, 0), (3, 4)])
print(next(sm))
try:
    next(sm)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
print(next(sm))
try:
    list(starmap(pow, [1]))
except TypeError as e:
    print(type(e).__name__)
try:
    starmap(pow)
except TypeError as e:
    print(type(e).__name__)

# zip_longest
print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest('AB', 'xyz', [1])))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest('ab')))
print(list(zip_longest([], 'ab', fillvalue=0)), list(zip_longest([], [])))
src1, src2, src3 = iter([1]), iter([]), iter([1, 2, 3])
zl = zip_longest(src1, src2, src3)
print(list(zl), next(src3, 'end'))
a = iter([1, 2])
b = iter([10])
c = iter([100, 200, 300])
zl = zip_longest(a, b, c)
print(next(zl), next(zl), next(zl), next(zl, 'done'), next(c, 'c-end'))
def raiser():
    yield 1
    raise IndexError('boom')
zl = zip_longest(raiser(), [1, 2, 3])
print(next(zl))
try:
    next(zl)
except IndexError as e:
    print('IndexError', e)
print(list(zl))
for kw in [{'x': 1}, {'fillvalue': 1, 'y': 2}]:
    try:
        zip_longest([1], **kw)
    except TypeError as e:
        print('TypeError', e)
try:
    zip_longest([1], 5)
except TypeError as e:
    print('TypeError', e)

# Subclasses: the constructor arguments reach the base class even when the
# subclass defines its own __init__.
class Tagged(chain):
    def __init__(self, *iterables):
        self.count = len(iterables)
t = Tagged('ab', 'c')
print(list(t), t.count, isinstance(t, chain))
class Window(islice):
    def __init__(self, iterable, stop):
        self.stop_at = stop
w = Window('abcdef', 3)
print(list(w), w.stop_at)
class Evens(filterfalse):
    pass
print(list(Evens(lambda x: x % 2, range(7))), type(Evens(None, [])).__name__)
class Pairs(zip_longest):
    def __init__(self, *its, fillvalue=None):
        self.fill = fillvalue
print(list(Pairs('ab', 'c', fillvalue='.')))
