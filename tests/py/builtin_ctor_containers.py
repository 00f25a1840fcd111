# list() / tuple() / dict() / set() / frozenset() constructors
src = 'abca'
print(list(), list(src), list((1, 2)), list({1: 'x'}), list(range(3)), list(x for x in 'hi'), list(b'\x01\x02'))
print(tuple(), tuple(src), tuple([1, [2]]), tuple({'k': 0}.items()), tuple(range(0)))
print(dict(), dict(a=1), dict([('x', 1)]), dict(zip('ab', 'cd')), dict({'z': 0}, y=1))
print(set(), sorted(set(src)), set([3, 1, 3]), set(range(4)), len(set('aaaa')))
print(frozenset(), sorted(frozenset(src)), frozenset([1, 1, 2]), frozenset(frozenset({7})))
l1 = [1, 2]
l2 = list(l1)
l2.append(3)
print(l1, l2, l1 is l2)
t = (1, 2)
print(tuple(t) is t, type(frozenset()).__name__)
for ctor in (list, tuple, set, frozenset):
    try:
        ctor(5)
    except TypeError as e:
        print(ctor.__name__, 'TE', e)
try:
    dict(5)
except TypeError as e:
    print('TE', e)
try:
    list(1, 2)
except TypeError as e:
    print('TE', e)
