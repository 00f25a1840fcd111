big = 2 ** 100
print(big, big + 1, big - 1, big * big)
print(2 ** 63, 2 ** 63 - 1, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64 + 2 ** 63)
print((2 ** 63 - 1) + 1, (2 ** 62) * 4, -(2 ** 62) * 4 - 1)
print(9223372036854775807 * 2, 9223372036854775807 + 9223372036854775807)
print(-9223372036854775808 - 1, -9223372036854775808 * -1)
f = 1
for i in range(1, 31):
    f *= i
print(f, len(str(f)))
print(big // 3, big % 1000007, divmod(big, -12345))
print(-big // 7, -big % 7)
print(big >> 50, 1 << 200, (1 << 200) >> 199, big & 0xFFFF, big | 1, big ^ big)
print(~big, -big, abs(-big), big.bit_length())
print(big == 2 ** 100, big > 2 ** 99, big < -big, big != big + 1)
print(10 ** 40 / 10 ** 20, float(2 ** 80), int(1e25))
print(pow(3, 200, 10 ** 9 + 7), pow(12345678901234567890, 3))
x = 12345678901234567890123456789
print(x * x)
print(x // 987654321, x % 987654321)
print(int("9" * 40) + 1, str(10 ** 50)[:10], hex(2 ** 70), bin(2 ** 65))
print(int("-" + "1" * 30), int("1" * 25, 2))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20)
print((2 ** 64) ** 3 // (2 ** 64) ** 2 == 2 ** 64)
print(isinstance(big, int), type(big).__name__, bool(big - big))
print(-(-(2 ** 63)), (-(2 ** 63)) // -1, (-(2 ** 63)) % -1)
