# oracle: stackless-docs
# schedule(retval) returns retval, even an explicit None, and the current
# tasklet only when the argument is left out (stackless.rst, schedule:
# "schedule(retval=stackless.current) ... the return value is the value of
# the optional argument"; PyPy returns the current tasklet for None, so it
# is not the oracle here). enable_softswitch(flag) (stackless.rst,
# "Debugging related functions") turns soft switching off and on and
# returns the previous setting; with it off a tasklet blocked at bytecode
# level keeps its stack (it is not restorable), with it on it keeps none.
import stackless


def f():
    print("explicit None:", stackless.schedule(None))
    print("absent is current:", stackless.schedule() is stackless.getcurrent())
    print("value:", stackless.schedule(42))


stackless.tasklet(f)()
stackless.run()

ch = stackless.channel()


def blocker():
    ch.receive()


print("was on:", stackless.enable_softswitch(False))
t1 = stackless.tasklet(blocker)()
stackless.run()
print("switching hard: restorable", t1.restorable)
print("was on:", stackless.enable_softswitch(True))
t2 = stackless.tasklet(blocker)()
stackless.run()
print("switching soft: restorable", t2.restorable)
ch.send(1)
ch.send(2)
print("both done:", t1.alive, t2.alive)
