# del on list items and slices
a = list(range(10))
del a[0]
print(a)
del a[-1]
print(a)
del a[2:4]
print(a)
del a[:]
print(a)
b = ['x', 'y', 'z']
try:
    del b[5]
except IndexError as e:
    print('IE', e)
del b[1], b[0]
print(b)
c = [1, 2, 3]
del c
try:
    c
except NameError as e:
    print('NE', e)
d = [[1, 2], [3, 4]]
del d[1][0]
print(d)
