class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __repr__(self):
        return "Ver" + repr(self.parts)
    def __eq__(self, o):
        print("eq", self, o)
        return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o):
        if not QUIET:
            print("lt", self, o)
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts

QUIET = False
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b)
print(a == Ver(1, 2))
print(a != b)  # __ne__ derived from __eq__
QUIET = True  # comparison order inside sort is implementation-defined
print(sorted([Ver(3), Ver(1, 5), Ver(1)]))
print(max([Ver(2), Ver(10), Ver(3)]))
print(a == 5)
print(Ver(1) in [Ver(0), Ver(1)])

class Weird:
    def __eq__(self, o):
        return "truthy string"
    def __lt__(self, o):
        return 0
print(Weird() == 1, Weird() < 1)
print(Weird() != 1)
if Weird() == 1:
    print("truthy result used")

class NoEq:
    pass
x = NoEq()
print(x == x, x == NoEq(), x != x)
print([x] == [x])  # identity shortcut in list compare
