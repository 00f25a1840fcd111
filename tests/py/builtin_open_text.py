# open(): write then read a text file
path = '/tmp/skiff_test_' + 'open_text.txt'
f = open(path, 'w')
print(f.write('hello\n'), f.write('wörld 😀\n'), f.write(''), f.closed)
f.close()
print(f.closed)
f = open(path)
data = f.read()
f.close()
print(repr(data), len(data))
with open(path, 'r', encoding='utf-8') as g:
    print(repr(g.read(3)), repr(g.read(4)), repr(g.read()), repr(g.read()))
print(g.closed)
with open(path, 'w') as h:
    n = h.write('replaced')
print(n)
with open(path) as h:
    print(repr(h.read()))
with open(path, 'w') as h:
    print('via print', 42, file=h)
    print('second', end='!', file=h)
with open(path) as h:
    print(repr(h.read()))
try:
    f.read()
except ValueError as e:
    print('VE', e)
open(path, 'w').close()
