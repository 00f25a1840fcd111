data = [1, 5, 12, 3, 20]
if (n := len(data)) > 3:
    print("long list", n)
print(n)

values = iter([3, 2, 1, 0, 5])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)

def f(x):
    print("f called with", x)
    return x * 2
if (y := f(4)) > 5 and (z := y + 1):
    print(y, z)

print((a := 10) + a)
print(a)
result = [b := 1, b + 1, b + 2]
print(result, b)

def scope():
    if (local := 42):
        pass
    return local
print(scope())
try:
    print(local)
except NameError as e:
    print(type(e).__name__, e)

print(max(c := [3, 9, 2]), c)
x = 0
print(x := 5, x)
print(f"{(w := 7)} {w * 2}")
d = {"k": (q := "v")}
print(d, q)
def lam():
    g = lambda: (inner := 3) + 1
    return g()
print(lam())
