# oracle: pypy3
"""tasklet.kill() raises TaskletExit in the tasklet at once: finally
clauses and with-statement exits run, an uncaught TaskletExit ends the
tasklet silently, and the killer continues when the killed tasklet is
done. Killing a tasklet that never ran means its function never starts;
killing a dead tasklet does nothing."""
import stackless

ch = stackless.channel()


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(self.name, "acquired")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(self.name, "released by", exc_type.__name__ if exc_type else None)
        return False


def holder(name):
    with Resource(name + "'s lock"):
        try:
            print(name, "blocks on the channel")
            ch.receive()
            print("not reached")
        finally:
            print(name, "finally runs")


t = stackless.tasklet(holder)("h1")
stackless.run()
print("h1 blocked:", bool(t.blocked), "alive:", t.alive)
t.kill()
# (blocked is not printed after the kill: PyPy leaves the flag set.)
print("after kill: alive", t.alive)
t.kill()
print("killing a dead tasklet is a no-op")


def catcher():
    try:
        ch.receive()
    except stackless.TaskletExit as e:
        print("catcher saw", type(e).__name__)
        raise
    finally:
        print("catcher finally")


c = stackless.tasklet(catcher)()
stackless.run()
c.kill()
print("catcher alive:", c.alive)


def survivor():
    # Catching TaskletExit and returning normally also ends the tasklet.
    try:
        ch.receive()
    except stackless.TaskletExit:
        print("survivor caught TaskletExit and returns")
        return "ignored"


s = stackless.tasklet(survivor)()
stackless.run()
s.kill()
print("survivor alive:", s.alive)


def never_runs():
    print("never_runs started (should not happen)")


n = stackless.tasklet(never_runs)()
print("runcount before kill:", stackless.getruncount())
n.kill()
print("never_runs alive:", n.alive, "runcount:", stackless.getruncount())
stackless.run()

# Killing from another tasklet: the killer continues afterwards.
def killer(victim):
    print("killer kills")
    victim.kill()
    print("killer continues; victim alive", victim.alive)

v = stackless.tasklet(holder)("h2")
stackless.run()
stackless.tasklet(killer)(v)
stackless.run()

# Nested frames: every finally on the blocked tasklet's stack runs, innermost first.
def level(depth):
    try:
        if depth == 0:
            ch.receive()
        else:
            level(depth - 1)
    finally:
        print("unwinding level", depth)

d = stackless.tasklet(level)(3)
stackless.run()
d.kill()
print("deep alive:", d.alive)

# After the kills the channel still works.
stackless.tasklet(lambda: print("fresh receiver got", ch.receive()))()
stackless.run()
ch.send("ok")
