class Plain:
    pass

p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at "), r.endswith(">"))
print(str(p) == repr(p))
print(type(p).__name__)

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
o = OnlyRepr()
print(repr(o), str(o), o)
print([o, o], (o,), {"k": o})
print("%s %r" % (o, o))
print(f"{o} {o!r}")

class OnlyStr:
    def __str__(self):
        return "just str"
s = OnlyStr()
print(str(s), repr(s).startswith("<__main__.OnlyStr object"))
print(s)
print([s][0] is s, repr([s]).startswith("[<__main__.OnlyStr"))

class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
b = Both()
print(b, repr(b), [b], f"{b}", f"{b!r}", "%s|%r" % (b, b), str([b]))
print(repr(Plain).startswith("<class '__main__.Plain'>"), str(Plain))
print(repr(int), repr(None), repr(True), repr(...))
