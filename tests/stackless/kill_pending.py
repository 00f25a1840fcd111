# oracle: stackless-docs
# tasklet.kill(pending=True). PyPy's kill() takes no arguments.
#
# Stackless (Doc/library/stackless/tasklets.rst): kill(pending) is
# "if t.alive: t.throw(TaskletExit, pending=pending)", and for throw "if
# pending evaluates to True, then the target tasklet will be made runnable
# and the caller continues". taskletobject.c (_impl_tasklet_throw_bomb)
# removes a blocked target from its channel, inserts it at the end of the
# run queue with the TaskletExit waiting in its tempval, and returns None.
#
# Trace:
#  1. victim blocks on ch ("victim waits"); kill(pending=True) returns None
#     at once; the victim is alive, no longer blocked, scheduled, and the
#     channel balance is back to 0. The next run() delivers TaskletExit:
#     "victim finally TaskletExit", then the victim is dead.
#  2. A tasklet that never ran is already scheduled; kill(pending=True)
#     leaves it in the queue with the exception pending, so when run()
#     reaches it the exception is raised before its function starts: the
#     function prints nothing and the tasklet ends.
#  3. Order: with x (blocked), y and z runnable, kill x pending from main:
#     x goes to the end of the queue, after y and z, so run() prints
#     "y runs", "z runs", then "x killed".
#  4. kill(pending=True) on a dead tasklet does nothing and returns None.
import stackless

ch = stackless.channel()


def victim():
    try:
        print("victim waits")
        ch.receive()
    except BaseException as e:
        print("victim finally", type(e).__name__)
        raise


t = stackless.tasklet(victim)()
stackless.run()
print("kill returns", t.kill(pending=True))
print("alive", t.alive, "blocked", t.blocked, "scheduled", t.scheduled)
print("balance", ch.balance)
stackless.run()
print("alive", t.alive)


def never():
    print("never prints this")


n = stackless.tasklet(never)()
n.kill(pending=True)
print("pending kill on a new tasklet: alive", n.alive, "scheduled", n.scheduled)
stackless.run()
print("alive", n.alive)


def x():
    try:
        ch.receive()
    finally:
        print("x killed")


def say(word):
    print(word, "runs")


xt = stackless.tasklet(x)()
stackless.run()
stackless.tasklet(say)("y")
stackless.tasklet(say)("z")
xt.kill(pending=True)
stackless.run()
print("dead tasklet:", xt.kill(pending=True))
