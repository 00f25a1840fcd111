def tryit(fn, *a, **k):
    try:
        print("ok", fn(*a, **k))
    except TypeError as e:
        print(type(e).__name__ + ":", e)

def kw(*, x):
    return x
tryit(kw, 1)
tryit(kw)
def kw2(*, x, y, z):
    return x
tryit(kw2, y=1)
def mix(a, *, b):
    return a
tryit(mix, 1, 2)
def mix2(a, b=1, *, c):
    return a
tryit(mix2, 1, 2, 3, c=1)
tryit(mix2, 1, 2, 3)

tryit(5)
tryit("abc")
tryit(None)
x = [1, 2]
try:
    x()
except TypeError as e:
    print(e)
class K:
    pass
try:
    K()()
except TypeError as e:
    print(e)
try:
    K(1)
except TypeError as e:
    print(e)
