print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", "value" or "default")
print([] and "x", [1] and "x", None or 0, 0 or None)
print(1 and 2 and 3, 1 and 0 and 3, 0 or "" or [], 0 or "" or "last")
print(not 1, not 0, not "", not [0])
print(type(1 and 2.5).__name__, type(0 or "s").__name__)

log = []
def t(v):
    log.append(v)
    return v
t(0) and t(1)
print(log); log.clear()
t(1) and t(2)
print(log); log.clear()
t(1) or t(2)
print(log); log.clear()
t(0) or t(2)
print(log); log.clear()
t(0) or t(0) and t(3) or t(4)
print(log); log.clear()
t(1) and t(0) or t(5)
print(log); log.clear()

x = None
print(x and x.attr)
d = {}
print(d.get("k") or "fallback")
print((1 and [2]) or 3)
print(True and False or True, True and (False or True))
print(False or not False and False)

class Noisy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
r = Noisy(True) and Noisy(False) and Noisy(True)
print(type(r).__name__, r.v)
r = Noisy(False) or Noisy(True)
print(r.v)
if Noisy(False) or Noisy(False):
    print("no")
