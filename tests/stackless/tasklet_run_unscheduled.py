# oracle: pypy3
"""tasklet.run() on a tasklet that was first remove()d: it is inserted at the
end of the run queue and switched to at once, so after it yields the main
tasklet (which precedes it in the queue) continues. (Running a tasklet that
is still scheduled is covered by tasklet_run_scheduled.py, where PyPy
differs from Stackless.)"""
import stackless


def f(name):
    for i in range(2):
        print(name, i)
        stackless.schedule()
    print(name, "done")


t1 = stackless.tasklet(f)("t1")
t2 = stackless.tasklet(f)("t2")
t3 = stackless.tasklet(f)("t3")
t2.remove()
print("runcount after remove:", stackless.getruncount())
t2.run()
print("main continues; runcount:", stackless.getruncount())
stackless.run()
print("all done:", not (t1.alive or t2.alive or t3.alive))
