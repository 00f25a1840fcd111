# set constructor, comprehension, membership
print(set(), set([1, 2, 2, 3]), set(range(5)), set((4, 4)), set({5: 'a', 6: 'b'}))
print(sorted(set('mississippi')), len(set('mississippi')), sorted(set(['b', 'a'])))
print({x % 4 for x in range(20)}, {c.upper() for c in 'aab'} == {'A', 'B'})
print(1 in {1, 2}, 1.0 in {1, 2}, True in {1}, 'x' in set())
try:
    {[1, 2]}
except TypeError as e:
    print('TE', e)
try:
    set(5)
except TypeError as e:
    print('TE', e)
try:
    [] in {1}
except TypeError as e:
    print('TE', e)
print(type(set()).__name__, type({1}).__name__, type({}).__name__)
print(repr(set()), repr(frozenset()), {0, 1, 2, 3, 4, 5, 6, 7})
print(sorted({(1, 'b'), (1, 'a'), (0, 'z')}), len({1, 1.0, True, 2}))
