order = []

def d(label):
    order.append("factory " + label)
    def deco(fn):
        order.append("apply " + label)
        def wrapper():
            return label + "(" + fn() + ")"
        return wrapper
    return deco

@d("outer")
@d("middle")
@d("inner")
def base():
    return "base"

print(order)
print(base())

def plus1(fn):
    return lambda x: fn(x) + 1
def times2(fn):
    return lambda x: fn(x) * 2

@plus1
@times2
def ident(x):
    return x
print(ident(5))

@times2
@plus1
def ident2(x):
    return x
print(ident2(5))

class C:
    @staticmethod
    @plus1
    def s(x):
        return x
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    @plus1
    def p(self):
        return 10
print(C.s(1), C().s(1), C.c(), C().p)
