# oracle: stackless-docs
# tasklet.run() on a tasklet that is already in the run queue. PyPy runs
# only the target and then returns to the caller (and appends a second
# queue entry for it); Stackless continues around the queue.
#
# Stackless (Doc/library/stackless/tasklets.rst, tasklet.run: "What you see
# here is that t1 is not the only tasklet that ran. When t1 yields, the
# next tasklet in the chain is scheduled and so forth until the tasklet
# that actually ran t1 - that is the main tasklet - is scheduled and
# resumes execution. If you were to run t2 instead of t1, then we would
# have only seen the output of t2 and t3, because the tasklet calling run
# is before t1 in the chain." taskletobject.c, impl_tasklet_run_remove:
# the target is not moved when it is already scheduled.)
#
# Trace (queue main t1 t2 t3):
#   t1.run(): t1 0, t2 0, t3 0, back to main.
#   t3.run(): t3 1; next after t3 is main.
#   t2.run(): t2 1, t3 2, then main.
#   run(): t1 1, t2 2, "t3 done", t1 2, "t2 done", "t1 done".
import stackless


def f(name):
    for i in range(3):
        print(name, i)
        stackless.schedule()
    print(name, "done")


t1 = stackless.tasklet(f)("t1")
t2 = stackless.tasklet(f)("t2")
t3 = stackless.tasklet(f)("t3")
t1.run()
print("main after t1.run()")
t3.run()
print("main after t3.run()")
t2.run()
print("main after t2.run()")
stackless.run()
print("main after run(); runcount", stackless.getruncount())
