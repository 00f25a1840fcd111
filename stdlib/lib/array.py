"""Typed arrays of numbers and characters (CPython's `array`).

An `array` keeps its items as a Python list of already-converted values
(ints, floats rounded to the item type, or 1-character strs for 'u'), so
every store goes through `_CONVERT[typecode]`, which applies CPython's
range checks and messages. Bytes conversions use the native `_struct`
with native sizes ('@'), which match the C types CPython uses on LP64
Linux ('u' is a 4-byte wchar_t, packed as 'I').
"""
import _struct

__all__ = ['array', 'ArrayType', 'typecodes']

typecodes = 'bBuhHiIlLqQfd'

_ITEMSIZE = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
             'q': 8, 'Q': 8, 'f': 4, 'd': 8}

_LONG_MIN, _LONG_MAX = -2**63, 2**63 - 1


def _index(v):
    if isinstance(v, int):
        return int(v)
    f = getattr(type(v), '__index__', None)
    if f is None:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return f(v)


def _long(v):
    x = _index(v)
    if x < _LONG_MIN or x > _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')
    return x


def _in(x, lo, hi, what):
    if x < lo:
        raise OverflowError(what + ' is less than minimum')
    if x > hi:
        raise OverflowError(what + ' is greater than maximum')
    return x


def _conv_b(v):
    x = _in(_long(v), -32768, 32767, 'signed short integer')
    return _in(x, -128, 127, 'signed char')


def _conv_B(v):
    return _in(_long(v), 0, 255, 'unsigned byte integer')


def _conv_h(v):
    return _in(_long(v), -32768, 32767, 'signed short integer')


def _conv_H(v):
    x = _in(_long(v), -2**31, 2**31 - 1, 'signed integer')
    return _in(x, 0, 65535, 'unsigned short')


def _conv_i(v):
    return _in(_long(v), -2**31, 2**31 - 1, 'signed integer')


def _conv_I(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 2**64 - 1:
        raise OverflowError('Python int too large to convert to C unsigned long')
    return _in(x, 0, 2**32 - 1, 'unsigned int')


def _conv_l(v):
    return _long(v)


def _conv_L(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 2**64 - 1:
        raise OverflowError('Python int too large to convert to C unsigned long')
    return x


def _conv_q(v):
    x = _index(v)
    if x < _LONG_MIN or x > _LONG_MAX:
        raise OverflowError('int too big to convert')
    return x


def _conv_Q(v):
    x = _index(v)
    if x < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if x > 2**64 - 1:
        raise OverflowError('int too big to convert')
    return x


def _real(v):
    if isinstance(v, float):
        return v
    t = type(v)
    if isinstance(v, int) or hasattr(t, '__float__') or hasattr(t, '__index__'):
        return float(v)
    raise TypeError('must be real number, not %s' % t.__name__)


def _conv_f(v):
    # Native '@f' packs out-of-range values as infinities, like C's cast.
    return _struct.unpack('f', _struct.pack('f', _real(v)))[0]


def _conv_u(v):
    if not isinstance(v, str) or len(v) != 1:
        raise TypeError('array item must be unicode character')
    return v


_CONVERT = {'b': _conv_b, 'B': _conv_B, 'u': _conv_u, 'h': _conv_h, 'H': _conv_H, 'i': _conv_i,
            'I': _conv_I, 'l': _conv_l, 'L': _conv_L, 'q': _conv_q, 'Q': _conv_Q, 'f': _conv_f,
            'd': _real}


# Integer typecodes whose range includes every C int: a plain int in that
# range is stored as it is.
_FAST_INT = frozenset('ilq')


def _bad_op():
    return TypeError('bad argument type for built-in operation')


class array:
    """array(typecode[, initializer]) -> array of numbers or characters."""

    __hash__ = None

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s' % type(typecode).__name__)
        if typecode not in _ITEMSIZE:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._tc = typecode
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r' % typecode)
            self._items = list(initializer)
        elif isinstance(initializer, array):
            if (initializer._tc == 'u') != (typecode == 'u'):
                raise TypeError('cannot use a unicode array to initialize an array with typecode %r' % typecode)
            self.extend(initializer._items)
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _ITEMSIZE[self._tc]

    def _new(self, items):
        a = array(self._tc)
        a._items = items
        return a

    def _fmt(self, n):
        return '@%d%s' % (n, 'I' if self._tc == 'u' else self._tc)

    # -- sequence protocol --------------------------------------------------------

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        # Fast path: an int index (the common case in numeric loops).
        if type(i) is int:
            try:
                return self._items[i]
            except IndexError:
                raise IndexError('array index out of range') from None
        if isinstance(i, slice):
            return self._new(self._items[i])
        if not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        # Fast path: an int index and a value that needs no conversion.
        if type(i) is int:
            tc = self._tc
            if not ((tc == 'd' and type(v) is float) or (tc in _FAST_INT and type(v) is int and -2147483648 <= v <= 2147483647)):
                v = _CONVERT[tc](v)
            try:
                self._items[i] = v
            except IndexError:
                raise IndexError('array assignment index out of range') from None
            return
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError('can only assign array (not "%s") to array slice' % type(v).__name__)
            if v._tc != self._tc:
                raise _bad_op()
            items = list(v._items)
            if i.step is not None and i.step != 1:
                n = len(range(*i.indices(len(self._items))))
                if n != len(items):
                    raise ValueError('attempt to assign array of size %d to extended slice of size %d'
                                     % (len(items), n))
            self._items[i] = items
            return
        if not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        v = _CONVERT[self._tc](v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        if not hasattr(type(i), '__index__'):
            raise TypeError('array indices must be integers')
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    # -- comparisons and arithmetic --------------------------------------------------

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array' % type(other).__name__)
        if other._tc != self._tc:
            raise _bad_op()
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")' % type(other).__name__)
        if other._tc != self._tc:
            raise _bad_op()
        self._items.extend(other._items)
        return self

    def __mul__(self, n):
        if not hasattr(type(n), '__index__'):
            return NotImplemented
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        if not hasattr(type(n), '__index__'):
            return NotImplemented
        self._items *= n
        return self

    def __repr__(self):
        if not self._items:
            return 'array(%r)' % self._tc
        if self._tc == 'u':
            return 'array(%r, %r)' % (self._tc, ''.join(self._items))
        return 'array(%r, %r)' % (self._tc, self._items)

    def __copy__(self):
        return self._new(list(self._items))

    def __deepcopy__(self, memo):
        return self._new(list(self._items))

    def __reduce_ex__(self, protocol):
        return (array, (self._tc, list(self._items)))

    # -- methods ----------------------------------------------------------------------

    def append(self, v):
        self._items.append(_CONVERT[self._tc](v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
            return
        conv = _CONVERT[self._tc]
        for v in iterable:
            self._items.append(conv(v))

    def insert(self, i, v):
        self._items.insert(_index(i), _CONVERT[self._tc](v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(_index(i))
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        for k, x in enumerate(self._items):
            if x == v:
                del self._items[k]
                return
        raise ValueError('array.remove(x): x not in array')

    def index(self, v, start=0, stop=None):
        n = len(self._items)
        start = _index(start)
        stop = n if stop is None else _index(stop)
        if start < 0:
            start = max(0, start + n)
        if stop < 0:
            stop = max(0, stop + n)
        for k in range(start, min(stop, n)):
            if self._items[k] == v:
                return k
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return sum(1 for x in self._items if x == v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, lst):
        if not isinstance(lst, list):
            raise TypeError('arg must be list')
        conv = _CONVERT[self._tc]
        self._items.extend([conv(v) for v in lst])

    def tobytes(self):
        items = self._items
        if self._tc == 'u':
            items = [ord(c) for c in items]
        return _struct.pack(self._fmt(len(items)), *items)

    def frombytes(self, buffer):
        if isinstance(buffer, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if isinstance(buffer, array):
            buffer = buffer.tobytes()
        if not isinstance(buffer, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
        size = _ITEMSIZE[self._tc]
        if len(buffer) % size:
            raise ValueError('bytes length not a multiple of item size')
        vals = _struct.unpack(self._fmt(len(buffer) // size), bytes(buffer))
        if self._tc == 'u':
            vals = [chr(c) for c in vals]
        self._items.extend(vals)

    def tounicode(self):
        if self._tc != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        if self._tc != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def byteswap(self):
        size = _ITEMSIZE[self._tc]
        data = self.tobytes()
        out = bytearray()
        for k in range(0, len(data), size):
            out += data[k:k + size][::-1]
        self._items = []
        self.frombytes(out)

    def buffer_info(self):
        return (id(self), len(self._items))


ArrayType = array
