# array: pickling (__reduce_ex__ and _array_reconstructor, CPython's
# machine format codes), copying, and pickling of array iterators.
from array import array, typecodes, _array_reconstructor
import array as array_mod
import copy
import pickle


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


samples = {'b': [-1, 2], 'B': [255], 'u': 'hé', 'h': [-300], 'H': [65535], 'i': [-2**31], 'I': [2**32 - 1],
           'l': [-2**63], 'L': [2**64 - 1], 'q': [2**62], 'Q': [2**64 - 1], 'f': [0.5, -1e30], 'd': [1e300, -0.0]}
for tc in typecodes:
    a = array(tc, samples[tc])
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, proto))
        assert b == a and type(b) is array and b.typecode == tc, (tc, proto)
    print(tc, a.__reduce_ex__(2), a.__reduce_ex__(3)[1:], a.__reduce_ex__(4)[0] is _array_reconstructor)
print(array('d').__reduce_ex__(4), array('i').__reduce_ex__(0))
print(array_mod._array_reconstructor is _array_reconstructor, _array_reconstructor.__name__)
attempt('reduce_ex noarg', lambda: array('i').__reduce_ex__())
attempt('reduce_ex str', lambda: array('i').__reduce_ex__('x'))
empty = pickle.loads(pickle.dumps(array('f')))
print(empty, len(empty))
nan = pickle.loads(pickle.dumps(array('d', [float('nan'), float('inf')])))
print(nan)

# Shared references survive.
x = array('i', [1, 2])
pair = pickle.loads(pickle.dumps([x, x]))
print(pair, pair[0] is pair[1])


# Subclasses keep their class and attributes.
class Tagged(array):
    pass


t = Tagged('h', [1, 2])
t.tag = 'x'
print(t.__reduce_ex__(2), t.__reduce_ex__(4)[1][0] is Tagged, t.__reduce_ex__(4)[2])
for proto in (0, 2, 4):
    u = pickle.loads(pickle.dumps(t, proto))
    print(type(u).__name__, u, u.tag)
print(Tagged('i').__reduce_ex__(3)[2])

# The reconstructor converts other machines' formats.
r = _array_reconstructor
print(r(array, 'i', 8, b'\x01\x00\x00\x00\x02\x00\x00\x00'))
print(r(array, 'i', 9, b'\x00\x00\x00\x01'), r(array, 'i', 12, b'\x01' + bytes(7)), r(array, 'b', 0, b'\xff'))
print(r(array, 'H', 3, b'\x01\x02'), r(array, 'h', 5, b'\xff\xfe'), r(array, 'L', 11, bytes(7) + b'\x05'))
print(r(array, 'd', 17, b'\x3f\xf0' + bytes(6)), r(array, 'f', 15, b'\x3f\xc0\x00\x00'), r(array, 'd', 14, b'\x00\x00\xc0\x3f'))
print(r(array, 'u', 18, b'a\x00b\x00'), r(array, 'u', 19, b'\x00a\x00b'), r(array, 'u', 21, b'\x00\x00\x00z\x00\x00\x00y'))
attempt('utf32 one', lambda: r(array, 'u', 21, b'\x00\x00\x00z'))
attempt('utf16 one', lambda: r(array, 'u', 18, b'z\x00'))
attempt('odd utf16', lambda: r(array, 'u', 19, b'\x00a\x00'))
attempt('odd ints', lambda: r(array, 'i', 9, b'\x00a\x00'))
print(r(Tagged, 'i', 8, bytes(4)), r(array, 'i', 8, b''), r(array, 'b', 1, b'\x01\x02\x03'))
for args in [(5, 'i', 8, b''), (int, 'i', 8, b''), (array, 'z', 8, b''), (array, 'i', 99, b''),
             (array, 'i', -1, b''), (array, 'i', 8, 'x'), (array, 'i', 8, bytearray()), (array, 'i', 8, b'\x01'),
             (array, 'i', 8), (array, 5, 8, b'')]:
    attempt('reconstruct %r' % (args[1:],), lambda: r(*args))

# copy and deepcopy give independent plain arrays.
c = array('b', [1, 2])
c2, c3 = copy.copy(c), copy.deepcopy(c)
c2[0] = 9
print(c, c2, c3, type(copy.copy(t)).__name__)
nested = [array('i', [1])]
deep = copy.deepcopy(nested)
deep[0][0] = 5
print(nested, deep)

# Iterators pickle as iter(array) plus their position.
it = iter(array('i', [10, 20, 30]))
next(it)
print(it.__reduce__())
it2 = pickle.loads(pickle.dumps(it))
print(list(it2), list(it))
print(it.__reduce__())
it3 = iter(array('u', 'ab'))
it3.__setstate__(5)
print(list(it3))
it4 = iter(array('u', 'ab'))
it4.__setstate__(-3)
print(list(it4))

# Converted formats allocate exactly, as CPython's constructor does.
for args in [(array, 'd', 17, bytes(8) * 20), (array, 'i', 17, bytes(8)), (array, 'f', 14, bytes(4) * 3),
             (array, 'i', 9, bytes(4) * 21), (array, 'q', 13, bytes(8) * 2), (array, 'u', 19, b'\x00a' * 10),
             (array, 'u', 20, b'a\x00\x00\x00' * 3), (array, 'b', 0, b'\x01' * 30)]:
    try:
        v = r(*args)
        print(v.typecode, len(v), v.__sizeof__())
    except Exception as e:
        print(type(e).__name__, e)
print(array('u', 'hello').__sizeof__(), array('u', b'h\x00\x00\x00' * 5).__sizeof__(), array('u', array('u', 'abc')).__sizeof__())
