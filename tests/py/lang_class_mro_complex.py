# the classic C3 example
class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([c.__name__ for c in A.__mro__])
print([c.__name__ for c in B.__mro__])
print([c.__name__ for c in C.__mro__])

class K1(O): pass
class K2(O): pass
class K3(O): pass
class Z1(K1, K2, K3): pass
class Z2(K2, K3): pass
class Z3(K1, K3): pass
class ZZ(Z1, Z2, Z3): pass
print([c.__name__ for c in ZZ.__mro__])

class X(O): pass
class Y(O): pass
class XY(X, Y): pass
class YX(Y, X): pass
try:
    class Broken(XY, YX):
        pass
except TypeError as e:
    print(type(e).__name__)
    print(e)

# attribute lookup follows MRO
class M1:
    attr = "M1"
class M2:
    attr = "M2"
    only2 = "only in M2"
class M3(M1, M2):
    pass
print(M3.attr, M3.only2)
print(issubclass(M3, M2), isinstance(M3(), M1))
print([c.__name__ for c in M3.__bases__])
