# oracle: stackless-docs
# The state attributes of a tasklet through its life: alive, scheduled,
# blocked, paused, is_main, is_current, and the module attributes current,
# main and runcount. PyPy has none of scheduled, paused, is_main,
# is_current (and keeps blocked as an int that is not cleared by kill).
#
# Stackless (Doc/library/stackless/tasklets.rst, "The following (read-only)
# attributes"; taskletobject.c: alive = has a frame; scheduled = linked
# into a chain (run queue or a channel); paused = alive and not linked;
# blocked = waiting on a channel; is_main / is_current compare with the
# thread's main and current tasklet; stackless.rst: current, main,
# runcount, where runcount includes the main tasklet):
#  - tasklet(f) only binds: not alive, not scheduled, not paused.
#  - after setup: alive and scheduled.
#  - after remove(): alive, not scheduled, so paused.
#  - blocked on a channel: alive, blocked, and scheduled (it is linked into
#    the channel's chain), not paused.
#  - inside the tasklet: is_current True, is_main False; main's is_current
#    is False there.
#  - after it ends: nothing set.
#  - during run() the main tasklet acts as a watchdog and is not in the run
#    queue: main.scheduled is False and main.paused is True there.
import stackless

main = stackless.getmain()


def show(label, t):
    print("%-10s alive=%s scheduled=%s blocked=%s paused=%s" % (
        label, t.alive, t.scheduled, t.blocked, t.paused))


print("current is getcurrent():", stackless.current is stackless.getcurrent())
print("main is getmain():", stackless.main is main)
print("runcount:", stackless.runcount, stackless.getruncount())
print("main: is_main", main.is_main, "is_current", main.is_current)
show("main", main)

ch = stackless.channel()
inside = []


def body():
    me = stackless.getcurrent()
    inside.append(("is_current", me.is_current, "is_main", me.is_main,
                   "main.is_current", main.is_current,
                   "main.scheduled", main.scheduled, "main.paused", main.paused))
    ch.receive()


t = stackless.tasklet(body)
show("bound", t)
t.setup()
show("set up", t)
print("runcount:", stackless.runcount)
t.remove()
show("removed", t)
print("runcount:", stackless.runcount)
t.insert()
show("inserted", t)
stackless.run()
show("blocked", t)
print(*inside[0])
print("runcount:", stackless.runcount)
ch.send(None)
show("finished", t)
