# keys / values / items views
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), 'a' in k, 1 in v, ('a', 1) in it, ('a', 2) in it)
d['d'] = 4
print(list(k), list(v), list(it))
print(sorted(k & {'a', 'z'}), sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(k == {'a', 'b', 'c', 'd'}, sorted(it & {('a', 1)}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
for key, val in d.items():
    print(key, val)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(v == v, list(d.values()) == [1, 2, 3, 4])
