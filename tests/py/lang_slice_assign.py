a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [100, 101]
print(a)
a[:0] = ["front"]
print(a)
a[::2] = "ABCDE"
print(a)
a[1::2] = [None] * 5
print(a)
a[:] = "new"
print(a)
b = [1, 2, 3, 4, 5]
b[::-1] = [10, 20, 30, 40, 50]
print(b)
b[1:4] = (i * i for i in range(2))
print(b)
b[3:1] = ["ins"]
print(b)
c = [0, 1, 2]
c[1:2] = c
print(c)
d = [1, 2, 3]
alias = d
d[:] = [9]
print(alias, d is alias)
try:
    d[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    d[1:2] = 5
except TypeError as e:
    print(type(e).__name__, e)
e = [1, 2, 3, 4]
e[-2:] = ["end"]
print(e)
ba = bytearray(b"hello")
ba[1:3] = b"EL"
ba[5:] = b"!!"
print(ba)
