"""Heap queue algorithm (a.k.a. priority queue), written for skiff.

Heaps are lists for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for all k,
counting elements from zero; the smallest element is always a[0].

Every function compares items with `<` only, and performs the same sequence
of moves as CPython's `heapq`, so that heaps holding items that compare
equal but are distinguishable end up in the same order. `nsmallest` and
`nlargest` return exactly `sorted(iterable, key=key)[:n]` and
`sorted(iterable, key=key, reverse=True)[:n]`; `merge` is stable, taking
equal items from earlier iterables first.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(name, heap, which='argument 1'):
    if not isinstance(heap, list):
        got = 'None' if heap is None else type(heap).__name__
        raise TypeError('%s() %s must be list, not %s' % (name, which, got))


# Moving an item towards the root: `pos` holds an item that may be smaller
# than its parent; everything at indices < pos other than that path is a heap.
def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


# Moving the item at `pos` towards the leaves: it first sinks all the way
# down along the path of smaller children (one comparison per level), then
# bubbles back up to its place. This needs fewer comparisons than stopping
# as soon as the item fits, because items taken from the bottom usually
# belong near the bottom.
def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(heap, item, /):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list('heappush', heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list('heappop', heap, 'argument')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item, /):
    """Pop and return the current smallest value, and add the new item.

    The returned value may be larger than item."""
    _check_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item, /):
    """Push item on the heap, then pop and return the smallest item from the heap."""
    _check_list('heappushpop', heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x, /):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list('heapify', x, 'argument')
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


# The max-heap variants, used by merge(reverse=True) and nsmallest.

def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x, /):
    """Maxheap variant of heapify."""
    _check_list('_heapify_max', x, 'argument')
    for i in reversed(range(len(x) // 2)):
        _siftup_max(x, i)


def _heappop_max(heap, /):
    """Maxheap variant of heappop."""
    _check_list('_heappop_max', heap, 'argument')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item, /):
    """Maxheap variant of heapreplace."""
    _check_list('_heapreplace_max', heap)
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Equal items come out in the order of the iterables they came from."""
    if reverse:
        heapify_, heappop_, heapreplace_ = _heapify_max, _heappop_max, _heapreplace_max
        direction = -1
    else:
        heapify_, heappop_, heapreplace_ = heapify, heappop, heapreplace
        direction = 1

    # Heap entries are [key, order, value, iterator]; `order` breaks ties
    # so that earlier iterables win (negated for the max-heap) and the
    # values themselves are never compared.
    h = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            k = value if key is None else key(value)
            h.append([k, order * direction, value, it])
            break
    heapify_(h)
    while len(h) > 1:
        entry = h[0]
        yield entry[2]
        it = entry[3]
        for value in it:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            heapreplace_(h, entry)
            break
        else:
            heappop_(h)
    if h:
        entry = h[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]"""
    if n == 1:
        missing = object()
        if key is None:
            result = min(iterable, default=missing)
        else:
            result = min(iterable, default=missing, key=key)
        return [] if result is missing else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n smallest seen so far in a max-heap; entries carry their
    # position so that equal items keep their original order.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [elem for elem, order in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [elem for k, order, elem in result]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]"""
    if n == 1:
        missing = object()
        if key is None:
            result = max(iterable, default=missing)
        else:
            result = max(iterable, default=missing, key=key)
        return [] if result is missing else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # A min-heap of the n largest so far; positions count down so that,
    # after the final reverse sort, equal items keep their original order.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [elem for elem, order in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [elem for k, order, elem in result]
