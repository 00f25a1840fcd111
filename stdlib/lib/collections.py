"""Container datatypes: deque, defaultdict, namedtuple, OrderedDict, Counter
and ChainMap, written for skiff in pure Python.

The behaviour (results, reprs, error types and messages) follows CPython 3.11's
`collections`; the representations are skiff's own:

* `deque` keeps its items in two lists, `_front` (stored reversed, so the
  leftmost item is `_front[-1]`) and `_back`. Both ends are then plain
  `list.append`/`list.pop`; when one side runs dry, half of the other side is
  moved over, so every end operation is amortised O(1) and indexing is O(1).
  `_state` counts structural changes so iterators can detect mutation.
* `OrderedDict` is a `dict` subclass that relies on skiff's dicts keeping
  insertion order; `move_to_end(key, last=False)` rebuilds the dict (O(n)).
* `defaultdict` and `Counter` use `dict.__missing__`, which skiff's dict
  honours for subclasses.
"""

from operator import index as _operator_index
import sys as _sys
from heapq import nlargest as _nlargest

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque',
           'namedtuple']


# Objects whose repr is being computed, by id: a container met again while
# printing itself prints a placeholder instead of recursing forever.
_repr_running = set()


def _is_mapping(obj):
    """What `isinstance(obj, collections.abc.Mapping)` would say, without
    the ABC machinery: dicts, and anything with keys() and __getitem__."""
    if isinstance(obj, dict):
        return True
    cls = type(obj)
    return hasattr(cls, 'keys') and hasattr(cls, '__getitem__')


def _update_via_setitem(self, args, kwds, too_many):
    """dict.update semantics, storing each pair with `self[key] = value` so
    that subclasses overriding __setitem__ see every insertion (when none
    does, plain dicts are merged with dict.update). `too_many` formats the
    error for more than one positional argument."""
    if len(args) > 1:
        raise TypeError(too_many % len(args))
    plain = type(self).__setitem__ is dict.__setitem__
    if args:
        other = args[0]
        if plain and type(other) is dict:
            dict.update(self, other)
        elif isinstance(other, dict):
            for key, value in other.items():
                self[key] = value
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for item in other:
                it = iter(item)
                try:
                    key = next(it)
                except StopIteration:
                    raise ValueError('need more than 0 values to unpack') from None
                try:
                    value = next(it)
                except StopIteration:
                    raise ValueError('need more than 1 value to unpack') from None
                for _ in it:
                    raise ValueError('too many values to unpack (expected 2)')
                self[key] = value
    if plain:
        dict.update(self, kwds)
        return
    for key, value in kwds.items():
        self[key] = value


################################################################################
### deque
################################################################################

def _index_arg(value):
    if isinstance(value, int):
        return value
    return _operator_index(value)


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ('_front', '_back', '_maxlen', '_state')

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._front = []
        self._back = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            maxlen = int(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        if self._front or self._back:
            self.clear()
        self._maxlen = maxlen
        if iterable is not ():
            self.extend(iterable)

    def _get_maxlen(self):
        return self._maxlen

    def _set_maxlen(self, value):
        raise AttributeError("attribute 'maxlen' of 'collections.deque' objects is not writable")

    maxlen = property(_get_maxlen, _set_maxlen, _set_maxlen,
                      'maximum size of a deque or None if unbounded')
    del _get_maxlen, _set_maxlen

    # -- internal helpers ----------------------------------------------------

    def _items(self):
        """The items, left to right, as a new list."""
        items = self._front[::-1]
        items.extend(self._back)
        return items

    def _locate(self, index):
        """(list, position) holding item `index`, which must be in range."""
        front = self._front
        nf = len(front)
        if index < nf:
            return front, nf - 1 - index
        return self._back, index - nf

    def _checked_index(self, index):
        if not isinstance(index, int):
            if hasattr(type(index), '__index__'):
                index = type(index).__index__(index)
            else:
                raise TypeError('sequence index must be integer, not %r'
                                % type(index).__name__)
        n = len(self._front) + len(self._back)
        if index < 0:
            index += n
        if index < 0 or index >= n:
            raise IndexError('deque index out of range')
        return index

    def _popleft(self):
        front = self._front
        if front:
            return front.pop()
        back = self._back
        if not back:
            raise IndexError('pop from an empty deque')
        # Move the left half of _back over to _front (reversed). Slice
        # assignment, not `del back[:k]`, which takes quadratic time in
        # skiff today.
        k = (len(back) + 1) >> 1
        moved = back[:k]
        moved.reverse()
        back[:k] = []
        self._front = moved
        return moved.pop()

    def _pop(self):
        back = self._back
        if back:
            return back.pop()
        front = self._front
        if not front:
            raise IndexError('pop from an empty deque')
        k = (len(front) + 1) >> 1
        moved = front[:k]
        moved.reverse()
        front[:k] = []
        self._back = moved
        return moved.pop()

    # -- the ends ------------------------------------------------------------

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        self._back.append(x)
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self._popleft()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        self._front.append(x)
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self._pop()

    def pop(self):
        """Remove and return the rightmost element."""
        back = self._back
        if back:
            self._state += 1
            return back.pop()
        x = self._pop()
        self._state += 1
        return x

    def popleft(self):
        """Remove and return the leftmost element."""
        front = self._front
        if front:
            self._state += 1
            return front.pop()
        x = self._popleft()
        self._state += 1
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        m = self._maxlen
        if m == 0:
            for _ in iterable:
                pass
            return
        if m is None:
            back = self._back
            n = len(back)
            back.extend(iterable)
            if len(back) != n:
                self._state += 1
            return
        for x in iterable:
            self._state += 1
            self._back.append(x)
            if len(self._front) + len(self._back) > m:
                self._popleft()

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        m = self._maxlen
        if m == 0:
            for _ in iterable:
                pass
            return
        if m is None:
            front = self._front
            n = len(front)
            front.extend(iterable)
            if len(front) != n:
                self._state += 1
            return
        for x in iterable:
            self._state += 1
            self._front.append(x)
            if len(self._front) + len(self._back) > m:
                self._pop()

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._front = []
        self._back = []

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is
        negative, rotates left."""
        n = _index_arg(n)
        size = len(self._front) + len(self._back)
        self._state += 1
        if size <= 1:
            return
        k = n % size
        if k == 0:
            return
        if k > size >> 1:
            k -= size
        # Short rotations move items one at a time from one end to the
        # other (amortised O(k), as _pop/_popleft rebalance by halves);
        # long ones rebuild the item list.
        if 0 < k <= 32:
            for _ in range(k):
                x = self._pop()
                self._front.append(x)
        elif -32 <= k < 0:
            for _ in range(-k):
                x = self._popleft()
                self._back.append(x)
        else:
            items = self._items()
            self._front = []
            self._back = items[-k:] + items[:-k]

    # -- searching and editing -----------------------------------------------

    def count(self, x):
        """Return number of occurrences of value."""
        state = self._state
        n = 0
        for item in self._items():
            if item is x or item == x:
                n += 1
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, x, start=0, stop=_sys.maxsize):
        """Return first index of value.

        Raises ValueError if the value is not present."""
        start = _index_arg(start)
        stop = _index_arg(stop)
        size = len(self._front) + len(self._back)
        if start < 0:
            start += size
            if start < 0:
                start = 0
        if stop < 0:
            stop += size
            if stop < 0:
                stop = 0
        if stop > size:
            stop = size
        state = self._state
        items = self._items()
        for i in range(start, stop):
            item = items[i]
            if item is x or item == x:
                return i
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('%r is not in deque' % (x,))

    def insert(self, i, x):
        """Insert value before index."""
        i = _index_arg(i)
        size = len(self._front) + len(self._back)
        if self._maxlen is not None and size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        if i < 0:
            i += size
            if i < 0:
                i = 0
        if i > size:
            i = size
        self._state += 1
        nf = len(self._front)
        if i <= nf:
            self._front.insert(nf - i, x)
        else:
            self._back.insert(i - nf, x)

    def remove(self, value):
        """Remove first occurrence of value."""
        state = self._state
        i = 0
        for item in self._items():
            if item is value or item == value:
                if self._state != state:
                    raise IndexError('deque mutated during remove().')
                del self[i]
                return
            if self._state != state:
                raise IndexError('deque mutated during remove().')
            i += 1
        raise ValueError('%r is not in deque' % (value,))

    def reverse(self):
        """Reverse *IN PLACE*."""
        self._front, self._back = self._back, self._front

    def copy(self):
        """Return a shallow copy of a deque."""
        cls = type(self)
        if cls is deque:
            new = deque.__new__(deque)
            new._front = self._front[:]
            new._back = self._back[:]
            new._maxlen = self._maxlen
            return new
        if self._maxlen is None:
            return cls(self)
        return cls(self, self._maxlen)

    __copy__ = copy

    def __reduce__(self):
        args = () if self._maxlen is None else ((), self._maxlen)
        return type(self), args, None, iter(self)

    # -- sequence protocol ---------------------------------------------------

    def __len__(self):
        return len(self._front) + len(self._back)

    def __bool__(self):
        return bool(self._front) or bool(self._back)

    def __contains__(self, x):
        state = self._state
        for item in self._items():
            if item is x or item == x:
                return True
            if self._state != state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __getitem__(self, index):
        front = self._front
        nf = len(front)
        if type(index) is int:
            # The common cases first.
            if 0 <= index < nf:
                return front[nf - 1 - index]
            if nf <= index < nf + len(self._back):
                return self._back[index - nf]
        index = self._checked_index(index)
        lst, pos = self._locate(index)
        return lst[pos]

    def __setitem__(self, index, value):
        index = self._checked_index(index)
        lst, pos = self._locate(index)
        lst[pos] = value

    def __delitem__(self, index):
        index = self._checked_index(index)
        lst, pos = self._locate(index)
        self._state += 1
        del lst[pos]

    def __iter__(self):
        return _deque_iterator(self, self._state)

    def __reversed__(self):
        return _deque_reverse_iterator(self, self._state, len(self))

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            items = repr(self._items())
        finally:
            _repr_running.discard(key)
        name = type(self).__name__
        if self._maxlen is None:
            return '%s(%s)' % (name, items)
        return '%s(%s, maxlen=%d)' % (name, items, self._maxlen)

    __hash__ = None

    # -- comparisons and arithmetic ------------------------------------------

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque'
                            % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        return new.__imul__(n)

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _index_arg(n)
        if n <= 0:
            self.clear()
            return self
        if n == 1:
            return self
        items = self._items()
        if self._maxlen is not None:
            # Only the last maxlen items of the repetition survive.
            total = len(items) * n
            keep = min(total, self._maxlen)
            if items:
                whole = items * ((keep + len(items) - 1) // len(items) + 1)
                items = whole[len(whole) - keep:] if keep else []
            self._state += 1
            self._front = []
            self._back = items
            return self
        self._state += 1
        self._front = []
        self._back = items * n
        return self


def _deque_iterator(d, state):
    # Like CPython's, the check for mutation comes before the check for the
    # end: mutating while on the last item still raises.
    if d._state != state:
        raise RuntimeError('deque mutated during iteration')
    front = d._front
    back = d._back
    for x in reversed(front):
        yield x
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')
    for x in back:
        yield x
        if d._state != state:
            raise RuntimeError('deque mutated during iteration')


def _deque_reverse_iterator(d, state, remaining):
    # The reverse iterator checks for the end first.
    if remaining == 0:
        return
    if d._state != state:
        raise RuntimeError('deque mutated during iteration')
    for part in (reversed(d._back), d._front):
        for x in part:
            yield x
            remaining -= 1
            if remaining == 0:
                return
            if d._state != state:
                raise RuntimeError('deque mutated during iteration')


################################################################################
### defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce a new value
    when a key is not present, in __getitem__ only.  A defaultdict compares
    equal to a dict with the same items.  All remaining arguments are treated
    the same as if they were passed to the dict constructor, including
    keyword arguments."""

    def __init__(self, *args, **kwargs):
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
            args = args[1:]
        else:
            factory = None
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        if factory is None:
            frepr = 'None'
        else:
            key = id(factory)
            if key in _repr_running:
                frepr = '...'
            else:
                _repr_running.add(key)
                try:
                    frepr = repr(factory)
                finally:
                    _repr_running.discard(key)
        return '%s(%s, %s)' % (type(self).__name__, frepr, dict.__repr__(self))

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### namedtuple
################################################################################

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
])


def _refuse_set(self, value):
    raise AttributeError("can't set attribute")


def _refuse_delete(self):
    raise AttributeError("can't delete attribute")


def _tuplegetter(index, doc):
    """The accessor of a namedtuple field: a read-only property. (A
    property reads faster in skiff than a Python-level descriptor class.)"""
    def fget(self):
        return self[index]
    return property(fget, _refuse_set, _refuse_delete, doc)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = _sys.intern(str(typename))

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = '_%d' % index
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % (name,))

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % (name,))
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % (name,))
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        if defaults:
            for name, value in zip(field_names[len(field_names) - len(defaults):], defaults):
                field_defaults[name] = value

    fields = tuple(map(_sys.intern, field_names))
    num_fields = len(fields)
    arg_list = ', '.join(fields)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(['%s=%%r' % name for name in fields]) + ')'
    tuple_new = tuple.__new__

    # __new__ is compiled from source so that its signature (and so the
    # errors for missing or unexpected arguments) names the fields.
    namespace = {'_tuple_new': tuple_new, '__builtins__': {},
                 '__name__': 'namedtuple_%s' % typename}
    code = 'def __new__(_cls, %s): return _tuple_new(_cls, (%s))' % (arg_list, arg_list)
    exec(code, namespace)
    __new__ = namespace['__new__']
    __new__.__doc__ = 'Create new instance of %s(%s)' % (typename, arg_list)
    if defaults:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError('Expected %d arguments, got %d' % (num_fields, len(result)))
        return result
    _make.__doc__ = 'Make a new %s object from a sequence or iterable' % typename

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value in zip(fields, self)])
        if kwds:
            raise ValueError('Got unexpected field names: %r' % (list(kwds),))
        return result
    _replace.__doc__ = 'Return a new %s object replacing specified fields with new values' % typename

    def __repr__(self):
        """Return a nicely formatted representation string"""
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        """Return a new dict which maps field names to their values."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """Return self as a plain tuple.  Used by copy and pickle."""
        return tuple(self)

    for method in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = '%s.%s' % (typename, method.__name__)

    class_namespace = {
        '__doc__': '%s(%s)' % (typename, arg_list),
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for index, name in enumerate(fields):
        class_namespace[name] = _tuplegetter(index, 'Alias for field number %d' % index)

    result = type(typename, (tuple,), class_namespace)

    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module
    return result


################################################################################
### OrderedDict
################################################################################

class _OrderedDictView:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, list(self))

    @property
    def mapping(self):
        return self._mapping

    @staticmethod
    def _unwrap(other):
        if isinstance(other, _OrderedDictView):
            return other._view()
        return other


class _OrderedDictSetView(_OrderedDictView):
    __slots__ = ()
    __hash__ = None

    def __eq__(self, other):
        return self._view() == self._unwrap(other)

    def __ne__(self, other):
        return self._view() != self._unwrap(other)

    def __lt__(self, other):
        return self._view() < self._unwrap(other)

    def __le__(self, other):
        return self._view() <= self._unwrap(other)

    def __gt__(self, other):
        return self._view() > self._unwrap(other)

    def __ge__(self, other):
        return self._view() >= self._unwrap(other)

    def __and__(self, other):
        return self._view() & self._unwrap(other)

    def __rand__(self, other):
        return self._unwrap(other) & self._view()

    def __or__(self, other):
        return self._view() | self._unwrap(other)

    def __ror__(self, other):
        return self._unwrap(other) | self._view()

    def __sub__(self, other):
        return self._view() - self._unwrap(other)

    def __rsub__(self, other):
        return set(self._unwrap(other)) - set(self._view())

    def __xor__(self, other):
        return self._view() ^ self._unwrap(other)

    def __rxor__(self, other):
        return self._unwrap(other) ^ self._view()

    def isdisjoint(self, other):
        return self._view().isdisjoint(self._unwrap(other))


class odict_keys(_OrderedDictSetView):
    __slots__ = ()

    def _view(self):
        return dict.keys(self._mapping)

    def __iter__(self):
        return iter(dict.keys(self._mapping))

    def __reversed__(self):
        return reversed(dict.keys(self._mapping))

    def __contains__(self, key):
        return key in self._mapping


class odict_items(_OrderedDictSetView):
    __slots__ = ()

    def _view(self):
        return dict.items(self._mapping)

    def __iter__(self):
        return iter(dict.items(self._mapping))

    def __reversed__(self):
        return reversed(dict.items(self._mapping))

    def __contains__(self, item):
        return item in dict.items(self._mapping)


class odict_values(_OrderedDictView):
    __slots__ = ()

    def __iter__(self):
        return iter(dict.values(self._mapping))

    def __reversed__(self):
        return reversed(dict.values(self._mapping))

    def __contains__(self, value):
        for v in dict.values(self._mapping):
            if v is value or v == value:
                return True
        return False


class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    def __init__(self, *args, **kwds):
        _update_via_setitem(self, args, kwds, 'expected at most 1 arguments, got %d')

    def update(self, *args, **kwds):
        """D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F."""
        _update_via_setitem(self, args, kwds,
                            'update() takes at most 1 positional argument (%d given)')

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            key = next(reversed(dict.keys(self)))
        else:
            key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist."""
        if not dict.__contains__(self, key):
            raise KeyError(key)
        if last:
            value = dict.pop(self, key)
            dict.__setitem__(self, key, value)
            return
        first = next(iter(dict.keys(self)))
        if first is key or first == key:
            return
        # Reinsert everything behind the moved pair.
        value = dict.pop(self, key)
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        dict.update(self, rest)

    def keys(self):
        """D.keys() -> a set-like object providing a view on D's keys"""
        return odict_keys(self)

    def items(self):
        """D.items() -> a set-like object providing a view on D's items"""
        return odict_items(self)

    def values(self):
        """D.values() -> an object providing a view on D's values"""
        return odict_values(self)

    def __reversed__(self):
        return reversed(dict.keys(self))

    def setdefault(self, key, default=None):
        """Insert key with a value of default if key is not in the dictionary.

        Return the value for key if key is in the dictionary, else default."""
        if key in self:
            return self[key]
        self[key] = default
        return default

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        if not self:
            return '%s()' % (self.__class__.__name__,)
        _repr_running.add(key)
        try:
            return '%s(%r)' % (self.__class__.__name__, list(dict.items(self)))
        finally:
            _repr_running.discard(key)

    def __reduce__(self):
        state = None
        try:
            attrs = vars(self)
        except TypeError:
            attrs = None
        if attrs:
            state = attrs
        return self.__class__, (), state, None, iter(dict.items(self))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            for a, b in zip(dict.keys(self), dict.keys(other)):
                if not (a is b or a == b):
                    return False
            return True
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### Counter
################################################################################

class Counter(dict):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values."""

    def __init__(self, iterable=None, /, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts."""
        if n is None:
            return sorted(self.items(), key=_count_of, reverse=True)
        return _nlargest(n, self.items(), key=_count_of)

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                self_get = self.get
                for elem in iterable:
                    self[elem] = self_get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            self_get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (self.__class__.__name__, d)

    # Multiset comparisons: missing elements count as zero.

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # Multiset arithmetic: results keep only positive counts, elements of
    # the left operand first.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _count_of(pair):
    return pair[1]


################################################################################
### ChainMap
################################################################################

_marker = object()


class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view."""

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return '%s(%s)' % (self.__class__.__name__, ', '.join(map(repr, self.maps)))
        finally:
            _repr_running.discard(key)

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def popitem(self):
        """Remove and return an item pair from maps[0]."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        """Remove key from maps[0] and return its value."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError('Key not found in the first mapping: %r' % (key,))

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    # The MutableMapping mixin methods.

    # The views are collections.abc's, imported on first use so that
    # `import collections` does not load abc and collections.abc.

    def keys(self):
        from collections.abc import KeysView
        return KeysView(self)

    def items(self):
        from collections.abc import ItemsView
        return ItemsView(self)

    def values(self):
        from collections.abc import ValuesView
        return ValuesView(self)

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


def __getattr__(name):
    # `collections.abc` works without importing it first, as in CPython
    # (whose startup imports it); the import stores it in this module.
    if name == 'abc':
        import collections.abc
        return collections.abc
    raise AttributeError("module 'collections' has no attribute '%s'" % name)
