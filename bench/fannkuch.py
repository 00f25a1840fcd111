"""Fannkuch-redux (Computer Language Benchmarks Game): for every permutation
of 1..N count the pancake flips needed until the first element is 1.

Exercises: small-integer list manipulation, slicing with negative steps,
slice assignment, list copies, while loops.

Usage: fannkuch.py [N [REPS] | smoke]
    N    = permutation length (time grows like N!), default 9
    REPS = how many times to repeat the whole computation, default 4
           (N=9 x 4 is ~1.2 s under CPython 3.11; N=10 x 1 is ~3 s)
Prints the benchmark-game checksum and the maximum number of flips.
"""

import sys
import time

DEFAULT_N = 9
DEFAULT_REPS = 4
SMOKE_N = 6


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    checksum = 0
    max_flips = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # Generate the next permutation (rotate the first r+1 elements).
        while True:
            if r == n:
                return checksum, max_flips, perm_count + 1
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def parse_size(default, smoke):
    if len(sys.argv) < 2:
        return default
    arg = sys.argv[1]
    if arg == "smoke":
        return smoke
    return int(arg)


def main():
    n = parse_size(DEFAULT_N, SMOKE_N)
    reps = DEFAULT_REPS
    if len(sys.argv) >= 2:
        reps = 1
    if len(sys.argv) >= 3:
        reps = int(sys.argv[2])
    t0 = time.perf_counter()
    results = []
    for _ in range(reps):
        results.append(fannkuch(n))
    elapsed = time.perf_counter() - t0
    checksum, max_flips, perms = results[0]
    same = all(r == results[0] for r in results)
    sys.stderr.write(f"fannkuch: n={n} x{reps} in {elapsed:.3f} s\n")
    print(f"fannkuch n={n} reps={reps} permutations={perms} "
          f"checksum={checksum} max_flips={max_flips} consistent={same}")


main()
