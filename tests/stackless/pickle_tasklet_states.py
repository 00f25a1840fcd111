# oracle: pypy3
"""Tasklet states that survive pickling: a tasklet blocked sending (balance
> 0, with the value it is sending, or an exception sent with
send_exception), a tasklet blocked while handling an exception (a bare
`raise` after resuming re-raises it), a tasklet blocked inside an __init__
called by a class instantiation, and a tasklet subclass with attributes.

Oracle: as in pickle_channel_waiters.py, under PyPy `copy_of` returns the
object itself (PyPy cannot pickle tasklets): the expected output is what
the originals do when they carry on, and under skiff the pickled copies
must do the same while the originals are never touched again."""
import sys
import stackless

SKIFF = sys.implementation.name == "skiff"


def copy_of(obj):
    if not SKIFF:
        return obj
    import pickle
    c = pickle.loads(pickle.dumps(obj))
    assert c is not obj
    return c


# Senders blocked with their values; one sends an exception.
def sender(ch, name, values):
    for v in values:
        ch.send((name, v))
    print("  sender", name, "done")


def exc_sender(ch):
    ch.send_exception(KeyError, "sent-key")
    print("  exc_sender done")


ch = stackless.channel()
stackless.tasklet(sender)(ch, "s1", [1, 2])
stackless.tasklet(exc_sender)(ch)
stackless.tasklet(sender)(ch, "s2", [3])
stackless.run()
print("senders waiting, balance", ch.balance)
ch = copy_of(ch)
print("copy balance", ch.balance)
print("received", ch.receive())
try:
    ch.receive()
except KeyError as e:
    print("received exception", type(e).__name__)
print("received", ch.receive())
print("received", ch.receive())
stackless.run()
print("balance", ch.balance)


# Blocked while handling an exception.
def handler(ch):
    try:
        {}["missing"]
    except KeyError:
        print("  handler caught, waits")
        note = ch.receive()
        print("  handler resumed with", note, "exc_info", sys.exc_info()[0].__name__)
        try:
            raise
        except KeyError as e:
            print("  re-raised", repr(e))
    print("  after except, exc_info", sys.exc_info())


ch = stackless.channel()
stackless.tasklet(handler)(ch)
stackless.run()
ch = copy_of(ch)
ch.send("go")


# Blocked inside __init__.
class Widget:
    def __init__(self, ch, name):
        self.name = name
        self.size = ch.receive()

    def __repr__(self):
        return "Widget(%s, %s)" % (self.name, self.size)


def builder(ch, out):
    w = Widget(ch, "w1")
    out.append(w)
    print("  built", w)


out = []
ch = stackless.channel()
stackless.tasklet(builder)(ch, out)
stackless.run()
ch, out = copy_of((ch, out))
ch.send(42)
print("out", out)


# A tasklet subclass with attributes.
class Job(stackless.tasklet):
    def describe(self):
        return "Job %s (%d steps)" % (self.label, self.steps)


def job_body(ch):
    v = ch.receive()
    me = stackless.getcurrent()
    print("  job got", v, "in", type(me).__name__, me.describe())


ch = stackless.channel()
j = Job(job_body)
j.label = "nightly"
j.steps = 3
j(ch)
stackless.run()
ch2 = copy_of(ch)
# The copy of the job is the tasklet blocked on the copied channel.
print("balance", ch2.balance)
ch2.send("payload")
