# basic int arithmetic
a, b = 17, 5
print(a + b, a - b, a * b)
print(a / b, type(a / b).__name__)
print(-a + b, a - -b, -(-a))
print(+a, -0, 0 * -1)
print(7 * 0, 0 - 0, 1 - 1000000)
x = 10
x += 5
print(x)
x -= 20
print(x)
x *= -3
print(x)
print(2 + 3 * 4 - 6 / 2)
print((2 + 3) * 4)
print(10 / 4, 10 / 5, -10 / 4)
print(1 + True, True + True, False * 10)
print(type(3 + 4).__name__, type(3 * 1.0).__name__)
print(abs(-7), abs(7), abs(0))
print(int.__add__(2, 3), (5).__mul__(6))
print((3).__add__(1.5))
print(sum(range(101)))
print(3 - 5, -3 - 5, -3 * -5)
