# str.split
print('a b  c'.split(), '  lead trail  '.split(), ''.split(), '   '.split())
print('a,b,,c'.split(','), ','.split(','), ''.split(','), 'abc'.split(','))
print('a b c d'.split(' ', 1), 'a b c d'.split(maxsplit=2), 'a b c d'.split(None, 0))
print('a::b::c'.split('::'), 'a::b::c'.split('::', 1), 'aaa'.split('a'))
print('x\ty\nz\r\nw\x0bv\x0cu'.split())
print('  a  b  '.split(None, 1), '  a  b  '.split(' '))
print('1-2-3'.split('-', -1), '1-2-3'.split('-', 0))
try:
    'abc'.split('')
except ValueError as e:
    print('VE', e)
print('a😀b😀c'.split('😀'), 'héllo wörld'.split())
print(len('a,b,c,d,e'.split(',')), '.'.join('a.b.c'.split('.')))
