# PEP 560 __mro_entries__: non-class bases that stand for classes.
class Stand:
    def __init__(self, target):
        self.target = target

    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (self.target,)


class Base:
    def hello(self):
        return "hello from Base"


class C(Stand(Base)):
    pass


print(C.__bases__, C().hello(), C.__orig_bases__[0].target is Base)


class L(list[int]):
    pass


print(L.__bases__, L([1, 2]), "__orig_bases__" in L.__dict__)


class Plain(Base):
    pass


print("__orig_bases__" in Plain.__dict__)


class Bad:
    def __mro_entries__(self, bases):
        return [Base]


try:
    class D(Bad()):
        pass
except TypeError as e:
    print("TypeError", e)
