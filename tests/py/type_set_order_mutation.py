# Set iteration order (CPython's hash-table order) stays right while a set
# is iterated, grown and iterated again, and for the results of set
# algebra, which skiff builds from stored hashes. (Not covered: removing
# an element and adding a colliding one later; skiff's simulation of the
# table ignores deleted slots, so that order can differ from CPython's;
# likewise `-=`, `&=` and `^=`, which rebuild the set where CPython
# deletes in place, and `^`.)
s = set([5, 3, 17, 1, 33, 9])
print(list(s))
s.add(65)
print(list(s), min(s), max(s))
s |= {129, 2}
print(list(s))
print(list(s - {17, 1}), list(s & {65, 33, 9, 2, 129, 1000}))
s.clear()
print(list(s))
s.update([8, 16, 24, 32, 40, 48])
print(list(s))

f = frozenset(range(0, 64, 3))
g = frozenset(range(0, 64, 5))
for r in (f | g, f & g, f - g, g - f, f ^ g):
    print(type(r).__name__, list(r))
print(list(f), list(f))
print((f - g) <= f, (f & g) < g, f.isdisjoint(g))

words = {"pear", "apple", "fig", "kiwi", "plum"}
before = sorted(words)
w2 = words - {"fig"}
print(sorted(w2) == sorted(set(before) - {"fig"}), len(w2))

# Colliding hashes (multiples of the table size) and negative ones.
c = set([8, 16, 24, -1, -2, 0, 64, 128])
print(list(c))
c.add(256)
print(list(c))
print(list(c - {0}), list(c | {512, 1024}))
big = set(range(1000))
big -= set(range(0, 1000, 2))
print(list(big)[:10], len(big))
