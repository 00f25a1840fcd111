# oracle: pypy3
"""schedule() returns the current tasklet by default and its argument
otherwise; schedule_remove(retval) takes the caller out of the run queue
until somebody insert()s it, then returns retval."""
import stackless

main = stackless.getmain()
print("lonely schedule() is main:", stackless.schedule() is main)
print("schedule(42):", stackless.schedule(42))
# schedule(None) is left out: Stackless returns None, PyPy the current tasklet.

parked = []


def sleeper(name):
    me = stackless.getcurrent()
    print(name, "schedule() is me:", stackless.schedule() is me)
    print(name, "schedule('x'):", stackless.schedule("x"))
    parked.append(me)
    r = stackless.schedule_remove(name + "-token")
    print(name, "woke with", r)


def waker():
    print("waker sees runcount", stackless.getruncount(), "parked", len(parked))
    for t in parked:
        print("waker inserts; scheduled before insert:", stackless.getruncount())
        t.insert()
    print("waker done; runcount", stackless.getruncount())


stackless.tasklet(sleeper)("s1")
stackless.tasklet(sleeper)("s2")
stackless.run()
print("after first run: runcount", stackless.getruncount(), "parked", len(parked))
stackless.tasklet(waker)()
stackless.run()
print("final runcount", stackless.getruncount())
