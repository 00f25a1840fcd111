class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
    def __lt__(self, o):
        print("A.__lt__")
        return NotImplemented

class B:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("B.__eq__")
        return self.v == o.v
    def __gt__(self, o):
        print("B.__gt__")
        return self.v > o.v

a, b = A(1), B(1)
print(a == b)
print(a < b)   # falls back to B.__gt__ reflected
print(b > a)
print(a != b)
x = A(1)
print(x == x)  # both NotImplemented -> identity
print(A(1) == A(1))
try:
    print(A(1) < A(2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(A(1) >= 3)
except TypeError as e:
    print(type(e).__name__, e)

class Sub(B):
    def __eq__(self, o):
        print("Sub.__eq__")
        return True
    def __lt__(self, o):
        print("Sub.__lt__")
        return "sub-lt"
# reflected operand is a subclass: its method first
print(B(1) == Sub(2))
print(B(5) > Sub(2))
print(NotImplemented.__class__.__name__)
print(bool(1 .__eq__("x") is NotImplemented))
