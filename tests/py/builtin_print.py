# print with sep / end / flush / file
import sys
print()
print('a', 'b', 'c')
print('a', 'b', sep='-')
print('a', 'b', sep='')
print('x', end='')
print('y', end='|\n')
print(1, 2, 3, sep=', ', end='.\n')
print('no args next:', end=' ')
print()
print(None, True, 1.5, [1], sep=None)
print('a', 'b', sep=None, end=None)
print('flushed', flush=True)
print('to stderr', file=sys.stderr)
print('to stdout', file=sys.stdout)
print('\u00e9\U0001F600')
print(*[1, 2, 3])
print(*'abc', sep='/')
try:
    print('x', sep=5)
except TypeError as e:
    print('TE', e)
try:
    print('x', end=1)
except TypeError as e:
    print('TE', e)
print('multi\nline', 'tab\tsep')
