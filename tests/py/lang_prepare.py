# metaclass __prepare__ makes the class namespace (a dict subclass whose
# __setitem__/__getitem__ see the class body), with the class keywords.
log = []


class Recording(dict):
    def __setitem__(self, k, v):
        log.append(("set", k))
        super().__setitem__(k, v)

    def __getitem__(self, k):
        log.append(("get", k))
        return super().__getitem__(k)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        log.append(("prepare", name, bases, kw))
        return Recording()

    def __new__(mcs, name, bases, ns, **kw):
        log.append(("new", type(ns).__name__, sorted(k for k in ns if not k.startswith("__"))))
        return super().__new__(mcs, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=1):
    x = 1
    y = x + 1
    del x

    def m(self):
        return "m"


for entry in log:
    print(entry)
print(A.y, A().m(), hasattr(A, "x"))


class NoDups(dict):
    def __setitem__(self, k, v):
        if k in self and not k.startswith("__"):
            raise TypeError("duplicate %s" % k)
        super().__setitem__(k, v)


class M2(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return NoDups()


try:
    class B(metaclass=M2):
        a = 1
        a = 2
except TypeError as e:
    print("TypeError", e)


class M3(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


try:
    class C(metaclass=M3):
        pass
except TypeError as e:
    print("TypeError", e)
