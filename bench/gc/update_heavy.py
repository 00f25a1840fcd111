"""update_heavy: a large, long-lived list of objects mutated in place.

Builds CELLS = 200,000 `Cell` objects in one list, then runs ROUNDS rounds
over all of them (visited in a scattered order, index i * 7919 mod CELLS).
Each visit stores freshly allocated objects into the old cell: a new
2-tuple into `pair` and a new `Box` into `box` (the previous ones become
garbage), and bumps an int counter.  Every 16th visit also replaces the
cell itself in the big list by a new Cell.

So the heap is mostly old (the list and the cells survive every round), and
all new objects are stored into old ones: the case a generational
collector's write barrier (remembered set) and card marking (the big list)
exist for.  A non-generational collector has to trace the whole old heap
on every collection.

Usage: update_heavy.py [ROUNDS | smoke]
    ROUNDS over 200,000 cells (default 12; smoke: 2 rounds over 2,000 cells)
Prints the number of cells and rounds, and a checksum of every cell's
fields at the end.
"""

import sys
import time

CELLS, DEFAULT_ROUNDS = 200000, 12
SMOKE_CELLS, SMOKE_ROUNDS = 2000, 2
STRIDE = 7919          # prime, coprime with both sizes: a permutation
MOD = 1000003


class Box(object):

    def __init__(self, v):
        self.v = v


class Cell(object):

    def __init__(self, key):
        self.key = key
        self.pair = (key, key + 1)
        self.box = Box(key)
        self.count = 0


def run(cells, rounds):
    n = len(cells)
    for r in range(1, rounds + 1):
        for i in range(n):
            j = (i * STRIDE) % n
            c = cells[j]
            a, b = c.pair
            c.pair = (b, (a + b + r) % MOD)
            c.box = Box((c.box.v * 31 + r) % MOD)
            c.count += 1
            if i % 16 == 0:
                fresh = Cell(c.key)
                fresh.pair = c.pair
                fresh.box = c.box
                fresh.count = c.count
                cells[j] = fresh


def checksum(cells):
    total = 0
    for c in cells:
        a, b = c.pair
        total = (total * 131 + a + 3 * b + 7 * c.box.v + c.count + c.key) % 2147483647
    return total


def main():
    n, rounds = CELLS, DEFAULT_ROUNDS
    if len(sys.argv) >= 2:
        if sys.argv[1] == "smoke":
            n, rounds = SMOKE_CELLS, SMOKE_ROUNDS
        else:
            rounds = int(sys.argv[1])
    t0 = time.perf_counter()
    cells = [Cell(i) for i in range(n)]
    run(cells, rounds)
    total = checksum(cells)
    elapsed = time.perf_counter() - t0
    sys.stderr.write(f"update_heavy: {rounds} rounds over {n} cells in "
                     f"{elapsed:.3f} s\n")
    print(f"update_heavy cells={n} rounds={rounds} checksum={total}")


main()
