# str.format
print('{} and {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'), '{name}!'.format(name='hi'))
print('{0[1]} {1[k]}'.format([5, 6], {'k': 'v'}), '{{literal}} {}'.format(1))
print('{:>5}|{:<5}|{:^5}|'.format('a', 'b', 'c'), '{:*^9}'.format('mid'))
print('{:d} {:5d} {:<5d}| {:05d} {:+d} {: d}'.format(1, 2, 3, 4, 5, 6))
print('{:x} {:X} {:o} {:b} {:#x} {:#o} {:#b}'.format(255, 255, 8, 5, 255, 8, 5))
print('{:,} {:_} {:,.2f} {:_x}'.format(1234567, 1234567, 9876.543, 0xffffffff))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'))
print('{:.3} {:10.3}| {:.2%}'.format('abcdef', 'abcdef', 0.4567))
print('{0:{1}}|'.format('w', 4), '{:{fill}>{w}}'.format(7, fill='.', w=4))
print('{.real} {.imag}'.format(3, 4))
try:
    '{} {}'.format(1)
except IndexError as e:
    print('IE', e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print('KE', e)
try:
    '{:d}'.format('s')
except ValueError as e:
    print('VE', e)
print('%s %d %5.2f %-4s| %x %o %c %r %%' % ('s', 42, 3.14159, 'ab', 255, 8, 65, 'r'))
print('%(a)s-%(b)d' % {'a': 'A', 'b': 2}, '%5s|%-5s|' % ('r', 'l'), '%03d' % 7)
print(f'{"nested"!r:>10}', f'{3 + 4 = }')
