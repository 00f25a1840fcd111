# itertools: groupby and tee
from itertools import groupby, tee, count, islice

# groupby
print([k for k, g in groupby('AAAABBBCCDAABBB')])
print([list(g) for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
print([(k, list(g)) for k, g in groupby(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda s: s[0])])
print([(k, list(g)) for k, g in groupby(range(10), lambda x: x // 3)])
print(list(groupby([])), [(k, list(g)) for k, g in groupby([5])])
print([(k, list(g)) for k, g in groupby([1, 1.0, True, 2], key=None)])
# An earlier group becomes empty once the groupby advances.
groups = [(k, g) for k, g in groupby('AABBC')]
print([(k, list(g)) for k, g in groups])
gb = groupby('AAABBC')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
k3, g3 = next(gb)
print(k3, list(g3), next(gb, 'done'))
# Partially consumed group, then advance.
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
print(k, next(g))
k, g = next(gb)
print(k, list(g))
print([(k, list(g)) for k, g in gb])
# The grouper keeps working after the groupby is exhausted only if current.
gb = groupby('ab')
k, g = next(gb)
k2, g2 = next(gb)
print(list(g), list(g2), next(gb, 'end'))
print(type(gb).__name__, type(g2).__name__, iter(g2) is g2)
# Key function called once per element.
calls = []
def key(x):
    calls.append(x)
    return x % 2
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key)], calls)
def bad_key(x):
    if x == 3:
        raise KeyError(x)
    return x
gb = groupby([1, 2, 3, 4], bad_key)
print(next(gb)[0])
try:
    next(gb)
    next(gb)
except KeyError as e:
    print('KeyError', e)
print(groupby(iterable='ab', key=str.upper).__next__()[0])
try:
    groupby()
except TypeError as e:
    print(type(e).__name__)
try:
    groupby(5)
except TypeError as e:
    print('TypeError', e)
class Weird:
    def __eq__(self, other):
        raise RuntimeError('eq')
    __hash__ = object.__hash__
try:
    list(groupby([Weird(), Weird()]))
except RuntimeError as e:
    print('RuntimeError', e)
# sort-then-group idiom
data = sorted('mississippi')
print([(k, len(list(g))) for k, g in groupby(data)])

# tee
a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), next(b), list(a), list(b))
t = tee('abc', 3)
print(len(t), [list(x) for x in t])
print(tee([1, 2], 0), tee([], 1)[0].__class__.__name__, list(tee([], 1)[0]))
print(len(tee('x', 5)))
src = iter(range(5))
a, b = tee(src)
print(next(a), next(a), next(src), next(b), next(b), next(b), list(a))
a, b = tee(count())
print(list(islice(a, 3)), list(islice(b, 5)), next(a))
# tee objects are copyable and tee of a tee copies it
a, b = tee('hello')
next(a)
c = a.__copy__()
print(''.join(a), ''.join(c), ''.join(b))
x, = tee('xyz', 1)
next(x)
y, z = tee(x)
print(type(y).__name__, y is x, list(y), list(z))
class Copyable:
    def __init__(self, data):
        self.data = list(data)
        self.copied = 0
    def __iter__(self):
        return self
    def __next__(self):
        if not self.data:
            raise StopIteration
        return self.data.pop(0)
    def __copy__(self):
        self.copied += 1
        return Copyable(self.data)
cp = Copyable([1, 2])
res = tee(cp, 3)
print(res[0] is cp, cp.copied, [list(r) for r in res])
def gen():
    yield 1
    raise OSError('gen failed')
a, b = tee(gen())
print(next(a), next(b))
try:
    next(a)
except OSError as e:
    print('OSError', e)
print(list(b))
for args in [([1], -1), ([1], 'a'), (5,), ([1], 2.0)]:
    try:
        tee(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    tee([1], n=2)
except TypeError as e:
    print(type(e).__name__)
T = type(tee([])[0])
t1 = T([4, 5])
print(list(t1), list(T(iter('ab'))))
