class Logged:
    cls_attr = 1
    def __init__(self):
        self.a = 10
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def method(self):
        return self.a * 2

l = Logged()
print(l.a)
print(l.cls_attr)
print(l.method())
try:
    l.missing
except AttributeError as e:
    print(type(e).__name__, e)

class WithFallback:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
w = WithFallback()
w.x = 1
print(w.x, w.secret, w.other)

class Override:
    def __getattribute__(self, name):
        return "always " + name
o = Override()
print(o.anything, o.__class__)
print(type(o).__name__)

class Counter:
    def __init__(self):
        object.__setattr__(self, "hits", 0)
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def m(self):
        return 1
c = Counter()
c.m(); c.m(); c.hits
print(c.hits)
print(getattr(c, "m")())
print(c.hits)
