# hash of tuples: only equality properties
t1 = (1, 2, (3, 'x'))
t2 = (1, 2, (3, 'x'))
print(hash(t1) == hash(t2), t1 == t2)
print(hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(tuple()))
d = {t1: 'found'}
print(d[t2], d.get((1, 2, (3, 'x'))), (1, 2) in {(1, 2): 0})
try:
    hash((1, [2]))
except TypeError as e:
    print('TE', e)
s = {(1, 2), (1, 2), (2, 1)}
print(len(s), sorted(s))
print(isinstance(hash(t1), int))
