# dict constructor forms
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}))
print(dict(zip('abc', range(3))), dict(zip(['a', 'b'], [1, 2, 3])))
print(dict([('a', 1)], b=2), dict({'a': 1}, a=2), dict(((1, 2), (3, 4))))
print(dict(['ab', 'cd']), dict(enumerate('xy')))
try:
    dict([1])
except TypeError as e:
    print('TE', e)
try:
    dict(['abc'])
except ValueError as e:
    print('VE', e)
try:
    dict(1, 2)
except TypeError as e:
    print('TE', e)
print(type(dict()).__name__, isinstance({}, dict), len(dict(a=1)))
