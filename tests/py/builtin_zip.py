# zip
print(list(zip([1, 2, 3], 'abc')), list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])))
print(list(zip(range(3), range(10), 'xyzw')), list(zip([], [1])))
a, b = zip(*[(1, 'x'), (2, 'y')])
print(a, b)
print(dict(zip('ab', [1, 2])), list(zip(*zip('ab', 'cd'))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print('VE', e)
print(list(zip('ab', 'cd', strict=True)))
try:
    zip(1)
except TypeError as e:
    print('TE', e)
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)))
