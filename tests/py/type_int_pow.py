# int exponentiation
print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(-2 ** 2)
print(2 ** -1, 2 ** -2, 10 ** -3, type(2 ** -1).__name__)
print((-2) ** -1, 4 ** 0.5, type(4 ** 0.5).__name__)
print(2 ** 64, 7 ** 30)
print(pow(2, 10), pow(2, -1))
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(7, 0, 13))
print(pow(-3, 3, 7), pow(3, 3, -7))
print(pow(3, -1, 7), pow(2, -1, 9))
try:
    pow(2, 3, 0)
except ValueError as e:
    print('VE', e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print('VE', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZDE', e)
x = 3
x **= 4
print(x)
print(1 ** 1000, (-1) ** 1001)
