"""Packing and unpacking of binary records (CPython's `struct`).

The format parser and the packers live in the native `_struct` module;
this module adds the `Struct` class and `iter_unpack`.
"""
from _struct import error, calcsize, pack, unpack, pack_into, unpack_from, _count

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']


def _iterate(fmt, data, size):
    for off in range(0, len(data), size):
        yield unpack_from(fmt, data, off)


def iter_unpack(format, buffer):
    size = calcsize(format)
    if isinstance(buffer, (bytes, bytearray)):
        data = bytes(buffer)
    else:
        raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(data) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return _iterate(format, data, size)


class Struct:
    """A compiled struct format: `Struct(fmt).pack(...)` and friends."""

    def __init__(self, format):
        if isinstance(format, bytes):
            text = format.decode('ascii')
        elif isinstance(format, str):
            text = format
        else:
            raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                            % type(format).__name__)
        self.size = calcsize(text)
        self._nargs = _count(text)
        self.format = text

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return 'Struct(%r)' % (self.format,)
