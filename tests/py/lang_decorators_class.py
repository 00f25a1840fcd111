def add_repr(cls):
    def __repr__(self):
        items = ", ".join("%s=%r" % (k, v) for k, v in sorted(vars(self).items()))
        return "%s(%s)" % (type(self).__name__, items)
    cls.__repr__ = __repr__
    return cls

@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

print(Point(1, 2))
print(repr(Point("a", [1])))

registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls

@register
class A:
    pass

@register
@add_repr
class B:
    def __init__(self):
        self.z = 0

print(registry, A.registered, B.registered)
print(B())

def singleton(cls):
    instances = {}
    def get():
        if cls not in instances:
            instances[cls] = cls()
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self):
        print("Config init")
        self.v = 1
c1 = Config()
c2 = Config()
print(c1 is c2, c1.v)
print(type(Config).__name__)

def with_counter(cls):
    orig = cls.__init__
    cls.count = 0
    def __init__(self, *a):
        cls.count += 1
        orig(self, *a)
    cls.__init__ = __init__
    return cls

@with_counter
class Item:
    def __init__(self, name):
        self.name = name
Item("a"); Item("b")
print(Item.count, Item("c").name, Item.count)
