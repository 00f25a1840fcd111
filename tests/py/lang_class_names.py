class Top:
    class Mid:
        class Bottom:
            pass

print(Top.__name__, Top.__qualname__)
print(Top.Mid.__name__, Top.Mid.__qualname__)
print(Top.Mid.Bottom.__name__, Top.Mid.Bottom.__qualname__)
print(Top.__module__)

def factory():
    class Made:
        def meth(self):
            pass
    return Made
M = factory()
print(M.__name__, M.__qualname__, M.meth.__qualname__)
M.__name__ = "Renamed"
print(M.__name__, M.__qualname__, type(M()).__name__)
T = type("Dynamic", (), {})
print(T.__name__, T.__qualname__, T.__module__)
print(Top().__class__.__qualname__)
print(type(Top.Mid.Bottom()).__qualname__)
try:
    Top.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
class Q:
    pass
Q.__qualname__ = "Some.Thing"
print(Q.__qualname__, Q.__name__)
