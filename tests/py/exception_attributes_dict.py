"""Exceptions keep args, __traceback__, __cause__, __context__ and __suppress_context__ outside their __dict__ (vars() shows only what the program set), check assignments to them as CPython does, and reduce to (class, args, __dict__) for pickle and copy."""
try:
    try:
        raise KeyError("k")
    except KeyError as e1:
        raise ValueError("v") from e1
except ValueError as e:
    print(vars(e))
    print(e.args, e.__cause__, e.__context__ is e.__cause__, e.__suppress_context__, e.__traceback__ is not None)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
x = E(1, 2)
print(vars(x), x.args)
x.args = (5, 6)
print(x.args, vars(x), str(x))
import copy, pickle
y = copy.copy(x); print(y.args, vars(y))
e = ValueError(1)
for bad in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 3)]:
    try:
        setattr(e, *bad)
    except TypeError as ex:
        print(bad[0], ex)
e.args = [1, 2]
print(e.args, type(e.args).__name__)
try:
    e.__suppress_context__ = 1
except TypeError as ex:
    print(ex)
e.__suppress_context__ = True
print(e.__suppress_context__)
print(ValueError().args, vars(ValueError()), KeyError("a").__cause__)
class P(Exception):
    def __init__(self):
        pass
print(P().args, vars(P()))
try:
    p = pickle.loads(pickle.dumps(E(3, 4)))
except TypeError as ex:
    print("unpickling E:", ex)
class F(Exception):
    pass
f = F("a", 1)
f.extra = [1]
g = pickle.loads(pickle.dumps(f))
print(type(g).__name__, g.args, vars(g), g.__traceback__, ValueError("q").__reduce__())
print(copy.copy(f).extra, copy.deepcopy(f).args)
