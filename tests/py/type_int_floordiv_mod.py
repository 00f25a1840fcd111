# floor division and modulo semantics with signs
for a in (7, -7, 0, 13, -13):
    for b in (2, -2, 3, -3, 7):
        print(a, b, a // b, a % b, divmod(a, b))
print(divmod(100, 7), divmod(-100, 7), divmod(100, -7))
print(7 // 1, 7 % 1, -1 // 10, -1 % 10)
try:
    1 // 0
except ZeroDivisionError as e:
    print('ZDE', e)
try:
    1 % 0
except ZeroDivisionError as e:
    print('ZDE', e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print('ZDE', e)
x = 29
x //= 4
print(x)
x %= 3
print(x)
