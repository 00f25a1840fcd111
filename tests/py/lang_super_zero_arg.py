class Base:
    def __init__(self, x):
        self.x = x
        print("Base.__init__", x)

    def describe(self):
        return "Base(%s)" % self.x

    @classmethod
    def make(cls):
        return "Base.make for " + cls.__name__

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Child.__init__", y)

    def describe(self):
        return "Child[" + super().describe() + ", y=%s]" % self.y

    @classmethod
    def make(cls):
        return "Child.make -> " + super().make()

c = Child(1, 2)
print(c.describe())
print(Child.make())
print(super(Child, c).describe())

class GrandChild(Child):
    def describe(self):
        return "GC{" + super(Child, self).describe() + "}"
g = GrandChild(3, 4)
print(g.describe())

class WithStatic(Base):
    def m(self):
        def inner():
            return super(WithStatic, self).describe()
        return inner()
print(WithStatic(9).m())

class Outside(Base):
    pass
def describe_outside(self):
    return "patched " + super(Outside, self).describe()
Outside.describe = describe_outside
print(Outside(5).describe())

class NoArg:
    def m(self):
        return super().__repr__ is not None
print(NoArg().m())
print(type(super(Child, c)).__name__)
