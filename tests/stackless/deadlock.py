# oracle: stackless-docs
# The main tasklet cannot block on a channel when nothing else can run.
# PyPy raises RuntimeError('No runnable tasklets left.') instead and leaves
# the main tasklet queued on the channel.
#
# Stackless:
#  - Stackless/module/scheduling.c, make_deadlock_bomb(): RuntimeError
#    "Deadlock: the last runnable tasklet cannot be blocked." raised when
#    the last runnable tasklet would block (schedule_task_block). The
#    channel operation is then undone (channelobject.c,
#    generic_channel_block: "undo our tasklet shuffling"), so balance is
#    back to 0. Stackless/unittests/test_channel.py,
#    testMainTaskletBlockingWithoutASender, asserts the RuntimeError.
#  - scheduling.c, slp_tasklet_end(): when the main tasklet is blocked on a
#    channel and the last other runnable tasklet ends, main is woken with
#    RuntimeError "the main tasklet is receiving without a sender
#    available." (or "... is sending without a receiver available."), and
#    taken off the channel (slp_schedule_task unblocks it).
import stackless

ch = stackless.channel()
for label, op in (("receive", ch.receive), ("send", lambda: ch.send(1))):
    try:
        op()
    except RuntimeError as e:
        print(label, "alone:", type(e).__name__, e)
    print("balance", ch.balance, "runcount", stackless.getruncount())


def quitter(what):
    print("quitter", what, "runs and exits")


stackless.tasklet(quitter)("1")
try:
    ch.receive()
except RuntimeError as e:
    print("receive:", type(e).__name__, e)
print("balance", ch.balance, "runcount", stackless.getruncount())

stackless.tasklet(quitter)("2")
try:
    ch.send("nobody")
except RuntimeError as e:
    print("send:", type(e).__name__, e)
print("balance", ch.balance, "runcount", stackless.getruncount())

# With a partner the same calls work.
stackless.tasklet(lambda: ch.send("partner"))()
print("received", ch.receive())
stackless.run()
print("runcount", stackless.getruncount())
