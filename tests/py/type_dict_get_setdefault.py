# get / setdefault
d = {'a': 1, 'b': None}
print(d.get('a'), d.get('z'), d.get('z', 'dflt'), d.get('b', 'dflt'), d.get('a', 0))
print(d.setdefault('a', 5), d.setdefault('c', 3), d.setdefault('n'), d)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in ['apple', 'avocado', 'banana', 'blueberry', 'cherry']:
    groups.setdefault(w[0], []).append(w)
print(groups)
print(d.get(1.0), {1: 'one'}.get(1.0), {1: 'one'}.get(True))
try:
    d.get()
except TypeError as e:
    print('TE', e)
