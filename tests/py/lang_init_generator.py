class C:
    def __init__(self):
        yield 1
try:
    C()
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __init__(self, x):
        self.x = x
print(D(5).x)
