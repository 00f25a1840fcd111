x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1010; print(x)
x |= 0b0101; print(x)
x ^= 0b1111; print(x)
s = "ab"
s += "cd"; s *= 2
print(s)

class Obj:
    pass
o = Obj()
o.n = 1
o.n += 10
o.lst = [1]
o.lst += [2]
o.lst *= 2
print(o.n, o.lst)

d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 5
print(d)

calls = []
def key():
    calls.append("key")
    return "k"
def obj():
    calls.append("obj")
    return store
store = {"k": 1}
obj()[key()] += 100
print(store, calls)  # each evaluated once

m = [[1, 2], [3, 4]]
m[1][0] *= 10
m[0][-1] **= 2
print(m)
t = [1, 2, 3, 4]
t[1:3] += [9]   # slice augmented assignment
print(t)
try:
    undefined_aug += 1
except NameError as e:
    print(type(e).__name__, e)
f = 1.5
f *= 2
n = 3
n /= 3
print(f, n, type(n).__name__)
