"""Generators: lazy pipelines of generator functions and expressions.

Four workloads, all integer-only:
  1. a pipeline of chained generator functions (source -> map -> filter ->
     chunk -> flatten with `yield from`) consumed by a for loop;
  2. generator expressions consumed by sum(), max(), any() and a list
     comprehension over a generator;
  3. recursive in-order traversal of a balanced binary tree with
     `yield from` (deep delegation chains), including a sub-generator's
     return value received through `x = yield from gen()`;
  4. coroutine-style generators driven with send() (a running-stats
     accumulator and a two-stage push pipeline).

Exercises: generator creation, suspension/resumption, StopIteration
handling by for loops and builtins, yield from delegation, send(), closures
over generator locals, tuples.

Usage: generators.py [N | smoke]     (N = items per pipeline)
Prints integer checksums of each stage.
"""

import sys
import time

DEFAULT_N = 1000000
SMOKE_N = 2000

MOD = 1000000007


# 1. Pipelines of generator functions ---------------------------------------

def source(n):
    i = 0
    while i < n:
        yield i
        i += 1


def scale(it, k):
    for x in it:
        yield x * k + 1


def keep_if_not_multiple(it, m):
    for x in it:
        if x % m != 0:
            yield x


def chunked(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(chunks):
    for c in chunks:
        yield from c


def pairwise_diff(it):
    first = True
    prev = 0
    for x in it:
        if not first:
            yield x - prev
        first = False
        prev = x


def pipeline(n):
    total = 0
    count = 0
    stage = pairwise_diff(flatten(chunked(
        keep_if_not_multiple(scale(source(n), 3), 7), 16)))
    for d in stage:
        total = (total * 31 + d) % MOD
        count += 1
    return count, total


# 2. Generator expressions ----------------------------------------------------

def genexprs(n):
    s1 = sum(x * x % 1009 for x in range(n))
    s2 = max((x * 7919) % 10007 for x in range(n))
    s3 = sum(1 for x in range(n) if x % 3 == 0 or x % 5 == 0)
    found = any(x * x == 144 * 144 for x in range(n))
    evens = [y for y in (x * 2 for x in range(n // 4)) if y % 3 != 0]
    nested = sum(i * j for i in range(n // 1000 + 1) for j in range(100))
    return s1, s2, s3, found, len(evens), sum(evens) % MOD, nested


# 3. Recursive yield from --------------------------------------------------

def build_tree(lo, hi):
    # Balanced tree of (left, value, right) tuples holding lo..hi-1.
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return (build_tree(lo, mid), mid, build_tree(mid + 1, hi))


def inorder(node):
    if node is None:
        return
    left, value, right = node
    yield from inorder(left)
    yield value
    yield from inorder(right)


def counting_walk(node):
    # Returns the number of nodes via the generator's return value.
    if node is None:
        return 0
    left, value, right = node
    nl = yield from counting_walk(left)
    yield value
    nr = yield from counting_walk(right)
    return nl + nr + 1


def tree_walks(n):
    tree = build_tree(0, n)
    acc = 0
    prev = -1
    ordered = True
    for v in inorder(tree):
        if v <= prev:
            ordered = False
        prev = v
        acc = (acc + v * v) % MOD
    walker = counting_walk(tree)
    seen = 0
    nodes = -1
    while True:
        try:
            next(walker)
            seen += 1
        except StopIteration as stop:
            nodes = stop.value
            break
    return acc, ordered, seen, nodes


# 4. send()-driven coroutines ---------------------------------------------

def running_stats():
    count = 0
    total = 0
    lo = None
    hi = None
    result = None
    while True:
        x = yield result
        count += 1
        total += x
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
        result = (count, total, lo, hi)


def square_stage(target):
    while True:
        x = yield
        target.send(x * x % 65521)


def coroutines(n):
    stats = running_stats()
    next(stats)
    last = None
    for i in range(n):
        last = stats.send((i * 2654435761) % 1000003)
    sink = running_stats()
    next(sink)
    front = square_stage(sink)
    next(front)
    for i in range(n // 2):
        front.send(i)
    final = sink.send(0)
    stats.close()
    sink.close()
    front.close()
    return last, final


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
    p = pipeline(n)
    g = genexprs(n)
    t = tree_walks(n // 2)
    c = coroutines(n)
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"generators: n={n} in {elapsed:.3f} s\n")
    print(f"generators n={n} pipeline={p[0]}/{p[1]} "
          f"genexpr={'/'.join(str(x) for x in g)} "
          f"tree={t[0]}/{t[1]}/{t[2]}/{t[3]} "
          f"send={c[0][0]}/{c[0][1]}/{c[0][2]}/{c[0][3]} "
          f"pipe={c[1][0]}/{c[1][1]}/{c[1][2]}/{c[1][3]}")


main()
