# mixing int and float
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 7 / 2, 7 // 2.0, 7 % 2.5)
print(type(1 + 2.0).__name__, type(2 * 3).__name__, type(6 / 3).__name__)
print(2 ** 0.5, 4 ** 0.5, 2.0 ** 3, 8 ** (1 / 3))
print(10 ** 20 * 1.0, 2 ** 100 / 2 ** 99, 2 ** 100 + 0.5)
print(1 / 3 + 1, True + 0.5, False * 2.5)
print(divmod(7, 2.0), divmod(-7, 2.0), divmod(7.5, 2))
print(sum([1, 2.5, 3]), sum([0.1] * 10), max(3, 2.9, 3.0))
print(int(2.5 * 4), 3 * 0.1 == 0.3, round(3 * 0.1, 10) == 0.3)
print(1.0 in [1, 2], 2 in [1.0, 2.0], [1, 2] == [1.0, 2.0])
print((10 ** 20) / 3, 1 / (10 ** 20))
try:
    (10 ** 400) / 1.0
except OverflowError as e:
    print('OE', e)
try:
    (10 ** 400) * 1.5
except OverflowError as e:
    print('OE', e)
print((10 ** 400) / (10 ** 399))
