# Class attributes read through a class object (`Color.RED`) in a loop, so
# the interpreter's inline cache fills, then every way the answer can
# change: the class or a base reassigned, deleted, shadowed in a subclass,
# static and class methods, properties, metaclasses.


class Base:
    LIMIT = 10
    NAME = "base"

    def meth(self):
        return "meth"

    @staticmethod
    def st(x):
        return x * 2

    @classmethod
    def cm(cls):
        return cls.__name__

    @property
    def prop(self):
        return 1


class Child(Base):
    pass


def read(cls):
    return (cls.LIMIT, cls.NAME)


for i in range(3):
    print(i, read(Base), read(Child))
Base.LIMIT = 20
print(read(Base), read(Child))
Child.LIMIT = 30
print(read(Base), read(Child))
del Child.LIMIT
print(read(Base), read(Child))
del Base.NAME
try:
    read(Child)
except AttributeError as e:
    print("AttributeError", e)
Base.NAME = "again"
print(read(Child))


def kinds(cls):
    return cls.st(4), cls.cm(), type(cls.prop).__name__, cls.meth.__name__


for i in range(3):
    print(kinds(Base), kinds(Child))
Base.st = staticmethod(lambda x: x + 100)
print(kinds(Child))


class Meta(type):
    LIMIT = "from meta"

    def __getattribute__(cls, name):
        if name == "NAME":
            return "meta says"
        return super().__getattribute__(name)


class WithMeta(metaclass=Meta):
    NAME = "own"


class OnlyMeta(metaclass=Meta):
    pass


for i in range(3):
    print(WithMeta.NAME, OnlyMeta.LIMIT)


# The same code reading different classes (the cache follows the class).
class A:
    X = "a"


class B:
    X = "b"


for cls in [A, B, A, A, B]:
    print(cls.X, end=" ")
print()


# Attributes of `type` itself are never served from the class's dict.
class N:
    pass


for i in range(2):
    print(N.__name__, N.__qualname__, N.mro()[0].__name__)
N.__name__ = "Renamed"
print(N.__name__)
