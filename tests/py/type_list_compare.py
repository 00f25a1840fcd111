# list comparison
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print([2] > [1, 9], [1, 2] <= [1, 2], [1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2))
print(max([[1, 2], [1, 3], [0, 5]]), sorted([[2], [1, 1], [1]]))
try:
    [1] < ['a']
except TypeError as e:
    print('TE', e)
try:
    [1] < (1,)
except TypeError as e:
    print('TE', e)
nan = float('nan')
x = [nan]
print(x == x, [nan] == [nan], x[0] == x[0])
