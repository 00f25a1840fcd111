a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, not a is c)
print(None is None, type(None) is type(None))
x = None
print(x is None, x is not None)
print(True is True, False is not True)
print(type(1) is int, type(True) is bool, type(True) is int)
t = ()
u = t
print(t is u)
e = ...
print(e is Ellipsis, NotImplemented is NotImplemented)
def f():
    pass
print(f is f, f() is None)
class C:
    def m(self):
        pass
o = C()
print(C.m is C.m, o.m == o.m)
print(int is int, object is object)
lst = []
lst.append(lst)
print(lst[0] is lst)
def ident(x):
    return x
obj = object()
print(ident(obj) is obj)
s = {"k": obj}
print(s["k"] is obj)
print([] is [], {} is {})
n = 10 ** 30
m = n
print(m is n)
print(a is b is not c)
