# Sizes that cannot be allocated raise MemoryError (or OverflowError where
# the size does not fit an index), and the program carries on.
def attempt(label, f):
    try:
        f()
        print(label, "allocated")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)


attempt("list repeat", lambda: [None] * (10 ** 10))
attempt("tuple repeat", lambda: (1, 2) * (10 ** 10))
attempt("str repeat", lambda: "ab" * (10 ** 11))
attempt("bytes repeat", lambda: b"xy" * (10 ** 11))
attempt("bytearray", lambda: bytearray(10 ** 11))


def imul():
    x = [1, 2, 3]
    x *= 10 ** 10


attempt("list imul", imul)
attempt("list(range)", lambda: list(range(10 ** 10)))
attempt("star range", lambda: [*range(10 ** 10)])
attempt("huge range", lambda: list(range(10 ** 20)))


def extend():
    x = [1]
    x.extend(range(10 ** 20))


attempt("extend huge range", extend)
# Everything still works afterwards.
x = [0] * 1000
x[999] = 5
print(sum(x), len((1,) * 300), list(range(3, 12, 4)), len(list(range(100000))))
