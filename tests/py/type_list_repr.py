# repr of lists incl. self-referential
print([], [1, 'a', 2.5, None, True], [[1, [2, [3]]], []], ['quote\'s', "dq\""])
a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
b = [1]
c = [b]
b.append(c)
print(b, c)
d = {'self': None}
d['self'] = d
print(d)
e = [d, a]
print(e)
print(str([1, 'x']), repr(['x']))
