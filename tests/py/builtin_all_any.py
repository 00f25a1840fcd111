# all / any
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, '', None]), any([0, 'x']))
print(all('abc'), any(''), all([[]]), any([[0]]), all(x > 0 for x in [1, 2, 3]), any(x > 2 for x in [1, 2]))
seen = []
def check(x):
    seen.append(x)
    return x < 3
print(all(check(x) for x in range(10)), seen)
seen.clear()
print(any(not check(x) for x in range(10)), seen)
print(all(range(1, 5)), any(range(1)), all({0: 'a'}), any({0: 'a', 1: 'b'}))
try:
    all(5)
except TypeError as e:
    print('TE', e)
