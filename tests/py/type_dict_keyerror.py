# KeyError messages and del
d = {'a': 1, 2: 'two', (1, 2): 'tup'}
for key in ['missing', 5, (1, 3), None, '', 2.5]:
    try:
        d[key]
    except KeyError as e:
        print('KE', e, repr(e), e.args)
del d['a']
print(d)
try:
    del d['a']
except KeyError as e:
    print('KE del', e)
print('a' in d, 2 in d, 2.0 in d, (1, 2) in d, 'two' in d)
try:
    d[[1]]
except TypeError as e:
    print('TE', e)
try:
    d[[1]] = 0
except TypeError as e:
    print('TE', e)
try:
    {}[{}]
except TypeError as e:
    print('TE', e)
