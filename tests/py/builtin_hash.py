# hash: equality properties and small ints only
print(hash(5), hash(0), hash(-1), hash(-2), hash(True), hash(False), hash(2 ** 20))
print(hash(1) == hash(1.0), hash(1.5) == hash(1.5), hash('abc') == hash('abc'), hash(b'x') == hash(b'x'))
print(hash((1, 'a')) == hash((1, 'a')), hash(frozenset({1})) == hash(frozenset([1])), hash(None) == hash(None))
print(isinstance(hash('s'), int), isinstance(hash(3.7), int), hash(2 ** 61 - 1), hash(-(2 ** 61 - 1)))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print('TE', e)
class H:
    def __hash__(self):
        return 12345
class E:
    def __eq__(self, other):
        return True
print(hash(H()))
try:
    hash(E())
except TypeError as e:
    print('TE', e)
