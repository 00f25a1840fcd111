def f(a, *, b, c=3):
    return a, b, c

print(f(1, b=2))
print(f(1, c=9, b=8))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)

def g(*args, key="k", **kw):
    return args, key, kw
print(g())
print(g(1, 2, key="z", extra=1))

def h(*, x, y):
    return x - y
print(h(y=1, x=10))
try:
    h(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
print(h.__kwdefaults__)
print(f.__kwdefaults__)
print(f.__code__.co_kwonlyargcount, f.__code__.co_argcount)
