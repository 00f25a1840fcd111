class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        print("__set_name__", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor on " + objtype.__name__
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("ann", 30)
print(p.name, p.age)
print(Person.name)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
del p.age
print(p.age)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"
class Host:
    nd = NonData()
h = Host()
print(h.nd)
h.nd = "instance wins"
print(h.nd)
del h.nd
print(h.nd)

class DataOnlySet:
    def __set__(self, obj, v):
        print("set via descriptor", v)
    def __get__(self, obj, t=None):
        return "data descriptor wins"
class Host2:
    d = DataOnlySet()
h2 = Host2()
h2.d = 5
h2.__dict__["d"] = "in dict"
print(h2.d)

class Bound:
    def __get__(self, obj, objtype):
        return (type(obj).__name__, objtype.__name__)
class H3:
    b = Bound()
print(H3().b, H3.b)
