# pop / popitem / clear / copy
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
print(d.pop('b'), d, d.pop('z', 'none'), d.pop('z', None))
print(d.popitem(), d.popitem(), d)
try:
    d.pop('zz')
except KeyError as e:
    print('KE', e)
d.clear()
try:
    d.popitem()
except KeyError as e:
    print('KE', e)
print(d, len(d))
e = {'x': [1]}
f = e.copy()
f['y'] = 2
f['x'].append(2)
print(e, f)
