print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, 7 ** 2)
print(6 / 3, type(6 / 3).__name__, 1 / 3)
print(-7 + 3, -(-7), 0 - 0, 3 - 10)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 2, 2 ** -2)
print(10 // 3, 10 % 3, divmod(10, 3), divmod(-10, 3))
print(abs(-5), abs(5), abs(0))
print(1_000_000, 0x_ff, 0b1010, 0o17, 0xDEAD)
print(int("42"), int("-17"), int("  9  "), int("ff", 16), int("0x1f", 0), int("1_000"))
print(int(3.9), int(-3.9), int(True), round(2.5), round(3.5), round(-2.5))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10)
print(True + True, True * 10, False - 1)
print(max(3, 7, 1), min(3, 7, 1), sum([1, 2, 3]), pow(3, 4), pow(3, 4, 5), pow(2, -1, 7))
print((5).bit_length(), (255).bit_length(), (-8).bit_length(), (0).bit_length())
print(7 == 7.0, 7 < 7.5, 3 * 1.0, 1 + 2j, 10 - True)
x = 5
x = x * 2 + 1
print(x, x // 4 * 4 + x % 4 == x)
print(int.__name__, isinstance(5, int), (12).real, (12).imag, (12).numerator)
print(2 ** 63 - 1, -2 ** 63, 2 ** 64)
print(0 == -0, hex(255), oct(8), bin(5), hex(-1))
try:
    int("12a")
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
