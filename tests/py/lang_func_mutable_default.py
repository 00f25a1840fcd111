def append_to(item, target=[]):
    target.append(item)
    return target

a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)

def dict_default(k, v, d={}):
    d[k] = v
    return len(d)
print(dict_default("a", 1), dict_default("b", 2), dict_default("a", 3))
print(dict_default.__defaults__[0])

# replacing __defaults__
append_to.__defaults__ = ([100],)
print(append_to(5))

class Box:
    def __init__(self, items=[]):
        self.items = items
b1 = Box()
b2 = Box()
b1.items.append("x")
print(b2.items, b1.items is b2.items)
