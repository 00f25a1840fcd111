"""Serialize Python objects, tasklets and channels included.

skiff's pickle writes its own versioned binary format (see the `_pickle`
module's source, stdlib/src/pickle/, for the format and the trust model):
it is not CPython's pickle protocol, and CPython cannot read it. Besides
what CPython pickles, it saves code objects, functions whole (lambdas and
closures too), generators, frames, and Stackless tasklets and channels, so
a program's tasklets can be saved mid-run and resumed in another process.

A tasklet that is blocked inside native code (a hard switch) cannot be
saved: `dumps` raises PicklingError and says why. `tasklet.restorable`
tells in advance.

Trust: `loads` checks everything it reads and raises UnpicklingError on
malformed or hostile data instead of crashing. But loading imports the
modules a pickle names, calls the classes and functions its reductions
name, and a pickle with code (functions, generators, tasklets) runs that
code when you call or resume what you loaded (never merely by loading or
dropping it). Only resume pickles you trust.
"""

from _pickle import (PickleError, PicklingError, UnpicklingError, FORMAT_VERSION,
                     dumps as _dumps, loads as _loads, _loads_prefix)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler", "Unpickler",
           "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

# Accepted for compatibility; skiff has one format (FORMAT_VERSION).
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def _check_protocol(protocol):
    if protocol is not None and protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickled representation of obj as a bytes object."""
    _check_protocol(protocol)
    return _dumps(obj)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read a pickled object from the bytes-like object data."""
    return _loads(data)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write the pickled representation of obj to the open binary file."""
    _check_protocol(protocol)
    file.write(_dumps(obj))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    """Read one pickled object from the open binary file.

    A file may hold several pickles one after another: when the file can
    seek, it is left positioned just after the one read.
    """
    try:
        start = file.tell()
    except (AttributeError, OSError, ValueError):
        start = None
    data = file.read()
    if not data:
        raise EOFError("Ran out of input")
    obj, used = _loads_prefix(data)
    if used < len(data):
        if start is None:
            raise UnpicklingError("the file holds more than one pickle but cannot seek")
        file.seek(start + used)
    return obj


class Pickler:
    """Writes pickles to a binary file: Pickler(file).dump(obj)."""

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        _check_protocol(protocol)
        self._file = file

    def dump(self, obj):
        self._file.write(_dumps(obj))


class Unpickler:
    """Reads pickles from a binary file: Unpickler(file).load()."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
        self._file = file

    def load(self):
        return load(self._file)
