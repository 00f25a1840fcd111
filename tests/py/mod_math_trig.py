# math: trig, hypot, degrees/radians (rounded)
import math
r = lambda x: round(x, 10)
print(math.sin(0), math.cos(0), math.tan(0), r(math.sin(math.pi / 2)), r(math.cos(math.pi)), r(math.tan(math.pi / 4)))
print(r(math.sin(math.pi / 6)), r(math.cos(math.pi / 3)), r(math.sin(-1.0)), r(math.cos(2.5)))
print(math.asin(1) == math.pi / 2, r(math.acos(0)), r(math.atan(1)), r(math.atan2(1, 1)), r(math.atan2(-1, -1)))
print(math.atan2(0, 1), r(math.atan2(1, 0)), r(math.atan2(0, -1)), math.atan2(0.0, -0.0) > 3)
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(), math.hypot(1, 2, 2), math.hypot(-3), math.hypot(math.inf, math.nan))
print(math.degrees(math.pi), math.radians(180) == math.pi, r(math.degrees(1)), r(math.radians(90)), math.degrees(0))
print(r(math.sinh(1)), r(math.cosh(0)), r(math.tanh(0.5)))
try:
    math.asin(2)
except ValueError as e:
    print('VE', e)
try:
    math.sin(math.inf)
except ValueError as e:
    print('VE', e)
