# array: iteration (the arrayiterator type), builtins that consume
# iterables, and arrays changed while they are iterated.
from array import array

a = array('d', [0.5, 1.5, 2.5])
it = iter(a)
print(type(it).__name__, iter(it) is it, next(it), next(it), next(it), next(it, 'done'), next(it, 'done'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
print(list(a), tuple(a), sorted(a, reverse=True), sum(a), min(a), max(a), list(reversed(a)))
print(list(enumerate(array('u', 'ab'))), list(zip(array('b', [1, 2]), array('B', [3, 4]))), dict.fromkeys(array('h', [1, 1])))
x, y, z = array('i', [7, 8, 9])
first, *rest = array('q', [1, 2, 3])
print(x, y, z, first, rest, [v * 2 for v in array('H', [1, 2])], {v for v in array('b', [1, 1, 2])})
print(set(array('Q', [2**64 - 1])), ''.join(array('u', 'xyz')), any(array('b', [0, 0])), all(array('b', [1])))
print(list(map(str, array('f', [0.25]))), list(filter(None, array('i', [0, 1, 0, 2]))))
for tc in 'bBuhHiIlLqQfd':
    v = array(tc, 'ab' if tc == 'u' else [1, 2])
    print(tc, [type(e).__name__ for e in v], list(v) == v.tolist())

# Appending while iterating sees the new items; shrinking ends the loop.
b = array('i', [1, 2, 3])
seen = []
for v in b:
    seen.append(v)
    if len(b) < 6:
        b.append(v * 10)
print(seen, b)
c = array('i', [1, 2, 3, 4])
seen = []
for v in c:
    seen.append(v)
    del c[-1]
print(seen, c)
d = array('i', [1, 2])
it = iter(d)
print(next(it), next(it), next(it, 'end'))
d.append(3)
print(next(it, 'still end'))

# iter() on subclasses, and the iterator protocol through the methods.
class Sub(array):
    pass


class OwnIter(array):
    def __iter__(self):
        return iter([42])


print(list(Sub('i', [4, 5])), list(OwnIter('i', [4, 5])), type(iter(Sub('i'))).__name__)
e = array('b', [5, 6])
ei = e.__iter__()
print(ei.__next__(), ei.__next__(), ei.__iter__() is ei)
try:
    ei.__next__()
except StopIteration:
    print('StopIteration')

# Item access in loops, the common numeric pattern.
n = 1000
data = array('d', [0.0]) * n
for i in range(n):
    data[i] = i * 0.5
total = 0.0
for i in range(n):
    total += data[i]
data[3] += 1.0
data[-1] *= 2
print(total, data[3], data[-1], len(data), sum(data))
ints = array('i', [0]) * 5
for i in range(5):
    ints[i] += i
print(ints)
