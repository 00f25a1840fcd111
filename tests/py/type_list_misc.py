# reverse, in, iteration, constructors, comprehensions
a = [1, 2, 3, 4]
a.reverse()
print(a, list(reversed(a)), a[::-1])
print(3 in a, 9 in a, 'x' not in a, [1] in [[1], 2])
print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}), list(x * x for x in range(4)))
print([x for x in range(10) if x % 3 == 0], [(x, y) for x in range(2) for y in 'ab'])
print(len([]), len([[]]), bool([]), bool([0]))
total = 0
for i, v in enumerate([5, 6, 7]):
    total += i * v
print(total)
m = [[1, 2], [3, 4]]
print([list(r) for r in zip(*m)], sum(m, []))
print(type([]).__name__, isinstance([], list), list is type([]))
try:
    hash([])
except TypeError as e:
    print('TE', e)
