# open(): append mode and mode errors
path = '/tmp/skiff_test_' + 'open_append.txt'
with open(path, 'w') as f:
    f.write('one\n')
with open(path, 'a') as f:
    print(f.write('two\n'))
with open(path, 'a') as f:
    f.write('three\n')
with open(path) as f:
    print(f.read().split())
with open(path, 'ab') as f:
    f.write(b'four\n')
with open(path) as f:
    print(f.readlines())
with open(path, 'w') as f:
    pass
with open(path) as f:
    print(repr(f.read()))
try:
    open(path, 'rz')
except ValueError as e:
    print('VE', e)
try:
    with open(path) as f:
        f.write('x')
except OSError as e:
    print('OSError', isinstance(e, ValueError), e)
try:
    with open(path, 'w') as f:
        f.read()
except OSError as e:
    print('OSError', isinstance(e, ValueError), e)
open(path, 'w').close()
