log = []
def v(label, val=None):
    log.append(label)
    return label if val is None else val

def flush(title):
    print(title, log)
    log.clear()

v("a", 1) + v("b", 2) * v("c", 3)
flush("binary ops")
def f(*a, **k):
    return None
f(v("arg1"), v("arg2"), kw=v("kw"))
flush("call args")
v("func", f)(v("x"))
flush("callee first")
d = {v("k1"): v("v1"), v("k2"): v("v2")}
flush("dict display")
lst = [v("e1"), v("e2")]
flush("list display")
target = {}
target[v("key")] = v("value")
flush("assignment rhs first")
obj = type("O", (), {})()
v("obj", obj).attr = v("rhs")
flush("attr assignment")
v("cond", True) and v("and-rhs")
flush("and")
v("c1", 1) if v("test", False) else v("c2", 2)
flush("ternary")
a, b = v("first"), v("second")
flush("tuple")
x = [0, 0]
x[v("i", 0)], x[v("j", 1)] = v("p"), v("q")
flush("multi target")
v("s1")[v("s2", 0):v("s3", 1)]
flush("slice")
[v("comp%d" % i) for i in range(2)]
flush("comprehension")
print(v("p1", 1) < v("p2", 2) < v("p3", 3))
flush("chained")
