# oracle: pypy3
"""channel.schedule_all overrides preference: after every send or receive
that finds a partner, the woken tasklet goes to the end of the run queue
and the caller yields to the next runnable tasklet."""
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
        print("  R got", ch.receive())
    print("  R done")


def bystander(n):
    for i in range(n):
        print("  B tick", i)
        stackless.schedule()


for pref in (-1, 1):
    for order in ("sender first", "receiver first"):
        print("schedule_all, preference", pref, order)
        ch = stackless.channel()
        ch.preference = pref
        ch.schedule_all = 1
        if order == "sender first":
            stackless.tasklet(sender)(ch, [1, 2])
            stackless.tasklet(bystander)(4)
            stackless.tasklet(receiver)(ch, 2)
        else:
            stackless.tasklet(receiver)(ch, 2)
            stackless.tasklet(bystander)(4)
            stackless.tasklet(sender)(ch, [1, 2])
        stackless.run()
        print("  balance", ch.balance)
