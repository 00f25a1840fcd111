"""Pathname operations on POSIX paths (`os.path`).

Written from the documented behaviour of CPython's posixpath; every function
takes str or bytes (or an os.PathLike) and answers in the same type.
"""
import _os

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext', 'basename', 'dirname',
           'commonprefix', 'getsize', 'getmtime', 'getatime', 'getctime', 'islink', 'exists',
           'lexists', 'isdir', 'isfile', 'ismount', 'expanduser', 'expandvars', 'normpath',
           'abspath', 'samefile', 'sameopenfile', 'samestat', 'curdir', 'pardir', 'sep',
           'pathsep', 'defpath', 'altsep', 'extsep', 'devnull', 'realpath', 'relpath',
           'commonpath', 'supports_unicode_filenames']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is None:
        raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(p).__name__)
    r = f(p)
    if not isinstance(r, (str, bytes)):
        raise TypeError('expected %s.__fspath__() to return str or bytes, not %s'
                        % (type(p).__name__, type(r).__name__))
    return r


def _seps(p):
    return (b'/', b'.', b'..', b'') if isinstance(p, bytes) else ('/', '.', '..', '')


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    sep = _seps(a)[0]
    path = a
    for b in p:
        b = _fspath(b)
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _fspath(p)
    sep = _seps(p)[0]
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep, dot = _seps(p)[0], _seps(p)[1]
    sep_i = p.rfind(sep)
    dot_i = p.rfind(dot)
    if dot_i > sep_i:
        # A leading run of dots is part of the name, not an extension.
        i = sep_i + 1
        while i < dot_i:
            if p[i:i + 1] != dot:
                return p[:dot_i], p[dot_i:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    sep = _seps(p)[0]
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1, s2 = min(m), max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    sep, curdir = _seps(paths[0])[0], _seps(paths[0])[1]
    try:
        split_paths = [p.split(sep) for p in paths]
        isabs_set = {p[:1] == sep for p in paths}
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1, s2 = min(split_paths), max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_set.pop() else sep[:0]
    return prefix + sep.join(common)


def _stat(p, follow=True):
    try:
        return _os.stat(p) if follow else _os.lstat(p)
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def lexists(path):
    return _stat(path, False) is not None


def isfile(path):
    st = _stat(path)
    return st is not None and st[0] & 0o170000 == 0o100000


def isdir(s):
    st = _stat(s)
    return st is not None and st[0] & 0o170000 == 0o040000


def islink(path):
    st = _stat(path, False)
    return st is not None and st[0] & 0o170000 == 0o120000


def ismount(path):
    path = _fspath(path)
    if islink(path) or not isdir(path):
        return False
    parent = join(path, _seps(path)[2])
    s1, s2 = _stat(path, False), _stat(parent, False)
    if s1 is None or s2 is None:
        return False
    return s1[2] != s2[2] or s1[1] == s2[1]


def getsize(filename):
    return _os.stat(filename)[6]


def getmtime(filename):
    return _os.stat(filename)[8] / 1e9


def getatime(filename):
    return _os.stat(filename)[7] / 1e9


def getctime(filename):
    return _os.stat(filename)[9] / 1e9


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    a, b = _os.stat(f1), _os.stat(f2)
    return a[1] == b[1] and a[2] == b[2]


def sameopenfile(fp1, fp2):
    raise NotImplementedError('sameopenfile')


def expanduser(path):
    path = _fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        env = _os.environ()
        if 'HOME' in env:
            home = env['HOME']
        else:
            return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        home = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.rstrip('\n').split(':')
                    if len(fields) >= 6 and fields[0] == name:
                        home = fields[5]
                        break
        except OSError:
            pass
        if home is None:
            return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    path = _fspath(path)
    isb = isinstance(path, bytes)
    s = path.decode() if isb else path
    if '$' not in s:
        return path
    env = _os.environ()
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and s[i + 1] == '{':
            j = s.find('}', i + 2)
            if j < 0:
                out.append(s[i:])
                break
            name = s[i + 2:j]
            end = j + 1
        else:
            j = i + 1
            while j < n and (s[j].isalnum() or s[j] == '_') and s[j].isascii():
                j += 1
            name = s[i + 1:j]
            end = j
        if name and name in env:
            out.append(env[name])
        else:
            out.append(s[i:end])
        i = end
    r = ''.join(out)
    return r.encode() if isb else r


def normpath(path):
    path = _fspath(path)
    sep, curdir, pardir, empty = _seps(path)
    if path == empty:
        return curdir
    initial = 1 if path.startswith(sep) else 0
    # POSIX keeps exactly two leading slashes but folds three or more into one.
    if initial and path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial = 2
    comps = []
    for comp in path.split(sep):
        if comp in (empty, curdir):
            continue
        if comp != pardir or (not initial and not comps) or (comps and comps[-1] == pardir):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = sep.join(comps)
    if initial:
        path = sep * initial + path
    return path or curdir


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = _os.getcwdb() if isinstance(path, bytes) else _os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    filename = _fspath(filename)
    sep, curdir, pardir, empty = _seps(filename)
    rest = abspath(filename) if not isabs(filename) else filename
    resolved = empty
    parts = [p for p in rest.split(sep)]
    pending = list(reversed(parts))
    seen = 0
    while pending:
        name = pending.pop()
        if name in (empty, curdir):
            continue
        if name == pardir:
            resolved = dirname(resolved) if resolved else empty
            if resolved == sep:
                resolved = empty
            continue
        candidate = resolved + sep + name
        st = _stat(candidate, False)
        if st is None:
            if strict:
                _os.lstat(candidate)
            resolved = candidate
            continue
        if st[0] & 0o170000 != 0o120000:
            resolved = candidate
            continue
        seen += 1
        if seen > 40:
            if strict:
                _os.stat(candidate)
            resolved = candidate
            continue
        target = _os.readlink(candidate)
        if target.startswith(sep):
            resolved = empty
        pending.extend(reversed(target.split(sep)))
    return resolved or sep


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = _fspath(path)
    sep, curdir, pardir, empty = _seps(path)
    if start is None:
        start = curdir
    start = _fspath(start)
    if type(start) is not type(path):
        raise TypeError("Can't mix strings and bytes in path components")
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)
