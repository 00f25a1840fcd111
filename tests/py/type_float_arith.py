# float arithmetic
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b)
print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 1 - 0.9)
print(2.0 ** 0.5, 2.0 ** -1, (-8.0) ** 2, 10.0 ** 20, 10.0 ** -20)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(float('inf') - float('inf'), float('inf') * 0, float('inf') + 1)
print(5.5 % 2, -5.5 % 2, 5.5 % -2, 1e-300 % 1.0)
print(7.0 // 0.5, 7.3 // 1, -7.3 // 1)
x = 1.0
x += 0.5
x *= 4
x /= 3
x -= 1
print(x)
print(abs(-3.5), abs(-0.0), -(0.0), +(-0.0))
print(3.0 == 3, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
try:
    10.0 ** 400
except OverflowError:
    print('OE')
