class Two:
    def __index__(self):
        print("__index__ called")
        return 2

t = Two()
lst = ["a", "b", "c", "d"]
print(lst[t])
print(lst[t:])
print("xyz" * t)
print([0] * t)
print(range(t), list(range(t)))
print(hex(t), bin(t), oct(t))
print((10).__index__(), True.__index__())
import math
print(math.factorial(3))
class NotIndex:
    pass
try:
    lst[NotIndex()]
except TypeError as e:
    print(type(e).__name__, e)
class BadIndex:
    def __index__(self):
        return "no"
try:
    lst[BadIndex()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    "ab" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
