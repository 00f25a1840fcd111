# oracle: pypy3
"""Channel send/receive between tasklets and the main tasklet: values of
any type pass through unchanged, blocked senders and receivers are served
first-in first-out, and balance counts waiting senders (>0) or receivers
(<0)."""
import stackless

ch = stackless.channel()
print("new channel balance:", ch.balance)


def receiver(name, n):
    for i in range(n):
        v = ch.receive()
        print(name, "received", repr(v))


def sender(name, values):
    for v in values:
        print(name, "sending", repr(v))
        ch.send(v)
    print(name, "finished sending")


# Receivers block first; each send wakes the longest-waiting receiver.
stackless.tasklet(receiver)("r1", 1)
stackless.tasklet(receiver)("r2", 1)
stackless.tasklet(receiver)("r3", 1)
stackless.run()
print("three receivers waiting, balance:", ch.balance)
ch.send(None)
ch.send((1, "two", [3.0]))
ch.send({"k": "v"})
print("balance after main sent three:", ch.balance)

# Senders block first; main receives from the longest-waiting sender.
stackless.tasklet(sender)("s1", ["a", "b"])
stackless.tasklet(sender)("s2", ["c"])
stackless.run()
print("senders waiting, balance:", ch.balance)
got = [ch.receive() for _ in range(3)]
print("main received", got, "balance", ch.balance)
stackless.run()
print("balance at the end:", ch.balance)

# The objects themselves travel: identity is preserved.
payload = object()
box = []
def keeper():
    box.append(ch.receive())
stackless.tasklet(keeper)()
stackless.run()
ch.send(payload)
print("same object received:", box[0] is payload)

# A tasklet can send itself.
def introduce():
    ch.send(stackless.getcurrent())
t = stackless.tasklet(introduce)()
stackless.run()
print("received the sender itself:", ch.receive() is t)
stackless.run()
print("sender finished:", not t.alive)

# Ping-pong between two tasklets over two channels.
ping, pong = stackless.channel(), stackless.channel()
def player(name, inbox, outbox, serve):
    if serve:
        outbox.send(0)
    while True:
        n = inbox.receive()
        if n is None:
            print(name, "sees the end")
            return
        if n >= 6:
            print(name, "stops at", n)
            outbox.send(None)
            return
        print(name, "hits", n)
        outbox.send(n + 1)
stackless.tasklet(player)("left", ping, pong, True)
stackless.tasklet(player)("right", pong, ping, False)
stackless.run()
print("ping balance", ping.balance, "pong balance", pong.balance)
