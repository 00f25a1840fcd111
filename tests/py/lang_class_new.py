class Tracked:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created_by_new = True
        return inst

    def __init__(self, v):
        print("__init__", v)
        self.v = v

t = Tracked(5)
print(t.v, t.created_by_new)

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())

class Other:
    pass
class ReturnsOther:
    def __new__(cls):
        return Other()
    def __init__(self):
        print("never called")
r = ReturnsOther()
print(type(r).__name__)

class ReturnsInt:
    def __new__(cls, x):
        return x * 2
print(ReturnsInt(21))

class PosInt(int):
    def __new__(cls, v):
        return super().__new__(cls, abs(v))
p = PosInt(-7)
print(p, type(p).__name__, p + 1, isinstance(p, int))

class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
u = Upper("hello")
print(u, len(u), u.lower(), type(u).__name__, type(u.lower()).__name__)

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
pt = Point(3, 4)
print(pt, pt.x, pt[1], len(pt))
obj = object.__new__(Tracked)
print(type(obj).__name__, hasattr(obj, "v"))
