class S:
    __slots__ = ("a",)
    b = "class attr"

s = S()
try:
    s.a
except AttributeError as e:
    print(type(e).__name__, e)
print(s.b)
try:
    s.b = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del s.a
except AttributeError as e:
    print(type(e).__name__)

try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(type(e).__name__, e)

class Empty:
    __slots__ = ()
e = Empty()
try:
    e.anything = 1
except AttributeError as e2:
    print(type(e2).__name__, e2)

class Prop:
    __slots__ = ("_v",)
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
p = Prop()
p.v = 21
print(p.v)
print(sorted(n for n in dir(p) if not n.startswith("__")))
