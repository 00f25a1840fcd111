# del l[slice] whose __index__ resizes the list: clamped to the length after __index__.
l = list(range(10))
class I:
    def __index__(self):
        l[:] = [0, 1, 2]
        return 9
del l[0:I():2]
print(l)
m = list(range(10))
class J:
    def __index__(self):
        m.extend([10, 11])
        return 1
del m[J()::3]
print(m)
n = list(range(8))
del n[::-2]
print(n)
del n[5:1]
print(n)
o = list(range(6))
o.__delitem__(slice(1, 4))
print(o)
# Reading a slice whose __index__ shrinks the list.
p = list(range(10))
class K:
    def __index__(self):
        del p[4:]
        return 8
print(p[1:K()], p[K()::-2])
q = list(range(10))
class S:
    def __index__(self):
        del q[2:]
        return 5
try:
    print(q[S()])
except IndexError as e:
    print('IndexError', e)
r = list(range(10))
class T:
    def __index__(self):
        del r[2:]
        return 5
try:
    print(r.__getitem__(T()))
except IndexError as e:
    print('IndexError', e)
