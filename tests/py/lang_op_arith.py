class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        return V(*[a + b for a, b in zip(self.c, o.c)])
    def __sub__(self, o):
        return V(*[a - b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return V(*[a * k for a in self.c])
    def __truediv__(self, k):
        return V(*[a / k for a in self.c])
    def __floordiv__(self, k):
        return V(*[a // k for a in self.c])
    def __mod__(self, k):
        return V(*[a % k for a in self.c])
    def __pow__(self, k):
        return V(*[a ** k for a in self.c])
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __pos__(self):
        return "pos called"
    def __abs__(self):
        return V(*[abs(a) for a in self.c])
    def __invert__(self):
        return "inverted"
    def __lshift__(self, n):
        return V(*(self.c[n:] + self.c[:n]))
    def __rshift__(self, n):
        return "rshift %d" % n
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __divmod__(self, k):
        return (self // k, self % k)

a = V(1, 2, 3)
b = V(10, 20, 30)
print(a + b, b - a, a * 3, b / 4, b // 7, b % 7, a ** 2)
print(a @ b)
print(-a, +a, abs(V(-1, 2, -3)), ~a)
print(a << 1, a >> 2, a & b, a | b, a ^ b)
print(divmod(b, 7))
print(a + b * 2 - a)
try:
    a + 1
except AttributeError as e:
    print(type(e).__name__, e)
