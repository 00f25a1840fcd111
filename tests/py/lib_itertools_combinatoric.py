# itertools: product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
from math import factorial, comb

# product
print(list(product('ab', range(3))))
print(list(product((0, 1), (0, 1), (0, 1))))
print(list(product('ab', repeat=2)))
print(list(product([1, 2], 'x', repeat=2)))
print(list(product()), list(product(repeat=3)), list(product('ab', repeat=0)))
print(list(product('ab', [])), list(product([], repeat=0)), list(product([], repeat=2)))
print(list(product(iter([1, 2]), iter('a'))))
print(len(list(product(range(3), range(4), range(5)))))
p = product('ab', 'c')
print(next(p), next(p), next(p, 'done'), next(p, 'done'))
print(list(product('a', repeat=True)))
for kw in [{'repeat': -1}, {'repeat': 'a'}, {'repeat': 2.0}, {'foo': 1}, {'repeat': 1, 'foo': 2}]:
    try:
        product([1], **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    product(5)
except TypeError as e:
    print('TypeError', e)

# permutations
print(list(permutations('ABCD', 2)))
print(list(permutations(range(3))))
print(list(permutations([])), list(permutations([], 0)), list(permutations('ab', 0)))
print(list(permutations('abc', 4)), list(permutations('abc', None)), list(permutations('ab', True)))
print(list(permutations(iterable='xy', r=1)))
for n in range(6):
    for r in range(n + 2):
        res = list(permutations(range(n), r))
        ok = len(res) == (factorial(n) // factorial(n - r) if r <= n else 0)
        ok = ok and len(set(res)) == len(res) and res == sorted(res)
        if not ok:
            print('bad permutations', n, r)
print(list(permutations([1, 1, 2], 2)))
for args in [('ab', -1), ('ab', 'a'), ('ab', 1.0), (5, 1)]:
    try:
        permutations(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# combinations
print(list(combinations('ABCD', 2)))
print(list(combinations(range(4), 3)))
print(list(combinations('abc', 0)), list(combinations('abc', 4)), list(combinations([], 0)), list(combinations([], 1)))
print(list(combinations('abc', 3)), list(combinations(iterable='ab', r=1)))
for n in range(7):
    for r in range(n + 2):
        res = list(combinations(range(n), r))
        ok = len(res) == comb(n, r) and res == sorted(res) and all(list(c) == sorted(set(c)) for c in res)
        if not ok:
            print('bad combinations', n, r)
for args in [('ab', -1), ('ab', 'a'), ('ab', 1.5), ('ab',), (5, 1)]:
    try:
        combinations(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)

# combinations_with_replacement
print(list(cwr('ABC', 2)))
print(list(cwr(range(3), 3)))
print(list(cwr('ab', 0)), list(cwr([], 0)), list(cwr([], 2)), list(cwr('a', 3)))
for n in range(5):
    for r in range(5):
        res = list(cwr(range(n), r))
        ok = len(res) == (comb(n + r - 1, r) if n else (1 if r == 0 else 0))
        ok = ok and res == sorted(res) and all(list(c) == sorted(c) for c in res)
        if not ok:
            print('bad cwr', n, r)
for args in [('ab', -1), ('ab', 'a'), ('ab',)]:
    try:
        cwr(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
print(type(cwr('a', 1)).__name__)

# Results are fresh tuples each time, and the pools are snapshots.
src = [1, 2, 3]
c = combinations(src, 2)
src.append(4)
print(list(c))
p = product(src, repeat=1)
src.clear()
print(list(p))
outs = list(product('ab', repeat=2))
print(all(type(o) is tuple for o in outs), outs[0] is not outs[1])
