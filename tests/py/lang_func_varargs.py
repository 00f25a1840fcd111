def f(*args):
    return type(args).__name__, args

print(f())
print(f(1))
print(f(1, "two", [3]))

def g(first, *rest):
    return first, rest
print(g(1, 2, 3))

def h(**kw):
    return type(kw).__name__, kw
print(h())
print(h(a=1, b=2))

def both(a, *args, b=0, **kwargs):
    return a, args, b, kwargs
print(both(1, 2, 3, b=4, c=5, d=6))
print(both(a=1))

def mut(**kw):
    kw["new"] = 1
    return kw
d = {"x": 1}
print(mut(**d), d)

def count(*a, **k):
    return len(a), len(k)
print(count(*range(10), **{str(i): i for i in range(3)}))
print(count(*"abc"))
