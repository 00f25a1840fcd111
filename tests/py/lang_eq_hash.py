class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, o):
        return isinstance(o, Key) and (self.a, self.b) == (o.a, o.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return "Key(%r, %r)" % (self.a, self.b)

d = {Key(1, 2): "one-two"}
print(d[Key(1, 2)])
d[Key(1, 2)] = "replaced"
print(len(d), d)
s = {Key(1, 1), Key(1, 1), Key(2, 2)}
print(len(s), Key(2, 2) in s)
print(Key(3, 3) in d)

class Default:
    pass
x, y = Default(), Default()
dd = {x: 1, y: 2}
print(len(dd), dd[x], dd[y])

class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
try:
    {EqOnly(): 1}
except TypeError as e:
    print(type(e).__name__, e)

class EqKeepHash:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(len({EqKeepHash(): 1}))

class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 1
    def __eq__(self, o):
        return self.v == o.v
c = {Collide(i): i for i in range(5)}
print(len(c), c[Collide(3)])
print(hash(1) == hash(1.0), {1: "a", 1.0: "b", True: "c"})
print(hash(-1), hash(0), hash(12345))

class Counts:
    calls = 0
    def __hash__(self):
        Counts.calls += 1
        return 7
k = Counts()
dc = {k: 1}
dc[k]
print(Counts.calls)
