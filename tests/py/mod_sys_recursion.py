# sys.getrecursionlimit / setrecursionlimit
import sys
old = sys.getrecursionlimit()
print(type(old).__name__, old >= 100)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('VE', e)
try:
    sys.setrecursionlimit('x')
except TypeError as e:
    print('TE', e)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(300))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError', isinstance(e, RuntimeError))
print(depth(50))
