# io.BytesIO: writing, reading, seeking, truncation, errors.
import io

b = io.BytesIO()
print(b.write(b'hello\n'), b.write(bytearray(b'world')), b.tell(), b.getvalue())
b.seek(0)
print(b.readline(), b.read(2), b.read(), b.read(), b.readline())
b.seek(1)
print(b.write(b'EL'), b.getvalue(), b.tell())
b.seek(15)
b.write(b'!')
print(b.getvalue(), b.seek(-3, 2), b.read(), b.seek(-2, 1), b.read(1), b.seek(-100, 1))
print(b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
b = io.BytesIO(b'a\nb\nc')
print(list(b), b.seek(0), b.readlines(), b.seek(0), b.readlines(1))
b.seek(0)
buf = bytearray(3)
print(b.readinto(buf), buf, b.read1(10))
with io.BytesIO(b'xyz') as f:
    print(f.read(2), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
for bad in [lambda: io.BytesIO().write('s'), lambda: io.BytesIO('s'), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().seek(0, 5), lambda: io.BytesIO().truncate(-2), lambda: io.BytesIO().fileno()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b = io.BytesIO(b'init')
print(b.tell(), b.read(), b.readable(), b.writable(), b.seekable(), b.read(-1), b.read(None))
print(isinstance(b, io.BufferedIOBase), isinstance(b, io.IOBase), not isinstance(b, io.TextIOBase))
