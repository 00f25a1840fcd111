# oracle: pypy3
"""tasklet().bind(func) + setup(args), remove() taking a tasklet out of the
run queue, insert() putting it back, and the errors for removing the
current tasklet, removing or inserting a blocked one and inserting a dead
one (same messages in Stackless and PyPy)."""
import stackless


def report(label, fn, message=True):
    try:
        fn()
        print(label, "ok")
    except Exception as e:
        if message:
            print(label, type(e).__name__, e)
        else:
            print(label, type(e).__name__)


def hello(name, punct="!"):
    print("hello", name + punct)
    stackless.schedule()
    print("bye", name + punct)


t = stackless.tasklet()
t.bind(hello)
print("bound, alive:", t.alive)
t.setup("bound", punct="?")
print("set up, alive:", t.alive, "runcount:", stackless.getruncount())

u = stackless.tasklet(hello)("removed")
u.remove()
print("after remove, runcount:", stackless.getruncount(), "alive:", u.alive)
stackless.run()
print("u still alive after run:", u.alive)

u.insert()
print("after insert, runcount:", stackless.getruncount())
stackless.run()
print("u alive:", u.alive)

# remove() on a tasklet that is not scheduled is harmless.
v = stackless.tasklet(hello)("twice")
v.remove()
v.remove()
v.insert()
stackless.run()

# Errors.
# The message differs (Stackless adds "or None"): compare the type only.
report("bind(non-callable)", lambda: stackless.tasklet().bind(42), message=False)
report("remove(current)", lambda: stackless.getcurrent().remove())
report("insert(dead)", lambda: u.insert())

ch = stackless.channel()
def waiter():
    print("waiter got", ch.receive())
w = stackless.tasklet(waiter)()
stackless.run()
print("waiter blocked:", bool(w.blocked))
report("remove(blocked)", lambda: w.remove())
report("insert(blocked)", lambda: w.insert())
ch.send("release")
print("waiter alive:", w.alive)
