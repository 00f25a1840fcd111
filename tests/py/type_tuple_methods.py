# tuple count/index
t = (1, 2, 3, 2, 1, 2, 'a', 1.0)
print(t.count(2), t.count(1), t.count('a'), t.count('z'), t.count(1.0))
print(t.index(2), t.index(2, 2), t.index(2, 4), t.index('a'), t.index(1.0), t.index(3, 0, 3))
try:
    t.index(99)
except ValueError as e:
    print('VE', e)
try:
    t.index(3, 3)
except ValueError as e:
    print('VE', e)
print(min((3, 1, 2)), max((3, 1, 2)), sum((1, 2, 3)), sorted((3, 1, 2)))
print(list(enumerate(('a', 'b'))), tuple(reversed((1, 2, 3))))
