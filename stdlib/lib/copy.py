"""Generic (shallow and deep) copying operations, written for skiff.

    x = copy.copy(y)        # make a shallow copy of y
    x = copy.deepcopy(y)    # make a deep copy of y

A class controls its copies with __copy__() and __deepcopy__(memo), or with
the pickle protocol: __reduce_ex__/__reduce__, __getnewargs_ex__/
__getnewargs__, __getstate__/__setstate__.

For classes that do not define __reduce_ex__ or __reduce__ themselves, this
module reconstructs from what `object.__reduce_ex__(4)` returns
(`copyreg._object_reduce_ex`: create with `cls.__new__(cls, *args)`, then
restore `__dict__` and `__slots__` state, list items and dict items).
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


from copyreg import __newobj__ as _newobj, __newobj_ex__ as _newobj_ex, _object_reduce_ex, _slotnames, _getstate


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
