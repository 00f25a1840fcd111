# oracle: stackless-docs
# Soft and hard switching, seen through skiff's stack pool statistics
# (stackless._stats(), a skiff extension). skiff's design, after Stackless's
# "soft switching": a tasklet blocked at bytecode level (it called
# channel.receive() straight from Python code) keeps no native stack and is
# restorable; one blocked inside native code (receive() called from a key
# function that sorted() calls) keeps its coroutine and stack and is not
# restorable. Expected:
#  - 10,000 tasklets blocked softly: no coroutine is suspended, no stack is
#    in use, and at most one stack was ever mapped (soft switches reuse the
#    running coroutine's stack);
#  - one tasklet blocked inside sorted(): exactly one suspended coroutine
#    holding one stack;
#  - once everything is woken and finished, no stack is in use any more.
import stackless

ch = stackless.channel()


def soft():
    ch.receive()


def hard():
    sorted([2, 1], key=lambda x: ch.receive())


soft_ones = [stackless.tasklet(soft)() for i in range(10000)]
stackless.run()
st = stackless._stats()
print("soft blocked:", -ch.balance, "restorable:", all(t.restorable for t in soft_ones))
print("suspended coroutines:", st["suspended_coroutines"], "stacks in use:", st["stacks_in_use"],
      "stacks ever mapped <= 1:", st["stacks_created"] <= 1)
h = stackless.tasklet(hard)()
stackless.run()
st = stackless._stats()
print("hard blocked, restorable:", h.restorable)
print("suspended coroutines:", st["suspended_coroutines"], "stacks in use:", st["stacks_in_use"])
for i in range(10002):
    ch.send(i)
stackless.run()
st = stackless._stats()
print("all done:", ch.balance, stackless.getruncount(),
      "suspended coroutines:", st["suspended_coroutines"], "stacks in use:", st["stacks_in_use"])
