# Run by tests/cli.rs under `ulimit -v` (not part of the CPython-compared
# suite): growing a list or a dict one item at a time until memory runs out
# raises MemoryError, which the program can catch and carry on.
l = []
try:
    while True:
        l.append(None)
except MemoryError:
    n = len(l)
    l = None
    print("list MemoryError", n > 1000000)
l = []
try:
    l.extend([None] * 10**8)
    l = [x for x in range(10**9)]
except MemoryError:
    l = None
    print("comprehension MemoryError")
d = {}
try:
    i = 0
    while True:
        d[i] = None
        i += 1
except MemoryError:
    n = len(d)
    d = None
    print("dict MemoryError", n > 100000)
print("still running", sum(range(10)))
