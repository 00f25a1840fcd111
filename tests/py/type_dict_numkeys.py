# int/float/bool key equality
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d))
d2 = {True: 'a', 1: 'b', 1.0: 'c'}
print(d2)
d3 = {0: 'zero', -0.0: 'negzero', False: 'false'}
print(d3)
print({2 ** 64: 'big'}[float(2 ** 64)], {0.5: 'half'}.get(0.5), 1.5 in {1: 0})
s = {1, 1.0, True}
print(len(s), s)
print(hash(1) == hash(1.0) == hash(True), hash(5), hash(-1) == -2, hash(0), hash(-2))
