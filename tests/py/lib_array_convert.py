# array: constructors, bytes/str/list conversions, byteswap, sizes and
# CPython's growth policy (visible through __sizeof__).
from array import array, typecodes, ArrayType
import array as array_mod


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(typecodes, ArrayType is array, array_mod.typecodes is typecodes)
print(sorted(n for n in vars(array_mod) if not n.startswith('__')))
print(array.__name__, array.__qualname__, array.__module__, repr(array), repr(type(iter(array('b')))))
for tc in typecodes:
    x = array(tc)
    print(tc, x.typecode, x.itemsize, len(x), x.__sizeof__(), x.buffer_info()[1], repr(x))

# Initializers: lists, tuples, iterables, bytes-likes, str for 'u', arrays.
print(array('i', [1, 2]), array('i', (3, 4)), array('i', range(3)), array('i', iter([5])), array('i', {7: 'x'}))
print(array('d', (x / 2 for x in range(3))), array('f', [1, 2.5, True]), array('b', b'\x01\xff'), array('B', bytearray(b'ab')))
print(array('u', 'héllo'), array('u', ['a', 'b']), array('u', array('u', 'xy')), array('d', array('i', [1, 2])))
print(array('H', b'\x01\x00\x02\x00'), array('d', array('d', [0.5])), array('i', array('b', [-1])))
for args in [(), ('i', [1], 3), ('z',), ('z', 'abc'), ('z', 5), ('z', [1]), ('i', 5), ('i', 'abc'), ('', []),
             ('ii',), (b'i',), (1,), (None,), ('u', [1]), ('u', array('i', [1])), ('i', array('u', 'a')),
             ('i', b'abc'), ('u', b'abc'), ('i', None), ('i', [1, 'x']), ('b', [1, 300]), ('é',), ('d', ['1.5'])]:
    attempt('array%r' % (args,), lambda: array(*args))
attempt('kw', lambda: array('i', initializer=[1]))
attempt('kw2', lambda: array(typecode='i'))
attempt('new int', lambda: array.__new__(int, 'i'))
attempt('new 5', lambda: array.__new__(5, 'i'))
attempt('new none', lambda: array.__new__())
print(array.__new__(array, 'h', [1]))

# Sizes follow CPython's allocation: exact for new arrays, over-allocated
# when grown item by item.
g = array('i')
sizes = []
for i in range(20):
    g.append(i)
    sizes.append(g.__sizeof__())
print(sizes)
print(array('i', range(20)).__sizeof__(), array('i', list(range(20))).__sizeof__(), (array('i', [0]) * 20).__sizeof__())
h = array('d', [0.0] * 40)
for i in range(30):
    h.pop()
print(len(h), h.__sizeof__())
del h[:]
print(len(h), h.__sizeof__())
h.frombytes(bytes(8 * 3))
print(len(h), h.__sizeof__())

# tobytes / frombytes.
k = array('h', [1, -2, 300])
print(k.tobytes(), array('h', k.tobytes()) == k, array('b', [1, 2]).tobytes())
k.frombytes(b'\x05\x00')
k.frombytes(bytearray(b'\x06\x00'))
k.frombytes(array('B', [7, 0]))
k.frombytes(array('b', [8, 0]))
print(k)
for buf in [b'\x01', 'ab', 5, array('h', [1]), None, [1, 2]]:
    attempt('frombytes %r' % (buf,), lambda: k.frombytes(buf))
attempt('frombytes none', lambda: k.frombytes())
attempt('tobytes arg', lambda: k.tobytes(1))

# fromlist / tolist.
m = array('l', [1])
m.fromlist([2, 3])
m.fromlist([])
print(m, m.tolist(), type(m.tolist()).__name__)
attempt('fromlist tuple', lambda: m.fromlist((4,)))
attempt('fromlist bad item', lambda: m.fromlist([4, 'x', 5]))
print(m)
attempt('fromlist big', lambda: m.fromlist([2**63]))
print(m, array('u', 'ab').tolist(), array('f', [0.1]).tolist(), array('Q', [2**64 - 1]).tolist())

# 'u' arrays.
u = array('u', 'ab')
u.fromunicode('cd')
u.append('é')
print(u, u.tounicode(), len(u), u.itemsize, u.tobytes()[:8], array('u', u.tobytes()))
attempt('fromunicode bytes', lambda: u.fromunicode(b'x'))
attempt('fromunicode on i', lambda: array('i').fromunicode('x'))
attempt('fromunicode on i bytes', lambda: array('i').fromunicode(b'x'))
attempt('tounicode on i', lambda: array('i').tounicode())
attempt('u bad char', lambda: array('u', b'\x00\x00\x11\x00').tounicode())
attempt('u bad repr', lambda: repr(array('u', b'\x00\x00\x11\x00')))
attempt('u bad item', lambda: array('u', b'\x00\x00\x11\x00')[0])
for v in ['', 'ab', 1, b'a', None]:
    attempt('u append %r' % (v,), lambda: u.append(v))

# byteswap, reverse, buffer_info.
for tc, vals in [('b', [1, -2]), ('H', [1, 258]), ('i', [1, -2]), ('I', [1, 2**32 - 2]), ('q', [1, -2]),
                 ('f', [1.0, -2.5]), ('d', [1.0, -2.5]), ('u', 'ab')]:
    s = array(tc, vals)
    s.byteswap()
    t = array(tc, s.tobytes())
    t.byteswap()
    print(tc, s.tobytes().hex(), t == array(tc, vals))
attempt('byteswap arg', lambda: array('i').byteswap(1))
info = array('d', [1, 2]).buffer_info()
print(type(info).__name__, len(info), info[1], type(info[0]).__name__, array('d').buffer_info())

# Float rounding of 'f', infinities, and the 'd' conversions.
print(array('f', [0.1, 1e300, -1e300, 2**1000, 1 / 3]), array('d', [10**20, True, -0.0]))
attempt('d huge int', lambda: array('d', [2**1100]))


class F:
    def __float__(self):
        return 2.5


class BadF:
    def __float__(self):
        return 'x'


class I:
    def __index__(self):
        return 7


class BadI:
    def __index__(self):
        return 'x'


print(array('d', [F(), I()]), array('f', [F()]), array('i', [I()]), array('Q', [I()]))
for tc, v in [('d', BadF()), ('i', F()), ('i', BadI()), ('I', BadI()), ('q', BadI()), ('d', BadI())]:
    attempt('conv %s %s' % (tc, type(v).__name__), lambda: array(tc, [v]))

# copy and the copy module.
import copy
n = array('i', [1, 2])
for c in [n.__copy__(), n.__deepcopy__({}), copy.copy(n), copy.deepcopy(n), n[:]]:
    print(c, c == n, c is n)
attempt('deepcopy noarg', lambda: n.__deepcopy__())

# fromfile / tofile with file-like objects.
import io
bio = io.BytesIO()
array('h', [1, 2, 3]).tofile(bio)
print(bio.getvalue())
bio.seek(0)
r = array('h')
r.fromfile(bio, 2)
print(r)
attempt('fromfile short', lambda: r.fromfile(bio, 5))
print(r)
attempt('fromfile negative', lambda: r.fromfile(bio, -1))
attempt('fromfile arity', lambda: r.fromfile(bio))
attempt('fromfile not a file', lambda: r.fromfile(5, 1))


class Writer:
    def __init__(self):
        self.calls = []

    def write(self, b):
        self.calls.append(len(b))


w = Writer()
array('d', range(20000)).tofile(w)
array('d').tofile(w)
print(w.calls)


class BadReader:
    def read(self, n):
        return 'text'


attempt('fromfile str', lambda: array('b').fromfile(BadReader(), 1))
