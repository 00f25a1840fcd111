def f(a, b, c, d=4):
    return a, b, c, d

args = [1, 2, 3]
print(f(*args))
print(f(*args, 40))
print(f(*[1], *[2, 3]))
print(f(1, *(2,), **{"c": 3, "d": 5}))
print(f(**{"a": 1, "b": 2, "c": 3}))
print(f(*range(2), c=9))
print(f(*"xyz"))
print(f(*{10: "a", 20: "b", 30: "c"}))
kw1 = {"c": 1}
kw2 = {"d": 2}
print(f(0, 0, **kw1, **kw2))
def gen():
    yield 7
    yield 8
    yield 9
print(f(*gen()))
try:
    f(1, 2, **{"c": 3}, **{"c": 4})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
print(print(*[1, 2, 3], sep="-"))
