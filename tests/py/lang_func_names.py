def top():
    def inner():
        def innermost():
            pass
        return innermost
    return inner

print(top.__name__, top.__qualname__)
print(top().__name__, top().__qualname__)
print(top()().__name__, top()().__qualname__)

class Outer:
    def method(self):
        def local():
            pass
        return local
    class Inner:
        def deep(self):
            pass
    @staticmethod
    def sm():
        pass
    @classmethod
    def cm(cls):
        pass
    lam = lambda self: None

print(Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.method.__qualname__)
print(Outer().method().__qualname__)
print(Outer.Inner.deep.__qualname__)
print(Outer.sm.__qualname__, Outer.cm.__qualname__)
print(Outer.lam.__name__, Outer.lam.__qualname__)
print(Outer().method.__name__)

def make_class():
    class Local:
        pass
    return Local
print(make_class().__qualname__)
print(top.__module__, Outer.__module__)
top.__name__ = "renamed"
print(top.__name__, top.__qualname__)
print((lambda: 0).__qualname__)
print([lambda: 0][0].__qualname__)
print(int.__name__, int.__qualname__, len.__name__)
