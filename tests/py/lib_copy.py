# copy.copy and copy.deepcopy: builtin containers, atomic values, instances
# (__dict__ and __slots__), the __copy__/__deepcopy__ hooks, the reduce
# protocol (__reduce__, __reduce_ex__, __getnewargs__, __getstate__,
# __setstate__), memo and cycles, subclasses of builtins, collections.
import copy
from collections import namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# Atomic values are returned as they are.
values = [None, 1, 2.5, True, 3j, 'str', b'bytes', (1, 2), frozenset([1]), range(3),
          slice(1, 2), len, show, int, Ellipsis, NotImplemented, property()]
print([copy.copy(v) is v for v in values])
print([copy.deepcopy(v) is v for v in values])

# Shallow copies of containers
lst = [1, [2, 3], {'k': [4]}]
c = copy.copy(lst)
print(c, c == lst, c is lst, c[1] is lst[1])
for v in ({'a': [1]}, {1, 2}, bytearray(b'xy')):
    c = copy.copy(v)
    print(type(c).__name__, c, c == v, c is v)

# Deep copies
d = copy.deepcopy(lst)
print(d, d == lst, d[1] is lst[1], d[2]['k'] is lst[2]['k'])
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 'a', (2, None))) is (1, 'a', (2, None)))
fs = frozenset([1, 2])
print(copy.deepcopy(fs), copy.deepcopy(fs) is fs)
print(copy.deepcopy({1, 2}), copy.deepcopy(bytearray(b'ab')), copy.deepcopy(slice(1, [2])))
nested = {'a': [1, {'b': (2, [3])}], 'c': ({'d': 4},)}
dn = copy.deepcopy(nested)
print(dn, dn == nested, dn['a'][1]['b'][1] is nested['a'][1]['b'][1], dn['c'] is nested['c'])

# Sharing and cycles
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc, len(dc))
dcyc = {'name': 'root'}
dcyc['self'] = dcyc
dd = copy.deepcopy(dcyc)
print(dd['self'] is dd, dd is dcyc)
tcyc = [1]
tup = (tcyc,)
tcyc.append(tup)
dt = copy.deepcopy(tup)
print(dt[0][1] is dt, dt is tup)

# Memo
memo = {}
src = [1, 2]
first = copy.deepcopy(src, memo)
print(first, copy.deepcopy(src, memo) is first, id(src) in memo)
memo = {id(src): 'replaced'}
print(copy.deepcopy([src, src], memo))


class Plain:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return 'Plain(%r)' % (self.v,)


p = Plain([1, 2])
cp = copy.copy(p)
dp = copy.deepcopy(p)
print(cp, cp is p, cp.v is p.v, dp, dp.v is p.v, type(dp).__name__)
p.me = p
dp = copy.deepcopy(p)
print(dp.me is dp, dp.me is p)


class Empty:
    pass


e = copy.copy(Empty())
print(type(e).__name__, vars(e))


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]


class SlottedChild(Slotted):
    __slots__ = ('c',)


s = SlottedChild()
s.c = 'c'
cs = copy.copy(s)
ds = copy.deepcopy(s)
print(cs.a is s.a, ds.a is s.a, ds.a, ds.c, hasattr(ds, 'b'), type(ds).__name__)


class Mixed:
    __slots__ = ('x', '__dict__')


m = Mixed()
m.x = 1
m.y = [2]
dm = copy.deepcopy(m)
print(dm.x, dm.y, dm.y is m.y)


# Hooks
class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Hooked('copy of %s' % self.v)

    def __deepcopy__(self, memo):
        return Hooked('deepcopy of %s (memo %s)' % (self.v, type(memo).__name__))


print(copy.copy(Hooked(1)).v, copy.deepcopy(Hooked(2)).v, copy.deepcopy([Hooked(3)])[0].v)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    def __deepcopy__(self, memo):
        new = Node(self.name + "'")
        memo[id(self)] = new
        new.children = copy.deepcopy(self.children, memo)
        return new


root = Node('root')
root.children.append(root)
root.children.append(Node('leaf'))
nr = copy.deepcopy(root)
print(nr.name, nr.children[0] is nr, nr.children[1].name)


class Reduced:
    def __init__(self, x):
        self.x = x

    def __reduce__(self):
        return (Reduced, (self.x * 2,))


print(copy.copy(Reduced(3)).x, copy.deepcopy(Reduced([1])).x)


class ReducedEx:
    def __reduce_ex__(self, protocol):
        return (ReducedEx.make, (protocol,))

    @staticmethod
    def make(protocol):
        r = ReducedEx.__new__(ReducedEx)
        r.protocol = protocol
        return r


print(copy.copy(ReducedEx()).protocol, copy.deepcopy(ReducedEx()).protocol)


class Global:
    def __reduce__(self):
        return 'Global'


g = Global()
print(copy.copy(g) is g, copy.deepcopy(g) is g)


class WithState:
    def __init__(self):
        self.data = [1]
        self.cache = 'expensive'

    def __getstate__(self):
        return {'data': self.data}

    def __setstate__(self, state):
        self.data = state['data']
        self.cache = 'rebuilt'


ws = copy.deepcopy(WithState())
print(ws.data, ws.cache)


class StateNoSet:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {'a': 10, 'extra': True}


sn = copy.copy(StateNoSet())
print(sn.a, sn.extra)


class NewArgs:
    def __new__(cls, *args):
        self = object.__new__(cls)
        self.args = args
        return self

    def __getnewargs__(self):
        return ('rebuilt',)


na = copy.copy(NewArgs(1, 2))
print(na.args)


class NewArgsEx:
    def __new__(cls, a, *, b):
        self = object.__new__(cls)
        self.ab = (a, b)
        return self

    def __getnewargs_ex__(self):
        return (self.ab[0],), {'b': self.ab[1]}

    def __getstate__(self):
        return None


print(copy.copy(NewArgsEx(1, b=2)).ab, copy.deepcopy(NewArgsEx(5, b=[6])).ab)


# Methods, functions, classes
class Counterish:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


obj = Counterish()
m = copy.deepcopy(obj.bump)
print(m(), m(), obj.n, m.__self__ is obj)
print(copy.copy(Counterish) is Counterish, copy.deepcopy(Counterish) is Counterish)
print(copy.copy(obj.bump) == obj.bump)

# Subclasses of builtins


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyTuple(tuple):
    pass


class MySet(set):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


ml = MyList([1, [2]])
for v in (ml, MyDict(a=[1]), MyTuple((1, [2])), MySet([1, 2]), MyInt(5), MyStr('s')):
    c = copy.copy(v)
    d = copy.deepcopy(v)
    print(type(c).__name__, c, c == v, c is v, type(d).__name__, d, d == v, d is v)
print(copy.deepcopy(ml)[1] is ml[1], copy.copy(ml)[1] is ml[1])


class Err(Exception):
    pass


err = Err('msg', [1])
err.note = 'n'
ce = copy.copy(err)
de = copy.deepcopy(err)
print(type(ce).__name__, ce.args, ce.note, de.args, de.args[1] is err.args[1], str(de))

# collections
P = namedtuple('P', 'x y')
p = P(1, [2])
print(copy.copy(p), copy.copy(p) == p, copy.deepcopy(p), copy.deepcopy(p).y is p.y)
dq = deque([[1], 2], 5)
print(copy.copy(dq), copy.copy(dq)[0] is dq[0], copy.deepcopy(dq), copy.deepcopy(dq)[0] is dq[0])
od = OrderedDict([('b', [1]), ('a', 2)])
print(copy.copy(od), copy.deepcopy(od), copy.deepcopy(od)['b'] is od['b'])
ddf = defaultdict(list, a=[1])
cddf = copy.deepcopy(ddf)
print(copy.copy(ddf), cddf, cddf['a'] is ddf['a'], cddf.default_factory is list)
print(copy.copy(Counter('aab')), copy.deepcopy(Counter('abb')))
cm = ChainMap({'a': [1]}, {'b': 2})
print(copy.copy(cm), copy.copy(cm).maps[1] is cm.maps[1], copy.deepcopy(cm), copy.deepcopy(cm).maps[1] is cm.maps[1])

# Uncopyable objects and the module's names
gen = (x for x in [])
show('copy generator', lambda: copy.copy(gen))
show('deepcopy generator', lambda: copy.deepcopy(gen))
show('copy module', lambda: copy.copy(copy))
print(issubclass(copy.Error, Exception), copy.error is copy.Error, copy.__all__)


class NoneReduce:
    def __reduce__(self):
        return None


try:
    copy.copy(NoneReduce())
except TypeError as e:
    print('TypeError')
