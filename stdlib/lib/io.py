"""In-memory streams and the I/O class hierarchy (CPython's `io`).

`StringIO` and `BytesIO` are written here in Python; `open` and the file
classes are the builtins' (`TextIOWrapper` is the type of `sys.stdout`).

StringIO keeps its text as a str plus a list of pending appends, so a run
of writes at the end costs linear time overall; anything else (seek,
overwrite, read) first joins the pending pieces. BytesIO keeps a bytearray.
"""
import sys
from builtins import open

__all__ = ['open', 'IOBase', 'RawIOBase', 'BufferedIOBase', 'TextIOBase', 'StringIO', 'BytesIO',
           'TextIOWrapper', 'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """Base of the stream classes: line iteration, context management and
    the default `closed` bookkeeping."""

    _closed = False

    def _checkClosed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def flush(self):
        self._checkClosed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None:
            hint = -1
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    encoding = None
    errors = None
    newlines = None


TextIOWrapper = type(sys.stdout)


def _size_arg(size):
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size.__index__()


class StringIO(TextIOBase):
    """A text stream over an in-memory str."""

    def _checkClosed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s' % type(initial_value).__name__)
        self._newline = newline
        self._buf = ''
        self._pending = []
        self._len = 0
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _flat(self):
        if self._pending:
            self._buf = self._buf + ''.join(self._pending)
            self._pending = []
        return self._buf

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl in ('\r', '\r\n'):
            return s.replace('\n', nl)
        return s

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    @property
    def line_buffering(self):
        return False

    def getvalue(self):
        self._checkClosed()
        return self._flat()

    def write(self, s):
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        s = self._translate(s)
        if not s:
            return n
        if self._pos == self._len:
            self._pending.append(s)
        else:
            buf = self._flat()
            if self._pos > self._len:
                buf += '\0' * (self._pos - self._len)
            buf = buf[:self._pos] + s + buf[self._pos + len(s):]
            self._buf = buf
        self._pos += len(s)
        if self._pos > self._len:
            self._len = self._pos
        return n

    def read(self, size=-1):
        self._checkClosed()
        size = _size_arg(size)
        buf = self._flat()
        if size < 0:
            end = self._len
        else:
            end = min(self._pos + size, self._len)
        if self._pos >= end:
            return ''
        r = buf[self._pos:end]
        self._pos = end
        return r

    def readline(self, size=-1):
        self._checkClosed()
        size = _size_arg(size)
        buf = self._flat()
        start = self._pos
        if start >= self._len:
            return ''
        nl = self._newline
        if nl == '':
            i = start
            end = self._len
            while i < self._len:
                c = buf[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if buf[i + 1:i + 2] == '\n' else i + 1
                    break
                i += 1
        else:
            term = '\n' if nl is None else nl
            i = buf.find(term, start)
            end = self._len if i < 0 else i + len(term)
        if size >= 0:
            end = min(end, start + size)
        self._pos = end
        return buf[start:end]

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not hasattr(type(pos), '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                # CPython's message, which names the wrong kind of seek.
                raise OSError("Can't do nonzero cur-relative seeks")
            self._pos = self._len
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, pos=None):
        self._checkClosed()
        if pos is None:
            pos = self._pos
        else:
            pos = _size_arg(pos)
            if pos < 0:
                raise ValueError('Negative size value %d' % pos)
        if pos < self._len:
            self._buf = self._flat()[:pos]
            self._len = pos
        return pos

    def detach(self):
        raise UnsupportedOperation('detach')

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)

    def close(self):
        self._closed = True
        self._buf = ''
        self._pending = []


def _bytes_arg(b):
    if isinstance(b, (bytes, bytearray)):
        return b
    tobytes = getattr(b, 'tobytes', None)
    if tobytes is not None:
        return tobytes()
    raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)


class BytesIO(BufferedIOBase):
    """A binary stream over an in-memory bytearray."""

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(_bytes_arg(initial_bytes)) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def getvalue(self):
        self._checkClosed()
        return bytes(self._buf)

    def write(self, b):
        self._checkClosed()
        b = _bytes_arg(b)
        n = len(b)
        if n == 0:
            return 0
        buf = self._buf
        pos = self._pos
        if pos > len(buf):
            buf.extend(bytes(pos - len(buf)))
        buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._checkClosed()
        size = _size_arg(size)
        buf = self._buf
        end = len(buf) if size < 0 else min(self._pos + size, len(buf))
        if self._pos >= end:
            return b''
        r = bytes(buf[self._pos:end])
        self._pos = end
        return r

    read1 = read

    def readline(self, size=-1):
        self._checkClosed()
        size = _size_arg(size)
        buf = self._buf
        start = self._pos
        if start >= len(buf):
            return b''
        i = buf.find(b'\n', start)
        end = len(buf) if i < 0 else i + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = end
        return bytes(buf[start:end])

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    readinto1 = readinto

    def tell(self):
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        self._checkClosed()
        if not hasattr(type(pos), '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        pos = pos.__index__()
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def truncate(self, size=None):
        self._checkClosed()
        if size is None:
            size = self._pos
        else:
            size = _size_arg(size)
            if size < 0:
                raise ValueError('negative size value %d' % size)
        if size < len(self._buf):
            del self._buf[size:]
        return size

    def detach(self):
        raise UnsupportedOperation('detach')

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)

    def close(self):
        self._closed = True
