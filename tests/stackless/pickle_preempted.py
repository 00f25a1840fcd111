# oracle: stackless-docs
# A tasklet interrupted by run(timeout) is pickled mid-loop and its copy,
# inserted, finishes the loop where the original stopped.
#
# Derivation. stackless.run(timeout) "runs the scheduler until [...] the
# timeout expires; returns the interrupted tasklet" (Doc/library/stackless/
# stackless.rst, run): the tasklet is left paused, alive and out of the run
# queue, so `interrupted is t` and `t.alive` print True. Its frame was left at
# a loop back-edge (skiff's preemption point), a soft switch, so it is
# restorable and pickles (DESIGN.md, "Pickling"). The copy is alive and not
# scheduled; insert() puts it in the run queue and run() lets it finish: the
# loop adds up range(3000) once in all, so the total is 2999 * 3000 / 2 =
# 4498500 whatever the point of interruption, and it is appended to the
# pickled copy of the log, which is printed at the end. PyPy's stackless
# module has no run(timeout), so PyPy cannot be the oracle.
import pickle
import stackless


def spinner(log):
    total = 0
    for i in range(3000):
        total += i
    log.append(total)
    print("  spinner total", total)


log = []
t = stackless.tasklet(spinner)(log)
interrupted = stackless.run(100)
print("interrupted", interrupted is t, "alive", t.alive, "restorable", t.restorable)
t2, log2 = pickle.loads(pickle.dumps((t, log)))
print("copy alive", t2.alive, "is a new tasklet", t2 is not t)
t2.insert()
stackless.run()
print("copy's log", log2, "original's log", log)
