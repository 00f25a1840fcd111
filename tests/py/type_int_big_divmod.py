# big int division and modulo
a = 2 ** 130 + 12345
b = 3 ** 40
print(a // b, a % b)
print(-a // b, -a % b)
print(a // -b, a % -b)
print(-a // -b, -a % -b)
print(divmod(a, b))
print(divmod(-a, 7))
print(a // 10, a % 10)
print((10 ** 40) // (10 ** 20), (10 ** 40) % (10 ** 20 - 1))
print(a / b)
print(10 ** 30 / 10 ** 10)
print(pow(a, 3, b), pow(b, 5, 1000000007))
print((2 ** 100) // (2 ** 100), (2 ** 100) % (2 ** 100))
print(-(2 ** 100) // 2 ** 101, -(2 ** 100) % 2 ** 101)
