"""Data classes (CPython 3.11's dataclasses), written from the documentation.

``@dataclass`` reads the class's ``__annotations__`` (skiff evaluates them
as CPython does, in definition order), builds a Field for each, merges the
fields of dataclass bases in reverse MRO order, and adds the methods the
parameters ask for. ``__init__`` is generated as source text and compiled
with ``exec`` so that its signature, defaults and error messages are those
of an ordinary function (``Point.__init__() missing 1 required positional
argument: 'x'``); the other methods are closures over the field list.

Observable behaviour follows CPython: reprs (with the class's qualname),
the hash table of the documentation (eq/frozen/unsafe_hash), the error
messages for a non-default argument after a default one, for mutable
defaults, for frozen assignment and for replace().
"""

import copy as _copy
import sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else dict(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,'
                'repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,'
                '_field_type=%r)'
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare,
                   self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,'
                'unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order,
                   self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _is_classvar(a_type):
    typing = sys.modules.get('typing')
    if typing is not None:
        if a_type is typing.ClassVar:
            return True
        if getattr(a_type, '__origin__', None) is typing.ClassVar:
            return True
    if isinstance(a_type, str):
        s = a_type.strip()
        return (s == 'ClassVar' or s.startswith('ClassVar[')
                or s == 'typing.ClassVar' or s.startswith('typing.ClassVar['))
    return False


def _is_initvar(a_type):
    if a_type is InitVar or type(a_type) is InitVar:
        return True
    if isinstance(a_type, str):
        s = a_type.strip()
        return (s == 'InitVar' or s.startswith('InitVar[')
                or s.startswith('dataclasses.InitVar'))
    return False


def _is_kw_only(a_type):
    if a_type is KW_ONLY:
        return True
    if isinstance(a_type, str):
        return a_type.strip() in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            default = MISSING
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only'
                            % f.name)
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(f.default), f.name))
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default '
                                'argument' % (f.name,))

    globs = {'__dataclass_MISSING__': MISSING,
             '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
             '__dataclass_builtins_object__': object}

    def param(f):
        if f.default is MISSING and f.default_factory is MISSING:
            return f.name
        if f.default is not MISSING:
            globs['__dataclass_dflt_%s__' % f.name] = f.default
            return '%s=__dataclass_dflt_%s__' % (f.name, f.name)
        return '%s=__dataclass_HAS_DEFAULT_FACTORY__' % f.name

    def assign(name, value):
        if frozen:
            return ('__dataclass_builtins_object__.__setattr__(self, %r, %s)'
                    % (name, value))
        return 'self.%s = %s' % (name, value)

    body = []
    for f in fields:
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if f.default_factory is not MISSING:
            factory = '__dataclass_dflt_%s__' % f.name
            globs[factory] = f.default_factory
            if f.init:
                value = ('%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s'
                         % (factory, f.name, f.name))
            else:
                value = '%s()' % factory
        elif f.init:
            if f._field_type is _FIELD_INITVAR:
                continue
            value = f.name
        elif f.default is not MISSING and f._field_type is _FIELD:
            globs['__dataclass_dflt_%s__' % f.name] = f.default
            value = '__dataclass_dflt_%s__' % f.name
        else:
            continue
        if f._field_type is _FIELD:
            body.append(assign(f.name, value))
    if has_post_init:
        initvars = [f.name for f in fields if f._field_type is _FIELD_INITVAR]
        body.append('self.%s(%s)' % (_POST_INIT_NAME, ', '.join(initvars)))
    if not body:
        body = ['pass']

    params = ['self'] + [param(f) for f in std_fields if f.init]
    kw = [param(f) for f in kw_only_fields if f.init]
    if kw:
        params += ['*'] + kw
    src = 'def __init__(%s):\n    %s\n' % (', '.join(params), '\n    '.join(body))
    exec(src, globs)
    fn = globs['__init__']
    fn.__qualname__ = '%s.__init__' % cls.__qualname__
    return fn


def _repr_fn(cls, fields):
    names = [f.name for f in fields if f.repr and f._field_type is _FIELD]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            parts = ['%s=%r' % (n, getattr(self, n)) for n in names]
        finally:
            running.discard(key)
        return '%s(%s)' % (self.__class__.__qualname__, ', '.join(parts))

    __repr__.__qualname__ = '%s.__repr__' % cls.__qualname__
    return __repr__


def _cmp_fn(cls, name, op, names):
    def method(self, other):
        if other.__class__ is self.__class__:
            return op(tuple([getattr(self, n) for n in names]),
                      tuple([getattr(other, n) for n in names]))
        return NotImplemented

    method.__name__ = name
    method.__qualname__ = '%s.%s' % (cls.__qualname__, name)
    return method


def _hash_fn(cls, names):
    def __hash__(self):
        return hash(tuple([getattr(self, n) for n in names]))

    __hash__.__qualname__ = '%s.__hash__' % cls.__qualname__
    return __hash__


def _frozen_fns(holder, field_names):
    def __setattr__(self, name, value):
        if type(self) is holder[0] or name in field_names:
            raise FrozenInstanceError('cannot assign to field %r' % (name,))
        super(holder[0], self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is holder[0] or name in field_names:
            raise FrozenInstanceError('cannot delete field %r' % (name,))
        super(holder[0], self).__delattr__(name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    all_frozen_bases = None
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if all_frozen_bases is None:
                all_frozen_bases = True
            current = getattr(b, _PARAMS).frozen
            all_frozen_bases = all_frozen_bases and current
            any_frozen_base = any_frozen_base or current

    cls_annotations = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = kw_only
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen is True and kw_only is not True:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been '
                                'specified' % name)
            kw_only_seen = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only_seen))

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % name)

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if all_frozen_bases is False and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__',
                           _init_fn(cls, all_init_fields, std_init_fields,
                                    kw_only_init_fields, frozen,
                                    has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn(cls, field_list))

    compare_names = [f.name for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__',
                           _cmp_fn(cls, '__eq__', lambda a, b: a == b,
                                   compare_names))

    if order:
        for name, op in (('__lt__', lambda a, b: a < b),
                         ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b),
                         ('__ge__', lambda a, b: a >= b)):
            if _set_new_attribute(cls, name,
                                  _cmp_fn(cls, name, op, compare_names)):
                raise TypeError('Cannot overwrite attribute %s in class %s. '
                                'Consider using functools.total_ordering'
                                % (name, cls.__name__))

    holder = [cls]
    if frozen:
        field_names = tuple(f.name for f in field_list)
        setter, deleter = _frozen_fns(holder, field_names)
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            fn.__qualname__ = '%s.%s' % (cls.__qualname__, name)
            if _set_new_attribute(cls, name, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))

    hash_names = [f.name for f in field_list
                  if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s'
                            % cls.__name__)
        cls.__hash__ = _hash_fn(cls, hash_names)
    elif eq and not has_explicit_hash:
        if frozen:
            cls.__hash__ = _hash_fn(cls, hash_names)
        else:
            cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            cls.__doc__ = cls.__name__ + '(' + ', '.join(
                f.name for f in all_init_fields if f.init) + ')'
        except (AttributeError, TypeError):
            pass

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields if f.init))

    if slots:
        cls = _add_slots(cls, field_list)
        holder[0] = cls
    return cls


def _add_slots(cls, field_list):
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in field_list)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        for s in b.__dict__.get('__slots__', ()):
            inherited.add(s)
    cls_dict['__slots__'] = tuple(n for n in field_names if n not in inherited)
    for name in field_names:
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    new_cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        new_cls.__qualname__ = qualname
    return new_cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it '
                                 'cannot be specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with replace()'
                                 % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False):
    """Return a new dynamically created dataclass."""
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            namespace[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    namespace['__annotations__'] = annotations
    try:
        namespace.setdefault('__module__',
                             sys._getframe(1).f_globals.get('__name__', '__main__'))
    except (AttributeError, ValueError):
        pass
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots)
