# oracle: pypy3
"""channel.preference decides who runs on after a send/receive that finds a
partner waiting: -1 (default) the receiver, 1 the sender, 0 neither (the
woken tasklet goes to the end of the run queue and the caller continues).
Each case prints the full interleaving of a sender, a receiver and a
bystander tasklet that only calls schedule()."""
import stackless


def sender(ch, items):
    for x in items:
        print("  S send", x)
        ch.send(x)
        print("  S sent", x)
    print("  S done")


def receiver(ch, n):
    for i in range(n):
        print("  R waits")
        x = ch.receive()
        print("  R got", x)
    print("  R done")


def bystander(n):
    for i in range(n):
        print("  B tick", i)
        stackless.schedule()


print("default preference:", stackless.channel().preference)
for pref in (-1, 0, 1):
    for order in ("sender first", "receiver first"):
        print("preference", pref, order)
        ch = stackless.channel()
        ch.preference = pref
        if order == "sender first":
            stackless.tasklet(sender)(ch, [1, 2])
            stackless.tasklet(bystander)(3)
            stackless.tasklet(receiver)(ch, 2)
        else:
            stackless.tasklet(receiver)(ch, 2)
            stackless.tasklet(bystander)(3)
            stackless.tasklet(sender)(ch, [1, 2])
        stackless.run()
        print("  balance", ch.balance)

# The main tasklet on one side of the channel, outside run().
for pref in (-1, 0, 1):
    print("main sends, preference", pref)
    ch = stackless.channel()
    ch.preference = pref
    stackless.tasklet(receiver)(ch, 1)
    stackless.tasklet(bystander)(2)
    stackless.schedule()          # R blocks, B ticks once
    print("  main sends")
    ch.send("m")
    print("  main continues")
    stackless.run()
    print("main receives, preference", pref)
    stackless.tasklet(sender)(ch, ["x"])
    stackless.tasklet(bystander)(2)
    stackless.schedule()          # S blocks, B ticks once
    print("  main receives")
    print("  main got", ch.receive())
    stackless.run()
