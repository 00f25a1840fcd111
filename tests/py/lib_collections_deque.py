# collections.deque: construction, both ends, maxlen, rotation, searching,
# indexing, iteration (and mutation during it), comparisons, arithmetic,
# copying and error messages.
from collections import deque


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def errtype(label, f):
    # For errors whose message names the type differently in skiff
    # ('deque' rather than 'collections.deque').
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)


# Construction and repr
print(deque(), deque([1, 2]), deque('abc'), deque(range(3), 2), deque([1], maxlen=3))
print(deque(iterable=[1], maxlen=2), deque(maxlen=0), deque((x * x for x in range(4))))
print(deque([1, 2], None).maxlen, deque([], 5).maxlen, deque(maxlen=True).maxlen)
show('bad maxlen', lambda: deque([], -1))
show('bad maxlen type', lambda: deque([], 'a'))
show('not iterable', lambda: deque(1))
show('set maxlen', lambda: setattr(deque(), 'maxlen', 3))
errtype('hash', lambda: hash(deque()))
errtype('attr', lambda: setattr(deque(), 'x', 1))

# The ends
d = deque()
d.append(1); d.append(2); d.appendleft(0); d.appendleft(-1)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([3, 4]); d.extendleft([9, 8])
print(d, d.popleft(), d.pop(), d)
show('pop empty', lambda: deque().pop())
show('popleft empty', lambda: deque().popleft())

# Alternating ends force the halves to rebalance many times.
d = deque()
out = []
for i in range(50):
    d.append(i)
    if i % 3 == 0:
        out.append(d.popleft())
    if i % 7 == 0:
        d.appendleft(-i)
    if i % 5 == 0:
        out.append(d.pop())
print(out)
print(list(d))
while len(d) > 2:
    d.popleft()
    d.pop()
print(d)

# A FIFO queue
q = deque()
total = 0
for i in range(1000):
    q.append(i)
    if len(q) > 10:
        total += q.popleft()
print(total, len(q), q[0], q[-1])

# maxlen
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d)
d.appendleft(10)
print(d)
d.extend([20, 21])
print(d)
d.extendleft([30, 31, 32, 33])
print(d)
z = deque([1, 2], 0)
z.append(1); z.appendleft(2); z.extend([1, 2]); z.extendleft([3])
print(z, len(z))
show('insert full', lambda: deque([1], 1).insert(0, 2))
d = deque([1, 2], 3)
d.insert(1, 5)
print(d)

# rotate
for n in (0, 1, 2, -1, -2, 5, -7, 10, 123, -123):
    d = deque(range(7))
    d.rotate(n)
    print('rotate', n, list(d))
d = deque(range(10))
for _ in range(25):
    d.rotate()
print(d)
for _ in range(13):
    d.rotate(-2)
print(d)
d = deque(range(100))
for i in range(200):
    d.rotate(i * 7 - 300)
print(list(d)[:10], d[50])
e = deque(); e.rotate(3); print(e)
e = deque([1]); e.rotate(-3); print(e)
show('rotate str', lambda: deque([1]).rotate('a'))

# Indexing and editing
d = deque('abcdef')
print(d[0], d[5], d[-1], d[-6], d[True])
d[0] = 'A'; d[-1] = 'F'; d[2] = 'C'
print(d)
del d[1]; del d[-1]; del d[0]
print(d)
show('index out of range', lambda: deque([1])[1])
show('index out of range neg', lambda: deque([1])[-2])
show('index empty', lambda: deque()[0])
show('slice', lambda: deque([1])[0:1])
show('str index', lambda: deque([1])['a'])
show('setitem out of range', lambda: deque().__setitem__(0, 1))
show('delitem out of range', lambda: deque().__delitem__(0))
for i in (-100, -2, 0, 1, 3, 100):
    d = deque([1, 2, 3])
    d.insert(i, 'x')
    print('insert', i, d)
d = deque([1, 2, 3, 2, 1])
print(d.count(1), d.count(2), d.count(7), d.index(2), d.index(2, 2), d.index(1, -1), d.index(3, 0, 3))
show('index missing', lambda: deque([1, 2]).index(3))
show('index window', lambda: deque([1, 2, 3, 2]).index(2, 0, 1))
show('index window2', lambda: deque([1, 2, 3, 2]).index(2, 10, -10))
d.remove(2)
print(d)
show('remove missing', lambda: deque([1]).remove(2))
d.reverse()
print(d)
d.clear()
print(d, len(d), bool(d))

# Membership, iteration, reversed
d = deque(range(5))
d.appendleft(-1)
print(3 in d, 9 in d, -1 in d, list(d), list(reversed(d)), bool(d), bool(deque()))
print(list(iter(iter(d))), sum(d), max(d), sorted(d, reverse=True))
nan = float('nan')
print(nan in deque([nan]), deque([nan]).count(nan))


def mutate_during(op, rev=False):
    d = deque([1, 2, 3])
    seen = []
    try:
        for x in (reversed(d) if rev else d):
            seen.append(x)
            if x == (1 if rev else 3):
                op(d)
    except RuntimeError as e:
        return seen, str(e)
    return seen


print(mutate_during(lambda d: d.pop()))
print(mutate_during(lambda d: d.append(9)))
print(mutate_during(lambda d: d.rotate(1)))
print(mutate_during(lambda d: d.clear()))
print(mutate_during(lambda d: d.remove(1)))
print(mutate_during(lambda d: d.insert(0, 1)))
print(mutate_during(lambda d: d.__delitem__(0)))
print(mutate_during(lambda d: d.__setitem__(0, 5)))
print(mutate_during(lambda d: d.extend([])))
print(mutate_during(lambda d: d.pop(), rev=True))
d = deque([1, 2, 3])
it = iter(d)
print(next(it))
d.append(4)
show('after append', lambda: next(it))
it = iter(d)
d.popleft()
show('before first', lambda: next(it))

# Comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([2, 1]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]),
      deque([1, 2]) >= deque([1]), deque([1], 2) == deque([1]))
errtype('lt list', lambda: deque([1]) < [1])

# Arithmetic
print(deque([1, 2]) + deque([3]), deque([1, 2], 3) + deque([3, 4]))
show('add list', lambda: deque([1]) + [1])
d = deque([1]); d += [2, 3]; d += d
print(d)
print(deque([1, 2]) * 2, 2 * deque([1, 2]), deque([1, 2]) * 0, deque([1, 2]) * -1)
print(deque([1, 2], 3) * 2, deque([1, 2, 3], 5) * 4, deque([1, 2], 0) * 3, deque([], 3) * 5)
d = deque([1, 2], 5); d *= 3
print(d)
d = deque([1, 2]); d *= 1
print(d)

# extend with itself
d = deque([0, 1]); d.extend(d); print(d)
d = deque([0, 1]); d.extendleft(d); print(d)

# Copies and subclasses
d = deque([[1], 2], 4)
c = d.copy()
print(c, c == d, c is d, c[0] is d[0], c.maxlen)
r = d.__reduce__()
print(r[0] is deque, r[1], r[2], list(r[3]))
print(deque([1]).__reduce__()[1])


class Sub(deque):
    pass


s = Sub([1, 2])
print(s, Sub([1], 2), type(s.copy()).__name__, s.copy(), type(s + deque()).__name__)
s.extra = 5
print(s.extra, isinstance(s, deque))


class Stack(deque):
    def __init__(self, items):
        super().__init__(items, maxlen=4)

    def push(self, x):
        self.append(x)


st = Stack('ab')
st.push('c'); st.push('d'); st.push('e')
print(st, st.maxlen)

# Recursive repr
d = deque()
d.append(d)
d.append(1)
print(d)

# __init__ again resets
d = deque([1, 2, 3])
d.__init__([7], 2)
print(d, d.maxlen)
