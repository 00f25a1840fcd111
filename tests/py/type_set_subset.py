# issubset / issuperset / isdisjoint
a = {1, 2}
b = {1, 2, 3}
print(a.issubset(b), b.issubset(a), a.issuperset(b), b.issuperset(a), a.issubset(a))
print(a.isdisjoint({5}), a.isdisjoint({2, 9}), set().isdisjoint(set()), set().issubset(a))
print(a.issubset([1, 2, 7]), b.issuperset(range(2)), a.isdisjoint('ab'))
print(a <= b, a < b, b >= a, b > b, frozenset(a) <= b, a == frozenset({1, 2}))
