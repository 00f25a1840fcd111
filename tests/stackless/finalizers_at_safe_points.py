# oracle: stackless-docs
# __del__ methods that allocate, raise, or switch tasklets. skiff runs
# finalizers only at safe points, never inside a collection (its design:
# "Finalizers never run inside a collection. Collectors queue finalizable
# objects; the VM drains the queue at safe points"), and gc.collect() is
# such a point: every finalizer of the garbage it found has run when it
# returns. This matches CPython 3.11 for the cycles used here (PEP 442:
# gc.collect() calls the finalizers of unreachable cycles before it
# returns; an exception from __del__ is printed to stderr as "Exception
# ignored in" and swallowed), which is why the expected lines can be
# checked with python3 by replacing the stackless parts. PyPy defers some
# of these finalizers past gc.collect(), so it is not the oracle.
#
# Each object refers to itself, so only the collector can free it. A
# finalizer that calls stackless.schedule() lets the ready tasklet run one
# step and then continues. Expected: the log after each collect().
import gc
import stackless

log = []


class Noisy:
    def __init__(self, name, action=None):
        self.name = name
        self.action = action
        self.me = self

    def __del__(self):
        junk = [str(i) * 3 for i in range(300)]
        log.append("del %s (%d strings)" % (self.name, len(junk)))
        if self.action == "raise":
            raise ValueError("from __del__ of " + self.name)
        if self.action == "switch":
            stackless.schedule()
            log.append("del %s resumed" % self.name)


def make(name, action=None):
    Noisy(name, action)


def collect():
    # Several passes: a conservative stack scan may keep fresh garbage
    # alive for one collection.
    for i in range(3):
        gc.collect()


def ticker(n):
    for i in range(n):
        log.append("tick %d" % i)
        stackless.schedule()


make("plain")
collect()
log.append("collected")
print(log)
del log[:]

make("raiser", "raise")
collect()
log.append("after the ignored exception")
print(log)
del log[:]

stackless.tasklet(ticker)(3)
make("switcher", "switch")
collect()
log.append("collect returned")
stackless.run()
print(log)
del log[:]

# Many finalizers, each allocating while the collector is under pressure.
for i in range(200):
    make("bulk%d" % i)
collect()
print("bulk finalizers run:", len(log), "all distinct:", len(set(log)) == 200)
