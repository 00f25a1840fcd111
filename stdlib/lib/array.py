"""This module defines an object type which can efficiently represent
an array of basic values: characters, integers, floating point
numbers.  Arrays are sequence types and behave very much like lists,
except that the type of objects stored in them is constrained.
"""
# The type is native: `_array.array` (vm/src/types/array.rs) stores the
# items as C values and implements construction, subscripts, iteration and
# the methods with CPython 3.11's conversions and messages. This module adds
# the sequence operators `+`, `*`, `+=` and `*=`: the VM's operators consult
# special methods only when they are not native functions (for those it
# uses its own builtin arithmetic), so each is a Python function that hands
# the work to a native of `_array`.
from _array import array, typecodes, _array_reconstructor

ArrayType = array


def _install():
    from _array import _concat, _mul, _rmul, _iconcat, _imul

    def __add__(self, other):
        return _concat(self, other)

    def __mul__(self, n):
        return _mul(self, n)

    def __rmul__(self, n):
        return _rmul(self, n)

    def __iadd__(self, other):
        return _iconcat(self, other)

    def __imul__(self, n):
        return _imul(self, n)

    for f in (__add__, __mul__, __rmul__, __iadd__, __imul__):
        f.__qualname__ = 'array.' + f.__name__
        setattr(array, f.__name__, f)


_install()
del _install
