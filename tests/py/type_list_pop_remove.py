# pop / remove / index / count / clear / copy
a = [10, 20, 30, 20, 40, 20, 50]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-2), a)
a.remove(20)
print(a)
print(a.index(20), a.count(20), a.count(99), [1, 1.0, True].count(1))
print([5, 6, 7, 6].index(6, 2), [5, 6, 7, 6].index(7, -2))
for fn in (lambda: a.remove(99), lambda: a.index(99), lambda: [].pop(), lambda: [1].pop(5)):
    try:
        fn()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
c = a.copy()
c.append('c')
print(a, c, a == c[:-1])
d = [[1], [2]]
e = d.copy()
e[0].append('shared')
print(d)
a.clear()
print(a, len(a))
