# extended slice assignment and deletion
a = list(range(10))
a[::2] = ['e'] * 5
print(a)
a[1::2] = 'abcde'
print(a)
a[::-3] = [0, 0, 0, 0]
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print('VE', e)
b = list(range(10))
del b[::3]
print(b)
del b[::-2]
print(b)
c = list(range(10))
c[::1] = [9]
print(c)
c = list(range(6))
c[5:0:-2] = ['x', 'y', 'z']
print(c)
try:
    c[::0] = []
except ValueError as e:
    print('VE', e)
