# os: constants, environ, getpid, urandom, strerror, cpu_count.
import os, sys

print(os.name, repr(os.sep), repr(os.linesep), os.curdir, os.pardir, os.pathsep, os.extsep, os.devnull, os.altsep)
print(os.path is sys.modules['os.path'], os.path.sep)
print(isinstance(os.getpid(), int), os.getpid() > 0, isinstance(os.cpu_count(), int) and os.cpu_count() >= 1)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError', e)
for n in [1, 2, 13, 17, 20, 21, 22, 39]:
    print(n, os.strerror(n))

os.environ['SKIFF_TEST_VAR'] = 'value 1'
print(os.environ['SKIFF_TEST_VAR'], os.getenv('SKIFF_TEST_VAR'), os.environ.get('SKIFF_TEST_VAR'))
print('SKIFF_TEST_VAR' in os.environ, 'SKIFF_NOPE' in os.environ, os.getenv('SKIFF_NOPE'), os.getenv('SKIFF_NOPE', 'dflt'))
print(os.environ.setdefault('SKIFF_TEST_VAR', 'other'), os.environ.setdefault('SKIFF_TEST_2', 'two'))
print(os.environ.pop('SKIFF_TEST_2'), os.environ.pop('SKIFF_TEST_2', 'gone'))
del os.environ['SKIFF_TEST_VAR']
print('SKIFF_TEST_VAR' in os.environ, os.getenv('SKIFF_TEST_VAR'))
try:
    os.environ['SKIFF_NOPE']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    del os.environ['SKIFF_NOPE']
except KeyError as e:
    print('KeyError', e)
print(isinstance(len(os.environ), int), all(isinstance(k, str) for k in os.environ))
print(sorted(k for k in os.environ.keys() if k.startswith('SKIFF_TEST')))
os.environ.update({'SKIFF_TEST_A': 'a'}, SKIFF_TEST_B='b')
print(sorted((k, v) for k, v in os.environ.items() if k.startswith('SKIFF_TEST')))
print(type(os.environ.copy()).__name__)
print(isinstance(os.error, type), os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
print(os.fsencode('abc'), os.fsdecode(b'abc'))
