# range slicing and reversed
r = range(0, 20, 2)
print(r[2:5], r[::2], r[::-1], r[-3:], r[5:2], r[1:8:3], r[::-3])
print(list(r[2:5]), list(r[::-1]), list(r[::-3]))
print(range(10)[::-1], list(reversed(range(1, 10, 3))), list(reversed(range(5, 0, -2))))
print(range(5, 0, -1), list(range(5, 0, -1)), range(5, 0, -1)[1:3], list(range(-1, -10, -3)))
print(range(10)[100:], range(10)[-100:3])
it = reversed(range(3))
print(next(it), next(it), next(it), next(it, 'end'))
