# range basics
r = range(10)
print(r, len(r), list(r), range(3, 8), list(range(3, 8)), range(0, 10, 3), list(range(0, 10, 3)))
print(len(range(0)), len(range(5, 2)), len(range(0, 10, 3)), len(range(0, -10, -3)))
try:
    len(range(10 ** 20))
except OverflowError:
    print('OE')
print(range(10 ** 20)[-1], range(10 ** 20).stop)
print(list(range(10, 0, -2)), list(range(-5, 5, 4)), list(range(5, 5)), list(range(0, 1, 100)))
print(repr(range(0)), repr(range(1, 2, 1)), repr(range(-3, 7, 2)), str(range(5)))
print(r.start, r.stop, r.step, range(1, 9, 2).step)
try:
    range(0, 10, 0)
except ValueError as e:
    print('VE', e)
try:
    range(1.5)
except TypeError as e:
    print('TE', e)
try:
    range()
except TypeError as e:
    print('TE', e)
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(4))))
