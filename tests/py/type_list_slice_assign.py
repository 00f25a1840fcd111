# slice assignment
a = list(range(6))
a[1:3] = ['a', 'b', 'c']
print(a)
a[0:0] = [-2, -1]
print(a)
a[-2:] = []
print(a)
a[2:4] = 'XY'
print(a)
a[:] = [1, 2, 3]
print(a)
a[len(a):] = [4, 5]
print(a)
a[1:1] = range(3)
print(a)
a[3:1] = ['z']
print(a)
a[10:20] = ['tail']
print(a)
b = [1, 2, 3]
b[0:2] = b
print(b)
try:
    a[0:2] = 5
except TypeError as e:
    print('TE', e)
