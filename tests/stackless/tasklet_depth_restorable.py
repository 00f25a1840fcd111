# oracle: stackless-docs
# tasklet.recursion_depth and tasklet.restorable. PyPy has neither.
#
# Stackless (taskletobject.c): recursion_depth is the thread's recursion
# depth for the current tasklet and the saved value for any other, 0 for a
# tasklet that has not started (tasklet_new) and for one that has ended
# (schedule_task_destruct). Only differences are printed, since where the
# count starts is an implementation detail: two nested Python calls add 2.
# restorable (Doc/library/stackless/tasklets.rst: "True, if the tasklet
# can be completely restored by pickling/unpickling"; taskletobject.c:
# nesting_level == 0) is True for a tasklet blocked in plain Python code
# and False for one blocked inside a callback run by native code (here a
# sorted() key function), which holds native state.
import stackless

ch = stackless.channel()
record = {}


def leaf():
    record["leaf"] = stackless.getcurrent().recursion_depth


def middle():
    leaf()


def top():
    record["top"] = stackless.getcurrent().recursion_depth
    middle()
    record["before block"] = stackless.getcurrent().recursion_depth
    ch.receive()


t = stackless.tasklet(top)()
print("new tasklet depth:", t.recursion_depth)
print("new tasklet restorable:", t.restorable)
stackless.run()
print("two nested calls add:", record["leaf"] - record["top"])
print("seen from main while blocked, same as inside:", t.recursion_depth == record["before block"])
print("blocked in Python code, restorable:", t.restorable)
ch.send(None)
print("ended tasklet depth:", t.recursion_depth)


def in_callback():
    sorted([2, 1], key=lambda x: ch.receive())


u = stackless.tasklet(in_callback)()
stackless.run()
print("blocked inside sorted(key=...), restorable:", u.restorable)
ch.send(1)
ch.send(2)
print("callback tasklet finished:", not u.alive)
