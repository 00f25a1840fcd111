class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "Acc(%r)" % self.v
    def __iadd__(self, o):
        print("__iadd__")
        self.v += o
        return self
    def __add__(self, o):
        print("__add__")
        return Acc(self.v + o)
    def __isub__(self, o):
        print("__isub__ returning new")
        return Acc(self.v - o)
    def __imul__(self, o):
        return NotImplemented
    def __mul__(self, o):
        print("__mul__ fallback")
        return Acc(self.v * o)

a = Acc(1)
orig = a
a += 5
print(a, a is orig)
a -= 2
print(a, a is orig, orig)
a *= 3
print(a)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)

lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)

class Holder:
    pass
h = Holder()
h.items = [1]
h.items += [2]
h.n = 1
h.n *= 10
print(h.items, h.n)
try:
    tup = ([1],)
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(tup)

class NoIadd:
    pass
n = NoIadd()
try:
    n += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    n -= 1
except TypeError as e:
    print(type(e).__name__, e)
