# itertools: count, cycle, repeat, and the shared iterator conventions
import itertools
from itertools import count, cycle, repeat, islice

def take(n, it):
    return list(islice(it, n))

# count
print(take(5, count()))
print(take(5, count(10)))
print(take(4, count(1, 3)))
print(take(4, count(5, -2)))
print(take(4, count(0.5, 0.25)))
print(take(3, count(start=7, step=2)))
print(take(3, count(step=-1)))
print(take(3, count(2 ** 70)))
print(take(3, count(True)), take(3, count(True, 2)), take(3, count(0, True)))
print(take(3, count(1 + 2j, 1j)))
c = count(5)
print(repr(c), next(c), repr(c))
print(repr(count(1.5)), repr(count(0, 1.0)), repr(count(3, 2)), repr(count(0, -1)))
print(repr(count(2 ** 70)), repr(count(True)), repr(count(0, True)), repr(count(7, 1)))
c = count(0, 0.1)
for _ in range(10):
    next(c)
print(repr(c))
print(type(count()).__name__, iter(c) is c)
for bad in ['a', None, [1]]:
    try:
        count(bad)
    except TypeError as e:
        print('TypeError', e)
    try:
        count(0, bad)
    except TypeError as e:
        print('TypeError', e)
try:
    count(1, 2, 3)
except TypeError as e:
    print(type(e).__name__)
class MyCount(count):
    pass
mc = MyCount(3)
print(repr(mc), next(mc), type(mc).__name__, isinstance(mc, count))
print(list(zip('abc', count(1))))

# cycle
print(take(7, cycle('abc')))
print(take(7, cycle([1])))
print(list(cycle([])), list(cycle('')))
def gen():
    yield 1
    yield 2
print(take(5, cycle(gen())))
cy = cycle(iter([1, 2]))
print(next(cy), next(cy), next(cy), type(cy).__name__, iter(cy) is cy)
for bad in [5, None]:
    try:
        cycle(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    cycle()
except TypeError as e:
    print(type(e).__name__)
try:
    cycle([1], x=1)
except TypeError as e:
    print(type(e).__name__)

# repeat
print(list(repeat('x', 3)), list(repeat(None, 0)), list(repeat(1, -5)))
print(take(4, repeat([1])))
r = repeat(1, 3)
print(repr(r), next(r), repr(r), r.__length_hint__())
print(list(r), repr(r), r.__length_hint__())
print(repr(repeat('a')), repr(repeat(1, -3)), repr(repeat(1, True)), repr(repeat([1, 2], 2)))
print(repr(repeat(object=1, times=2)), repr(repeat(times=2, object='z')))
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print('TypeError', e)
for bad in [2.5, None, '3']:
    try:
        repeat(1, bad)
    except TypeError as e:
        print('TypeError', e)
try:
    repeat()
except TypeError as e:
    print(type(e).__name__)
r = repeat([])
a, b = next(r), next(r)
print(a is b, type(r).__name__)
print(list(map(pow, range(5), repeat(2))))

# Every iterator is its own iterator and has the documented type name.
objs = [count(), cycle('a'), repeat(1), itertools.accumulate([1]), itertools.chain(),
        itertools.chain.from_iterable([]), itertools.compress('a', [1]),
        itertools.dropwhile(bool, []), itertools.filterfalse(None, []),
        itertools.groupby([]), islice([], 1), itertools.pairwise([]),
        itertools.starmap(pow, []), itertools.takewhile(bool, []),
        itertools.tee([])[0], itertools.zip_longest(), itertools.product(),
        itertools.permutations([]), itertools.combinations([], 0),
        itertools.combinations_with_replacement([], 0)]
for o in objs:
    print(type(o).__name__, iter(o) is o, hasattr(o, '__next__'))
print(type(next(itertools.groupby([1]))[1]).__name__)
print(type(itertools.tee).__name__ in ('builtin_function_or_method', 'function'))
print(sorted(n for n in itertools.__all__) if hasattr(itertools, '__all__') else 'no __all__')
