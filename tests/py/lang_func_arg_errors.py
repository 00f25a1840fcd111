def f(a, b):
    return a + b

def tryit(fn, *a, **k):
    try:
        print("ok", fn(*a, **k))
    except TypeError as e:
        print(type(e).__name__ + ":", e)

tryit(f, 1, 2)
tryit(f, 1, 2, 3)
tryit(f, 1)
tryit(f)
tryit(f, 1, b=2, c=3)
tryit(f, 1, a=2)

def g():
    return 0
tryit(g, 1)

def h(x):
    return x
tryit(h, 1, 2)
tryit(h)

def opt(a, b=1):
    return a
tryit(opt, 1, 2, 3)
tryit(opt)

class C:
    def m(self, x):
        return x
tryit(C().m)
tryit(C().m, 1, 2)
tryit(C.m, 1)
def three(a, b, c):
    pass
tryit(three, 1)
tryit(three, c=1)
