# shifts
print(1 << 0, 1 << 1, 1 << 10, 1 << 64, 1 << 100)
print(1024 >> 3, 1024 >> 20, 5 >> 1)
print(-1 >> 1, -8 >> 1, -9 >> 1, -1 >> 100)
print(-1 << 3, -5 << 70)
print((2 ** 100) >> 90, (2 ** 100 + 12345) >> 3)
print(-(2 ** 100) >> 99)
try:
    1 << -1
except ValueError as e:
    print('VE', e)
try:
    1 >> -1
except ValueError as e:
    print('VE', e)
x = 3
x <<= 4
print(x)
x >>= 2
print(x)
print(True << 3, 0 << 1000)
