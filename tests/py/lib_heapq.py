# heapq: the exact heap layouts CPython produces (including the order of
# items that compare equal but are distinguishable), nsmallest/nlargest with
# keys and ties, merge with key/reverse, and errors.
import heapq


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Item:
    """Compares by `key` only; `tag` tells equal items apart."""

    def __init__(self, key, tag):
        self.key = key
        self.tag = tag

    def __lt__(self, other):
        return self.key < other.key

    def __repr__(self):
        return '%s%s' % (self.key, self.tag)


# A deterministic pseudo-random sequence (no random module needed).
def lcg(n, seed=12345, mod=50):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        out.append(seed % mod)
    return out


data = lcg(40)
print(data)

h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])

h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 25), heapq.heappushpop(h, 3), heapq.heappushpop(h, -1), h[:10])

# Heap layout with ties: the tags show exactly where equal items went.
items = [Item(k, chr(97 + i % 26)) for i, k in enumerate(lcg(30, 7, 5))]
h = []
for it in items:
    heapq.heappush(h, it)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
h = list(items)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, Item(2, 'R')), heapq.heappushpop(h, Item(0, 'P')), heapq.heappushpop(h, Item(3, 'Q')))
print(h)
print([heapq.heappop(h) for _ in range(len(h))])

# Bigger heaps: sorted output and identical layouts.
big = lcg(3000, 99, 1000)
h = list(big)
heapq.heapify(h)
print(h[:20], h[1500], h[-1])
print([heapq.heappop(h) for _ in range(10)], len(h))
h2 = []
for x in big:
    heapq.heappush(h2, x)
print(h2[:20], h2[-1])
out = []
while h2:
    out.append(heapq.heappop(h2))
print(out == sorted(big))

# Tuples as (priority, counter, task)
pq = []
for i, (prio, task) in enumerate([(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'think'), (3, 'test')]):
    heapq.heappush(pq, (prio, i, task))
print([heapq.heappop(pq)[2] for _ in range(len(pq))])

# Empty and tiny heaps
h = []
show('pop empty', lambda: heapq.heappop([]))
show('replace empty', lambda: heapq.heapreplace([], 1))
print(heapq.heappushpop([], 5), heapq.heappushpop([1], 0), heapq.heappushpop([1], 2))
h = [5]; heapq.heapify(h); print(h, heapq.heappop(h), h)
show('push tuple', lambda: heapq.heappush((), 1))
show('pop tuple', lambda: heapq.heappop(()))
show('heapify str', lambda: heapq.heapify('abc'))
show('replace tuple', lambda: heapq.heapreplace((1,), 1))
show('pushpop none', lambda: heapq.heappushpop(None, 1))
show('uncomparable', lambda: heapq.heappush([1], 'a'))

# nsmallest / nlargest
for n in (-1, 0, 1, 2, 5, 39, 40, 41, 100):
    print('n =', n, heapq.nsmallest(n, data), heapq.nlargest(n, data))
print(heapq.nsmallest(3, iter(data)), heapq.nlargest(3, iter(data)), heapq.nsmallest(2, []), heapq.nlargest(1, []))
print(heapq.nsmallest(1, iter([])), heapq.nlargest(5, iter([])), heapq.nsmallest(4, (x for x in data)))
words = 'pear fig banana kiwi apple plum date lime grape melon'.split()
for n in (1, 3, 6, 10, 20):
    print(n, heapq.nsmallest(n, words, key=len), heapq.nlargest(n, words, key=len))
    print(n, heapq.nsmallest(n, iter(words), key=len), heapq.nlargest(n, iter(words), key=len))
print(heapq.nsmallest(4, words, key=lambda w: w[-1]), heapq.nlargest(4, words, key=lambda w: w[-1]))
# Equal items keep their input order, as sorted() would.
tied = [Item(k, chr(65 + i)) for i, k in enumerate(lcg(25, 3, 4))]
for n in (1, 3, 8, 25):
    print(n, heapq.nsmallest(n, tied), heapq.nlargest(n, tied))
    print(n, heapq.nsmallest(n, iter(tied)), heapq.nlargest(n, iter(tied)))
    print(n, heapq.nsmallest(n, iter(tied), key=lambda it: it.key), heapq.nlargest(n, iter(tied), key=lambda it: -it.key))
print(heapq.nsmallest(3, [1.0, 1, True, 0, 0.0, False]), heapq.nlargest(3, [1.0, 1, True, 0, 0.0, False]))
print(heapq.nsmallest(3, iter([1.0, 1, True, 0, 0.0, False])), heapq.nlargest(3, iter([1.0, 1, True, 0, 0.0, False])))
print(heapq.nlargest(2, {'a': 3, 'b': 1, 'c': 2}), heapq.nsmallest(2, {'a': 3, 'b': 1, 'c': 2}.items(), key=lambda kv: kv[1]))

# merge
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge()), list(heapq.merge([])), list(heapq.merge([1, 2])), list(heapq.merge([], [3])))
print(list(heapq.merge([7, 5, 1], [8, 2, 0], [9, 6], reverse=True)))
print(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(heapq.merge(['horse', 'dog'], ['kangaroo', 'fish', 'cat'], key=len, reverse=True)))
a = [Item(1, 'a'), Item(2, 'a'), Item(2, 'b'), Item(3, 'a')]
b = [Item(1, 'B'), Item(2, 'B'), Item(3, 'B')]
c = [Item(2, 'C'), Item(3, 'C')]
print(list(heapq.merge(a, b, c)))
print(list(heapq.merge(c, b, a)))
print(list(heapq.merge(a[::-1], b[::-1], c[::-1], reverse=True)))
print(list(heapq.merge(a, b, c, key=lambda it: it.key)))
print(list(heapq.merge(a[::-1], b[::-1], c[::-1], key=lambda it: it.key, reverse=True)))
print(list(heapq.merge(iter([1, 4]), (x for x in [2, 3]), range(0, 10, 3))))
m = heapq.merge([1, 2], [1.5])
print(next(m), next(m), list(m))
print(list(heapq.merge(*[sorted(lcg(10, s, 20)) for s in range(5)])) == sorted(sum([lcg(10, s, 20) for s in range(5)], [])))
print(heapq.__all__)
