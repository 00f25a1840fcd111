def f(a, b=2, *args, c, d=4, **kw):
    """doc string here"""
    x = 1
    return a

print(f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
print(f.__code__.co_name)
f.custom = "attr"
print(f.custom)
print(sorted(f.__dict__))
try:
    f.nope
except AttributeError as e:
    print(type(e).__name__, e)

def g():
    pass
print(g.__doc__)
print(callable(g), callable(5), callable(int))
print(type(g).__name__)
print(type(lambda: 0).__name__)
class C:
    def m(self):
        return self
c = C()
print(type(c.m).__name__, type(C.m).__name__)
print(c.m.__self__ is c, c.m.__func__ is C.m)
print(c.m() is c)
bm = c.m
print(bm() is c)
print(type(len).__name__)
print(g.__globals__ is globals())
