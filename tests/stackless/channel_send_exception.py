# oracle: pypy3
"""channel.send_exception(cls, arg) raises cls(arg) in the receiver instead
of delivering a value, whether the receiver is already waiting or arrives
later; an exception the receiver does not handle ends that tasklet and is
raised out of stackless.run() in the main tasklet."""
import stackless

ch = stackless.channel()


def careful(name):
    try:
        v = ch.receive()
        print(name, "got value", v)
    except ValueError as e:
        print(name, "got", type(e).__name__, e)
    print(name, "carries on; balance", ch.balance)


# Receiver already waiting.
stackless.tasklet(careful)("waiting")
stackless.run()
ch.send_exception(ValueError, "bad input")
print("main after send_exception")

# Sender first: the exception waits in the channel with the sender. (A
# bystander runs after the sender blocks: in Stackless, a tasklet that
# blocks as the last runnable one hands an exception it is sending to the
# main tasklet, which PyPy does not do; see scheduling.c,
# schedule_task_block.)
def thrower():
    ch.send_exception(ValueError, "queued")
    print("thrower resumed")

def bystander_once():
    print("bystander runs")

stackless.tasklet(thrower)()
stackless.tasklet(bystander_once)()
stackless.run()
print("balance with a blocked exception sender:", ch.balance)
stackless.tasklet(careful)("late")
stackless.run()

# The main tasklet receives an exception.
stackless.tasklet(thrower)()
stackless.tasklet(bystander_once)()
stackless.run()
try:
    ch.receive()
except ValueError as e:
    print("main got", type(e).__name__, e)
stackless.run()

# Unhandled in the receiver: propagates to main through run().
class Custom(Exception):
    pass

def careless():
    ch.receive()
    print("not reached")

def bystander():
    for i in range(3):
        print("bystander", i)
        stackless.schedule()

# Main wakes the careless receiver directly (preference -1 switches to it
# at once); its exception ends it and surfaces in main's send call.
stackless.tasklet(careless)()
stackless.run()
try:
    ch.send_exception(Custom, "unhandled in careless")
except Custom as e:
    print("send_exception raised", type(e).__name__, e)

# Inside run(): another tasklet sends, the exception leaves run().
def messenger():
    ch.send_exception(Custom, "raised through run")
    print("messenger resumed")

stackless.tasklet(careless)()
stackless.tasklet(bystander)()
stackless.tasklet(messenger)()
try:
    stackless.run()
except Custom as e:
    print("run() raised", type(e).__name__, e)
print("runcount after the error:", stackless.getruncount())
stackless.run()
print("balance at end", ch.balance)
