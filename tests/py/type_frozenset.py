# frozenset
f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f, 9 in f)
print(frozenset(), frozenset('aab') == frozenset({'a', 'b'}), sorted(frozenset('hello')))
d = {f: 'value', frozenset(): 'empty'}
print(d[frozenset({1, 2, 3})], d[frozenset()])
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
g = f | {4}
print(g, type(g).__name__, type({4} | f).__name__, type(f & {1}).__name__)
try:
    f.add(5)
except AttributeError as e:
    print('AE', e)
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s))
print(frozenset({1, 2}) == {1, 2}, repr(frozenset({5, 6})), f.union([0]), f.copy() == f)
