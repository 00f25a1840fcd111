class A:
    def whoami(self):
        return self.__class__.__name__
    def cls_via_closure(self):
        return __class__.__name__

class B(A):
    pass

a, b = A(), B()
print(a.__class__.__name__, b.__class__.__name__)
print(a.whoami(), b.whoami())
print(b.cls_via_closure())
print(a.__class__ is A, type(b) is b.__class__)
print((5).__class__.__name__, "s".__class__.__name__, [].__class__.__name__)
print(None.__class__.__name__, True.__class__.__name__)
print(A.__class__.__name__, type.__class__.__name__)

# assigning __class__
class C:
    def hi(self):
        return "C hi"
class D:
    def hi(self):
        return "D hi"
obj = C()
print(obj.hi())
obj.__class__ = D
print(obj.hi(), type(obj).__name__, isinstance(obj, C))
try:
    obj.__class__ = int
except TypeError as e:
    print(type(e).__name__)

def make():
    return type("Dyn", (A,), {"x": 1})
Dyn = make()
d = Dyn()
print(d.whoami(), d.x, [c.__name__ for c in Dyn.__mro__])
print(type(3.5).__name__, type(1j).__name__, type(range(3)).__name__)
print(type(type).__name__, type(object).__name__)
