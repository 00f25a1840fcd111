class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        print("get celsius")
        return self._c

    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp(100)
print(t.celsius)
print(t.fahrenheit)
t.celsius = 0
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__)

class Legacy:
    def _get(self):
        return "legacy value"
    def _set(self, v):
        self.stored = v
    x = property(_get, _set, None, "the x doc")
l = Legacy()
print(l.x)
l.x = 5
print(l.stored, Legacy.x.__doc__)

class Computed:
    n = 0
    @property
    def counter(self):
        Computed.n += 1
        return Computed.n
c = Computed()
print(c.counter, c.counter, c.counter)
