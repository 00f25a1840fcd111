class A:
    def who(self):
        return "A"

class B(A):
    def who(self):
        return "B>" + super().who()

class C(A):
    def who(self):
        return "C>" + super().who()

class D(B, C):
    def who(self):
        return "D>" + super().who()

print([c.__name__ for c in D.__mro__])
print(D().who())
print([c.__name__ for c in D.mro()])

class E(C, B):
    pass
print([c.__name__ for c in E.__mro__])
print(E().who())

class X: pass
class Y: pass
class Z: pass
class P(X, Y): pass
class Q(Y, Z): pass
class R(P, Q): pass
print([c.__name__ for c in R.__mro__])

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
