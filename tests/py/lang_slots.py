class Pt:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Pt(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
print(hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 5
print(p.y)
print(Pt.__slots__)
print("x" in Pt.__dict__)

class Sub(Pt):
    pass
s = Sub(1, 2)
s.extra = "ok"
print(s.extra, hasattr(s, "__dict__"))

class Sub2(Pt):
    __slots__ = ("z",)
s2 = Sub2(1, 2)
s2.z = 3
print(s2.x, s2.y, s2.z)
try:
    s2.w = 1
except AttributeError as e:
    print(type(e).__name__, e)

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)

class Single:
    __slots__ = "only"
o = Single()
o.only = 1
print(o.only)
try:
    o.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
