# oracle: stackless-docs
# tasklet.throw(exc, val, tb, pending) and tasklet.raise_exception(cls,
# *args). PyPy implements neither.
#
# Stackless (Doc/library/stackless/tasklets.rst; taskletobject.c,
# _impl_tasklet_throw_bomb and slp_exc_to_bomb):
#  - raise_exception(cls, *args) raises cls(*args) in the tasklet, which "is
#    immediately activated". A blocked target is taken off its channel and
#    inserted before the current tasklet, so when it finishes the caller
#    runs next.
#  - throw() has the semantics of the raise statement: a class, a class
#    and a value, or an instance (then val must be None: TypeError
#    "instance exception may not have a separate value"), optionally with
#    a traceback. pending=False switches at once like raise_exception;
#    pending=True only makes the target runnable (end of the run queue).
#  - On a dead tasklet both raise RuntimeError "You cannot throw to a dead
#    tasklet", except that throwing TaskletExit is allowed and does nothing.
#
# Expected lines, in order: the three immediate deliveries each print the
# victim's line before main's "main continues ..." line; the pending throw
# prints main's line first, then the victim's line during run(); the
# instance thrown with its traceback arrives as the very same object; the
# errors are printed by main.
import stackless

ch = stackless.channel()


def victim(name):
    try:
        ch.receive()
        print(name, "received a value?")
    except Exception as e:
        print(name, "got", type(e).__name__, e.args)
        return e


t1 = stackless.tasklet(victim)("v1")
stackless.run()
t1.raise_exception(ValueError, "bad", 2)
print("main continues after raise_exception; v1 alive", t1.alive)

t2 = stackless.tasklet(victim)("v2")
stackless.run()
t2.throw(KeyError, "k")
print("main continues after throw(cls, val); v2 alive", t2.alive)

t3 = stackless.tasklet(victim)("v3")
stackless.run()
t3.throw(IndexError("instance"))
print("main continues after throw(instance)")

t4 = stackless.tasklet(victim)("v4")
stackless.run()
print("pending throw returns", t4.throw(LookupError, "later", None, True))
print("main continues first; v4 blocked", t4.blocked, "scheduled", t4.scheduled)
stackless.run()
print("v4 alive", t4.alive)

# An existing exception with its traceback.
seen = []


def keeper():
    try:
        ch.receive()
    except ArithmeticError as e:
        seen.append(e)


try:
    1 / 0
except ZeroDivisionError as e:
    original = e
k = stackless.tasklet(keeper)()
stackless.run()
k.throw(original, None, original.__traceback__)
print("same exception object:", seen[0] is original)

# Errors.
def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__, e)


w = stackless.tasklet(victim)("v5")
stackless.run()
attempt("instance with a value", lambda: w.throw(ValueError("x"), "y"))
print("v5 still blocked:", w.blocked)
w.kill()
attempt("throw to a dead tasklet", lambda: w.throw(ValueError))
attempt("raise_exception on a dead tasklet", lambda: w.raise_exception(ValueError, "z"))
attempt("TaskletExit to a dead tasklet", lambda: w.throw(stackless.TaskletExit))
