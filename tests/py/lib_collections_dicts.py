# collections.defaultdict, OrderedDict, Counter and ChainMap.
from collections import defaultdict, OrderedDict, Counter, ChainMap


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print('--- defaultdict')
d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, d['zz'], len(d), 'q' in d, d.get('q'), d.default_factory)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, [('x', 1)], y=2))
print(defaultdict(list, default_factory=3))
print(isinstance(d, dict), type(d).__name__, d == {'a': [1, 2], 'b': [3], 'zz': []})
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(counts, sorted(counts.items()))
show('missing without factory', lambda: defaultdict()['x'])
show('not callable', lambda: defaultdict(1))
d = defaultdict(int)
d.default_factory = lambda: 'new'
print(d['k'], dict(d))
d.default_factory = None
show('factory reset', lambda: d['other'])
c = counts.copy()
print(type(c).__name__, c == counts, c is counts, c.default_factory is int)
r = counts.__reduce__()
print(r[0] is defaultdict, r[1], r[2], r[3], list(r[4])[:2])
print(defaultdict(None, a=1).__reduce__()[1])
print(defaultdict(list, a=1) | {'b': 2}, {'b': 2} | defaultdict(list, a=1))
dd = defaultdict(set, a=1)
dd |= {'c': 3}
print(dd, type(dd).__name__)
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 1
print(dict(nested['x']), repr(nested)[:24])
rec = defaultdict(list)
rec['self'] = rec
print(rec)


class MyDD(defaultdict):
    pass


m = MyDD(list, k=[1])
print(m, type(m.copy()).__name__)

print('--- OrderedDict')
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
print(od.keys(), od.values(), od.items())
print(OrderedDict(), OrderedDict([('x', 1), ('y', 2)]), OrderedDict(z=1, a=2), OrderedDict({'q': 1}))
od.move_to_end('b')
print(od)
od.move_to_end('b', last=False)
print(od)
od.move_to_end('c', False)
od.move_to_end('c', False)
print(od)
show('move missing', lambda: OrderedDict().move_to_end('x'))
print(od.popitem(), od.popitem(last=False), od)
show('popitem empty', lambda: OrderedDict().popitem())
show('popitem empty first', lambda: OrderedDict().popitem(last=False))
a = OrderedDict([(1, 1), (2, 2)])
b = OrderedDict([(2, 2), (1, 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == OrderedDict(a))
print(list(reversed(a)), list(reversed(a.keys())), list(reversed(a.values())), list(reversed(a.items())))
print(a.keys() & {1}, a.keys() | {3}, a.keys() - {1}, a.keys() ^ {2, 3}, a.items() & {(1, 1)})
print(a.keys() == {1, 2}, a.items() == {(1, 1), (2, 2)}, 1 in a.keys(), (1, 1) in a.items(), 2 in a.values())
print(len(a.keys()), len(a.values()), a.keys().isdisjoint([5]))
print(OrderedDict.fromkeys('abc'), OrderedDict.fromkeys('ab', 0))
o = OrderedDict(a=1)
print(o.setdefault('b', 5), o.setdefault('a', 9), o)
print(o.pop('a'), o.pop('zz', 'default'), o)
show('pop missing', lambda: OrderedDict().pop('k'))
o.update([('x', 1)], y=2)
o.update({'b': 0})
print(o)
show('too many args', lambda: OrderedDict(1, 2))
show('update too many', lambda: OrderedDict().update(1, 2))
show('bad item', lambda: OrderedDict([1]))
show('short item', lambda: OrderedDict([(1,)]))
show('long item', lambda: OrderedDict([(1, 2, 3)]))
print(OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
o = OrderedDict(a=1)
o |= [('c', 3)]
print(o)
c = o.copy()
print(c, type(c).__name__, c is o)
r = o.__reduce__()
print(r[0] is OrderedDict, r[1], r[2], r[3], list(r[4]))
rec = OrderedDict()
rec['me'] = rec
print(rec)
del o['a']
o['a'] = 0
print(o)


class LRU(OrderedDict):
    def __init__(self, size, *args, **kwds):
        self.size = size
        super().__init__(*args, **kwds)

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value):
        if key in self:
            self.move_to_end(key)
        super().__setitem__(key, value)
        if len(self) > self.size:
            oldest = next(iter(self))
            del self[oldest]


lru = LRU(3, [('a', 1), ('b', 2)])
lru['c'] = 3
lru['a']
lru['d'] = 4
lru.update(e=5)
print(lru, lru.size)

print('--- Counter')
c = Counter('abracadabra')
print(c, c['a'], c['zz'], len(c), 'zz' in c)
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1), c.most_common(99)[:2])
print(sorted(c.elements()), ''.join(Counter('abcab').elements()), c.total())
print(Counter(), Counter({'x': 2, 'y': 5}), Counter(a=1, b=0, c=-2), Counter(['x', 'x', 1, 1.0]))
print(Counter(self=1, iterable=2))
c = Counter(a=3, b=1)
c.update('aab')
c.update({'b': 5, 'z': 1})
c.update(c=2)
print(c)
c.subtract('aaaa')
c.subtract({'z': 3})
c.subtract(b=1)
print(c)
del c['nope']
del c['z']
print(c)
c['k'] += 1
print(c)
x, y = Counter(a=3, b=1, c=0), Counter(a=1, b=2, d=4, e=-1)
print(x + y, x - y, x | y, x & y, +y, -y)
print(y + x, y - x, y | x, y & x)
x2 = x.copy(); x2 += y; print(x2)
x2 = x.copy(); x2 -= y; print(x2)
x2 = x.copy(); x2 |= y; print(x2)
x2 = x.copy(); x2 &= y; print(x2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
print(Counter(a=1) <= Counter(a=1, b=1), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1),
      Counter(a=2) > Counter(a=1), Counter(a=1) < Counter(a=2, b=-1))
show('add dict', lambda: Counter(a=1) + {'a': 2})
show('lt dict', lambda: Counter(a=1) < {'a': 2})
show('fromkeys', lambda: Counter.fromkeys('ab'))
show('not iterable', lambda: Counter(5))
print(Counter('ab').copy(), type(Counter().copy()).__name__, Counter('aab').__reduce__())
print(Counter(a='x', b=1) if False else Counter({'a': 2.5, 'b': 1}))
show('uncomparable counts', lambda: repr(Counter(a='x', b=1)))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(3))
tied = Counter(dict.fromkeys('edcba', 1))
tied['z'] = 2
print(tied.most_common(), tied.most_common(3), tied)


class MyCounter(Counter):
    pass


print(MyCounter('aab'), type(MyCounter('a') + MyCounter('b')).__name__)

print('--- ChainMap')
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm['c'], cm.get('d'), cm.get('d', 0), len(cm), list(cm), 'a' in cm, 'd' in cm)
print(sorted(cm.items()), sorted(cm.values()), list(cm.keys()), bool(cm), bool(ChainMap({})), ChainMap())
print(cm.keys(), cm.items(), cm.values())
show('missing', lambda: cm['d'])
cm['a'] = 100
print(over, base, cm['a'])
del cm['a']
show('del missing', lambda: cm.__delitem__('a'))
show('pop missing', lambda: cm.pop('a'))
print(cm.pop('a', 'dflt'), cm.pop('c'))
print(cm.popitem(), cm)
show('popitem empty', lambda: cm.popitem())
child = cm.new_child()
child['n'] = 1
print(child, child.parents, child.maps[1] is cm.maps[0])
print(cm.new_child({'m': 1}), cm.new_child(k=2), cm.new_child({'m': 1}, k=2))
print(ChainMap.fromkeys('ab', 0), ChainMap.fromkeys('cd'))
c2 = cm.copy()
c2['fresh'] = 1
print(c2, cm, c2.maps[1] is cm.maps[1])
print(ChainMap({'a': 1}) | {'b': 2}, {'b': 2} | ChainMap({'a': 1}, {'z': 0}))
cm3 = ChainMap({'a': 1})
cm3 |= {'c': 3}
print(cm3)
show('or list', lambda: ChainMap() | [])
print(ChainMap({'a': 1}, {'a': 2}) == {'a': 1}, ChainMap({'a': 1}) == ChainMap({}, {'a': 1}), ChainMap() == [])
print(cm3.setdefault('a', 5), cm3.setdefault('q', 5), cm3)
cm3.update({'u': 1}, v=2)
cm3.update([('w', 3)])
print(cm3)
cm3.clear()
print(cm3)


class DefaultChain(ChainMap):
    def __missing__(self, key):
        return 'default-' + str(key)


print(DefaultChain({'a': 1})['b'], DefaultChain({'a': 1})['a'])
rec = ChainMap()
rec.maps.append(rec)
print(rec)
order = ChainMap({'x': 1, 'y': 2}, {'z': 3, 'x': 4}, {'w': 5})
print(list(order), list(order.items()))
