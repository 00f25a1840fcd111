# partition / rpartition
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='))
print('novalue'.partition('='), 'novalue'.rpartition('='))
print('a::b::c'.partition('::'), 'a::b::c'.rpartition('::'))
print(''.partition('x'), '=x'.partition('='), 'x='.rpartition('='))
try:
    'abc'.partition('')
except ValueError as e:
    print('VE', e)
print('héllo wörld'.partition(' '))
