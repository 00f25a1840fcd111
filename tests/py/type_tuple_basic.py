# tuple basics
t = (1, 'two', 3.0, None, (5, 6))
print(t, len(t), t[0], t[-1], t[4][1], t[1:3], t[::-1], t[::2])
print((), (1,), (1, 2), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)))
print(repr((1,)), repr(('a',)), repr(((),)), repr((None,)))
x = 1, 2, 3
a, b, c = x
print(x, a, b, c)
print((1, 2) + (3,), (0,) * 3, 2 * ('a', 'b'), () * 5)
print(1 in t, 'two' in t, 4 in t, (5, 6) in t)
try:
    t[10]
except IndexError as e:
    print('IE', e)
try:
    t[0] = 9
except TypeError as e:
    print('TE', e)
try:
    (1,) + [2]
except TypeError as e:
    print('TE', e)
print(type(t).__name__, isinstance(t, tuple), tuple(t) is t)
