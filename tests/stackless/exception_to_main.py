# oracle: pypy3
"""An exception that escapes a tasklet's function ends that tasklet and is
raised in the main tasklet out of stackless.run(); the other tasklets stay
scheduled and a second run() continues them in order."""
import stackless


def bad(kind):
    print("bad starts")
    stackless.schedule()
    print("bad raises", kind.__name__)
    raise kind("from a tasklet")


def other(name, n):
    for i in range(n):
        print(name, i)
        stackless.schedule()
    print(name, "done")


stackless.tasklet(other)("A", 4)
t = stackless.tasklet(bad)(KeyError)
stackless.tasklet(other)("C", 4)
try:
    stackless.run()
    print("not reached")
except KeyError as e:
    print("main caught", type(e).__name__, e)
print("bad alive:", t.alive, "runcount:", stackless.getruncount())
stackless.run()
print("runcount:", stackless.getruncount())

# An exception from a nested call inside the tasklet arrives as it was
# raised, with a traceback attached.
def nested():
    def inner():
        return 1 // 0
    inner()

stackless.tasklet(nested)()
try:
    stackless.run()
except ZeroDivisionError as e:
    print("ZeroDivisionError from the tasklet; has a traceback:", e.__traceback__ is not None)

# A handled exception inside a tasklet does not leak out.
def handled():
    try:
        {}["missing"]
    except KeyError:
        print("handled inside the tasklet")
    stackless.schedule()
    print("handled tasklet finishes")

stackless.tasklet(handled)()
stackless.run()
print("run() returned normally")
