# list slicing
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2])
print(a[100:], a[-100:2], a[5:2], a[::-3], a[-1:-4:-1])
b = a[:]
b[0] = 'changed'
print(a[0], b[0], a[:] == a, a[:] is a)
print(a[slice(2, 8, 2)], a[slice(None)], a[slice(-2, None)])
try:
    a[::0]
except ValueError as e:
    print('VE', e)
try:
    a[10]
except IndexError as e:
    print('IE', e)
try:
    a['x']
except TypeError as e:
    print('TE', e)
