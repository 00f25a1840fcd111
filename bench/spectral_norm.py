"""Spectral norm of an infinite matrix (Computer Language Benchmarks Game).

A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1).  Computes the spectral norm
by the power method, 10 iterations of u <- A^T A u.

Exercises: float arithmetic, function calls in tight loops, list
comprehensions, generator expressions fed to sum(), enumerate/zip.

Usage: spectral_norm.py [N | smoke]     (N = matrix dimension)
Prints the spectral norm to 9 decimal places.
"""

import sys
import time
import math

DEFAULT_N = 600
SMOKE_N = 30


def eval_A(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def eval_A_times_u(u):
    n = len(u)
    return [sum(eval_A(i, j) * u_j for j, u_j in enumerate(u))
            for i in range(n)]


def eval_At_times_u(u):
    n = len(u)
    return [sum(eval_A(j, i) * u_j for j, u_j in enumerate(u))
            for i in range(n)]


def eval_AtA_times_u(u):
    return eval_At_times_u(eval_A_times_u(u))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vBv += ue * ve
        vv += ve * ve
    return math.sqrt(vBv / vv)


def parse_size(default, smoke):
    if len(sys.argv) < 2:
        return default
    arg = sys.argv[1]
    if arg == "smoke":
        return smoke
    return int(arg)


def main():
    n = parse_size(DEFAULT_N, SMOKE_N)
    t0 = time.perf_counter()
    result = spectral_norm(n)
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"spectral_norm: n={n} in {elapsed:.3f} s\n")
    print(f"spectral_norm n={n} norm={format(result, '.9f')}")


main()
