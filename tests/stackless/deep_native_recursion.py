# oracle: stackless-docs
# Deep recursion inside a tasklet ends in RecursionError for that tasklet
# only, never in a crash, even when the recursion goes through native code
# (repr of a deeply nested list, __eq__ calling __eq__, sorted() calling a
# key function that recurses) and the tasklet's native stack is small (the
# suite also runs every script with SKIFF_TASKLET_STACK=64, 64 KiB stacks).
# skiff's design: "a configurable recursion limit gives RecursionError,
# never a crash ... on every tasklet stack"; Stackless and CPython share
# the RecursionError contract (CPython can crash on the first case with a
# high recursion limit; this script asks for skiff's behaviour). Expected:
# each case prints its RecursionError line, the other tasklet keeps being
# scheduled in between and finishes, and main goes on.
import stackless
import sys

sys.setrecursionlimit(100000)


def deep_native():
    nested = []
    for i in range(200000):
        nested = [nested]
    try:
        repr(nested)
        print("repr returned")
    except RecursionError:
        print("repr: RecursionError")
    stackless.schedule()

    class K:
        def __init__(self, n):
            self.n = n

        def __eq__(self, other):
            return K(self.n + 1) == other

    try:
        K(0) == K(1)
    except RecursionError:
        print("__eq__: RecursionError")
    stackless.schedule()

    def rec(n):
        return sorted([1, 2], key=lambda x: rec(n + 1))

    try:
        rec(0)
    except RecursionError:
        print("sorted key: RecursionError")


def other():
    for i in range(4):
        print("other", i)
        stackless.schedule()


stackless.tasklet(deep_native)()
stackless.tasklet(other)()
stackless.run()
print("main continues")
