# array: +, *, +=, *=, comparisons, `in`, and the list-like methods, with
# CPython's errors (messages that name the array type itself print only the
# exception type: skiff's type names carry no module).
from array import array


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


def kind(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__)


a = array('i', [1, 2, 3])
b = array('i', [4])
print(a + b, b + a, a + array('i'), a * 2, 2 * a, a * 0, a * -1, 0 * a, a * True)
print((a + b).typecode, type(a * 1) is array, a * 1 is a, (a * 1) == a)
for other in [[1], (1,), 1, 'x', b'x', array('d', [1.0]), array('u', 'x'), None]:
    attempt('add %r' % (other,), lambda: a + other)
for n in [1.5, 'x', None, [2], 10**30]:
    attempt('mul %r' % (n,), lambda: a * n)
    attempt('rmul %r' % (n,), lambda: n * a)
kind('radd list', lambda: [1] + a)
kind('radd int', lambda: 1 + a)
print(array('u', 'ab') + array('u', 'cd'), array('u', 'ab') * 2)

c = array('d', [1.0])
alias = c
c += array('d', [2.0])
c *= 2
print(c, c is alias)
c += c
print(c)
c *= 1
c *= 0
print(c, c is alias, len(c))
for other in [[1.0], 1.0, array('f', [1.0])]:
    def f():
        global c
        c += other
    attempt('iadd %r' % (other,), f)
for n in [1.5, 'x', 10**30]:
    def f():
        global c
        c *= n
    attempt('imul %r' % (n,), f)


# A right operand's reflected method runs first, as CPython's number slots do.
class R:
    def __radd__(self, other):
        return 'radd'

    def __rmul__(self, other):
        return 'rmul'


class NotImpl:
    def __radd__(self, other):
        return NotImplemented

    def __rmul__(self, other):
        return NotImplemented


class Count:
    def __index__(self):
        return 2

    def __rmul__(self, other):
        return NotImplemented


print(a + R(), a * R(), a * Count(), Count() * a)
d = array('b', [1])
d += R()
print(d)
d = array('b', [1])
d *= R()
print(d)
attempt('notimpl add', lambda: a + NotImpl())
attempt('notimpl mul', lambda: a * NotImpl())

# Comparisons: item by item, then by length; any typecodes.
x, y = array('i', [1, 2, 3]), array('i', [1, 2, 4])
print(x == y, x != y, x < y, x <= y, x > y, x >= y)
print(x == array('d', [1.0, 2.0, 3.0]), x < array('d', [1.0, 2.5]), array('b') == array('B'))
print(x < array('i', [1, 2, 3, 0]), array('i', [1]) > array('i'), array('i') <= array('i'))
print(array('Q', [2**64 - 1]) == array('d', [2.0**64]), array('q', [2**53 + 1]) == array('d', [2.0**53]))
nan = float('nan')
print(array('d', [nan]) == array('d', [nan]), array('d', [nan]) != array('d', [nan]), array('f', [nan]) < array('f', [1.0]))
print(array('u', 'abc') < array('u', 'abd'), array('u', 'b') > array('u', 'abc'), array('u', 'a') == array('u', 'a'))
print(array('i', [1]) == array('u', 'a'), array('i') < array('u'), x == [1, 2, 3], x != (1, 2, 3), x.__eq__(5))
attempt('lt mixed', lambda: array('i', [1]) < array('u', 'a'))
kind('lt other', lambda: x < 5)
kind('hash', lambda: hash(x))
print(array.__hash__)

# Membership, count, index, remove.
e = array('d', [1.0, 2.5, 1.0, -0.0])
print(1 in e, 1.0 in e, True in e, 2 in e, 0 in e, 'x' in e, None in e)
print(e.count(1), e.count(0.0), e.count('x'), e.index(2.5), e.index(0), e.index(1.0, 1), e.index(1, -2))
for args in [(3,), (1.0, 3), (1.0, 0, 0), ('x',)]:
    attempt('index %r' % (args,), lambda: e.index(*args))
attempt('index badstart', lambda: e.index(1.0, 'a'))
attempt('index noargs', lambda: e.index())
attempt('index many', lambda: e.index(1, 2, 3, 4))
attempt('index kw', lambda: e.index(1, start=0))
print(e.index(1.0, -100, 100), e.index(1.0, 1, 10**20))
e.remove(1)
print(e)
attempt('remove', lambda: e.remove(7))
u = array('u', 'hello')
print('l' in u, 'll' in u, 1 in u, u.count('l'), u.index('o'), u.count(108))
q = array('Q', [2**64 - 1, 0])
print(2**64 - 1 in q, -1 in q, q.index(0), q.count(2**64 - 1))


class Eq:
    def __eq__(self, other):
        return other == 3


print(Eq() in array('i', [1, 3]), array('i', [1, 3]).count(Eq()), array('i', [1, 3]).index(Eq()))

# append, extend, insert, pop, reverse.
f = array('h')
f.append(1)
f.append(True)
f.extend([3, 4])
f.extend((5,))
f.extend(x for x in [6])
f.extend(array('h', [7]))
f.extend(f)
print(f)
f.insert(0, -1)
f.insert(-1, -2)
f.insert(100, -3)
f.insert(-100, -4)
print(f)
print(f.pop(), f.pop(0), f.pop(-2), f.pop(3), f)
for args in [(100,), (-100,), ('a',), (1.5,), (10**30,), (1, 2)]:
    attempt('pop %r' % (args,), lambda: f.pop(*args))
attempt('pop empty', lambda: array('h').pop())
attempt('pop kw', lambda: f.pop(i=0))
attempt('insert 1 arg', lambda: f.insert(0))
attempt('insert 3 args', lambda: f.insert(0, 1, 2))
attempt('insert bad', lambda: f.insert('a', 1))
attempt('insert big', lambda: f.insert(10**30, 1))
attempt('insert value', lambda: f.insert(0, 2**20))
for src in [5, 'ab', [1, 'x'], array('i', [1]), None]:
    attempt('extend %r' % (src,), lambda: f.extend(src))
print(f)
attempt('extend none', lambda: f.extend())
attempt('append none', lambda: f.append())
attempt('append two', lambda: f.append(1, 2))
attempt('append kw', lambda: f.append(x=1))
f.reverse()
print(f)
attempt('reverse arg', lambda: f.reverse(1))
u = array('u', 'ab')
u.extend('cd')
u.extend(array('u', 'e'))
print(u)
attempt('u extend ints', lambda: u.extend([1]))
attempt('u extend array', lambda: u.extend(array('b', [1])))

# Truth and len.
print(bool(array('b')), bool(array('b', [0])), len(array('d', [1, 2])), len(array('u', 'xyz')))
