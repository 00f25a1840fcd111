pairs = [(1, "a"), (2, "b"), (3, "c")]
for num, letter in pairs:
    print(num, letter)
for i, (num, letter) in enumerate(pairs):
    print(i, num, letter)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for a, (b, (c, d)) in [(1, (2, (3, 4)))]:
    print(a, b, c, d)
for first, *rest in [[1, 2, 3], [4], "xyz"]:
    print(first, rest)
(a, b), (c, *d) = [1, 2], "hey!"
print(a, b, c, d)
d = {"x": 1, "y": 2}
for k, v in d.items():
    print(k, v)
matrix = [[1, 2], [3, 4]]
[[a, b], [c, d]] = matrix
print(a, b, c, d)
for x, y in zip("ab", range(2)):
    print(x, y)
class P:
    pass
p = P()
p.x, p.y = 10, 20
lst = [0, 0]
lst[0], lst[1] = lst[1] + 1, lst[0] + 2
print(p.x, p.y, lst)
dd = {}
dd["a"], dd["b"] = "AB"
print(dd)
a, b = b, a = 1, 2
print(a, b)
