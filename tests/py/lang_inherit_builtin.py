class MyList(list):
    def sum(self):
        return sum(self)
    def append(self, x):
        super().append(x * 10)

m = MyList([1, 2])
m.append(3)
print(m, m.sum(), len(m), type(m).__name__)
print(type(m + [1]).__name__, type(m[:1]).__name__)
m.extend([4])
print(m)

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = DefaultDict()
print(d["abc"], d["x"], d)
print(d.get("zz"), "zz" in d)

class Str2(str):
    def shout(self):
        return self.upper() + "!"
s = Str2("hey")
print(s.shout(), s + "x", type(s + "x").__name__, s == "hey")
print({s: 1}["hey"])

class Int2(int):
    def __add__(self, o):
        return Int2(int(self) + int(o) + 1000)
i = Int2(5)
print(i + 1, 1 + i, type(i * 2).__name__, i == 5)

class Attrs(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
a = Attrs(x=1)
print(a.x, isinstance(a, dict))
try:
    a.y
except AttributeError as e:
    print(type(e).__name__, e)

class MyExc(ValueError):
    pass
try:
    raise MyExc("sub of ValueError")
except ValueError as e:
    print(type(e).__name__, e, [c.__name__ for c in type(e).__mro__])
