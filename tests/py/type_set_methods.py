# add / discard / remove / pop / clear / update
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s, len(s))
s.discard(1)
s.discard(99)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print('KE', e)
try:
    s.remove('missing')
except KeyError as e:
    print('KE', e)
s.update([5, 6], (7,))
print(s)
s.intersection_update({5, 6, 3})
print(s)
s.difference_update([5])
print(s)
s.symmetric_difference_update({6, 2})
print(s)
x = s.pop()
print(x in (2, 3, 6), len(s))
s.clear()
print(s, len(s))
try:
    set().pop()
except KeyError as e:
    print('KE', e)
t = {1, 2}
u = t.copy()
u.add(3)
print(t, u)
try:
    s.add([1])
except TypeError as e:
    print('TE', e)
