class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1

    @classmethod
    def create(cls):
        return cls()

    @classmethod
    def how_many(cls):
        return cls.__name__ + ":" + str(cls.instances)

    @staticmethod
    def add(a, b):
        return a + b

class Sub(Counter):
    instances = 100

c = Counter.create()
s = Sub.create()
print(type(c).__name__, type(s).__name__)
print(Counter.how_many(), Sub.how_many())
print(c.how_many(), s.how_many())
print(Counter.add(1, 2), c.add(3, 4), Sub.add(5, 6))
print(type(Counter.__dict__["add"]).__name__)
print(type(Counter.__dict__["create"]).__name__)
print(type(Counter.create).__name__, type(Counter.add).__name__)
print(Counter.create.__self__ is Counter)

class Alt:
    def plain(x):
        return x
    sm = staticmethod(plain)
    cm = classmethod(lambda cls, v: (cls.__name__, v))
print(Alt.sm(9), Alt().sm(8))
print(Alt.cm(1), Alt().cm(2))
try:
    Alt().plain(1)
except TypeError as e:
    print(type(e).__name__, e)
print(Alt.plain("unbound ok"))
print(Counter.__dict__["add"].__func__(10, 20))
