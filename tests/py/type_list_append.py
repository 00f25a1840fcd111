# append / extend / insert
a = []
a.append(1)
a.append('two')
a.append([3])
print(a, len(a))
a.extend([4, 5])
a.extend((6,))
a.extend('ab')
a.extend(range(2))
a.extend({'k': 1})
print(a)
a.insert(0, 'first')
a.insert(2, 'mid')
a.insert(100, 'end')
a.insert(-1, 'beforeend')
a.insert(-100, 'veryfirst')
print(a)
b = [1, 2]
b.extend(b)
print(b)
b += [9]
b += 'xy'
print(b)
print([].append(1), a.extend([]) is None)
try:
    a.extend(5)
except TypeError as e:
    print('TE', e)
try:
    a.append()
except TypeError as e:
    print('TE', e)
