# oracle: stackless-docs
# Preemptive scheduling with stackless.run(timeout): a tasklet that runs
# for more than `timeout` instructions without yielding is interrupted and
# run() returns it. PyPy's run() ignores the timeout (and would never
# return here).
#
# Stackless (Doc/library/stackless/stackless.rst, run: "If a tasklet hits
# this limit, then it is interrupted and the scheduler exits returning the
# now no longer scheduled tasklet to the caller"; scheduler.rst,
# "Pre-emptive scheduling": "if t is None then there are no tasklets in
# the scheduler to run", and the idiom of re-inserting the interrupted
# tasklet). How many instructions make up the limit is an implementation
# detail, so only facts that hold for any count are printed:
#  - the spinner is returned, alive, not scheduled (so paused), not
#    blocked; main is the only runnable tasklet; the spinner made progress.
#  - re-inserted, it is interrupted again and makes more progress.
#  - once told to stop, it finishes and run() returns None.
#  - two spinners re-inserted in turn both make progress and are both
#    interrupted; told to halt, they finish and run() returns None.
#  - cooperative tasklets that finish well within the limit: run() returns
#    None.
import stackless

state = {"count": 0, "stop": False}


def spinner():
    while not state["stop"]:
        state["count"] += 1
    print("spinner stopped")


t = stackless.tasklet(spinner)()
r = stackless.run(timeout=1000)
print("returned the spinner:", r is t)
print("alive", t.alive, "scheduled", t.scheduled, "paused", t.paused, "blocked", t.blocked)
print("runcount:", stackless.getruncount())
print("made progress:", state["count"] > 0)

before = state["count"]
t.insert()
r = stackless.run(1000)
print("interrupted again:", r is t, "more progress:", state["count"] > before)

state["stop"] = True
t.insert()
print("run() after stop returns:", stackless.run(1000))
print("spinner alive:", t.alive)

counts = {"a": 0, "b": 0}
halt = []


def spin(name):
    while not halt:
        counts[name] += 1


ta = stackless.tasklet(spin)("a")
tb = stackless.tasklet(spin)("b")
interrupted = []
for i in range(6):
    r = stackless.run(500)
    interrupted.append("a" if r is ta else "b" if r is tb else repr(r))
    r.insert()
print("both spinners progressed:", counts["a"] > 0 and counts["b"] > 0)
print("each was interrupted:", sorted(set(interrupted)))
halt.append(True)
print("spinners told to halt; run() returns:", stackless.run())
print("spinners alive:", ta.alive, tb.alive)


def polite(n):
    for i in range(n):
        stackless.schedule()
    print("polite done")


stackless.tasklet(polite)(3)
print("cooperative run(1000000) returns:", stackless.run(1000000))
