# array: item and slice reads, writes and deletions, with CPython's errors.
from array import array


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


a = array('d', [0.5, 1.5, 2.5, 3.5])
print(a[0], a[3], a[-1], a[-4], a[True], a[Idx(2)], a[Idx(-1)])
for k in [4, -5, 10**20, -10**20, 'x', 1.0, None, (0,)]:
    attempt('get %r' % (k,), lambda: a[k])

# Every typecode round-trips what it stores.
for tc, v in [('b', -128), ('B', 255), ('h', -32768), ('H', 65535), ('i', -2**31), ('I', 2**32 - 1),
              ('l', -2**63), ('L', 2**64 - 1), ('q', 2**63 - 1), ('Q', 2**64 - 1), ('f', 0.25), ('d', -0.0), ('u', 'z')]:
    x = array(tc, [v, v])
    x[1] = v
    print(tc, x[0], x[-1], x[0] == v, type(x[1]).__name__)

# Writes: the index is checked before the value is converted.
b = array('i', [1, 2, 3])
b[0] = 10
b[-1] = -30
b[Idx(1)] = 20
b[True] = 21
print(b)
for k, v in [(3, 1), (-4, 1), (5, 'x'), (0, 'x'), (0, 2**31), (0, 1.0), ('a', 1), (10**20, 1), (None, 1)]:
    def f():
        b[k] = v
    attempt('set %r %r' % (k, v), f)
print(b)

# Slices read.
c = array('h', range(10))
for s in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(-3, None),
          slice(8, 2, -2), slice(100, 200), slice(-100, 3), slice(5, 2), slice(1, 9, 3), slice(Idx(1), Idx(4))]:
    r = c[s]
    print(r, type(r).__name__, r.typecode)
attempt('step0', lambda: c[::0])
attempt('badslice', lambda: c['a':])
print(c[:] is c, c[:] == c)

# Slice assignment needs an array of the same typecode.
d = array('b', [1, 2, 3, 4, 5])
d[1:3] = array('b', [7, 8, 9])
print(d)
d[1:4] = array('b')
print(d)
d[0:0] = array('b', [-1])
print(d)
d[3:1] = array('b', [6])
print(d)
d[10:] = array('b', [10])
print(d)
d[::2] = array('b', [0] * len(d[::2]))
print(d)
d[::-2] = array('b', range(1, len(d[::-2]) + 1))
print(d)
d[1:3] = d
print(d)
d[:] = d[::-1]
print(d)
for v in [[1], (1,), b'\x01', 'x', 5, array('h', [1]), array('B', [1]), array('b', [1, 2])]:
    def f():
        d[::2] = v
    attempt('setslice %r' % (v,), f)
def f():
    d[1:2] = array('u', 'x')
attempt('setslice u', f)
print(d)

# Deletions.
e = array('L', range(12))
del e[0]
del e[-1]
del e[Idx(2)]
print(e)
del e[::3]
print(e)
del e[::-2]
print(e)
del e[5:1]
del e[100:]
print(e)
del e[:]
print(e, len(e))
for k in [0, -1, 'a', 1.5]:
    def f():
        del e[k]
    attempt('del %r' % (k,), f)

# Item access through the special methods and on a subclass.
f = array('q', [5, 6, 7])
print(f.__getitem__(1), f.__getitem__(slice(1, None)), f.__len__())
f.__setitem__(0, 50)
f.__delitem__(-1)
print(f)
attempt('arity', lambda: f.__setitem__(0))
attempt('unbound', lambda: array.__getitem__([1], 0))
attempt('unbound2', lambda: array.__len__('x'))
