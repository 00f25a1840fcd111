class Money:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Money(%r)" % self.v
    def __add__(self, o):
        print("__add__", o)
        if isinstance(o, Money):
            return Money(self.v + o.v)
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    def __radd__(self, o):
        print("__radd__", o)
        if isinstance(o, int):
            return Money(o + self.v)
        return NotImplemented
    def __rsub__(self, o):
        return Money(o - self.v)
    def __rmul__(self, o):
        return Money(o * self.v)
    def __rtruediv__(self, o):
        return "rtruediv %r/%r" % (o, self.v)
    def __rpow__(self, o):
        return "rpow %r**%r" % (o, self.v)
    def __rmod__(self, o):
        return "rmod"
    def __rfloordiv__(self, o):
        return "rfloordiv"

m = Money(5)
print(m + 1)
print(1 + m)
print(m + m)
print(sum([Money(1), Money(2), Money(3)]))
print(10 - m, 3 * m, 1 / m, 2 ** m, 7 % m, 7 // m)
try:
    "s" + m
except TypeError as e:
    print(type(e).__name__, e)
try:
    m + "s"
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__"
# subclass reflected method takes priority when it overrides
print(Base() + Derived())
print(Derived() + Base())
class Derived2(Base):
    pass
print(Base() + Derived2())
