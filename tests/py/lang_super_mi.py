log = []

class Root:
    def __init__(self, **kw):
        log.append("Root")
        self.leftover = kw

class Left(Root):
    def __init__(self, left=None, **kw):
        log.append("Left")
        self.left = left
        super().__init__(**kw)

class Right(Root):
    def __init__(self, right=None, **kw):
        log.append("Right")
        self.right = right
        super().__init__(**kw)

class Both(Left, Right):
    def __init__(self, **kw):
        log.append("Both")
        super().__init__(**kw)

b = Both(left=1, right=2, extra=3)
print(log)
print(b.left, b.right, b.leftover)
print([c.__name__ for c in Both.__mro__])

class A:
    def go(self):
        return ["A"]
class B(A):
    def go(self):
        return ["B"] + super().go()
class C(A):
    def go(self):
        return ["C"] + super().go()
class D(B, C):
    def go(self):
        return ["D"] + super().go()
print(D().go())
print(super(B, D()).go())
print(super(C, D()).go())

class Mixin:
    def hello(self):
        return "mixin hello, then " + super().hello()
class Impl:
    def hello(self):
        return "impl hello"
class Combined(Mixin, Impl):
    pass
print(Combined().hello())
try:
    Mixin().hello()
except AttributeError as e:
    print(type(e).__name__, e)
