"""Functional tools for creating and using iterators (CPython 3.11's itertools).

Written from the library documentation. Every iterator is a class whose
``__iter__`` returns the object itself and whose ``__next__`` produces one
item, so that, as in CPython, ``iter(it) is it``, ``type(it).__name__`` is
the documented name, count and repeat have their CPython reprs, and an
exception raised by a user function inside ``__next__`` leaves the iterator
usable. (Under skiff, resuming a generator costs about half as much as a
call to a Python ``__next__``, which shows only in the simplest iterators
such as count and repeat; a generator cannot give those guarantees.)

State is set up in ``__new__``, as CPython's types do, so a subclass may
define ``__init__`` with any signature.

Conventions that keep ``__next__`` cheap in a bytecode interpreter:

* Items are fetched with ``next(it)``; the StopIteration that ends the
  underlying iterator simply propagates out of ``__next__``, which is the
  iterator protocol. Where an object must remember that it is exhausted,
  it drops its reference to the underlying iterator (``_it = None``).
* Hot attributes are loaded into locals once per call.
* Argument checking happens in the constructor and follows CPython's
  order and messages where they are practical to reproduce.
"""

from operator import index as _operator_index

# Like CPython's C module, this one has no __all__: every public name is
# exported by `from itertools import *`.

_MAXSIZE = 9223372036854775807
_new = object.__new__


class _Marker:
    """A unique placeholder for "no value yet"."""
    __slots__ = ()

    def __repr__(self):
        return '<no value>'

_NOVALUE = _Marker()


def _index(x):
    """operator.index(x), with CPython's message for a non-integer."""
    if type(x) is int:
        return x
    return _operator_index(x)


def _ssize(x):
    """x as a C Py_ssize_t, or -1 if it is not an integer or out of range
    (CPython's PyNumber_AsSsize_t with the error cleared)."""
    try:
        x = _index(x)
    except TypeError:
        return -1
    if x > _MAXSIZE or x < -_MAXSIZE - 1:
        return -1
    return x


def _is_number(x):
    """CPython's PyNumber_Check: can x be converted to int, float or complex?"""
    if isinstance(x, (int, float, complex)):
        return True
    t = type(x)
    return (hasattr(t, '__index__') or hasattr(t, '__int__')
            or hasattr(t, '__float__'))


# Infinite iterators.

class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __new__(cls, start=0, step=1):
        self = _new(cls)
        if not _is_number(start) or not _is_number(step):
            raise TypeError('a number is required')
        # CPython counts in a machine integer while start is an int that
        # fits and step is 1; there, a bool start or step counts as an int.
        if (isinstance(step, int) and step == 1 and isinstance(start, int)
                and -_MAXSIZE - 1 <= start <= _MAXSIZE):
            start = int(start)
            step = 1
        self._n = start
        self._step = step
        return self

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return '%s(%r)' % (type(self).__name__, self._n)
        return '%s(%r, %r)' % (type(self).__name__, self._n, step)

    def __reduce__(self):
        return type(self), (self._n, self._step)


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""

    def __new__(cls, iterable, /):
        self = _new(cls)
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is not None:
            # First pass: hand out items and remember them.
            try:
                item = next(it)
            except StopIteration:
                self._it = None
                if not self._saved:
                    raise
            else:
                self._saved.append(item)
                return item
        saved = self._saved
        if not saved:
            raise StopIteration
        i = self._index
        item = saved[i]
        i += 1
        if i == len(saved):
            i = 0
        self._index = i
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __new__(cls, object, times=_NOVALUE):
        self = _new(cls)
        self._obj = object
        if times is _NOVALUE:
            # A negative count means "forever".
            self._cnt = -1
        else:
            times = _index(times)
            if times > _MAXSIZE:
                raise OverflowError('Python int too large to convert to C ssize_t')
            self._cnt = times if times > 0 else 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        cnt = self._cnt
        if cnt < 0:
            return self._obj
        if cnt == 0:
            raise StopIteration
        self._cnt = cnt - 1
        return self._obj

    def __length_hint__(self):
        if self._cnt < 0:
            raise TypeError('len() of unsized object')
        return self._cnt

    def __repr__(self):
        if self._cnt < 0:
            return '%s(%r)' % (type(self).__name__, self._obj)
        return '%s(%r, %d)' % (type(self).__name__, self._obj, self._cnt)

    def __reduce__(self):
        if self._cnt < 0:
            return type(self), (self._obj,)
        return type(self), (self._obj, self._cnt)


# Iterators terminating on the shortest input sequence.

class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __new__(cls, iterable, func=None, *, initial=None):
        self = _new(cls)
        self._it = iter(iterable)
        self._func = func
        # With an initial value, the first item is that value and consumes
        # nothing from the iterable.
        self._pending = initial is not None
        self._total = _NOVALUE if initial is None else initial
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._pending:
            self._pending = False
            return self._total
        value = next(self._it)
        total = self._total
        if total is _NOVALUE:
            self._total = value
            return value
        func = self._func
        if func is None:
            total = total + value
        else:
            total = func(total, value)
        self._total = total
        return total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __new__(cls, *iterables):
        self = _new(cls)
        self._source = iter(iterables)
        self._active = None
        return self

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = _new(cls)
        self._source = iter(iterable)
        self._active = None
        return self

    def __iter__(self):
        return self

    def __next__(self):
        active = self._active
        if active is not None:
            try:
                return next(active)
            except StopIteration:
                self._active = None
        source = self._source
        if source is None:
            raise StopIteration
        while True:
            try:
                active = iter(next(source))
            except BaseException:
                # The end of the input, or an error from it or from iter()
                # (as in CPython, a non-iterable input ends the chain).
                self._source = None
                raise
            self._active = active
            try:
                return next(active)
            except StopIteration:
                self._active = None


class compress:
    """Return data elements corresponding to true selector elements.

    Forms a shorter iterator from selected data elements using the selectors
    to choose the data elements.
    """

    def __new__(cls, data, selectors):
        self = _new(cls)
        # zip takes an item of data before the matching selector, as CPython
        # does, and stops at the shorter input.
        self._pairs = zip(data, selectors)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        for datum, selector in self._pairs:
            if selector:
                return datum
        raise StopIteration


class dropwhile:
    """Drop items from the iterable while predicate(item) is true.

    Afterwards, return every element until the iterable is exhausted.
    """

    def __new__(cls, predicate, iterable, /):
        self = _new(cls)
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if self._dropping:
            pred = self._pred
            while True:
                item = next(it)
                if not pred(item):
                    self._dropping = False
                    return item
        return next(it)


class filterfalse:
    """Return those items of iterable for which function(item) is false.

    If function is None, return the items that are false.
    """

    def __new__(cls, function, iterable, /):
        self = _new(cls)
        self._pred = function
        self._it = iter(iterable)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        pred = self._pred
        if pred is None:
            while True:
                item = next(it)
                if not item:
                    return item
        while True:
            item = next(it)
            if not pred(item):
                return item


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable

      iterable
        Elements to divide into groups according to the key function.
      key
        A function for computing the group category for each element.
        If the key function is not specified or is None, the element itself
        is used for grouping.
    """

    # State shared with the _grouper objects: _currkey and _currvalue are the
    # key and value of the item most recently read from the input (_currvalue
    # is _NOVALUE once a grouper has handed it out); _tgtkey is the key of
    # the current group; _currgrouper is the only grouper still allowed to
    # read, so advancing the groupby invalidates earlier groupers.

    def __new__(cls, iterable, key=None):
        self = _new(cls)
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = _NOVALUE
        self._currkey = _NOVALUE
        self._currvalue = _NOVALUE
        self._currgrouper = None
        return self

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        keyfunc = self._keyfunc
        self._currkey = value if keyfunc is None else keyfunc(value)
        self._currvalue = value

    def __next__(self):
        self._currgrouper = None
        # Skip to the first item of the next group.
        while True:
            if self._currkey is _NOVALUE:
                pass
            elif self._tgtkey is _NOVALUE:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = key = self._currkey
        grouper = _grouper(self, key)
        return key, grouper


class _grouper:
    """The iterator over one group of a groupby object."""

    def __new__(cls, parent, tgtkey):
        self = _new(cls)
        self._parent = parent
        self._tgtkey = tgtkey
        parent._currgrouper = self
        return self

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._currgrouper is not self:
            raise StopIteration
        if parent._currvalue is _NOVALUE:
            parent._step()
        if not (self._tgtkey == parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _NOVALUE
        return value


_STOP_MSG = ('Stop argument for islice() must be None or an integer: '
             '0 <= x <= sys.maxsize.')
_INDICES_MSG = ('Indices for islice() must be None or an integer: '
                '0 <= x <= sys.maxsize.')


class islice:
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable.  If start is specified, will skip all preceding elements;
    otherwise, start defaults to zero.  Step defaults to one.  If
    specified as another value, step determines how many values are
    skipped between successive calls.  Works like a slice() on a list
    but returns an iterator."""

    # _cnt counts the items read from the input, _next is the index of the
    # next item to return, _stop is -1 for "no stop". When an item is
    # returned, _next advances by the step but never beyond _stop, so the
    # input is read up to the stop position and no further.

    def __new__(cls, *args, **kwargs):
        self = _new(cls)
        if kwargs:
            raise TypeError('islice() takes no keyword arguments')
        nargs = len(args)
        if nargs < 2:
            raise TypeError('islice expected at least 2 arguments, got %d' % nargs)
        if nargs > 4:
            raise TypeError('islice expected at most 4 arguments, got %d' % nargs)
        start = 0
        stop = -1
        step = 1
        if nargs == 2:
            if args[1] is not None:
                stop = _ssize(args[1])
                if stop == -1:
                    raise ValueError(_STOP_MSG)
        else:
            if args[1] is not None:
                start = _ssize(args[1])
            if args[2] is not None:
                stop = _ssize(args[2])
                if stop == -1:
                    raise ValueError(_STOP_MSG)
        if start < 0 or stop < -1:
            raise ValueError(_INDICES_MSG)
        if nargs == 4 and args[3] is not None:
            step = _ssize(args[3])
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(args[0])
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        cnt = self._cnt
        nxt = self._next
        try:
            while cnt < nxt:
                next(it)
                cnt += 1
            if stop != -1 and cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        except BaseException:
            self._cnt = cnt
            raise
        self._cnt = cnt + 1
        nxt += self._step
        if stop != -1 and nxt > stop:
            nxt = stop
        self._next = nxt
        return item


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ...
    """

    def __new__(cls, iterable, /):
        self = _new(cls)
        self._it = iter(iterable)
        self._old = _NOVALUE
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        old = self._old
        try:
            if old is _NOVALUE:
                old = self._old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _NOVALUE
            raise
        self._old = new
        return (old, new)


class starmap:
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""

    def __new__(cls, function, iterable, /):
        self = _new(cls)
        self._func = function
        self._it = iter(iterable)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self._func(*next(self._it))


class takewhile:
    """Return successive entries from an iterable as long as the
    predicate evaluates to true for each entry."""

    def __new__(cls, predicate, iterable, /):
        self = _new(cls)
        self._pred = predicate
        self._it = iter(iterable)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        item = next(it)
        if self._pred(item):
            return item
        self._it = None
        raise StopIteration


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument.  The
    .__next__() method continues until the longest iterable in the argument
    sequence is exhausted and then it raises StopIteration.  When the
    shorter iterables are exhausted, the fillvalue is substituted in their
    place.  The fillvalue defaults to None or can be specified by a keyword
    argument.
    """

    def __new__(cls, *iterables, **kwargs):
        self = _new(cls)
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fillvalue = kwargs['fillvalue']
        # Exhausted inputs are replaced by None in _its.
        self._its = [iter(it) for it in iterables]
        self._numactive = len(self._its)
        self._fillvalue = fillvalue
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if not self._numactive:
            raise StopIteration
        its = self._its
        result = []
        i = 0
        for it in its:
            if it is None:
                result.append(self._fillvalue)
            else:
                try:
                    result.append(next(it))
                except StopIteration:
                    self._numactive -= 1
                    if not self._numactive:
                        raise
                    its[i] = None
                    result.append(self._fillvalue)
                except BaseException:
                    self._numactive = 0
                    raise
            i += 1
        return tuple(result)


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    if n == 0:
        return ()
    if not hasattr(it, '__copy__'):
        it = _tee(it)
    copy = it.__copy__
    result = [it]
    for i in range(1, n):
        result.append(copy())
    return tuple(result)


class _tee:
    """Iterator wrapped to make it copyable."""

    # The tee objects made from one input share a singly linked list of
    # links [value, next_link]; each object points at the last link it has
    # read, and the first to need a value reads it from the shared input and
    # appends it. Links no tee object can reach any more are garbage.

    def __new__(cls, iterable, /):
        self = _new(cls)
        it = iter(iterable)
        if isinstance(it, _tee):
            self._it = it._it
            self._link = it._link
        else:
            self._it = it
            self._link = [None, None]
        return self

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        nxt = link[1]
        if nxt is None:
            value = next(self._it)
            nxt = link[1]
            if nxt is None:
                nxt = link[1] = [value, None]
        self._link = nxt
        return nxt[0]

    def __copy__(self):
        new = _new(type(self))
        new._it = self._it
        new._link = self._link
        return new


# Combinatoric iterators. Each builds its pools eagerly in the constructor,
# as CPython does, and then steps an index vector per item.

class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops.

    For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).
    The leftmost iterators are in the outermost for-loop, so the output tuples
    cycle in a manner similar to an odometer (with the rightmost element changing
    on every iteration).

    To compute the product of an iterable with itself, specify the number
    of repetitions with the optional repeat keyword argument. For example,
    product(A, repeat=4) means the same as product(A, A, A, A).

    product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)
    product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...
    """

    def __new__(cls, *iterables, **kwargs):
        self = _new(cls)
        repeat = 1
        if kwargs:
            if len(kwargs) > 1:
                raise TypeError('product() takes at most 1 keyword argument '
                                '(%d given)' % len(kwargs))
            if 'repeat' not in kwargs:
                raise TypeError("'%s' is an invalid keyword argument for product()"
                                % next(iter(kwargs)))
            repeat = _index(kwargs['repeat'])
            if repeat < 0:
                raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._pools = pools
        self._indices = [0] * len(pools)
        # _result is the previous output as a list, None before the first.
        self._result = None
        self._done = False
        for pool in pools:
            if not pool:
                self._done = True
        return self

    def __iter__(self):
        return self

    def __next__(self):
        result = self._result
        if result is None:
            if self._done:
                raise StopIteration
            result = self._result = [pool[0] for pool in self._pools]
            return tuple(result)
        pools = self._pools
        indices = self._indices
        i = len(pools) - 1
        while i >= 0:
            pool = pools[i]
            j = indices[i] + 1
            if j < len(pool):
                indices[i] = j
                result[i] = pool[j]
                return tuple(result)
            # This wheel rolls over; carry into the one to its left.
            indices[i] = 0
            result[i] = pool[0]
            i -= 1
        self._done = True
        self._result = None
        raise StopIteration


class permutations:
    """Return successive r-length permutations of elements in the iterable.

    permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)
    """

    def __new__(cls, iterable, r=None):
        self = _new(cls)
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        else:
            if not isinstance(r, int):
                raise TypeError('Expected int as r')
            r = int(r)
            if r < 0:
                raise ValueError('r must be non-negative')
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._done = r > n
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        indices = self._indices
        r = self._r
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices[:r]])
        n = len(pool)
        if n:
            cycles = self._cycles
            i = r - 1
            while i >= 0:
                c = cycles[i] - 1
                if c == 0:
                    # Rotate indices[i:] left by one and reset this cycle.
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    cycles[i] = c
                    indices[i], indices[-c] = indices[-c], indices[i]
                    return tuple([pool[k] for k in indices[:r]])
                i -= 1
        self._done = True
        raise StopIteration


class combinations:
    """Return successive r-length combinations of elements in the iterable.

    combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)
    """

    def __new__(cls, iterable, r):
        self = _new(cls)
        r = _index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        pool = tuple(iterable)
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(pool)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        indices = self._indices
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices])
        r = self._r
        # Find the rightmost index that is not at its maximum, n - r + i.
        i = r - 1
        top = len(pool) - r
        while i >= 0 and indices[i] == i + top:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        j = indices[i] + 1
        while i < r:
            indices[i] = j
            i += 1
            j += 1
        return tuple([pool[i] for i in indices])


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats.

    combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')
    """

    def __new__(cls, iterable, r):
        self = _new(cls)
        r = _index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        pool = tuple(iterable)
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not pool and r > 0
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        pool = self._pool
        indices = self._indices
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices])
        r = self._r
        # Find the rightmost index that is not at the last element.
        last = len(pool) - 1
        i = r - 1
        while i >= 0 and indices[i] == last:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        j = indices[i] + 1
        while i < r:
            indices[i] = j
            i += 1
        return tuple([pool[i] for i in indices])
