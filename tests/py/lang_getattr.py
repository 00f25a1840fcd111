class Dyn:
    real = "real attr"
    def __init__(self):
        self.inst = "instance attr"
    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("gen_"):
            return name[4:].upper()
        raise AttributeError("Dyn has no %r" % name)

d = Dyn()
print(d.real)
print(d.inst)
print(d.gen_hello)
print(getattr(d, "gen_x"))
print(hasattr(d, "gen_y"), hasattr(d, "other"))
print(getattr(d, "missing", "dflt"))
try:
    d.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))

class PropErr:
    @property
    def broken(self):
        raise AttributeError("inner failure")
    def __getattr__(self, name):
        return "fallback for " + name
print(PropErr().broken)

class Chained:
    def __getattr__(self, name):
        return Chained() if name != "end" else "done"
print(Chained().a.b.c.end)
class Recur:
    def __getattr__(self, name):
        if name == "x":
            return self.y
        raise AttributeError(name)
try:
    Recur().x
except AttributeError as e:
    print(type(e).__name__, e)
