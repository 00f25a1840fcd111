# oracle: pypy3
"""A runnable tasklet (one that called schedule(), or was created and never
run) pickled on its own comes back alive, not scheduled; insert() resumes it
exactly where it was: inside nested Python calls, in a while loop, in a
with block, with the value stack of an expression half evaluated.

Oracle: under PyPy `copy_of` returns the tasklet itself (PyPy cannot pickle
tasklets), removed from the run queue to match what a copy looks like
(alive, not scheduled); the expected output is what it does when
re-inserted. Under skiff the copy is a new tasklet and the original is
removed and never runs again."""
import sys
import stackless

SKIFF = sys.implementation.name == "skiff"


def copy_of(t):
    t.remove()
    if not SKIFF:
        return t
    import pickle
    c = pickle.loads(pickle.dumps(t))
    assert c is not t
    return c


class Tracker:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, *exc):
        self.log.append("exit")
        return False


def step(name, k):
    stackless.schedule()
    return k * 100


def inner(name, n, log):
    acc = 0
    with Tracker(log):
        while n > 0:
            acc = acc + step(name, n) + n
            print(" ", name, "acc", acc)
            n -= 1
    return acc


def outer(name, n, log):
    r = inner(name, n, log)
    print(" ", name, "result", r, log)


log_a, log_b = [], []
a = stackless.tasklet(outer)("a", 3, log_a)
b = stackless.tasklet(outer)("b", 2, log_b)
fresh = stackless.tasklet(outer)("fresh", 1, [])
stackless.schedule()
print("a and b ran to their first schedule()")
never = stackless.tasklet(outer)("never", 2, [])
a2 = copy_of(a)
b2 = copy_of(b)
f2 = copy_of(fresh)
n2 = copy_of(never)
print("copies alive", a2.alive, b2.alive, f2.alive, n2.alive)
print("runcount", stackless.getruncount())
a2.insert()
b2.insert()
f2.insert()
n2.insert()
stackless.run()
print("runcount", stackless.getruncount())
