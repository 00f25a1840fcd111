# oracle: stackless-docs
# tasklet.switch(): like run(), but the calling tasklet is taken out of the
# run queue (paused) instead of staying in it. PyPy's tasklet.switch is
# its raw coroutine switch, which bypasses the scheduler.
#
# Stackless (Doc/library/stackless/tasklets.rst, tasklet.switch: "Similar
# to tasklet.run except that the calling tasklet is paused"; the example
# there shows main.scheduled False after t1.switch(); taskletobject.c,
# impl_tasklet_run_remove with remove=1: insert the target if needed,
# remove the current tasklet, switch).
#
# Trace: t.switch() from main pauses main and runs f: main is not
# scheduled and paused. f calls main.switch(): main is inserted and run,
# f is paused. main sees t alive, not scheduled, paused, and a runcount of
# 1. After t.insert() and run(), f finishes.
import stackless

main = stackless.getmain()


def f():
    print("f runs; main scheduled", main.scheduled, "paused", main.paused)
    print("runcount inside f:", stackless.getruncount())
    main.switch()
    print("f resumed")


t = stackless.tasklet(f)()
t.switch()
print("main back; t alive", t.alive, "scheduled", t.scheduled, "paused", t.paused)
print("runcount:", stackless.getruncount())
t.insert()
stackless.run()
print("t alive:", t.alive)
