print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -1)
print(10 ** 0, 0 ** 5, 1 ** 1000, (-1) ** 1001)
print(4 ** 0.5, 2 ** 0.5, 27 ** (1 / 3))
print(2.0 ** 3, 2 ** 3.0, 1.5 ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(-3, 3), pow(7, -1, 11))
print(type(2 ** 2).__name__, type(2 ** -2).__name__, type(4 ** 0.5).__name__)
print(type((-8) ** (1 / 3)).__name__)
print(type((-1) ** 0.5).__name__)
print(0.0 ** 0, 0 ** 0.0)
x = 3
x **= 4
print(x)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__)
print(2 ** 200)
