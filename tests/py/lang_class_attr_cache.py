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


# Class values read through instances (`self.LIMIT`): the instance's own
# attribute of that name, added or deleted later, wins; class changes show.
class Conf:
    LIMIT = 3
    TAG = ("t", 1)
    RATE = 0.5

    def get(self):
        return (self.LIMIT, self.TAG, self.RATE)


a, b = Conf(), Conf()
for i in range(3):
    print(a.get(), b.get())
b.LIMIT = "own"
print(a.get(), b.get())
Conf.RATE = 2.5
print(a.get(), b.get())
del b.LIMIT
print(a.get(), b.get())


class SubConf(Conf):
    TAG = "sub"


s = SubConf()
for i in range(2):
    print(s.get(), a.get())
Conf.TAG = "changed"
print(s.get(), a.get())


# An instance with many attributes (dictionary mode) and one with a
# __dict__ assigned wholesale still see their own values.
many = Conf()
for i in range(60):
    setattr(many, "attr%d" % i, i)
for i in range(2):
    print(many.get(), a.get())
many.LIMIT = "many-own"
print(many.get())
d = Conf()
d.__dict__ = {"LIMIT": "from dict"}
print(d.get(), a.get())


# A class value that is a descriptor is not served from the cache.
class Desc:
    def __get__(self, obj, owner):
        return "descriptor"


class UsesDesc:
    D = Desc()

    def read(self):
        return self.D


u = UsesDesc()
for i in range(3):
    print(u.read())
