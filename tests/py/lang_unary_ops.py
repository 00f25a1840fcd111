print(-5, +5, ~5, -(-5), ~~5, not 5, not 0)
print(-0.0, +(-0.0), -(1.5), ~0, ~-1)
print(-True, +True, ~True, ~False)
print(- - - 1, not not "x")
x = 3
print(-x ** 2, (-x) ** 2, -x * 2)
print(2 ** -1, -2 ** 2)
print(not x == 3, not (x == 3), (not x) == 3)

class N:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return N(-self.v)
    def __pos__(self):
        return N(self.v + 1000)
    def __invert__(self):
        return N(~self.v)
    def __abs__(self):
        return N(abs(self.v))
    def __repr__(self):
        return "N(%d)" % self.v
n = N(7)
print(-n, +n, ~n, abs(-n), -(-n))
print(not n)  # default truthiness: True object
try:
    -object()
except TypeError as e:
    print(type(e).__name__, e)
