a = list(range(10))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::2]
print(a)
a = list(range(10))
del a[::-3]
print(a)
del a[100:]
print(a)
del a[:]
print(a, len(a))
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3]
try:
    del lst[5]
except IndexError as e:
    print(type(e).__name__, e)
ba = bytearray(b"abcdef")
del ba[1::2]
print(ba)
try:
    t = (1, 2, 3)
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    t = (1, 2, 3)
    del t[0:1]
except TypeError as e:
    print(type(e).__name__, e)
m = [[1, 2, 3], [4, 5, 6]]
del m[1][0], m[0][-1]
print(m)
