# mutating a dict while iterating
d = {'a': 1, 'b': 2, 'c': 3}
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print('RE', e)
print(sorted(d))
d = {'a': 1, 'b': 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RE', e)
print(d)
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    d[k] = d[k] * 10
print(d)
for k in list(d):
    if d[k] > 10:
        del d[k]
print(d)
d = {1: 1}
try:
    for v in d.values():
        d[2] = 2
except RuntimeError as e:
    print('RE', e)
try:
    for item in d.items():
        d.pop(1)
except RuntimeError as e:
    print('RE', e)
print(d)
