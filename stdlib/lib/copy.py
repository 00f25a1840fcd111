"""Generic (shallow and deep) copying operations, written for skiff.

    x = copy.copy(y)        # make a shallow copy of y
    x = copy.deepcopy(y)    # make a deep copy of y

A class controls its copies with __copy__() and __deepcopy__(memo), or with
the pickle protocol: __reduce_ex__/__reduce__, __getnewargs_ex__/
__getnewargs__, __getstate__/__setstate__.

skiff has no pickling yet, so `object.__reduce_ex__` cannot be relied on:
for classes that do not define __reduce_ex__ or __reduce__ themselves, this
module computes what CPython's `object.__reduce_ex__(4)` would return (create
with `cls.__new__(cls, *args)`, then restore `__dict__` and `__slots__`
state, list items and dict items) and reconstructs from that.
"""

import sys as _sys


class Error(Exception):
    pass


error = Error   # backward compatibility

__all__ = ['Error', 'copy', 'deepcopy']


def _fn():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_fn)
_MethodType = type(_C()._m)
_BuiltinFunctionType = type(len)
_CodeType = type(_fn.__code__)
del _fn, _C

# Types whose instances are their own copies (shallow and deep).
_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
           complex, bytes, str, type, range, _BuiltinFunctionType,
           _FunctionType, property, _CodeType}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset or cls is slice:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    if cls is _MethodType:
        # CPython reduces a bound method to getattr(self, name).
        return _bind_like(x, x.__self__)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is _MethodType:
        y = _deepcopy_method(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)

    # If x is its own copy, don't memoize it.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # The tuple may have been copied already while copying its items
    # (it is part of a cycle through a mutable object).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_method(x, memo):
    return _bind_like(x, deepcopy(x.__self__, memo))


def _bind_like(method, obj):
    """A method binding method.__func__ to obj."""
    func = method.__func__
    # skiff can neither call the method type nor bind a function with
    # __get__, so the new method is looked up on obj; that finds `func`
    # when it is a method of obj's class (the usual case).
    bound = getattr(obj, getattr(func, '__name__', ''), None)
    if getattr(bound, '__func__', None) is func and getattr(bound, '__self__', None) is obj:
        return bound
    try:
        return _MethodType(func, obj)
    except TypeError:
        return func.__get__(obj, type(obj))


def _keep_alive(x, memo):
    """Keeps a reference to x in the memo, so that its id is not reused
    for another object while the copy is in progress."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


# -- the reduce protocol -------------------------------------------------------

def _defined_in_python(cls, name):
    """Whether a class in cls's MRO that is not a builtin type defines
    `name`. (The builtin types' own reduce methods are emulated by
    _object_reduce_ex.)"""
    for klass in cls.__mro__:
        if klass.__module__ != 'builtins' and name in klass.__dict__:
            return True
    return False


def _reduce(x, cls):
    if _defined_in_python(cls, '__reduce_ex__'):
        rv = x.__reduce_ex__(4)
    elif _defined_in_python(cls, '__reduce__'):
        rv = x.__reduce__()
    else:
        rv = _object_reduce_ex(x, cls)
    return rv


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


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
        return _newobj_ex, (cls, tuple(args), kwargs), state, listitems, dictitems
    return _newobj, (cls,) + tuple(args), state, listitems, dictitems


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


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                try:
                    y_dict = y.__dict__
                except AttributeError:
                    for key, value in state.items():
                        setattr(y, key, value)
                else:
                    y_dict.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
