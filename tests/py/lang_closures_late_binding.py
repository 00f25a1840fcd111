fns = []
for i in range(4):
    fns.append(lambda: i)
print([f() for f in fns])
i = 100
print([f() for f in fns])

fns2 = [lambda: j for j in range(4)]
print([f() for f in fns2])

fns3 = [lambda j=j: j for j in range(4)]
print([f() for f in fns3])

def make():
    out = []
    for k in range(3):
        def f():
            return k * 10
        out.append(f)
    k = 7
    return out
print([f() for f in make()])

def make_bound():
    out = []
    for k in range(3):
        def wrap(k):
            return lambda: k * 10
        out.append(wrap(k))
    return out
print([f() for f in make_bound()])

def gen_late():
    x = 1
    g = (x + n for n in range(3))
    x = 100
    return list(g)
print(gen_late())

def late_ref():
    def f():
        return y
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    y = 5
    return f()
print(late_ref())
