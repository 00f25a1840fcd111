print("before class")

class Cfg:
    print("class body start")
    a = 1
    b = a + 1
    items = [a, b]
    for i in range(3):
        items.append(i * 10)
    del i
    if a == 1:
        mode = "one"
    else:
        mode = "other"
    def method(self):
        return self.mode
    print("class body end, locals:", sorted(k for k in locals() if not k.startswith("__")))

print("after class")
print(Cfg.a, Cfg.b, Cfg.items, Cfg.mode)
print(Cfg().method())
print(hasattr(Cfg, "i"))
print(Cfg.__module__)

x = "global x"
class Scope:
    x = "class x"
    y = x
    def get(self):
        return x
print(Scope.y, Scope().get())

class Comp:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        broken = [v * factor for v in vals for factor in (2,) if factor_class]
    except NameError as e:
        err = str(e)
    factor_class = 3
    try:
        scaled = [v * factor_class for v in vals]
    except NameError as e:
        err2 = str(e)
print(Comp.doubled, Comp.err, Comp.err2)

def make(n):
    class Local:
        size = n
    return Local
print(make(3).size, make(4).size, make(3) is make(3))
