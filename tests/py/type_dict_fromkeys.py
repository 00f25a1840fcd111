# dict.fromkeys
print(dict.fromkeys(['a', 'b']), dict.fromkeys('xyz', 0), dict.fromkeys(range(3), 'v'))
print(dict.fromkeys([]), dict.fromkeys([1, 1, 2]))
shared = dict.fromkeys(['p', 'q'], [])
shared['p'].append(1)
print(shared)
