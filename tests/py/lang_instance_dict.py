class P:
    cls_attr = "c"
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(sorted(p.__dict__.items()))
p.z = 3
print(sorted(p.__dict__.items()))
p.__dict__["w"] = 4
print(p.w)
del p.x
print(sorted(p.__dict__.items()))
print(list(p.__dict__))
print(vars(p) is p.__dict__)
print("cls_attr" in p.__dict__, "cls_attr" in P.__dict__)
print(type(P.__dict__).__name__)
p.__dict__.clear()
print(p.__dict__, hasattr(p, "y"))
p.__dict__.update({"a": 10, "b": 20})
print(p.a + p.b)

class Order:
    pass
o = Order()
o.c = 1
o.a = 2
o.b = 3
print(list(vars(o).keys()))
o.a = 5
print(list(vars(o).items()))

def f():
    pass
f.attr = 1
print(f.__dict__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
class Q:
    pass
q = Q()
q.__dict__ = {"new": "dict"}
print(q.new)
