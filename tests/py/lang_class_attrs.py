class C:
    shared = []
    count = 0

    def __init__(self, v):
        self.v = v
        C.count += 1

    def add(self, x):
        self.shared.append(x)

a = C(1)
b = C(2)
a.add("a")
b.add("b")
print(C.shared, a.shared is b.shared)
print(C.count, a.count, b.count)
a.count = 100  # creates instance attribute, shadows class
print(a.count, b.count, C.count)
del a.count
print(a.count)
C.count = 7
print(a.count, b.count)
C.new_class_attr = "late"
print(a.new_class_attr)
print("v" in a.__dict__, "count" in a.__dict__, "count" in C.__dict__)
a.shared = ["own"]
print(a.shared, b.shared)
try:
    del a.count
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(a, "missing", "default"))
setattr(b, "dyn", 5)
print(b.dyn, getattr(b, "dyn"))
delattr(b, "dyn")
print(hasattr(b, "dyn"))

class D(C):
    count = -1
print(D.count, D.shared is C.shared)
d = D(3)
print(D.count, C.count)
