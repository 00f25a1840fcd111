# center / ljust / rjust / zfill
s = 'abc'
print('[' + s.center(9) + ']', '[' + s.center(8) + ']', '[' + s.center(2) + ']', '[' + s.center(9, '*') + ']')
print('[' + 'ab'.center(5) + ']', '[' + 'ab'.center(6, '-') + ']', '[' + 'a'.center(4) + ']')
print('[' + s.ljust(6) + ']', '[' + s.ljust(6, '.') + ']', '[' + s.rjust(6) + ']', '[' + s.rjust(6, '0') + ']')
print('[' + s.ljust(1) + ']', '[' + s.rjust(-3) + ']')
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3), ''.zfill(2))
print('-'.zfill(3), '3.14'.zfill(8))
print('[' + 'é'.center(5, 'ü') + ']', '[' + '😀'.rjust(3) + ']')
try:
    s.center(10, 'ab')
except TypeError as e:
    print('TE', e)
