class R:
    @property
    def ro(self):
        return 1

r = R()
print(r.ro)
try:
    r.ro = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.ro
except AttributeError as e:
    print(type(e).__name__, e)

class P:
    @property
    def bad(self):
        raise KeyError("inside getter")
    @property
    def attr_err(self):
        return self.nonexistent
try:
    P().bad
except KeyError as e:
    print(type(e).__name__, e)
try:
    P().attr_err
except AttributeError as e:
    print(type(e).__name__, e)

class Sub(R):
    @property
    def ro(self):
        return "sub " + str(super().ro)
print(Sub().ro)

# property in instance dict does not act as descriptor
class Q:
    pass
q = Q()
q.p = property(lambda self: 1)
print(type(q.p).__name__)
# property overrides instance dict
class S:
    @property
    def v(self):
        return "prop"
s = S()
s.__dict__["v"] = "dict"
print(s.v)
