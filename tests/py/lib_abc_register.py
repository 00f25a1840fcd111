# abc: virtual subclasses (register), __subclasshook__, caches, tokens.
import abc
from abc import ABC, ABCMeta, abstractmethod


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


class Drawable(ABC):
    @abstractmethod
    def draw(self): pass


class Sprite:
    def draw(self):
        return "sprite"


print(issubclass(Sprite, Drawable), isinstance(Sprite(), Drawable))
token = abc.get_cache_token()
r = Drawable.register(Sprite)
print(r is Sprite, abc.get_cache_token() != token, abc.get_cache_token() > token)
print(issubclass(Sprite, Drawable), isinstance(Sprite(), Drawable))
# Registration is not inheritance: no mro change, no abstract check.
print(Drawable in Sprite.__mro__, Sprite().draw())


# Subclasses of a registered class are virtual subclasses too.
class BigSprite(Sprite):
    pass


print(issubclass(BigSprite, Drawable), isinstance(BigSprite(), Drawable))


# register as a class decorator.
@Drawable.register
class Text:
    pass


print(Text.__name__, issubclass(Text, Drawable))

# Registering an existing subclass is a no-op returning the class; the
# token does not move.
t0 = abc.get_cache_token()
print(Drawable.register(BigSprite) is BigSprite, abc.get_cache_token() == t0)


class Impl(Drawable):
    def draw(self): return 1


print(Drawable.register(Impl) is Impl, abc.get_cache_token() == t0)

# Errors.
attempt("register(3)", lambda: Drawable.register(3))
attempt("register(obj)", lambda: Drawable.register(Sprite()))


class Child(Drawable):
    pass


attempt("cycle", lambda: Child.register(Drawable))
attempt("issubclass(3, ABC)", lambda: issubclass(3, Drawable))

# Registered builtins.


class Number(ABC):
    pass


Number.register(int)
Number.register(float)
print(isinstance(3, Number), isinstance(2.5, Number), isinstance("3", Number), isinstance(True, Number))
print(issubclass(bool, Number), issubclass(complex, Number))
# isinstance with a tuple containing an ABC.
print(isinstance("x", (Number, str)), isinstance([], (Number, dict)))

# Registry of one ABC does not leak into its bases or siblings.


class Animal(ABC):
    pass


class Dog(Animal):
    pass


class Cat(Animal):
    pass


class Robot:
    pass


Dog.register(Robot)
print(issubclass(Robot, Dog), issubclass(Robot, Animal), issubclass(Robot, Cat))
# ...but a base sees what its subclasses registered.
print(isinstance(Robot(), Animal))


# __subclasshook__ decides structurally.
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented


class Sized1:
    def __len__(self):
        return 0


class NotSized:
    pass


print(issubclass(Sized1, HasLen), issubclass(NotSized, HasLen), issubclass(list, HasLen), isinstance("", HasLen))
print(isinstance(3, HasLen), isinstance(Sized1(), HasLen))


class HasLenChild(HasLen):
    pass


# The hook only answers for HasLen itself.
print(issubclass(Sized1, HasLenChild))


# A hook returning False overrides registration and inheritance.
class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False


class NeverSub(Never):
    pass


Never.register(int)
print(issubclass(NeverSub, Never), issubclass(int, Never), isinstance(NeverSub(), Never))


# A hook that answers True for everything.
class Always(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True


print(issubclass(int, Always), isinstance(None, Always), issubclass(object, Always))


# A hook returning something else is an error.
class Bad(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


attempt("bad hook", lambda: issubclass(int, Bad))


# The hook sees each class once; answers are cached.
class Counting(ABC):
    calls = []

    @classmethod
    def __subclasshook__(cls, C):
        Counting.calls.append(C.__name__)
        return NotImplemented


print(issubclass(int, Counting), issubclass(int, Counting), issubclass(str, Counting))
print(Counting.calls)
# Registration invalidates negative answers.
Counting.register(int)
print(issubclass(int, Counting), Counting.calls)
print(issubclass(int, Counting), Counting.calls)


# The cache of another ABC is invalidated by any registration anywhere.
class Lazy(ABC):
    pass


print(issubclass(float, Lazy))
Lazy.register(float)
print(issubclass(float, Lazy), isinstance(1.5, Lazy))


# __class__ overriding: isinstance looks at both type() and __class__.
class Proxy:
    @property
    def __class__(self):
        return Sprite


p = Proxy()
print(type(p).__name__, p.__class__.__name__, isinstance(p, Drawable))


# _abc_registry_clear / _abc_caches_clear.
class Temp(ABC):
    pass


class Other:
    pass


Temp.register(Other)
print(issubclass(Other, Temp))
Temp._abc_registry_clear()
Temp._abc_caches_clear()
print(issubclass(Other, Temp))

# An ABC registering another ABC.


class Outer(ABC):
    pass


class Inner(ABC):
    pass


class InnerImpl(Inner):
    pass


Outer.register(Inner)
print(issubclass(Inner, Outer), issubclass(InnerImpl, Outer), isinstance(InnerImpl(), Outer))

# issubclass of an ABC with itself and with object.
print(issubclass(Drawable, Drawable), issubclass(Drawable, object), issubclass(Drawable, ABC), issubclass(ABC, Drawable))
print(isinstance(Drawable, type), isinstance(Drawable, ABCMeta), isinstance(int, ABCMeta))


# A hook deferring to super() inside ABC gets NotImplemented.
class Defer(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return super().__subclasshook__(C)


print(issubclass(int, Defer), Defer.__subclasshook__(int))
