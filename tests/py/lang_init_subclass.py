class Plugin:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        print("__init_subclass__", cls.__name__, tag)
        cls.tag = tag
        Plugin.registry.append(cls.__name__)

class A(Plugin, tag="a"):
    pass
class B(Plugin):
    pass
class C(A, tag="c"):
    pass
print(Plugin.registry)
print(A.tag, B.tag, C.tag)
try:
    class D(Plugin, bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = "Meta"
        return cls
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)

class WithMeta(metaclass=Meta):
    x = 1
    def f(self):
        pass
class SubMeta(WithMeta, flag=True):
    pass
print(type(WithMeta).__name__, WithMeta.created_by, SubMeta.created_by)
class Inst(WithMeta):
    def __init__(self, v):
        self.v = v
print(Inst(5).v)
print(isinstance(WithMeta, Meta), isinstance(WithMeta, type))
