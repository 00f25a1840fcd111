print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.1 * 3, 1 / 3, 2 / 3)
print(1e16, 1e15, 1.5e-5, 1e-4, 123456789012345678.0, 0.1 * 3)
print(float("1.5"), float(" -2 "), float("inf"), float("-inf"), float("1e3"), float(7))
print(3.0, 3.5, -0.0, 2.0 ** 0.5, 10.0 ** -2, 4 ** 0.5, 8 ** (1 / 3))
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324 / 2)
inf = float("inf")
nan = float("nan")
print(inf - inf, inf * 0, nan == nan, nan != nan, inf > 1e308, -inf < 0)
print(round(3.14159, 2), round(2.675, 2), round(1.5), round(0.5), round(-0.5), round(1234.5, -2))
print(int(1e10), int(-1.9), float(2 ** 53) == 2 ** 53, 2 ** 53 + 1.0)
print((0.5).is_integer(), (2.0).is_integer(), (0.25).as_integer_ratio(), (1.5).hex())
print(abs(-2.5), -(-1.5), max(1.5, 2), min(-0.0, 0.0))
print(repr(1.0), repr(100.0), repr(1e22), repr(1e21), repr(1.23e-7), str(12345678.9))
print(3 * 0.1, 0.3, 1 - 0.9, 100 * 1.1)
print(7.0 // 2, 7.0 % 2, -7.0 // 2, 7 / 2.0)
print(1e200 * 1e200, -(1e200 * 1e200))
print(sum([0.1] * 10), 0.1 * 10)
print(float("nan") is not None, str(nan), str(-inf))
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
try:
    int(inf)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(nan)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (-8) ** (1 / 3) + 0
    print(type((-8) ** 0.5).__name__)
except ValueError as e:
    print(type(e).__name__, e)
