"""Type hints (a subset of CPython 3.11's typing), written from the documentation.

The aim is that annotated code and common imports run, and that
subscripted forms print as in CPython (``typing.List[int]``,
``typing.Optional[int]``, ``typing.Union[int, str]``). Static checking is
out of scope, as it is for CPython at run time.

Where skiff differs from CPython's machinery:

* skiff does not call ``__mro_entries__``, so a class statement can only
  list real classes as bases. ``Generic[T]`` and ``Protocol[T]`` (and any
  user generic subscripted, ``Stack[int]``) therefore return the class
  itself, and ``NamedTuple`` and ``TypedDict`` are classes whose metaclass
  builds the namedtuple class or the TypedDict class.
* skiff honours ``__instancecheck__`` only on metaclasses, so
  ``isinstance(x, typing.List)`` raises TypeError; runtime-checkable
  protocols work, through the Protocol metaclass.
* There is no collections.abc in skiff: the ABC aliases (Iterable,
  Mapping, ...) have a small placeholder class as their ``__origin__``.
"""

import sys

__all__ = ['Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
           'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec',
           'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'AbstractSet',
           'ByteString', 'Container', 'ContextManager', 'Hashable',
           'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
           'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
           'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
           'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
           'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes',
           'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt',
           'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict',
           'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet',
           'NamedTuple', 'TypedDict', 'Generator', 'AnyStr', 'cast', 'final',
           'get_args', 'get_origin', 'get_type_hints', 'is_typeddict',
           'NewType', 'no_type_check', 'no_type_check_decorator', 'NoReturn',
           'Never', 'overload', 'runtime_checkable', 'Text', 'TYPE_CHECKING',
           'TypeAlias', 'TypeGuard', 'Self', 'LiteralString', 'Required',
           'NotRequired', 'assert_never', 'assert_type', 'reveal_type',
           'get_overloads', 'clear_overloads', 'dataclass_transform', 'IO',
           'TextIO', 'BinaryIO', 'Pattern', 'Match', 'Unpack', 'TypeVarTuple']

TYPE_CHECKING = False

_FunctionType = type(lambda: None)
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg):
    arg = _type_convert(arg)
    if isinstance(arg, _SpecialForm) and arg in (Any, NoReturn, Never, Self,
                                                  LiteralString, TypeAlias):
        return arg
    if isinstance(arg, _SpecialForm):
        raise TypeError('Plain %s is not valid as type argument' % arg)
    if isinstance(arg, (int, float, bytes)) and not isinstance(arg, bool) \
            or isinstance(arg, bool):
        raise TypeError('%s Got %.100r.' % (msg, arg))
    return arg


class ForwardRef:
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


class _SpecialForm:
    """Any, Union, Optional, ClassVar, ...: subscriptable markers."""

    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError('%s is not subscriptable' % self)
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % self)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self._name


class _BaseGenericAlias:
    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if not callable(origin) or isinstance(origin, _SpecialForm):
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, getattr(origin, '__name__', origin)))
        return origin(*args, **kwargs)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _collect_parameters(args):
    params = []
    for t in args:
        if isinstance(t, (TypeVar, ParamSpec)):
            if t not in params:
                params.append(t)
        else:
            for p in getattr(t, '__parameters__', ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


class _GenericAlias(_BaseGenericAlias):
    """A subscripted form: List[int], Callable[[int], str], ClassVar[int]."""

    def __init__(self, origin, args, name=None, special=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is ... else _type_convert(a) for a in args)
        self.__parameters__ = _collect_parameters(self.__args__)
        self._name = name
        self._special = special

    def copy_with(self, args):
        return _GenericAlias(self.__origin__, args, self._name, self._special)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias) or isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(args) > len(params) else 'few',
                               self, len(args), len(params)))
        subst = dict(zip(params, args))
        return self.copy_with(tuple(_subst(a, subst) for a in self.__args__))

    def __repr__(self):
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if self._special == 'callable' and len(self.__args__) >= 1:
            params, result = self.__args__[:-1], self.__args__[-1]
            if len(params) == 1 and params[0] is ...:
                first = '...'
            else:
                first = '[%s]' % ', '.join(_type_repr(a) for a in params)
            return '%s[%s, %s]' % (name, first, _type_repr(result))
        if self._special == 'tuple' and not self.__args__:
            return '%s[()]' % name
        if self._special == 'literal':
            return '%s[%s]' % (name, ', '.join(repr(a) for a in self.__args__))
        return '%s[%s]' % (name, ', '.join(_type_repr(a) for a in self.__args__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


def _subst(arg, subst):
    if isinstance(arg, (TypeVar, ParamSpec)):
        return subst.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_subst(a, subst) for a in arg.__args__))
    return arg


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, args):
        return Union[args]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return 'typing.Union[%s]' % ', '.join(_type_repr(a) for a in args)


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted generic alias: List, Dict, Callable, Tuple."""

    def __init__(self, origin, nparams, name, special=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._special = special

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._special == 'callable':
            if not isinstance(params, tuple) or len(params) != 2:
                raise TypeError('Callable must be used as Callable[[arg, ...], result].')
            args, result = params
            if args is ...:
                return _GenericAlias(self.__origin__, (..., result), self._name, 'callable')
            if not isinstance(args, (list, tuple)):
                raise TypeError('Callable[args, result]: args must be a list. Got %.100r.' % (args,))
            return _GenericAlias(self.__origin__, tuple(args) + (result,),
                                 self._name, 'callable')
        if self._special == 'tuple':
            if params == ():
                return _GenericAlias(self.__origin__, (), self._name, 'tuple')
            if not isinstance(params, tuple):
                params = (params,)
            return _GenericAlias(self.__origin__, params, self._name, 'tuple')
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if len(params) > self._nparams else 'few',
                               self, len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self._name, id(self.__origin__)))

    def __mro_entries__(self, bases):
        return (self.__origin__,)


# Special forms.

def _any_getitem(self, params):
    raise TypeError('%s is not subscriptable' % self)


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in out:
                out.append(item)
    return out


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = [_type_check(p, 'Union[arg, ...]: each arg must be a type.')
              for p in parameters]
    params = _flatten_union(params)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(self, tuple(params), 'Union')


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, 'Optional[t] requires a single type.')
    return Union[arg, None]


def _single_getitem(self, parameters):
    item = _type_check(parameters, '%s accepts only single type.' % self._name)
    return _GenericAlias(self, (item,), self._name)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    seen = []
    for p in parameters:
        if isinstance(p, _GenericAlias) and p.__origin__ is Literal:
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if not any(type(item) is type(s) and item == s for s in seen):
                seen.append(item)
    alias = _GenericAlias(self, (), self._name, 'literal')
    alias.__args__ = tuple(seen)
    return alias


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two '
                        'arguments (a type and an annotation).')
    return _AnnotatedAlias(params[0], params[1:])


def _concatenate_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, self._name)


Any = _SpecialForm('Any', _any_getitem)
NoReturn = _SpecialForm('NoReturn', _any_getitem)
Never = _SpecialForm('Never', _any_getitem)
Self = _SpecialForm('Self', _any_getitem)
LiteralString = _SpecialForm('LiteralString', _any_getitem)
TypeAlias = _SpecialForm('TypeAlias', _any_getitem)
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _single_getitem)
Final = _SpecialForm('Final', _single_getitem)
TypeGuard = _SpecialForm('TypeGuard', _single_getitem)
Required = _SpecialForm('Required', _single_getitem)
NotRequired = _SpecialForm('NotRequired', _single_getitem)
Unpack = _SpecialForm('Unpack', _single_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)
Concatenate = _SpecialForm('Concatenate', _concatenate_getitem)


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), None)
        self.__metadata__ = tuple(metadata)

    def copy_with(self, args):
        return _AnnotatedAlias(args[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__),
            ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


# Type variables.

class TypeVar:
    """Type variable: T = TypeVar('T'), with optional constraints or bound."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__constraints__ = tuple(_type_convert(c) for c in constraints)
        self.__bound__ = _type_convert(bound) if bound is not None else None
        try:
            self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec:
    """Parameter specification variable."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    @property
    def args(self):
        return _ParamSpecPart(self, 'args')

    @property
    def kwargs(self):
        return _ParamSpecPart(self, 'kwargs')

    def __repr__(self):
        return '~' + self.__name__


class _ParamSpecPart:
    def __init__(self, origin, kind):
        self.__origin__ = origin
        self.kind = kind

    def __repr__(self):
        return '%s.%s' % (self.__origin__.__name__, self.kind)


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)


# Generic and Protocol.

class Generic:
    """Abstract base class for generic types.

    Subscripting a generic class returns the class itself (see the module
    docstring), so ``class Stack(Generic[T])`` and ``Stack[int]()`` work.
    """
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)):
                    raise TypeError('Parameters to %s[...] must all be type '
                                    'variables or parameter specification '
                                    'variables.' % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique'
                                % cls.__name__)
        return cls

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '__orig_bases__' not in cls.__dict__:
            cls.__parameters__ = ()


_PROTO_SKIP = frozenset(['__abstractmethods__', '__annotations__', '__dict__',
                         '__doc__', '__init__', '__module__', '__new__',
                         '__slots__', '__subclasshook__', '__weakref__',
                         '__class_getitem__', '__qualname__', '__parameters__',
                         '__orig_bases__', '_is_protocol',
                         '_is_runtime_protocol', '__init_subclass__',
                         '__protocol_attrs__', '__match_args__'])


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        names = list(base.__dict__) + list(base.__dict__.get('__annotations__', {}))
        for name in names:
            if not name.startswith('_abc_') and name not in _PROTO_SKIP:
                attrs.add(name)
    return attrs


def _plain_isinstance(cls, instance):
    return cls in type(instance).__mro__


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used '
                                'with @runtime_checkable protocols')
            if _plain_isinstance(cls, instance):
                return True
            for attr in _protocol_attrs(cls):
                if not hasattr(instance, attr):
                    return False
                val = getattr(type(instance), attr, None)
                if val is None and callable(getattr(cls, attr, None)):
                    return False
            return True
        return _plain_isinstance(cls, instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    if not isinstance(cls, _ProtocolMeta) or not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# Aliases of builtin and abstract container types.

class _AbcPlaceholder:
    """Stands in for a collections.abc class, which skiff lacks."""


def _abc(name):
    return type(name, (_AbcPlaceholder,), {'__module__': 'collections.abc'})


def _alias(origin, nparams, name=None, special=None):
    return _SpecialGenericAlias(origin, nparams, name or origin.__name__.capitalize(),
                                special)


List = _SpecialGenericAlias(list, 1, 'List')
Dict = _SpecialGenericAlias(dict, 2, 'Dict')
Set = _SpecialGenericAlias(set, 1, 'Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet')
Tuple = _SpecialGenericAlias(tuple, -1, 'Tuple', 'tuple')
Type = _SpecialGenericAlias(type, 1, 'Type')
Callable = _SpecialGenericAlias(_abc('Callable'), 2, 'Callable', 'callable')
Text = str

Hashable = _SpecialGenericAlias(_abc('Hashable'), 0, 'Hashable')
Sized = _SpecialGenericAlias(_abc('Sized'), 0, 'Sized')
ByteString = _SpecialGenericAlias(_abc('ByteString'), 0, 'ByteString')
Awaitable = _SpecialGenericAlias(_abc('Awaitable'), 1, 'Awaitable')
Coroutine = _SpecialGenericAlias(_abc('Coroutine'), 3, 'Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc('AsyncIterable'), 1, 'AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc('AsyncIterator'), 1, 'AsyncIterator')
Iterable = _SpecialGenericAlias(_abc('Iterable'), 1, 'Iterable')
Iterator = _SpecialGenericAlias(_abc('Iterator'), 1, 'Iterator')
Reversible = _SpecialGenericAlias(_abc('Reversible'), 1, 'Reversible')
Container = _SpecialGenericAlias(_abc('Container'), 1, 'Container')
Collection = _SpecialGenericAlias(_abc('Collection'), 1, 'Collection')
AbstractSet = _SpecialGenericAlias(_abc('Set'), 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abc('MutableSet'), 1, 'MutableSet')
Mapping = _SpecialGenericAlias(_abc('Mapping'), 2, 'Mapping')
MutableMapping = _SpecialGenericAlias(_abc('MutableMapping'), 2, 'MutableMapping')
Sequence = _SpecialGenericAlias(_abc('Sequence'), 1, 'Sequence')
MutableSequence = _SpecialGenericAlias(_abc('MutableSequence'), 1, 'MutableSequence')
MappingView = _SpecialGenericAlias(_abc('MappingView'), 1, 'MappingView')
KeysView = _SpecialGenericAlias(_abc('KeysView'), 1, 'KeysView')
ItemsView = _SpecialGenericAlias(_abc('ItemsView'), 2, 'ItemsView')
ValuesView = _SpecialGenericAlias(_abc('ValuesView'), 1, 'ValuesView')
Generator = _SpecialGenericAlias(_abc('Generator'), 3, 'Generator')
AsyncGenerator = _SpecialGenericAlias(_abc('AsyncGenerator'), 2, 'AsyncGenerator')
ContextManager = _SpecialGenericAlias(_abc('AbstractContextManager'), 1, 'ContextManager')
AsyncContextManager = _SpecialGenericAlias(_abc('AbstractAsyncContextManager'), 1,
                                           'AsyncContextManager')
Pattern = _SpecialGenericAlias(_abc('Pattern'), 1, 'Pattern')
Match = _SpecialGenericAlias(_abc('Match'), 1, 'Match')


def _collections_alias(attr, nparams, name):
    try:
        import collections
        origin = getattr(collections, attr)
    except (ImportError, AttributeError):
        origin = _abc(attr)
    return _SpecialGenericAlias(origin, nparams, name)


Deque = _collections_alias('deque', 1, 'Deque')
DefaultDict = _collections_alias('defaultdict', 2, 'DefaultDict')
OrderedDict = _collections_alias('OrderedDict', 2, 'OrderedDict')
Counter = _collections_alias('Counter', 1, 'Counter')
ChainMap = _collections_alias('ChainMap', 2, 'ChainMap')


# NamedTuple and TypedDict.

_NT_PROHIBITED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__',
                            '_fields', '_field_defaults', '_make', '_replace',
                            '_asdict', '_source'])
_NT_SPECIAL = frozenset(['__module__', '__name__', '__annotations__',
                         '__qualname__'])


def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    annotations = {n: _type_check(t, 'field %s annotation must be a type' % n)
                   for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults,
                                    module=module)
    nm_tpl.__annotations__ = annotations
    return nm_tpl


class _NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot '
                                'follow default field%s %s'
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns.get('__module__', '__main__'))
        if '__qualname__' in ns:
            nm_tpl.__qualname__ = ns['__qualname__']
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NT_SPECIAL and key not in nm_tpl._fields and key != '_root':
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError('Either list of fields or keywords can be provided '
                            'to NamedTuple, not both')
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
        return _make_nmtuple(typename, list(fields), module=module)


class NamedTuple(metaclass=_NamedTupleMeta):
    """Typed version of collections.namedtuple."""
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return super().__new__(mcls, name, bases, ns)
        for base in bases:
            if type(base) is not _TypedDictMeta:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        own = ns.get('__annotations__', {})
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        for key, tp in own.items():
            tp = _type_convert(tp)
            annotations[key] = tp
            origin = getattr(tp, '__origin__', None)
            if origin is Required:
                required.add(key)
            elif origin is NotRequired:
                optional.add(key)
            elif total:
                required.add(key)
            else:
                optional.add(key)
        ns = dict(ns)
        ns['__annotations__'] = annotations
        tp_dict = super().__new__(mcls, name, (dict,), ns)
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        if cls is TypedDict:
            return _typeddict_functional(*args, **kwargs)
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    def __instancecheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


def _typeddict_functional(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields)}
    try:
        ns['__module__'] = sys._getframe(2).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        pass
    return _TypedDictMeta(typename, (), ns, total=total)


class TypedDict(dict, metaclass=_TypedDictMeta):
    """A simple typed namespace; at run time it is equivalent to a plain dict."""
    _root = True


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta) and tp is not TypedDict


# Functions.

def cast(typ, val):
    """Cast a value to a type; at run time this returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    raise AssertionError('Expected code to be unreachable, but got: %s'
                         % repr(arg)[:100])


def reveal_type(obj, /):
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @overload-'
        'decorated functions outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    """Decorator for overloaded functions/methods."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = kwargs
        return cls_or_fn
    return decorator


class NewType:
    """NewType creates simple unique types with almost zero run time overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            self.__module__ = '__main__'

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def get_origin(tp):
    """Get the unsubscripted version of a type."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, ParamSpec)) or tp is Generic:
        return getattr(tp, '__origin__', Generic if tp is Generic else None)
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        res = tp.__args__
        if tp._special == 'callable' and res and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        return res
    return ()


def _eval_type(t, globalns, localns, include_extras=False):
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        return _eval_type(_type_convert(t._evaluate(globalns, localns)),
                          globalns, localns, include_extras)
    if isinstance(t, _AnnotatedAlias) and not include_extras:
        return _eval_type(t.__origin__, globalns, localns, include_extras)
    if isinstance(t, _GenericAlias) and t.__args__:
        args = tuple(a if a is ... else _eval_type(a, globalns, localns, include_extras)
                     for a in t.__args__)
        if t._special == 'literal' or args == t.__args__:
            return t
        return t.copy_with(args)
    if t is None:
        return _NoneType
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object, with forward references evaluated."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                module = sys.modules.get(base.__module__)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
                merged = dict(base_locals)
                merged.update(base_globals)
                base_globals, base_locals = merged, None
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                hints[name] = _eval_type(value, base_globals, base_locals,
                                         include_extras)
        return hints
    if globalns is None:
        globalns = getattr(obj, '__globals__', None)
        if globalns is None:
            module = sys.modules.get(getattr(obj, '__module__', None))
            globalns = getattr(module, '__dict__', {})
    if localns is None:
        localns = globalns
    hints = dict(getattr(obj, '__annotations__', None) or {})
    for name, value in hints.items():
        if value is None:
            value = _NoneType
        hints[name] = _eval_type(value, globalns, localns, include_extras)
    return hints


# Protocols for the common one-method interfaces, and IO placeholders.

@runtime_checkable
class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self) -> int: ...


@runtime_checkable
class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self) -> float: ...


@runtime_checkable
class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self) -> complex: ...


@runtime_checkable
class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self) -> bytes: ...


@runtime_checkable
class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self) -> int: ...


@runtime_checkable
class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self): ...


@runtime_checkable
class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits=0): ...


class IO(Generic):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO):
    __slots__ = ()


class TextIO(IO):
    __slots__ = ()
