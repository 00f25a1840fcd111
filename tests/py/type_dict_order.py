# insertion order
d = {}
for k in ['zebra', 'apple', 'mango', 'kiwi']:
    d[k] = len(k)
print(d, list(d))
d['apple'] = 99
print(d)
del d['zebra']
d['zebra'] = 0
print(d)
d2 = {3: 'c', 1: 'a', 2: 'b'}
print(d2, list(d2.keys()), list(d2.values()), list(d2.items()))
d2.pop(1)
d2[1] = 'again'
print(d2)
print({i: i * i for i in range(5, 0, -1)})
print(dict.fromkeys('hello'))
