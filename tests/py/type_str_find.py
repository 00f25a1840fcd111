# find / rfind / index / rindex
s = 'abracadabra'
print(s.find('a'), s.find('bra'), s.find('z'), s.find('a', 1), s.find('a', 1, 3))
print(s.rfind('a'), s.rfind('bra'), s.rfind('z'), s.rfind('a', 0, 5), s.rfind('abra', 1))
print(s.index('c'), s.rindex('b'), s.index('a', -4), s.find(''), s.rfind(''), s.find('', 20))
print(s.find('a', -3, -1), s.find('a', 100), 'héllo'.find('l'), '😀a😀'.rfind('😀'))
try:
    s.index('z')
except ValueError as e:
    print('VE', e)
try:
    s.rindex('q')
except ValueError as e:
    print('VE', e)
try:
    s.find(1)
except TypeError as e:
    print('TE', e)
print('a' in s, 'cad' in s, 'dac' in s, '' in s, 'z' not in s)
