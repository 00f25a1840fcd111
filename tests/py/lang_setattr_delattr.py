class Guard:
    def __init__(self):
        self.log = []
        self.x = 1
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        if name == "readonly":
            raise AttributeError("readonly is read-only")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        if name == "x":
            raise AttributeError("cannot delete x")
        object.__delattr__(self, name)

g = Guard()
g.y = 2
g.y += 1
setattr(g, "z", 9)
try:
    g.readonly = 1
except AttributeError as e:
    print(type(e).__name__, e)
del g.y
try:
    del g.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del g.nothere
except AttributeError as e:
    print(type(e).__name__, e)
print(g.log)
print(sorted(k for k in vars(g) if k != "log"))

class Frozen:
    __slots__ = ()
class Point:
    def __init__(self, x, y):
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
    def __setattr__(self, n, v):
        raise TypeError("Point is immutable")
    __delattr__ = __setattr__
p = Point(1, 2)
print(p.x, p.y)
try:
    p.x = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del p.x
except TypeError as e:
    print(type(e).__name__, e)

class Upper:
    def __setattr__(self, name, value):
        super().__setattr__(name.upper(), value)
u = Upper()
u.abc = 1
print(vars(u))
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(u, 5, 1)
except TypeError as e:
    print(type(e).__name__, e)
