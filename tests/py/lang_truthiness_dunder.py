class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__", self.v)
        return self.v

class L:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("__len__", self.n)
        return self.n

class Both:
    def __bool__(self):
        print("__bool__ wins")
        return False
    def __len__(self):
        print("len not used")
        return 5

class Neither:
    pass

print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)))
print(bool(Both()))
print(bool(Neither()))
if L(2):
    print("L(2) truthy")
while B(False):
    pass
print(not B(True))
print(B(False) or "fallback")
x = L(0) and "never"
print(type(x).__name__)

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class NegLen:
    def __len__(self):
        return -1
try:
    bool(NegLen())
except ValueError as e:
    print(type(e).__name__, e)
class BigLen:
    def __len__(self):
        return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
print([bool(v) for v in (B(True), L(1))])
