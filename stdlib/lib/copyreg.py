"""Helpers for pickle and copy, written for skiff: the reconstructors that
`object.__reduce_ex__` names (`__newobj__`, `__newobj_ex__`,
`_reconstructor`), `_slotnames`, and the registry of reduction functions
(`pickle()`, `dispatch_table`).

`object.__reduce_ex__(protocol)` and `object.__reduce__()` call
`_reduce_ex` here: a class that overrides `__reduce__` is asked for it;
otherwise the result is what CPython's `object.__reduce_ex__(2+)` returns:
create with `cls.__new__(cls, *args)` (`__getnewargs_ex__`/
`__getnewargs__`), then restore `__getstate__()` or the `__dict__` and
`__slots__` state, list items and dict items.
"""

__all__ = ["pickle", "constructor", "dispatch_table", "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def add_extension(module, name, code):
    raise NotImplementedError("skiff's pickle format has no extension registry")


def remove_extension(module, name, code):
    raise NotImplementedError("skiff's pickle format has no extension registry")


def clear_extension_cache():
    pass


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


# Builtin types whose subclasses are recreated from a plain value of the
# base type (CPython gives them __getnewargs__ or __reduce__).
_VALUE_BASES = (tuple, int, float, complex, str, bytes)
_SET_BASES = (set, frozenset, bytearray)

# Instances of builtin types not handled above cannot be copied (CPython
# raises the same error from object.__reduce_ex__).
_COPYABLE_BUILTINS = {object, list, dict, set, frozenset, bytearray, tuple,
                      int, float, complex, str, bytes, bool, slice}


def _object_reduce_ex(x, cls):
    """What CPython's object.__reduce_ex__(4) returns for x."""
    base = None
    for klass in cls.__mro__:
        if klass.__module__ == 'builtins':
            base = klass
            break
    if issubclass(base, BaseException):
        # BaseException.__reduce__: the class, the args and the attributes.
        try:
            state = dict(x.__dict__)
        except AttributeError:
            state = {}
        # skiff keeps `args` in the instance dict; CPython does not.
        state.pop('args', None)
        return cls, x.args, state or None
    if base not in _COPYABLE_BUILTINS:
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    if cls is slice:
        return slice, (x.start, x.stop, x.step)

    state = _getstate(x, cls)
    if base in _SET_BASES:
        # set.__reduce__ and friends: recreate from the contents.
        contents = bytes(x) if base is bytearray else list(x)
        if isinstance(state, tuple):
            state = state[0]
        return cls, (contents,), state

    getnewargs_ex = getattr(x, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            args = getnewargs()
        elif base in _VALUE_BASES:
            args = (base(x),)
        else:
            args = ()
        kwargs = None
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, tuple(args), kwargs), state, listitems, dictitems
    return __newobj__, (cls,) + tuple(args), state, listitems, dictitems


def _slotnames(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = klass.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            names.append(name)
    return names


def _getstate(x, cls):
    """object.__getstate__(): the instance dict (None when empty), paired
    with a dict of the set slots when the class has slots."""
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slots = {}
    for name in _slotnames(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return state, slots
    return state


def _reduce_ex(x, protocol):
    """object.__reduce_ex__(protocol) and object.__reduce__()."""
    cls = type(x)
    reduce = getattr(cls, "__reduce__", None)
    if reduce is not None and reduce is not object.__reduce__:
        return x.__reduce__()
    return _object_reduce_ex(x, cls)
