# One attribute site in a base-class method sees instances of several
# subclasses with the same attribute layout. Whatever an inline cache learnt
# from one class must not hide a data descriptor, __getattribute__ or
# __setattr__ of another, including ones added after the site warmed up.


class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 10

    def get(self):
        return self.v

    def put(self, x):
        self.v = x
        return self.v


class Plain1(Base):
    pass


class Plain2(Base):
    pass


class WithProp(Base):
    @property
    def v(self):
        return "prop"

    @v.setter
    def v(self, x):
        self.__dict__["_v"] = x


class Spy(Base):
    def __getattribute__(self, name):
        if name == "v":
            return "spied"
        return object.__getattribute__(self, name)


class Guard(Base):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("guarded", value))


class Desc:
    def __get__(self, obj, owner=None):
        return "desc-get"

    def __set__(self, obj, value):
        obj.__dict__["seen"] = value


class WithDesc(Base):
    v = Desc()


class Late(Base):
    pass


objs = [Plain1(1), Plain2(2), Base(3), WithProp(4), Spy(5), Guard(6), WithDesc(7), Late(8)]
for round_ in range(3):
    print(round_, [o.get() for o in objs])
    print(round_, [o.put(round_ * 100 + i) for i, o in enumerate(objs)])
    if round_ == 1:
        # A data descriptor appears on one class after the sites warmed up.
        Late.v = property(lambda self: "late-prop", lambda self, x: None)
    if round_ == 0:
        # And one on the common base: every subclass must see it.
        Base.w = property(lambda self: "base-w", lambda self, x: None)
print([getattr(o, "w") for o in objs])


class Other:
    def __init__(self):
        self.v = "other"
        self.w = 0


def read(o):
    return o.v


print([read(o) for o in [Plain1(9), Other(), Plain2(10), Other()]])
