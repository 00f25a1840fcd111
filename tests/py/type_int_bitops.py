# bitwise operations
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10)
print(255 & -256, -1 & 0xff)
print(~5, ~-6, ~(2 ** 70))
print((2 ** 80) & (2 ** 80 + 5), (2 ** 80) | 1, (2 ** 80) ^ (2 ** 80))
print(-(2 ** 80) & 0xffff, -(2 ** 80) | 7)
x = 0xf0
x &= 0x3c
print(x)
x |= 1
print(x)
x ^= 0xff
print(x)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print(type(True & 1).__name__)
