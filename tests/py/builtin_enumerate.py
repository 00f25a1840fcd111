# enumerate
print(list(enumerate('abc')), list(enumerate('abc', 1)), list(enumerate('ab', start=-2)))
print(list(enumerate([])), list(enumerate(range(3), 10 ** 20)))
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
e = enumerate(['x', 'y'])
print(next(e), next(e), next(e, 'done'))
print(dict(enumerate('hi')), type(enumerate([])).__name__)
try:
    enumerate(5)
except TypeError as e:
    print('TE', e)
