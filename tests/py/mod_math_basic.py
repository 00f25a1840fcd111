# math: sqrt floor ceil trunc fabs
import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0), math.sqrt(1e100), math.sqrt(0.25), math.sqrt(10 ** 20))
print(math.floor(2.7), math.floor(-2.7), math.floor(5), math.ceil(2.1), math.ceil(-2.1), math.ceil(7))
print(type(math.floor(1.5)).__name__, type(math.ceil(1.5)).__name__, math.floor(1e20), math.ceil(-0.5))
print(math.trunc(2.9), math.trunc(-2.9), math.trunc(5), type(math.trunc(1.0)).__name__)
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.floor(2 ** 100), math.ceil(-(2 ** 100)), math.floor(True))
try:
    math.floor(float('inf'))
except OverflowError as e:
    print('OE', e)
try:
    math.ceil(float('nan'))
except ValueError as e:
    print('VE', e)
try:
    math.sqrt('4')
except TypeError as e:
    print('TE', e)
