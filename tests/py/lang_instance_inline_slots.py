# Instance attributes live in slots kept inline in the instance (as many as
# the class's instances have needed so far) and in an overflow array beyond
# that. Attribute values must not depend on where they are stored.
import copy
import gc
import pickle


class Grow:
    pass


# The first instance teaches the class how many slots to keep inline; later
# ones get them, then grow past them.
objs = []
for n in range(0, 40, 3):
    g = Grow()
    for i in range(n):
        setattr(g, "a%d" % i, i * n)
    objs.append((n, g))
gc.collect()
for n, g in objs:
    vals = [getattr(g, "a%d" % i) for i in range(n)]
    assert vals == [i * n for i in range(n)], (n, vals)
    print(n, sum(vals), len(vars(g)))


class P:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)


ps = [P(i, -i, i * 0.5) for i in range(1000)]
gc.collect()
for p in ps:
    p.x, p.y, p.z = p.y, p.z, p.x
print(sum(p.norm1() for p in ps))
# A later attribute goes to the overflow array of an instance with all its
# inline slots in use, on some instances only.
for p in ps[::7]:
    p.extra = p.x * 2
print(sum(p.extra for p in ps[::7]), hasattr(ps[1], "extra"))
# Deleting and __dict__ switch to dict storage.
q = ps[3]
del q.y
print(sorted(vars(q)), q.x, q.z)
r = ps[4]
r.__dict__["w"] = 9
print(sorted(r.__dict__.items()))
r.y = 100
print(r.y, r.w)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = [2]


class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.c = 3


ms = [Mixed() for _ in range(3)]
ms[1].d = 4
print([(m.a, m.b, m.c, getattr(m, "d", None)) for m in ms])
del ms[0].a
print(hasattr(ms[0], "a"), ms[0].b)

# Copies and pickles carry every attribute.
c = copy.copy(ps[10])
print(c.x, c.y, c.z, c is ps[10])
d = copy.deepcopy(objs[-1][1])
print(sum(getattr(d, "a%d" % i) for i in range(objs[-1][0])))
s = pickle.loads(pickle.dumps(ps[11]))
print(s.x, s.y, s.z)
t = pickle.loads(pickle.dumps(objs[5][1]))
print(sorted(vars(t).items())[:3])


# __class__ assignment between classes with different slot counts.
class Small:
    pass


class Big:
    def __init__(self):
        for i in range(10):
            setattr(self, "b%d" % i, i)


Big()
o = Small()
o.one = 1
o.__class__ = Big
o.two = 2
o.__class__ = Small
print(o.one, o.two, type(o).__name__)
