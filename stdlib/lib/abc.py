"""Abstract base classes (PEP 3119), written for skiff in pure Python.

The behaviour follows CPython 3.11's `abc`; the representation is skiff's own:

* Every class made by `ABCMeta` gets an `_abc_impl` object in its own
  `__dict__` holding that class's registry of virtual subclasses and its
  positive and negative `issubclass` caches. The caches hold strong
  references (skiff has no `weakref`), so a class once tested stays alive.
* A module-level counter is bumped by every `register()`; a negative cache
  filled under an older counter value is discarded before use, so
  registering a class anywhere invalidates every "no" answer given before.
* skiff's `object.__new__` does not look at `__abstractmethods__`, so
  `ABCMeta.__call__` refuses to instantiate a class whose abstract set is
  non-empty. Like CPython (where the check lives in `object.__new__`), a
  class whose first built-in base is not `object` (an abstract `list`
  subclass, say) can still be instantiated.
* skiff's `property`, `classmethod` and `staticmethod` have no
  `__isabstractmethod__` attribute, so `_is_abstract` looks through them to
  the functions they wrap, which is what CPython's attribute computes.
"""

def abstractmethod(funcobj):
    """Mark a method as abstract: a class made by ABCMeta cannot be
    instantiated until every abstract method is overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use `classmethod` stacked on `abstractmethod`."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use `staticmethod` stacked on `abstractmethod`."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use `property` stacked on `abstractmethod`."""

    __isabstractmethod__ = True


def _is_abstract(value):
    """The truth of `value.__isabstractmethod__`, computed for the
    descriptor types whose skiff versions lack the attribute."""
    try:
        flag = value.__isabstractmethod__
    except AttributeError:
        pass
    else:
        return bool(flag)
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel)
                   if f is not None)
    if isinstance(value, (classmethod, staticmethod)):
        return _is_abstract(value.__func__)
    return False


# Bumped by every ABCMeta.register(); see the module docstring.
_abc_invalidation_counter = 0


def get_cache_token():
    """An object that changes whenever a virtual subclass is registered
    with any ABC, so callers can tell when their own caches went stale."""
    return _abc_invalidation_counter


class _AbcData:
    """Per-class ABC state: the virtual-subclass registry and the caches."""

    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version')

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _abc_invalidation_counter


def _compute_abstracts(cls, bases, namespace_items):
    abstracts = {name for name, value in namespace_items if _is_abstract(value)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


def _abc_data(cls):
    data = cls.__dict__.get('_abc_impl')
    if data is None:
        # A class given ABCMeta as its metaclass by some route other than
        # ABCMeta.__new__ (type.__new__(ABCMeta, ...)): start it empty.
        data = _AbcData()
        type.__setattr__(cls, '_abc_impl', data)
    return data


def _enforces_abstract(cls):
    """Whether CPython's object.__new__ would be the allocator for cls: the
    first built-in class in its MRO is `object` itself."""
    for klass in cls.__mro__:
        if klass.__module__ == 'builtins':
            return klass is object
    return True


def _takes_no_arguments(cls):
    """Whether neither __new__ nor __init__ is overridden below object, in
    which case CPython reports surplus arguments before abstractness."""
    for klass in cls.__mro__[:-1]:
        if '__new__' in klass.__dict__ or '__init__' in klass.__dict__:
            return False
    return True


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    Classes made with it track their abstract methods, may not be
    instantiated while any remain, and accept virtual subclasses through
    `register()` and their `__subclasshook__`.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, bases, namespace.items())
        cls._abc_impl = _AbcData()
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__')
        if abstracts is None:
            abstracts = getattr(cls, '__abstractmethods__', ())
        if abstracts and _enforces_abstract(cls) and not (
                (args or kwargs) and _takes_no_arguments(cls)):
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns the subclass, so
        this can be used as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _abc_data(cls).registry.add(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        data = _abc_data(cls)
        subclass = instance.__class__
        if subclass in data.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (data.negative_cache_version == _abc_invalidation_counter
                    and subclass in data.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        data = _abc_data(cls)
        if subclass in data.cache:
            return True
        if data.negative_cache_version < _abc_invalidation_counter:
            data.negative_cache = set()
            data.negative_cache_version = _abc_invalidation_counter
        elif subclass in data.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                data.cache.add(subclass)
            else:
                data.negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            data.cache.add(subclass)
            return True
        # A class registered directly answers True without being cached
        # (as CPython's fast path does: its hook runs again next time).
        if subclass in data.registry:
            return True
        for rcls in list(data.registry):
            if issubclass(subclass, rcls):
                data.cache.add(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                data.cache.add(subclass)
                return True
        data.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        data = _abc_data(cls)
        print("Class: %s.%s" % (cls.__module__, cls.__qualname__), file=file)
        print("Inv. counter: %s" % get_cache_token(), file=file)
        print("_abc_registry: %r" % (data.registry,), file=file)
        print("_abc_cache: %r" % (data.cache,), file=file)
        print("_abc_negative_cache: %r" % (data.negative_cache,), file=file)
        print("_abc_negative_cache_version: %r" % (data.negative_cache_version,), file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        _abc_data(cls).registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        data = _abc_data(cls)
        data.cache.clear()
        data.negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute an ABC's abstract methods after its class body ran, for
    decorators that add methods to a class (dataclasses, total_ordering).
    Classes that are not ABCs are returned unchanged."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, cls.__bases__, list(cls.__dict__.items()))
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that has ABCMeta as its metaclass: ABCs can be created
    by simply deriving from ABC."""

    __slots__ = ()

    # skiff's `object` has no __subclasshook__ yet; this stands in for it so
    # that hooks of ABC subclasses may defer with super().__subclasshook__.
    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented
