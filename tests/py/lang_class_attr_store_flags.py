# Stores into a class dict after creation: plain values (counters) only
# change versions; dunders and data descriptors change how attribute
# access works for the class and every subclass, however warm the caches.
class Base:
    count = 0


class Mid(Base):
    pass


class Leaf(Mid):
    def __init__(self):
        self.x = 1


obj = Leaf()
for i in range(1000):
    Base.count += 1
    _ = obj.x
print(Base.count, Mid.count, Leaf.count, obj.count)

# A data descriptor arrives on the base: instance attributes are shadowed.
Base.x = property(lambda self: "prop")
print(obj.x)
# Replaced by a plain value: the instance attribute wins again.
Base.x = 5
print(obj.x)

# __getattr__ added to the base later.
try:
    obj.missing
except AttributeError as e:
    print("AttributeError", e)
Base.__getattr__ = lambda self, name: "fallback " + name
print(obj.missing)
del Base.__getattr__

# __setattr__ added later, then a plain store on the class in between.
log = []
Mid.__setattr__ = lambda self, name, value: log.append((name, value))
Base.count = 0
obj.y = 3
print(log, hasattr(obj, "y"))
del Mid.__setattr__
obj.y = 4
print(obj.y)

# A class whose instances are data descriptors (has __set__) used as value.
class Desc:
    def __get__(self, inst, owner):
        return "desc"

    def __set__(self, inst, value):
        raise AttributeError("read-only")


for i in range(3):
    _ = obj.x
Mid.x = Desc()
print(obj.x)
try:
    obj.x = 9
except AttributeError as e:
    print("AttributeError", e)
Mid.x = None
print(obj.x)

# Two classes of the same instance shape share a polymorphic cache entry:
# a data descriptor added to one of them must end the sharing for it.
class P1:
    def __init__(self):
        self.v = 1


class P2:
    def __init__(self):
        self.v = 2


def read(o):
    return o.v


a, b = P1(), P2()
for i in range(200):
    read(a)
    read(b)
P2.v = property(lambda self: "p2 property")
print(read(a), read(b))
P2.v = 7
print(read(a), read(b))
