# list multiplication and concatenation
print([1, 2] * 3, 3 * [0], [] * 5, [1] * 0, [1] * -1, [[]] * 2)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
a = [1]
a *= 3
print(a)
print([1, 2] + [3], [] + [], [1] + list('ab'))
try:
    [1] + (2,)
except TypeError as e:
    print('TE', e)
try:
    [1] * 1.5
except TypeError as e:
    print('TE', e)
try:
    [1] * [2]
except TypeError as e:
    print('TE', e)
b = [0]
b += (1, 2)
print(b)
