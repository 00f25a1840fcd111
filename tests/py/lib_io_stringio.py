# io.StringIO: writing, reading, seeking, newline modes, errors.
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read()), repr(s.read()), repr(s.readline()))
s.seek(2)
print(s.write('XY'), repr(s.getvalue()), s.tell())
s.seek(20)
s.write('!')
print(repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())
s.seek(0)
print(repr(s.read(3)), repr(s.read(100)), repr(s.read(0)))

s = io.StringIO('a\nb\nc')
print(s.tell(), list(s), s.readlines())
s.seek(0)
print(s.readlines(), s.seek(0), s.readlines(2), repr(s.readline(1)))
s = io.StringIO('line1\nline2\n')
for line in s:
    print(repr(line))
with io.StringIO('ctx') as f:
    print(f.read(), f.closed)
print(f.closed)
for meth, args in [('read', ()), ('write', ('x',)), ('getvalue', ()), ('seek', (0,)), ('tell', ()), ('readline', ())]:
    try:
        getattr(f, meth)(*args)
    except ValueError as e:
        print(meth, 'ValueError', e)

s = io.StringIO()
for bad in [lambda: s.write(1), lambda: s.write(b'x'), lambda: io.StringIO(5), lambda: s.seek(-1),
            lambda: s.seek(1, 1), lambda: s.seek(1, 2), lambda: s.seek(0, 3), lambda: s.truncate(-1),
            lambda: io.StringIO('', newline='x'), lambda: s.fileno(), lambda: s.seek('a')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(s.seek(0, 1), s.seek(0, 2), s.readable(), s.writable(), s.seekable(), s.isatty())

for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines())
    s = io.StringIO(newline=nl)
    s.write('x\ny\r\nz\r')
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), [s.readline() for _ in range(4)])

s = io.StringIO()
print(s.writelines(['a', 'b', 'c']), s.getvalue(), s.write(''), io.StringIO(None).getvalue() == '')
big = io.StringIO()
for i in range(1000):
    big.write(str(i))
print(len(big.getvalue()), big.tell())
print(isinstance(s, io.TextIOBase), isinstance(s, io.IOBase), issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError), io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.open is open, io.TextIOWrapper.__name__)
