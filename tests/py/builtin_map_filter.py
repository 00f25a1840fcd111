# map and filter
print(list(map(str, [1, 2, 3])), list(map(len, ['a', 'bb', ''])), list(map(abs, (-1, 2, -3))))
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(map(max, [1, 5], [4, 2], [3, 3])), list(map(str.upper, 'ab')))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False, 2.5])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, 'a1b2c3')))
m = map(int, ['1', '2'])
print(next(m), next(m), next(m, 'end'), type(m).__name__)
try:
    list(map(int, ['1', 'x']))
except ValueError as e:
    print('VE', e)
try:
    map(len, 5)
except TypeError as e:
    print('TE', e)
print(sum(map(int, '12345')), ''.join(map(chr, [104, 105])))
