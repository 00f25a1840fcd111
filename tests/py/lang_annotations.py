# Annotations are evaluated and recorded as in CPython 3.11 (no PEP 563).
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

print(f.__annotations__)
print(f.__annotations__ is f.__annotations__)

def g(x, y):
    pass

print(g.__annotations__)
g.__annotations__["x"] = int
print(g.__annotations__)

order = []
def ann(name):
    order.append(name)
    return name

def h(p: ann("p"), q: ann("q") = ann("default")) -> ann("ret"):
    # local annotations are not evaluated
    z: ann("local") = 3
    return z

print(order, h(1))
print(h.__annotations__)

x: int = 5
y: "list[int]"
print(__annotations__)
print("y" in globals())

class Point:
    x: int
    y: float = 0.0
    label = "p"
    if True:
        z: ann("z") = 1
    def m(self) -> None:
        pass

print(Point.__annotations__)
print(Point.y, Point.z, hasattr(Point, "x"))
print(Point.m.__annotations__)

class Plain:
    pass

print(hasattr(Plain, "__annotations__") and "__annotations__" in Plain.__dict__)

class Private:
    __secret: int = 1
print(Private.__annotations__)

obj = Point()
obj.attr: int = 4
print(obj.attr)
d = {}
d["k"]: str = "v"
print(d)

lam = lambda a: a
print(lam.__annotations__)

def outer():
    class Local:
        pass
    def inner(v: Local) -> Local:
        return v
    return inner.__annotations__["v"] is Local
print(outer())

class Base:
    a: int
class Derived(Base):
    pass
print(Derived.__annotations__, Base.__annotations__)
