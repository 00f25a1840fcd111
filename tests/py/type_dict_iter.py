# iterating and len
d = {'one': 1, 'two': 2, 'three': 3}
for k in d:
    print(k, d[k])
print(len(d), list(iter(d)), next(iter(d.items())))
it = iter(d)
print(next(it), next(it), next(it), next(it, 'done'))
print(sum(d.values()), max(d, key=d.get), min(d), sorted(d, key=len))
print([k for k, v in d.items() if v % 2])
print(any(v > 2 for v in d.values()), all(d.values()))
