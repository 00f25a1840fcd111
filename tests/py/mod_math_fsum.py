# math.fsum vs sum
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(math.fsum([1e100, 1.0, -1e100, 1e-100]), sum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 10 for x in range(11)), type(math.fsum([1])).__name__)
print(math.fsum([math.inf, 1]), math.fsum([0.5, 0.25, 0.125]), math.fsum([-0.0]))
try:
    math.fsum([math.inf, -math.inf])
except ValueError as e:
    print('VE', e)
try:
    math.fsum(['a'])
except TypeError as e:
    print('TE', e)
