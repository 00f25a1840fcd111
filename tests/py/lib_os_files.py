# os: files and directories in a scratch directory (created and removed here).
import os

# A per-process name: the suite may run this script in parallel configurations.
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_tmp_lib_os_files_%d' % os.getpid())
if os.path.exists(base):
    for root, dirs, files in os.walk(base, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(base)
start = os.getcwd()
os.mkdir(base)
os.chdir(base)
print(os.getcwd() == base, os.listdir('.'), os.listdir())

with open('a.txt', 'w') as f:
    f.write('hello')
os.mkdir('sub')
os.makedirs('sub/x/y')
os.makedirs('sub/x/y', exist_ok=True)
os.makedirs('deep/er/est')
print(sorted(os.listdir('.')), sorted(os.listdir(b'.')))
st = os.stat('a.txt')
print(st.st_size, st[6], len(st), st.st_mode & 0o170000 == 0o100000, type(st.st_mtime).__name__,
      type(st[8]).__name__, st.st_mtime_ns // 10**9 == st[8], st.st_nlink)
print(os.stat('sub').st_mode & 0o170000 == 0o040000, os.path.getsize('a.txt'))
print(os.path.exists('a.txt'), os.path.isfile('a.txt'), os.path.isdir('a.txt'), os.path.isdir('sub'),
      os.path.exists('nope'), os.path.isfile('sub'), os.path.islink('a.txt'))
os.symlink('a.txt', 'link')
print(os.path.islink('link'), os.path.isfile('link'), os.readlink('link'), os.lstat('link').st_mode & 0o170000 == 0o120000)
print(os.path.realpath('link') == os.path.join(base, 'a.txt'), os.path.realpath('sub/x/../x/y') == os.path.join(base, 'sub/x/y'))
os.remove('link')

with os.scandir('.') as it:
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(e.name, e.path, e.is_file(), e.is_dir(), e.is_symlink())
print([e.name for e in sorted(os.scandir('sub'), key=lambda e: e.name)], repr(ents[0]))

os.rename('a.txt', 'b.txt')
print(sorted(os.listdir('.')))
with open('c.txt', 'w') as f:
    f.write('c')
os.replace('c.txt', 'b.txt')
with open('b.txt') as f:
    print(f.read())

for root, dirs, files in os.walk('.'):
    dirs.sort()
    print(root, dirs, sorted(files))
print([r for r, d, f in os.walk('deep', topdown=False)])

for fn, args in [(os.stat, ('missing',)), (os.listdir, ('missing',)), (os.remove, ('missing',)),
                 (os.rmdir, ('sub',)), (os.mkdir, ('sub',)), (os.chdir, ('missing',)),
                 (os.remove, ('sub',)), (os.rmdir, ('b.txt',)), (os.listdir, ('b.txt',)),
                 (os.makedirs, ('sub/x',)), (os.stat, (b'missing',))]:
    try:
        fn(*args)
    except OSError as e:
        print(fn.__name__, type(e).__name__, e.errno, e.strerror, e.filename, '|', e)
try:
    os.rename('missing', 'other')
except OSError as e:
    print(type(e).__name__, e.errno, e.filename, e.filename2)
try:
    os.stat(42.5)
except TypeError as e:
    print('TypeError')

class P:
    def __fspath__(self):
        return 'b.txt'
print(os.fspath(P()), os.path.exists(P()), os.stat(P()).st_size, os.fspath('x'), os.fspath(b'y'))
try:
    os.fspath(3)
except TypeError as e:
    print(e)

os.remove('b.txt')
os.removedirs('sub/x/y')
print(sorted(os.listdir('.')))
for root, dirs, files in os.walk(base, topdown=False):
    for d in dirs:
        os.rmdir(os.path.join(root, d))
os.chdir(start)
os.rmdir(base)
print(os.path.exists(base))
