# oracle: stackless-docs
# What cannot be pickled, and the PicklingError that says why.
#
# Derivation. Stackless Python can pickle a tasklet only when it is
# *restorable*: every frame of it is a Python frame that the interpreter left
# softly, with no C state below (Doc/library/stackless/pickling.rst,
# "tasklet.restorable" in tasklets.rst). For the others, Stackless either
# refuses or pickles frames marked invalid that raise when resumed. skiff's
# design (DESIGN.md, "Pickling": "A tasklet with native state refuses with a
# clear error") takes the first choice, and so do the live objects whose saved
# state is not current: the running tasklet, its executing frames and
# generators. The main tasklet runs on the thread's own stack and is never
# restorable; a tasklet parked on the scheduler's timers (time.sleep) or
# waiting for the blocking pool is tied to this process. The messages are
# skiff's own (stdlib/src/pickle/enc.rs):
#
#   main tasklet        -> cannot pickle tasklet: it is the main tasklet, ...
#   running tasklet     -> cannot pickle tasklet: it is the running tasklet
#   hard-switched       -> restorable is False; cannot pickle tasklet: it is
#                          blocked inside native code (a hard switch: ...)
#   sleeping            -> cannot pickle tasklet: it is sleeping in time.sleep()
#   executing frame     -> cannot pickle a frame that is executing (...)
#   executing generator -> cannot pickle a generator that is executing
#   a file              -> cannot pickle 'TextIOWrapper' object
#
# A refused dumps leaves everything as it was: afterwards the blocked tasklets
# still run normally when their partners arrive.
import pickle
import sys
import time
import stackless


def try_dump(what, obj):
    try:
        pickle.dumps(obj)
        print(what, "-> pickled")
    except pickle.PicklingError as e:
        print(what, "->", e)


try_dump("main", stackless.getmain())


def selfish():
    try_dump("running", stackless.getcurrent())
    try_dump("own frame", sys._getframe())


stackless.tasklet(selfish)()
stackless.run()

ch = stackless.channel()


def via_native(ch):
    # receive() called by map(), a native function: a hard switch.
    got = list(map(lambda _: ch.receive(), range(1)))
    print("via_native got", got)


def plain(ch):
    print("plain got", ch.receive())


hard = stackless.tasklet(via_native)(ch)
soft = stackless.tasklet(plain)(ch)
stackless.run()
print("restorable: hard", hard.restorable, "soft", soft.restorable)
try_dump("hard", hard)
try_dump("channel holding hard", ch)
ch.send("x")
ch.send("y")


def sleeper():
    time.sleep(30)
    print("sleeper woke")


s = stackless.tasklet(sleeper)()
stackless.schedule()
try_dump("sleeping", s)
s.kill()


def gen():
    try_dump("executing generator", g)
    yield 1


g = gen()
print(next(g))
try_dump("file", sys.stdout)
print("done")
