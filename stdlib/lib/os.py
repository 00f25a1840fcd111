"""Operating-system interfaces (CPython's `os`, POSIX only).

The system calls are in the native `_os` module; this module adds the
constants, `environ`, `stat_result`, `scandir`, `walk`, `makedirs` and the
other helpers written in Python, and exposes `posixpath` as `os.path`.
"""
import _os
import posixpath as path
import sys

from _os import (getcwd, getcwdb, chdir, listdir, mkdir, rmdir, unlink, remove, rename, lstat as _lstat,
                 stat as _stat, readlink, symlink, getpid, getppid, cpu_count, urandom, strerror,
                 putenv, unsetenv, chmod)

sys.modules['os.path'] = path

name = 'posix'
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
pathsep = path.pathsep
extsep = path.extsep
defpath = path.defpath
devnull = path.devnull
linesep = '\n'

SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC = 0, 1, 2, 1024, 64, 128, 512

error = OSError

supports_bytes_environ = True


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    # rename(2) replaces an existing destination on POSIX.
    _os.rename(src, dst)


def fspath(path):
    """The str or bytes behind `path` (calling `__fspath__` if needed)."""
    if isinstance(path, (str, bytes)):
        return path
    f = getattr(type(path), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not ' + type(path).__name__)
    r = f(path)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                    % (type(path).__name__, type(r).__name__))


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


class PathLike:
    """Abstract base of objects with `__fspath__`."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, '__fspath__') or NotImplemented


# -- stat ------------------------------------------------------------------------------

_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                'st_atime', 'st_mtime', 'st_ctime')


class stat_result:
    """The result of `stat`: a 10-item sequence (integer times) with more
    fields as attributes (`st_mtime` is a float, `st_mtime_ns` an int)."""

    n_sequence_fields = 10
    n_fields = 16

    def __init__(self, t):
        (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid, self.st_gid,
         self.st_size, self.st_atime_ns, self.st_mtime_ns, self.st_ctime_ns,
         self.st_blksize, self.st_blocks, self.st_rdev) = t[:13]
        self.st_atime = self.st_atime_ns / 1e9
        self.st_mtime = self.st_mtime_ns / 1e9
        self.st_ctime = self.st_ctime_ns / 1e9
        self._seq = (self.st_mode, self.st_ino, self.st_dev, self.st_nlink, self.st_uid,
                     self.st_gid, self.st_size, self.st_atime_ns // 1000000000,
                     self.st_mtime_ns // 1000000000, self.st_ctime_ns // 1000000000)

    def __getitem__(self, i):
        return self._seq[i]

    def __len__(self):
        return 10

    def __iter__(self):
        return iter(self._seq)

    def __eq__(self, other):
        if isinstance(other, stat_result):
            return self._seq == other._seq
        if isinstance(other, tuple):
            return self._seq == other
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __hash__(self):
        return hash(self._seq)

    def __repr__(self):
        return 'os.stat_result(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(_STAT_FIELDS, self._seq))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    return stat_result(_stat(path) if follow_symlinks else _lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_lstat(path))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if ns is not None:
        a, m = ns
    elif times is not None:
        a, m = int(times[0] * 1e9), int(times[1] * 1e9)
    else:
        import time
        a = m = time.time_ns()
    _os.utime_ns(path, a, m)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    """Approximate `access(2)` from the permission bits (owner bits when the
    file belongs to nobody in particular: skiff cannot ask the kernel)."""
    try:
        st = _stat(path)
    except OSError:
        return False
    if mode == F_OK:
        return True
    bits = st[0]
    ok = True
    if mode & R_OK:
        ok = ok and bool(bits & 0o444)
    if mode & W_OK:
        ok = ok and bool(bits & 0o222)
    if mode & X_OK:
        ok = ok and bool(bits & 0o111)
    return ok


# -- directories ---------------------------------------------------------------------

class DirEntry:
    """An entry yielded by `scandir`."""

    def __init__(self, dirpath, name):
        self.name = name
        if dirpath in ('', b''):
            self.path = name
        else:
            self.path = path.join(dirpath, name)
        self._lstat = None
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def _mode(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, p, names):
        self._path = p
        self._it = iter(names)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        return DirEntry(self._path, next(self._it))

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path=None):
    if path is None:
        path = '.'
    path = fspath(path)
    return _ScandirIterator(path if path != '.' else '.', listdir(path))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) per directory."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs, nondirs, walk_dirs = [], [], []
        try:
            entries = list(scandir(top))
        except OSError as err:
            if onerror is not None:
                onerror(err)
            continue
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(entry.name)
            else:
                nondirs.append(entry.name)
            if not topdown and is_dir:
                if followlinks or not entry.is_symlink():
                    walk_dirs.append(entry.path)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = path.join(top, dirname)
                if followlinks or not path.islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


# -- environment -------------------------------------------------------------------------

class _Environ:
    """`os.environ`: a str-to-str mapping whose changes reach the process
    environment through putenv/unsetenv."""

    def __init__(self, data):
        self._data = data

    @staticmethod
    def _check(v):
        if not isinstance(v, str):
            raise TypeError('str expected, not %s' % type(v).__name__)
        return v

    def __getitem__(self, key):
        try:
            return self._data[self._check(key)]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        self._check(key)
        self._check(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        self._check(key)
        if key not in self._data:
            raise KeyError(key)
        unsetenv(key)
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join('%r: %r' % (k, v) for k, v in self._data.items())

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def pop(self, key, *default):
        if key in self._data:
            v = self._data[key]
            del self[key]
            return v
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for k in self._data:
            return k, self.pop(k)
        raise KeyError('popitem(): dictionary is empty')

    def clear(self):
        for k in list(self._data):
            del self[k]

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return dict(self._data)

    def __or__(self, other):
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(_os.environ())


def getenv(key, default=None):
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    p = env.get('PATH') or defpath
    return p.split(pathsep)
