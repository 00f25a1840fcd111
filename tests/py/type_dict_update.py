# update and friends
d = {'a': 1}
d.update({'b': 2, 'a': 10})
print(d)
d.update([('c', 3), ('d', 4)])
print(d)
d.update(e=5, a=100)
print(d)
d.update({'x': 0}, y=1)
print(d)
d.update()
print(d)
try:
    d.update([1, 2])
except TypeError as e:
    print('TE', e)
try:
    d.update([('a', 1, 2)])
except ValueError as e:
    print('VE', e)
print(d.update({}) is None)
