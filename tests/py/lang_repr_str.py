class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % (self.x,)

class Q(P):
    def __str__(self):
        return "Q with " + str(self.x)

p = P("s")
q = Q([1, "a"])
print(p, str(p), repr(p))
print(q, str(q), repr(q))
print([p, q])
print({"p": p})
print((q,))
print(str([q]), repr("quote's"), repr('dq"'), repr("both'\""))
print(str(1.0), repr(1.5), str(10 ** 20), repr(-0.0))
print(str(None), str(True), repr("a\nb\t\\"), repr("\x00\x7f"))
print(repr(b"bytes\x01"), str(b"x"))
print(repr([1, [2, (3,)], {4: "5"}]))
print(repr(()), repr((1,)), repr(set()), repr({}), repr(frozenset()))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Rec:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return "Rec(%r)" % self.items
r = Rec()
r.items.append(1)
print(r)
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
