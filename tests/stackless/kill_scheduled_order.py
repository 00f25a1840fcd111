# oracle: stackless-docs
# Killing a tasklet that is runnable (scheduled, not blocked). PyPy differs:
# its kill() returns to the killer as soon as the victim has died.
#
# Stackless (Doc/library/stackless/tasklets.rst, tasklet.kill and
# tasklet.throw; Stackless/module/taskletobject.c, _impl_tasklet_throw_bomb;
# scheduling.c, slp_schedule_task and slp_tasklet_end): kill() is
# throw(TaskletExit, pending=False), which switches to the victim at once.
# A victim that is already in the run queue is not moved. When it dies,
# slp_tasklet_end removes it from the queue and continues with the tasklet
# that followed it there, not with the killer.
#
# Trace: a and b are created (queue: main a b). main's schedule() runs
# "a 0", "b 0" and comes back to main; the queue is main a b again, with
# main current. a.kill() switches to a: its finally prints "a finally", a
# dies, and the tasklet after a in the queue is b, which prints "b 1" and
# schedules; next after b is main, which prints "after kill False". run()
# then lets b finish: "b 2", "b finally". Only main is left: "done 1".
import stackless


def f(name, n):
    try:
        for i in range(n):
            print(name, i)
            stackless.schedule()
    finally:
        print(name, "finally")


a = stackless.tasklet(f)("a", 3)
b = stackless.tasklet(f)("b", 3)
stackless.schedule()
print("main resumes")
a.kill()
print("after kill", a.alive)
stackless.run()
print("done", stackless.getruncount())
