# oracle: stackless-docs
# A tasklet blocked on a channel that nothing else can reach any more is
# "lost": no send can ever wake it. skiff kills such a tasklet with
# TaskletExit at a safe point after the collector finds it unreachable, so
# its finally clauses and with-statement exits run. This is a skiff
# extension (skiff's design: "Unreachable blocked tasklets are killed at a
# safe point with TaskletExit"); Stackless frees such a tasklet's frames
# without running them, and PyPy never collects a blocked continulet.
#
# Expected: the lost tasklet's cleanup has run, with TaskletExit, by the
# time gc.collect() (called a few times, since a conservative stack scan
# may keep garbage alive for one collection) and a following run() have
# returned; a tasklet blocked on a channel that is still reachable is not
# touched and still receives normally afterwards.
import gc
import stackless

log = []


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        log.append("%s exit with %s" % (self.name, exc_type.__name__ if exc_type else None))
        return False


def blocked_forever(name, ch):
    with Guard(name):
        try:
            log.append("%s received %r" % (name, ch.receive()))
        except BaseException as e:
            log.append("%s got %s" % (name, type(e).__name__))
            raise
        finally:
            log.append(name + " finally")


def make_lost_tasklet():
    # Runs in a tasklet of its own, so that no trace of the lost tasklet is
    # left in the main tasklet's native frames and registers, where a
    # conservative stack scan could see it and keep it alive.
    ch = stackless.channel()
    stackless.tasklet(blocked_forever)("lost", ch)
    # Both the channel and the tasklet become unreachable on return.


kept_channel = stackless.channel()
kept = stackless.tasklet(blocked_forever)("kept", kept_channel)
stackless.run()
stackless.tasklet(make_lost_tasklet)()
stackless.run()
for i in range(3):
    gc.collect()
stackless.run()
print("after collecting:", log)
print("kept tasklet still blocked:", bool(kept.blocked), "alive:", kept.alive)
del log[:]
kept_channel.send("hello")
print("kept tasklet after a send:", log, "alive:", kept.alive)
