x = 5
print(1 < x < 10, 1 < x > 10, 1 < x < 3)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
print(1 == 1 == 1, 1 == 1 != 2, 1 != 2 != 1)
print(3 > 2 >= 2 > 1, 0 <= x <= 5, 0 <= x < 5)
print(1 < 2 == True)
print((1 < 2) == True)
print(1 in [1] in [[1]], x is x is not None)
print("a" < "b" < "c", [1] < [2] < [3])

calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(2) < v(1))
print(calls)  # short-circuit: third not evaluated
calls.clear()
print(v(1) < v(5) > v(2) < v(0) < v(9))
print(calls)

class Loud:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print("lt", self.n, o.n)
        return self.n < o.n
a, b, c = Loud(1), Loud(2), Loud(0)
print(a < b < c)
r = (a < b) and (b < c)
print(r)
try:
    1 < "a" < 2
except TypeError as e:
    print(type(e).__name__, e)
