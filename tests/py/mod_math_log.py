# math: log, log2, log10, exp, pow (rounded where libm may differ)
import math
print(math.log(1), math.log(math.e), round(math.log(10), 12), math.log2(8), math.log2(1024), math.log10(1000))
print(math.log10(0.001), math.log2(0.5), round(math.log(8, 2), 12), round(math.log(100, 10), 12), math.log(1, 5))
print(math.log2(2 ** 100), math.log10(10 ** 50), round(math.log(2 ** 1000), 9))
print(math.exp(0), round(math.exp(1), 12), round(math.exp(-1), 12), math.exp(-1000), round(math.exp(2), 10))
print(math.pow(2, 10), math.pow(2, -1), math.pow(4, 0.5), math.pow(0, 0), type(math.pow(2, 2)).__name__)
print(math.pow(-2, 3), math.pow(1, math.inf), math.pow(math.inf, 0), math.sqrt(math.inf))
for fn, arg in [(math.log, 0), (math.log, -1), (math.log10, -5), (math.log2, 0), (math.sqrt, -1), (math.exp, 1000)]:
    try:
        fn(arg)
    except (ValueError, OverflowError) as e:
        print(fn.__name__, arg, type(e).__name__, e)
try:
    math.pow(-8, 1 / 3)
except ValueError as e:
    print('pow VE', e)
try:
    math.log(10, 1)
except ZeroDivisionError as e:
    print('ZDE', e)
