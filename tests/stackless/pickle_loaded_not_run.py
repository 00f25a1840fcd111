# oracle: stackless-docs
# Loading runs none of the pickle's code: a tasklet that pickle.loads
# brought back and that is dropped without ever being resumed is simply
# freed, its `finally` blocks do not run. Once it has run it is a tasklet
# like any other.
#
# Derivation. Stackless kills a blocked tasklet that becomes unreachable
# (skiff does it at a safe point, see lost_tasklet_killed.py), which runs
# the tasklet's code. skiff's pickle trust model (stdlib/src/pickle/mod.rs,
# DESIGN.md "Pickling") promises that what `loads` returns runs code only
# when it is called or resumed, so an unpickled tasklet keeps no
# lost-tasklet finalizer until it first runs (tf::LOADED in vm/src/sched.rs).
# Expected: the copy that is dropped prints nothing (not even "finally"),
# however many collections run; the copy that is resumed prints what the
# original would ("got 1"), and at the end the one still blocked is killed
# explicitly and runs its `finally`.
import gc
import pickle
import stackless


def waiter(ch, name):
    try:
        v = ch.receive()
        print(" ", name, "got", v)
        ch.receive()
    finally:
        print(" ", name, "finally")


ch = stackless.channel()
t = stackless.tasklet(waiter)(ch, "waiter")
stackless.run()
data = pickle.dumps(ch)
pickle.loads(data)
for _ in range(3):
    gc.collect()
print("dropped copy: nothing ran")
c2 = pickle.loads(data)
c2.send(1)
print("resumed copy is blocked again:", c2.balance)
c2.queue.kill()
print("killed")
