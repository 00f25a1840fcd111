# set algebra (small ints print in order)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (0,)), a.intersection(range(3)), a.difference([1], [2]))
print(sorted({'x', 'y'} | {'z'}), sorted({'a', 'b', 'c'} - {'b'}), sorted({'p', 'q'} ^ {'q', 'r'}))
c = set(a)
c |= {7}
c &= {1, 2, 7}
print(c)
c -= {1}
c ^= {2, 3}
print(c)
print(a == {4, 3, 2, 1}, a != b, {1, 2} < a, a > {1}, a <= a, a < a)
try:
    a | [1]
except TypeError as e:
    print('TE', e)
print(set() | set(), len(a | b), len(a & set()))
