def repeat(n):
    print("repeat factory", n)
    def deco(fn):
        print("decorating", fn.__name__)
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        wrapper.__name__ = fn.__name__
        wrapper.__qualname__ = "repeat(" + fn.__qualname__ + ")"
        return wrapper
    return deco

@repeat(3)
def hello(x):
    return "hello " + str(x)

print(hello(1))
print(hello.__name__, hello.__qualname__)

def tag(name, **attrs):
    def deco(fn):
        def wrapper(*a, **k):
            return "<%s%s>%s</%s>" % (name, "".join(" %s=%s" % kv for kv in attrs.items()), fn(*a, **k), name)
        return wrapper
    return deco

@tag("b")
@tag("a", href="x", id=1)
def text(s):
    return s.upper()
print(text("link"))

class Count:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)

@Count
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n, type(sq).__name__)

def deco_expr_test():
    decos = [lambda f: (lambda: "first:" + f())]
    @decos[0]
    def inner():
        return "inner"
    return inner()
print(deco_expr_test())
