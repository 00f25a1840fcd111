# array: construction, sequence operations, methods, bytes conversions, errors.
from array import array, typecodes, ArrayType
import array as array_mod

print(typecodes, ArrayType is array)
a = array('i', [1, 2, 3])
print(a, repr(array('d')), array('u', 'hey'), array('f', [0.1, 1.5]), array('b', b'\x01\xff'))
print(a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a[::-1], list(a), 2 in a, 5 in a)
for tc in typecodes:
    print(tc, array(tc).itemsize)
a.append(4); a.extend([5, 6]); a.extend(array('i', [7])); a.insert(0, 0); a.insert(100, 8); a.insert(-1, 9)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(3); print(a, a.index(5), a.count(2), a.index(2, 1), a.tolist())
a.reverse(); print(a)
a[0] = 42; a[1:3] = array('i', [10, 11, 12]); del a[-1]; del a[0:1]
print(a, a * 2, 2 * a, a + array('i', [1]))
a += array('i', [99]); a *= 2; print(a)
print(array('i', [1, 2]) == array('i', [1, 2]), array('i', [1, 2]) == array('d', [1.0, 2.0]),
      array('i', [1]) < array('i', [2]), array('i', [1, 2]) != [1, 2], array('b') == array('B'))
b = array('h', [1, -2, 300])
print(b.tobytes(), array('h', b.tobytes()), array('>'[:0] + 'H', b'\x01\x00\x02\x00'))
c = array('d', [1.5]); c.frombytes(array('d', [2.5]).tobytes()); print(c)
c.byteswap(); print(c.tobytes().hex()); c.byteswap(); print(c)
i = array('I', [1, 2**32 - 1]); i.byteswap(); print(i)
q = array('q', [-1, 2**62]); print(q, q.tobytes().hex(), array('Q', [2**64 - 1]))
f = array('f', [1e300, -1e300, 0.1, 1 / 3]); print(f, f[2])
u = array('u', 'abc'); u.append('d'); u.fromunicode('ef'); print(u, u.tounicode(), u.tobytes()[:8], array('u', u.tobytes()))
l = array('l'); l.fromlist([1, 2]); l.frombytes(bytes(16)); print(l)
print(array('i', range(5)), array('B', (x * 2 for x in range(4))), array('i', array('b', [1, 2])))
print(array('d', [1, True, 2.5]), array('i', [True, False]), array('f', [3]))
x = array('i', [1, 2, 3]); y = array('i', x); y[0] = 9; print(x, y)
import copy
print(copy.copy(x), copy.deepcopy(x), copy.copy(x) is x)
for bad in [lambda: array('z'), lambda: array(1), lambda: array('ii'), lambda: array('i', 'abc'),
            lambda: array('i', array('u', 'a')), lambda: array('i')[0], lambda: array('i').pop(),
            lambda: array('i', [1]).pop(5), lambda: array('i', [1]).remove(2), lambda: array('i', [1]).index(2),
            lambda: array('i', [1]).__setitem__(3, 1), lambda: array('i', [1]).__setitem__(slice(0, 1), [1]),
            lambda: array('i', [1]).__setitem__(slice(0, 1), array('d', [1.0])),
            lambda: array('i') + [1], lambda: array('i') + array('d'), lambda: array('i').extend(array('d')),
            lambda: array('i').frombytes(b'abc'), lambda: array('i').frombytes('ab'),
            lambda: array('i').fromlist((1,)), lambda: array('i').tounicode(), lambda: array('i').fromunicode('a'),
            lambda: array('u').fromunicode(1), lambda: array('i')['a'],
            lambda: array('i', [1]).__delitem__(5), lambda: array('b', [1]).append(128)]:
    try:
        bad()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
print(array_mod.array is array)
