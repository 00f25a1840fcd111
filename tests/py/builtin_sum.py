# sum
print(sum([]), sum([1, 2, 3]), sum([1, 2, 3], 10), sum(range(101)), sum((0.1,) * 10), sum([1, 2.5]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([True, True, 3]), sum(x for x in range(5)))
print(sum([2 ** 64, 2 ** 64]), sum([-1, 1]), sum([0.5, 0.25], start=1), sum({1: 'a', 2: 'b'}))
try:
    sum(['a', 'b'])
except TypeError as e:
    print('TE', e)
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print('TE', e)
try:
    sum([b'a'], b'')
except TypeError as e:
    print('TE', e)
try:
    sum(5)
except TypeError as e:
    print('TE', e)
try:
    sum([1, None])
except TypeError as e:
    print('TE', e)
