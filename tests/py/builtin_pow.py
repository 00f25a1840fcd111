# pow with 2 and 3 args
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(9, 0.5), pow(0, 0), pow(10, 20))
print(pow(3, 200, 7), pow(5, 3, 13), pow(-5, 3, 13), pow(5, 3, -13), pow(123456789, 987654321, 1000000007))
print(pow(2, 10 ** 5, 10 ** 9 + 7), pow(38, -1, 97), pow(10, -2, 7))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(2, 0.5) == 2 ** 0.5)
for args in [(2, 3, 0), (2.0, 3, 5), (2, -1, 4), (2, 3.0, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print('ZDE', e)
try:
    pow('a', 2)
except TypeError as e:
    print('TE', e)
