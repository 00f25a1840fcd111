# Reprs of builtin functions and method descriptors, functions as
# descriptors (__get__), constructing bound methods, big slice deletions.
import sys
print(repr(len), repr(str.upper), repr(list.append), repr(dict.get))
print(repr(sys))
print(repr([].append).startswith("<built-in method append of list object at 0x"))


class C:
    def m(self):
        return ("m", self.__class__.__name__)


f = lambda s, *a: (s, a)
print(hasattr(f, "__get__"), f.__get__(5)(), f.__get__(5, int)(1))
print(f.__get__(None, C) is f)
try:
    f.__get__(None)
except TypeError as e:
    print("TypeError", e)
bm = type(C().m)(f, 7)
print(bm(), bm.__self__, bm.__func__ is f)
try:
    type(C().m)(f, None)
except TypeError as e:
    print("TypeError", e)


class D:
    pass


D.g = lambda self: "g"
print(D().g(), C.m.__get__(C())())

big = list(range(200000))
del big[:100000]
print(len(big), big[0], big[-1])
del big[::2]
print(len(big), big[:3])
del big[10:20:3]
print(len(big), big[8:14])
big[-1:] = []
print(len(big), big[-1])
