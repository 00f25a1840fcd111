"""Float objects: pyperformance's "float" benchmark.

Creates many Point objects whose coordinates come from math.sin/math.cos,
normalizes each one (math.sqrt, in-place division of attributes), then folds
them with a pairwise maximize.  Unlike pyperformance's version, Point has no
__slots__ (plain instance attributes).

Exercises: object allocation and deallocation, float boxing, attribute
loads/stores with augmented assignment, method calls, conditional
expressions, the math module, list slicing.

Usage: float_objects.py [ROUNDS | smoke]
    ROUNDS = number of rounds of 100,000 points each (default 25)
Prints the maximized point of the last round (9 decimals) and the sum of the
x coordinates of every round's maximum.
"""

import sys
import time
import math

POINTS = 100000
DEFAULT_ROUNDS = 25
SMOKE_POINTS = 2000


class Point(object):

    def __init__(self, i):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def describe(self):
        return (f"x={format(self.x, '.9f')} y={format(self.y, '.9f')} "
                f"z={format(self.z, '.9f')}")

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    rounds = DEFAULT_ROUNDS
    points = POINTS
    if len(sys.argv) >= 2:
        if sys.argv[1] == "smoke":
            rounds = 1
            points = SMOKE_POINTS
        else:
            rounds = int(sys.argv[1])
    t0 = time.perf_counter()
    xsum = 0.0
    last = None
    for _ in range(rounds):
        last = benchmark(points)
        xsum += last.x
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"float_objects: {rounds} x {points} points in "
                     f"{elapsed:.3f} s\n")
    print(f"float_objects rounds={rounds} points={points} max: "
          f"{last.describe()} xsum={format(xsum, '.9f')}")


main()
