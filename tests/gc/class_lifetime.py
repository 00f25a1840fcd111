# Classes made at run time die once nothing uses them: a base class's list
# of subclasses must not keep them (CPython's holds weak references), nor
# may lookup caches keep their methods. What they held is finalized by the
# next full collection. A collector that scans native stacks conservatively
# may keep one or two alive through a stale word, so counts allow a few.
import gc
from enum import Enum, IntEnum

count = [0]


class Noisy:
    def __del__(self):
        count[0] += 1


class Base:
    def method(self):
        return 0


def make(i):
    held = Noisy()

    class Local(Base):
        def method(self):
            return held

        def other(self):
            return i

    obj = Local()
    obj.method()
    obj.other()
    return Local


for i in range(60):
    make(i)
gc.collect()
gc.collect()
print("dead classes finalized their values:", count[0] >= 55)
print("few subclasses left:", len(Base.__subclasses__()) <= 5)

# The registry still works for the classes that live.
class Kept(Base):
    pass


class Deeper(Kept):
    pass


for i in range(30):
    make(i)
gc.collect()
subs = Base.__subclasses__()
print("live subclass listed:", Kept in subs, Deeper in Kept.__subclasses__())
Base.method = lambda self: "patched"
print("base change reaches subclasses:", Deeper().method())
Deeper.__bases__ = (Base,)
print("rebased:", Deeper in Base.__subclasses__(), Deeper in Kept.__subclasses__())

# Enum classes made and dropped: new members land where dead ones were.
for i in range(40):
    E = IntEnum("E%d" % i, [("A", i), ("B", i + 100)])
    F = Enum("F%d" % i, ["X", "Y", "Z"])
    assert E(i + 100) is E.B and E.A.value == i and F(3) is F.Z, i
    del E, F
    if i % 10 == 9:
        gc.collect()
print("enum members stay right across dead enum classes: True")
