class Evens:
    def __contains__(self, x):
        print("contains", x)
        return x % 2 == 0
e = Evens()
print(4 in e, 3 in e, 3 not in e)

class Truthy:
    def __contains__(self, x):
        return "yes"   # coerced to bool
print(1 in Truthy())

class ViaIter:
    def __iter__(self):
        print("iter called")
        return iter([1, 2, 3])
print(2 in ViaIter(), 5 in ViaIter())

print(1 in [1, 2], "a" in "cat", "" in "x", "ab" in "cab", (1, 2) in [(1, 2)])
print(3 in {3: 4}, 4 in {3: 4}, 2 in range(0, 10, 2), 3 in range(0, 10, 2))
print(None in [None], [] in [[]], 1.0 in [1], True in [1])
nan = float("nan")
print(nan in [nan], nan == nan)
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__, e)
