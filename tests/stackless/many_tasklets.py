# oracle: pypy3
"""Thousands of tasklets at once: a ring of 2000 tasklets passing a token
around three times over 2000 channels, then 3000 tasklets that all block
on one channel and are woken one by one. Exercises the scheduler and the
collector with many suspended stacks."""
import stackless

N = 2000
LAPS = 3
channels = [stackless.channel() for _ in range(N)]
visits = [0] * N


STOP = -1


def node(i):
    inbox = channels[i]
    outbox = channels[(i + 1) % N]
    while True:
        token = inbox.receive()
        if token == STOP:
            # Pass the stop signal on, except back to the node that sent it.
            if i != N - 2:
                outbox.send(STOP)
            return
        visits[i] += 1
        if token == N * LAPS:
            outbox.send(STOP)
            return
        outbox.send(token + 1)


for i in range(N):
    stackless.tasklet(node)(i)
stackless.run()
print("all nodes waiting:", all(ch.balance == -1 for ch in channels))
channels[0].send(1)
stackless.run()
print("visits per node:", sorted(set(visits)), "total", sum(visits))
print("runcount:", stackless.getruncount(), "balances:", sorted(set(ch.balance for ch in channels)))

gate = stackless.channel()
woken = []


def sleeper(i):
    woken.append((i, gate.receive()))


for i in range(3000):
    stackless.tasklet(sleeper)(i)
stackless.run()
print("waiting on the gate:", gate.balance)
for k in range(3000):
    gate.send(k * 2)
print("woken in FIFO order:", all(i * 2 == v for i, v in woken), len(woken))
print("gate balance:", gate.balance)
