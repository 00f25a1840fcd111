# oracle: stackless-docs
# stackless.atomic() and tasklet.set_atomic(): a tasklet in an atomic
# section is not preempted by run(timeout). PyPy has neither (and no
# preemption).
#
# Stackless (Doc/library/stackless/stackless.rst, class atomic: equivalent
# to "old = stackless.getcurrent().set_atomic(True); try: yield; finally:
# stackless.getcurrent().set_atomic(old)"; tasklets.rst, set_atomic "will
# not be auto-scheduled when preemptive scheduling", the atomic attribute
# "is True while this tasklet is within a set_atomic block";
# taskletobject.c, set_atomic returns the previous flag as a bool;
# stacklessmodule.c, interrupt_timeout_return only marks the interrupt as
# pending while current->flags.atomic is set).
#
# Expected: the flag values below; a worker whose atomic section is long
# enough to exceed the timeout many times is never interrupted inside it
# (the main tasklet never observes phase "atomic"), but it is interrupted
# in the non-atomic loop that follows, and its atomic result is complete.
import stackless

cur = stackless.getcurrent()
print("atomic at start:", cur.atomic)
with stackless.atomic():
    print("inside atomic():", cur.atomic)
    with stackless.atomic():
        print("nested:", cur.atomic)
    print("after nested exit:", cur.atomic)
print("after atomic():", cur.atomic)
print("set_atomic(1) returns", cur.set_atomic(1), "flag", cur.atomic)
print("set_atomic(1) again returns", cur.set_atomic(1))
print("set_atomic(0) returns", cur.set_atomic(0), "flag", cur.atomic)
try:
    with stackless.atomic():
        raise KeyError("inside")
except KeyError:
    print("flag restored after an exception:", cur.atomic)

phase = ["start"]
result = []


def worker():
    with stackless.atomic():
        phase[0] = "atomic"
        total = 0
        for i in range(200000):
            total += i
        result.append(total)
        phase[0] = "atomic done"
    phase[0] = "spinning"
    n = 0
    while n < 200000:
        n += 1
    phase[0] = "finished"


t = stackless.tasklet(worker)()
seen = []
while True:
    r = stackless.run(100)
    if r is None:
        break
    seen.append(phase[0])
    r.insert()
print("interrupted inside the atomic section:", "atomic" in seen)
print("interrupted at all:", len(seen) > 0)
print("atomic result:", result, "final phase:", phase[0])
print("worker's own flag outside the section:", t.atomic)
