# os.path: the pure string functions, on str and bytes.
import os.path
import posixpath

P = os.path
for a in [('a', 'b'), ('a/', 'b'), ('/a', '/b', 'c'), ('', 'x'), ('a', ''), ('a', 'b/', 'c'), ('/',)]:
    print('join', a, repr(P.join(*a)))
print(P.join(b'a', b'b'))
try:
    P.join('a', b'b')
except TypeError as e:
    print('TypeError', e)
for p in ['', '/', '//', 'a', 'a/b', '/a/b/', 'a//b', '///a', 'a/b/c.txt', '.', '..', 'foo/..']:
    print(repr(p), P.split(p), P.basename(p), repr(P.dirname(p)), P.isabs(p), repr(P.normpath(p)))
for p in ['a.txt', 'a.tar.gz', '.bashrc', '..', 'a/.b', 'a.b/c', 'a.', '...x', 'x/..y.z', '']:
    print('splitext', repr(p), P.splitext(p))
print(P.splitext(b'f.py'), P.split(b'/x/y'), P.normpath(b'/a/../b'))
for p in ['/a/b/../c', 'a/./b/', '../../a', '/../x', '//a//b', '///a', 'a/../..', '/.', './']:
    print('normpath', repr(p), repr(P.normpath(p)))
print(P.commonprefix(['/usr/lib', '/usr/local', '/usr/li']), repr(P.commonprefix([])), P.commonprefix(['abc']))
print(P.commonpath(['/usr/lib', '/usr/local/lib']), P.commonpath(['a/b', 'a/c']))
for a, b in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a/b', '/a/b'), ('/x/y', '/a/b')]:
    print('relpath', a, b, P.relpath(a, b))
print(P.abspath('/a/b/../c'), P.abspath('x') == P.join(P.abspath('.'), 'x'), P.relpath(P.abspath('q')))
print(P.expanduser('/abs/~'), P.expanduser('~') == os.environ.get('HOME', '~'))
print(P.expanduser('~/x') == os.environ.get('HOME', '~').rstrip('/') + '/x' if 'HOME' in os.environ else True)
os.environ['SKIFF_PATH_T'] = 'val'
print(P.expandvars('$SKIFF_PATH_T/${SKIFF_PATH_T}/$NOPE_SKIFF/${NOPE_SKIFF}/$'))
print(posixpath.sep, posixpath.curdir, P is posixpath, P.normcase('AbC'), P.splitdrive('/a/b'))
print(P.exists(''), P.isdir(''), P.lexists('/'), P.ismount('/'))
