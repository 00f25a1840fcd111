# oracle: stackless-docs
# The other preemption options of stackless.run(). PyPy ignores all of them.
# Stackless (Doc/library/stackless/stackless.rst, run):
#  - totaltimeout: "the scheduler is interrupted when it has run for
#    totaltimeout instructions" in total, so a spinning tasklet is returned
#    just as with timeout;
#  - soft: "When a pre-emptive interruption would normally occur, instead
#    of interrupting and returning the running tasklet, the scheduler exits
#    at the next convenient scheduling moment": run() returns None and the
#    tasklet, which reached a schedule() call, is still scheduled;
#  - ignore_nesting: interrupts are allowed "at any interpreter nesting
#    level"; without it (tasklets.rst, nesting_level) a tasklet running
#    inside a nested interpreter (here: a key function called by sorted())
#    is not interrupted, so run(timeout) lets it finish and returns None;
#    with it, the tasklet is interrupted there and returned, and, being
#    inside native code, it is not restorable.
import stackless

progress = {}


def spin(name):
    n = 0
    while True:
        n += 1
        progress[name] = n


def spin_and_schedule(name):
    n = 0
    while True:
        n += 1
        progress[name] = n
        if n % 100 == 0:
            stackless.schedule()


def nested(name, limit):
    def key(x):
        n = 0
        while limit is None or n < limit:
            n += 1
            progress[name] = n
        return x
    sorted([2, 1], key=key)


a = stackless.tasklet(spin)("a")
r = stackless.run(totaltimeout=5000)
print("totaltimeout returned the spinner:", r is a, "progressed:", progress["a"] > 0)
a.kill()

b = stackless.tasklet(spin_and_schedule)("b")
r = stackless.run(1000, soft=True)
print("soft: run() returned", r, "and the tasklet is still scheduled:", b.scheduled)
b.kill()

c = stackless.tasklet(nested)("c", 20000)
r = stackless.run(1000)
print("nested, no ignore_nesting: run() returned", r, "after it finished:", progress["c"], c.alive)

d = stackless.tasklet(nested)("d", None)
r = stackless.run(1000, ignore_nesting=True)
print("nested, ignore_nesting: interrupted", r is d, "restorable:", d.restorable)
d.kill()
print("killed:", not d.alive, "runcount:", stackless.getruncount())
