# abc: abstract method tracking and the instantiation check.
import abc
from abc import ABC, ABCMeta, abstractmethod


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


def names(cls):
    return sorted(cls.__abstractmethods__)


class Shape(ABC):
    @abstractmethod
    def area(self):
        return 0

    @abstractmethod
    def perimeter(self):
        pass

    def describe(self):
        return "%s area=%s" % (type(self).__name__, self.area())


print(names(Shape), type(Shape).__name__, isinstance(Shape, ABCMeta))
attempt("Shape()", lambda: Shape())


class Half(Shape):
    def area(self):
        return 1


print(names(Half))
attempt("Half()", lambda: Half())


class Square(Half):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


print(names(Square), Square(3).describe(), Square(2).perimeter())
print(isinstance(Square(1), Shape), issubclass(Square, Shape), issubclass(Shape, Square))
# An abstract method's body is still callable through super().


class UsesSuper(Shape):
    def area(self):
        return super().area() + 10

    def perimeter(self):
        return 0


print(UsesSuper().area())


# metaclass=ABCMeta directly, without ABC.
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self, x):
        pass


class Impl(Base):
    def run(self, x):
        return x * 2


print(names(Base), Impl().run(21), type(Impl) is ABCMeta, ABC.__abstractmethods__)
attempt("Base()", lambda: Base())


# Abstract properties, classmethods and staticmethods.
class Props(ABC):
    @property
    @abstractmethod
    def value(self):
        pass

    @classmethod
    @abstractmethod
    def make(cls):
        pass

    @staticmethod
    @abstractmethod
    def helper():
        pass

    @abc.abstractproperty
    def old_prop(self):
        pass

    @abc.abstractclassmethod
    def old_cm(cls):
        pass

    @abc.abstractstaticmethod
    def old_sm():
        pass


print(names(Props))
attempt("Props()", lambda: Props())


class Concrete(Props):
    value = property(lambda self: 42)
    old_prop = 5

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "help"

    @classmethod
    def old_cm(cls):
        return cls.__name__

    @staticmethod
    def old_sm():
        return "sm"


c = Concrete.make()
print(names(Concrete), c.value, c.helper(), Concrete.old_cm(), Concrete.old_sm(), c.old_prop)
print(Props.__dict__['old_cm'].__isabstractmethod__, Props.__dict__['old_prop'].__isabstractmethod__)
print(getattr(Props.__dict__['old_sm'].__func__, '__isabstractmethod__', None))


# Setting an inherited abstract name to a non-abstract value (even None)
# makes it concrete; a subclass can re-abstract a concrete method.
class Nulled(Shape):
    area = None
    perimeter = 3


print(names(Nulled), Nulled().perimeter)


class Reabstract(Square):
    @abstractmethod
    def area(self):
        pass


print(names(Reabstract))
attempt("Reabstract(1)", lambda: Reabstract(1))


# A single abstract method says "method", several say "methods".
class One(ABC):
    @abstractmethod
    def only(self):
        pass


attempt("One()", lambda: One())


class Many(ABC):
    @abstractmethod
    def zeta(self): pass

    @abstractmethod
    def alpha(self): pass

    @abstractmethod
    def mid(self): pass


attempt("Many()", lambda: Many())
# Arguments are not looked at before the abstract check.
attempt("Many(1, x=2)", lambda: Many(1, x=2))

# Non-function objects with __isabstractmethod__ count too.


class Marker:
    __isabstractmethod__ = True


class WithMarker(ABC):
    thing = Marker()


print(names(WithMarker))


class FalseMarker:
    __isabstractmethod__ = False


class WithFalse(ABC):
    thing = FalseMarker()


print(names(WithFalse), type(WithFalse()).__name__)

# abstractmethod just sets the flag and returns the function.


def plain():
    return "plain"


f = abstractmethod(plain)
print(f is plain, plain.__isabstractmethod__, plain())

# update_abstractmethods: recompute after patching the class.


class Patch(ABC):
    @abstractmethod
    def a(self): pass

    @abstractmethod
    def b(self): pass


class PatchSub(Patch):
    pass


print(names(PatchSub))
PatchSub.a = lambda self: "a"
print(names(PatchSub))
print(abc.update_abstractmethods(PatchSub) is PatchSub, names(PatchSub))
PatchSub.b = lambda self: "b"
abc.update_abstractmethods(PatchSub)
print(names(PatchSub), PatchSub().a(), PatchSub().b())


class NotAbc:
    pass


print(abc.update_abstractmethods(NotAbc) is NotAbc, hasattr(NotAbc, '__abstractmethods__'))


# Clearing __abstractmethods__ by hand allows instantiation.
class Manual(ABC):
    @abstractmethod
    def m(self): pass


Manual.__abstractmethods__ = frozenset()
print(type(Manual()).__name__)


# __init_subclass__ keywords and metaclass keywords pass through ABCMeta.
class Plugin(ABC):
    registry = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)


class PA(Plugin, tag="a"):
    pass


class PB(Plugin):
    pass


print(Plugin.registry, PA.tag, PB.tag)


# A custom metaclass deriving from ABCMeta.
class Meta(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls.created_by = mcls.__name__
        return cls


class WithMeta(metaclass=Meta):
    @abstractmethod
    def go(self): pass


class WithMetaImpl(WithMeta):
    def go(self):
        return "went"


print(WithMeta.created_by, names(WithMeta), WithMetaImpl().go(), type(WithMetaImpl).__name__)
attempt("WithMeta()", lambda: WithMeta())

# Class attributes and instance state work normally.


class Counter(ABC):
    count = 0

    def __init__(self, start):
        self.n = start
        Counter.count += 1

    @abstractmethod
    def step(self): pass


class Up(Counter):
    def step(self):
        self.n += 1
        return self.n


u = Up(5)
print(u.step(), u.step(), Counter.count, isinstance(u, Counter), isinstance(u, ABC))
print(isinstance(abc.get_cache_token(), int))
