a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, b = "xyz"
print(a, b)
a, *b = range(4)
print(a, b, type(b).__name__)
*a, = (1, 2)
print(a)
a, b, *c = (i * i for i in range(5))
print(a, b, c)
first, *_, last = "hello world"
print(first, last)
[a, b] = 1, 2
print(a, b)
(a, b), c = "xy", 3
print(a, b, c)
a = b = c = 7
print(a, b, c)
x, y = y, x = 1, 2
print(x, y)
print([*range(3), *"ab", *[None]])
print((*[1, 2], 3))
print({*[1, 1, 2], 3} == {1, 2, 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2], *(3,), sep=",")
head, *tail = [1]
print(head, tail)
a, *b, c = {"k1": 1, "k2": 2, "k3": 3}
print(a, b, c)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9   # left-to-right assignment
print(i, lst)
