# oracle: stackless-docs
# Channel iteration, close()/open(), closing/closed, the error for blocking
# on a closed channel, send_sequence's return value and send_throw. PyPy
# has no channel iteration and no send_throw, its send_sequence returns
# None, and its closed channels never refuse to block.
#
# Stackless (Doc/library/stackless/channels.rst; channelobject.c):
#  - iterating receives until a StopIteration is sent with
#    send_exception(StopIteration), or (channel_iternext) until the channel
#    is closing and no sender is waiting (balance <= 0).
#  - close(): closing becomes True at once; closed is "closing and
#    balance == 0". Waiting tasklets are still served.
#  - an operation that would block on a closing channel raises ValueError
#    "Send/receive operation on a closed channel" (generic_channel_block).
#  - open() clears closing.
#  - send_sequence(seq) "returns the length of seq" (the number sent).
#  - send_throw(exc, val, tb) raises like the raise statement in the
#    receiver, so an instance arrives as the same object.
#
# The values below follow from those rules; receivers use the default
# preference -1, so each send from main runs the receiver at once.
import stackless

# Iteration ended by StopIteration.
ch = stackless.channel()


def sender(channel, sequence):
    for value in sequence:
        channel.send(value)
    channel.send_exception(StopIteration)


def receiver(channel):
    for value in channel:
        print("iterated", value)
    print("iteration ended")


stackless.tasklet(sender)(ch, range(4))
stackless.tasklet(receiver)(ch)
stackless.run()

# close() with a receiver still waiting.
def one_receive(channel):
    print("receiver got", channel.receive())


c = stackless.channel()
stackless.tasklet(one_receive)(c)
stackless.run()
c.close()
print("closing", c.closing, "closed", c.closed, "balance", c.balance)
c.send("last")
print("closing", c.closing, "closed", c.closed, "balance", c.balance)
for label, op in (("send", lambda: c.send(1)), ("receive", c.receive)):
    try:
        op()
    except ValueError as e:
        print(label, "on closed channel:", type(e).__name__, e)
c.open()
print("reopened: closing", c.closing, "closed", c.closed)

# Iterating a closed channel drains the waiting senders, then stops.
d = stackless.channel()


def one_send(channel, value):
    channel.send(value)
    print("sender of", value, "done")


for v in ("x", "y", "z"):
    stackless.tasklet(one_send)(d, v)
stackless.run()
d.close()
print("draining:", list(d), "closed", d.closed)
stackless.run()

# send_sequence returns the count.
e = stackless.channel()
got = []


def collector(channel):
    for value in channel:
        got.append(value)


stackless.tasklet(collector)(e)
stackless.run()
n = e.send_sequence(v * v for v in range(5))
e.send_exception(StopIteration)
print("send_sequence returned", n, "collector got", got)

# send_throw.
f = stackless.channel()
caught = []


def catcher(channel):
    try:
        channel.receive()
    except LookupError as exc:
        caught.append(exc)


try:
    {}["missing"]
except KeyError as exc:
    original = exc
stackless.tasklet(catcher)(f)
stackless.run()
f.send_throw(original)
stackless.tasklet(catcher)(f)
stackless.run()
f.send_throw(IndexError, "by class", None)
print("instance is the same object:", caught[0] is original)
print("class and value:", type(caught[1]).__name__, caught[1].args)
