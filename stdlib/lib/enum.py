"""Enumerations (CPython 3.11's enum), written from the library documentation.

Two skiff limitations shape this module:

* skiff does not call a metaclass's ``__prepare__``, so the class body runs
  in a plain dict. EnumType therefore finds the members after the body has
  run, in the namespace's definition order. ``auto()`` values are resolved
  at that point too; so that ``WHITE = RED | GREEN`` still works in a Flag
  body (where RED and GREEN are still ``auto`` objects), ``auto`` supports
  the bitwise operators by building a deferred expression.
* Instances of int, str and tuple subclasses have no ``__dict__`` in skiff,
  so a member of IntEnum or IntFlag cannot carry ``_name_`` and ``_value_``
  as instance attributes. Every member keeps them in a side table of its
  class (``_member_slots_``), keyed by ``id(member)``, behind the
  ``_name_``/``_value_`` properties. A class holds its members, so their
  ids are not reused while the table exists, and the table dies with the
  class (a global table would outlive dead enum classes and hand a new
  member at a reused address the old one's values); a member that is
  discarded (an alias) has its entry removed.

Observable behaviour follows CPython 3.11: reprs (``<Color.RED: 1>``,
``<Perm.R|W: 6>``), str and format (ReprEnum mixes use the data type's),
the ValueError for an invalid value, Flag boundaries (STRICT, CONFORM,
EJECT, KEEP), aliases, ``_missing_`` and ``_generate_next_value_``.
"""

import sys

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique', 'FlagBoundary', 'STRICT',
           'CONFORM', 'EJECT', 'KEEP', 'member', 'nonmember', 'property']

_builtin_property = property

def _member_slots(obj):
    """The side table of obj's class: id(member) -> {'_name_': ...,
    '_value_': ...}; see the module docstring."""
    return type(obj)._member_slots_


def _slot_getter(attr):
    def get(self):
        try:
            return _member_slots(self)[id(self)][attr]
        except KeyError:
            raise AttributeError("%r object has no attribute %r"
                                 % (type(self).__name__, attr)) from None
    return get


def _slot_setter(attr):
    def set(self, value):
        table = _member_slots(self)
        slots = table.get(id(self))
        if slots is None:
            slots = table[id(self)] = {}
        slots[attr] = value
    return set


def _has_slot(obj, attr):
    slots = _member_slots(obj).get(id(obj))
    return slots is not None and attr in slots


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return name.startswith(prefix) and not name.endswith('__')


_FunctionType = type(lambda: None)


def _is_descriptor(obj):
    t = type(obj)
    # skiff's function type does not expose __get__, hence the isinstance.
    return (isinstance(obj, _FunctionType) or hasattr(t, '__get__') or hasattr(t, '__set__')
            or hasattr(t, '__delete__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bin(num, max_bits=None):
    """'0b0 1010'-style binary with a sign digit, as in CPython's errors."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = s[:3], s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class _AutoExpr:
    """A deferred operation on auto() values, evaluated once they resolve."""

    def __init__(self, op, operands):
        self.op = op
        self.operands = operands

    def resolve(self):
        vals = [_resolve_auto(v) for v in self.operands]
        return self.op(*vals)

    def __or__(self, other):
        return _AutoExpr(lambda a, b: a | b, (self, other))

    def __ror__(self, other):
        return _AutoExpr(lambda a, b: a | b, (other, self))

    def __and__(self, other):
        return _AutoExpr(lambda a, b: a & b, (self, other))

    def __rand__(self, other):
        return _AutoExpr(lambda a, b: a & b, (other, self))

    def __xor__(self, other):
        return _AutoExpr(lambda a, b: a ^ b, (self, other))

    def __rxor__(self, other):
        return _AutoExpr(lambda a, b: a ^ b, (other, self))

    def __invert__(self):
        return _AutoExpr(lambda a: ~a, (self,))


def _resolve_auto(value):
    if isinstance(value, auto):
        if value.value is _auto_null:
            raise TypeError('auto() value used before it was assigned')
        return value.value
    if isinstance(value, _AutoExpr):
        return value.resolve()
    return value


class auto(_AutoExpr):
    """Instances are replaced with an appropriate value in Enum classes."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


class property(_builtin_property):
    """Enum's property; here a plain property."""


# Set once the base classes exist; EnumType.__new__ checks them.
Enum = ReprEnum = Flag = None
_STRICT = _CONFORM = _EJECT = _KEEP = None


def _find_data_type(bases):
    """The first non-Enum base of the bases' MROs other than object."""
    for chain in bases:
        for base in chain.__mro__:
            if base is object:
                continue
            if isinstance(base, EnumType):
                continue
            return base
    return object


def _find_first_enum(bases):
    if not bases:
        return None
    last = bases[-1]
    if not isinstance(last, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    return last


def _defining_class(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass
    return None


class EnumType(type):
    """Metaclass for Enum."""

    def __new__(metacls, cls, bases, classdict, boundary=None, _simple=False,
                **kwds):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (cls, base))
        member_type = _find_data_type(bases)
        first_enum = _find_first_enum(bases)

        ignore = classdict.get('_ignore_', ())
        if isinstance(ignore, str):
            ignore = ignore.replace(',', ' ').split()
        members = []
        namespace = {}
        for key, value in classdict.items():
            if key in ignore or key == '_ignore_':
                continue
            if isinstance(value, nonmember):
                namespace[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key)
                  or _is_private(cls, key) or _is_descriptor(value)):
                namespace[key] = value
            else:
                members.append((key, value))

        if Enum is None:
            # Creating Enum itself: its __new__ is the lookup, not a
            # member constructor.
            new_member = object.__new__
        else:
            new_member = namespace.pop('__new__', None)
            if isinstance(new_member, staticmethod):
                new_member = new_member.__func__
            if new_member is None and first_enum is not None:
                new_member = getattr(first_enum, '_new_member_', None)
                if new_member is object.__new__:
                    new_member = None
            if new_member is None:
                new_member = (object.__new__ if member_type is object
                              else member_type.__new__)
        use_args = new_member is not object.__new__

        namespace['_new_member_'] = staticmethod(new_member)
        namespace['_use_args_'] = use_args
        namespace['_member_names_'] = []
        namespace['_member_map_'] = {}
        namespace['_value2member_map_'] = {}
        namespace['_member_slots_'] = {}
        namespace['_unhashable_values_'] = []
        namespace['_member_type_'] = member_type
        if boundary is not None:
            namespace['_boundary_'] = boundary
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)

        if Enum is not None:
            metacls._fix_methods(enum_class, classdict, member_type, first_enum, bases)
            # Calling the class looks a value up (EnumType.__call__); the
            # member constructor lives on as _new_member_.
            type.__setattr__(enum_class, '__new__', Enum.__dict__['__new__'])

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        gen = getattr(enum_class, '_generate_next_value_', None)
        last_values = []
        for count, (name, value) in enumerate(members):
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gen(name, 1, count, last_values[:])
                value = value.value
            elif isinstance(value, _AutoExpr):
                value = value.resolve()
            last_values.append(value)
            metacls._add_member(enum_class, name, value, member_type, is_flag)

        if is_flag:
            flag_mask = singles = 0
            for m in enum_class._member_map_.values():
                v = m._value_
                if isinstance(v, int):
                    flag_mask |= v
                    if _is_single_bit(v):
                        singles |= v
            type.__setattr__(enum_class, '_flag_mask_', flag_mask)
            type.__setattr__(enum_class, '_singles_mask_', singles)
            type.__setattr__(enum_class, '_all_bits_',
                             2 ** flag_mask.bit_length() - 1)
        return enum_class

    @staticmethod
    def _fix_methods(enum_class, classdict, member_type, first_enum, bases):
        # A data type's __repr__/__str__/__format__ would shadow Enum's in
        # the MRO; use Enum's unless the enum itself defines one (or is a
        # ReprEnum, which keeps the data type's str and format).
        if ReprEnum is not None and ReprEnum in bases:
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
                classdict = dict(classdict, __format__=None)
            if '__str__' not in classdict:
                if '__str__' in member_type.__dict__:
                    method = member_type.__dict__['__str__']
                else:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
                classdict = dict(classdict, __str__=None)
        for name in ('__repr__', '__str__', '__format__'):
            if name in classdict:
                continue
            owner = _defining_class(enum_class, name)
            if owner is object or owner is member_type or not isinstance(owner, EnumType):
                type.__setattr__(enum_class, name, getattr(first_enum, name))

    @staticmethod
    def _add_member(enum_class, name, value, member_type, is_flag):
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        new = enum_class._new_member_
        if enum_class._use_args_:
            m = new(enum_class, *args)
        else:
            m = new(enum_class)
        if not _has_slot(m, '_value_'):
            if member_type is object:
                m._value_ = value
            else:
                try:
                    m._value_ = member_type(*args)
                except Exception as exc:
                    raise TypeError('_value_ not set in __new__, unable to '
                                    'create it') from exc
        value = m._value_
        m._name_ = name
        try:
            m.__objclass__ = enum_class
        except AttributeError:
            pass
        m.__init__(*args)
        canonical = None
        for existing in enum_class._member_map_.values():
            if existing._value_ == value:
                canonical = existing
                break
        if canonical is not None:
            if canonical is not m:
                _member_slots(m).pop(id(m), None)
            m = canonical
        elif not is_flag or (isinstance(value, int) and _is_single_bit(value)):
            enum_class._member_names_.append(name)
        enum_class._member_map_[name] = m
        try:
            enum_class._value2member_map_.setdefault(value, m)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        if not _is_descriptor_name(enum_class, name):
            type.__setattr__(enum_class, name, m)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return _lookup(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        first_enum = bases[-1]
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            original, names = names, []
            last_values = []
            for count, name in enumerate(original):
                value = first_enum._generate_next_value_(name, start, count,
                                                         last_values[:])
                last_values.append(value)
                names.append((name, value))
        classdict = {}
        items = names.items() if hasattr(names, 'items') else names
        for item in items:
            if isinstance(item, str):
                name, value = item, names[item]
            else:
                name, value = item
            classdict[name] = value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        ns = {'__module__': module if module is not None else '__main__',
              '__qualname__': qualname if qualname is not None else class_name}
        ns.update(classdict)
        return metacls.__new__(metacls, class_name, bases, ns,
                               boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (_type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType
_type = type


def _is_descriptor_name(enum_class, name):
    # A member whose name is a property of a base (``name``, ``value``)
    # stays reachable through _member_map_ only, as in CPython.
    for klass in enum_class.__mro__[1:]:
        if name in klass.__dict__ and _is_descriptor(klass.__dict__[name]):
            return True
    return False


def _lookup(cls, value):
    if _type(value) is cls:
        return value
    try:
        return cls._value2member_map_[value]
    except KeyError:
        pass
    except TypeError:
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
    exc = None
    try:
        result = cls._missing_(value)
    except Exception as e:
        exc = e
        result = None
    if isinstance(result, cls):
        return result
    if (Flag is not None and issubclass(cls, Flag)
            and cls._boundary_ is _EJECT and isinstance(result, int)):
        return result
    ve = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
    if result is None and exc is None:
        raise ve
    if exc is None:
        exc = TypeError('error in %s._missing_: returned %r instead of None '
                        'or a valid member' % (cls.__name__, result))
    if not isinstance(exc, ValueError):
        exc.__context__ = ve
    raise exc


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    _name_ = _builtin_property(_slot_getter('_name_'), _slot_setter('_name_'))
    _value_ = _builtin_property(_slot_getter('_value_'), _slot_setter('_value_'))

    def __new__(cls, value):
        return _lookup(cls, value)

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        try:
            return sorted(last_values)[-1] + 1
        except TypeError:
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = ['__class__', '__doc__', '__eq__', '__hash__', '__module__',
                 'name', 'value']
        names += [k for k in self.__class__.__dict__ if not k.startswith('_')
                  and k not in self._member_map_]
        return sorted(set(names))

    @_builtin_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """Control how out-of-range values are handled by Flag."""
    STRICT = 'strict'
    CONFORM = 'conform'
    EJECT = 'eject'
    KEEP = 'keep'


STRICT, CONFORM, EJECT, KEEP = FlagBoundary
_STRICT, _CONFORM, _EJECT, _KEEP = STRICT, CONFORM, EJECT, KEEP


class Flag(Enum, boundary=STRICT):
    """Support for flags."""

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            m = cls._member_map_[name]
            if m._value_ & value:
                yield m

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if boundary is _STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, _bin(value, max_bits),
                                    _bin(flag_mask, max_bits)))
            elif boundary is _CONFORM:
                value = value & flag_mask
            elif boundary is _EJECT:
                return value
            elif boundary is _KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        members = list(cls._iter_member_(value))
        combined = 0
        for m in members:
            combined |= m._value_
        for m in cls._member_map_.values():
            v = m._value_
            if v and not _is_single_bit(v) and v & value == v and m not in members:
                members.append(m)
                combined |= v
        unknown = value ^ combined
        if not combined:
            name = None
            if unknown:
                name = cls._numeric_repr_(unknown)
        else:
            name = '|'.join([m._name_ for m in members])
            if unknown:
                name += '|%s' % cls._numeric_repr_(unknown)
        pseudo._name_ = name
        canonical = cls._value2member_map_.setdefault(value, pseudo)
        if canonical is not pseudo:
            _member_slots(pseudo).pop(id(pseudo), None)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = canonical
        return canonical

    _numeric_repr_ = repr

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (_type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(list(self.__class__._iter_member_(self._value_)))

    def __len__(self):
        return bin(self._value_ & self._singles_mask_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._other_value(other)
        if v is NotImplemented:
            return v
        return self.__class__(self._value_ ^ v)

    def __invert__(self):
        if self._boundary_ in (_EJECT, _KEEP):
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags."""

    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__
    __contains__ = Flag.__contains__
    __iter__ = Flag.__iter__
    __len__ = Flag.__len__
    __bool__ = Flag.__bool__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, m in enumeration.__members__.items():
        if name != m.name:
            duplicates.append((name, m.name))
    if duplicates:
        details = ', '.join(['%s -> %s' % (alias, name) for alias, name in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
