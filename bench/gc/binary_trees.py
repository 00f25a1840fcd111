"""binary_trees: the Computer Language Benchmarks Game's binary-trees.

Allocates perfect binary trees (a node is a 2-tuple of its children, a
leaf is `(None, None)`), walks each once to count its nodes, and drops it:
almost every object dies young.  One "long-lived" tree of depth N stays
reachable for the whole run, so each collection also has an old heap to
deal with.  This is the single-process Python 3 version of the Benchmarks
Game program (make_tree / check_tree on tuples), with its output folded
into one line.

The shape of the work, for MAX = max(6, N):
  - a "stretch" tree of depth MAX + 1 is built, checked and dropped;
  - the long-lived tree of depth MAX is built;
  - for d = 4, 6, ..., MAX: 2 ** (MAX - d + 4) trees of depth d are built,
    checked and dropped (so every depth allocates about the same number of
    nodes);
  - the long-lived tree is checked.

Usage: binary_trees.py [N | smoke]     N = depth (default 16; smoke: 6)
Prints the node counts of the stretch tree, of every depth's iterations
and of the long-lived tree; they depend only on N.
"""

import sys
import time

DEFAULT, SMOKE, MIN_DEPTH = 16, 6, 4


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main():
    n = DEFAULT
    if len(sys.argv) >= 2:
        n = SMOKE if sys.argv[1] == "smoke" else int(sys.argv[1])
    max_depth = max(MIN_DEPTH + 2, n)
    t0 = time.perf_counter()
    stretch = check_tree(make_tree(max_depth + 1))
    long_lived = make_tree(max_depth)
    parts = []
    for depth in range(MIN_DEPTH, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + MIN_DEPTH)
        check = 0
        for _ in range(iterations):
            check += check_tree(make_tree(depth))
        parts.append(f"{iterations}x{depth}:{check}")
    long_check = check_tree(long_lived)
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"binary_trees: depth {max_depth} in {elapsed:.3f} s\n")
    print(f"binary_trees depth={max_depth} stretch={stretch} "
          f"{' '.join(parts)} long_lived={long_check}")


main()
