# Module-level builtins (len, math.sqrt, ...) are not descriptors: stored
# in a class and read through an instance they stay unbound, unlike Python
# functions and the methods of builtin types.
import math


def py_len(x):
    return ("py_len", x)


class Tools:
    L = len
    S = math.sqrt
    M = max
    P = py_len
    UP = str.upper

    def use(self):
        return self.L("abcd"), self.S(16.0), self.M(3, 9), self.P is not None


t = Tools()
for i in range(3):
    print(t.use())
print(t.L([1, 2]), Tools.L("xy"), t.S(2.25), t.M([4, 1, 7]))
print(t.P()[1] is t)  # bound: the instance is the argument
print(type(t.L).__name__, t.L is len, Tools.S is math.sqrt)
print(type(t.P).__name__, type(Tools.P).__name__)
try:
    t.UP()
except TypeError as e:
    print("TypeError", e)
print(Tools.UP("abc"))
print(getattr(t, "L")("hello"), [f("ab") for f in (t.L, Tools.L)])


class Sub(Tools):
    A = abs


s = Sub()
print(s.A(-5), s.L("xyz"), s.use())
