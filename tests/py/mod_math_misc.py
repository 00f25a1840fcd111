# math: copysign, fmod, isclose, modf, frexp, ldexp, remainder
import math
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(0.0, -1), math.copysign(math.inf, -5))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), -7 % 3)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(100, 101, rel_tol=0.02), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.modf(3.75), math.modf(-2.5), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(3, -1))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-10, 3))
try:
    math.fmod(1, 0)
except ValueError as e:
    print('VE', e)
try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print('VE', e)
