# str indexing
s = 'hello world'
print(s[0], s[4], s[-1], s[-11], len(s))
print(repr(s[5]), type(s[0]).__name__, len(s[0]))
for i in range(-3, 3):
    print(i, s[i])
try:
    s[11]
except IndexError as e:
    print('IE', e)
try:
    s[-12]
except IndexError as e:
    print('IE', e)
try:
    s['a']
except TypeError as e:
    print('TE', e)
try:
    s[1.0]
except TypeError as e:
    print('TE', e)
print(s[True], s[False])
print(''.join(s[i] for i in range(len(s) - 1, -1, -1)))
print([c for c in 'abc'], list('xyz'), tuple('ab'))
