# open(): missing file errors
path = '/tmp/skiff_test_' + 'does_not_exist/nothing.txt'
try:
    open(path)
except FileNotFoundError as e:
    print('FNF', e.errno, e.filename, e)
except OSError as e:
    print('OSError', e)
try:
    open(path, 'w')
except FileNotFoundError as e:
    print('FNF', e.errno)
print(issubclass(FileNotFoundError, OSError), issubclass(OSError, Exception))
try:
    open(path)
except OSError as e:
    print('caught as OSError', type(e).__name__)
