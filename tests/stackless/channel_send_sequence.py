# oracle: pypy3
"""channel.send_sequence(iterable) sends every item in turn, blocking as
send() does; with a generator it builds a lazy pipeline. (Its return value
differs between PyPy and Stackless, so it is not printed here; see
channel_close_iterate.py.)"""
import stackless

ch = stackless.channel()
received = []


def consumer(n):
    for i in range(n):
        received.append(ch.receive())
    print("consumer got", received)


def numbers(n):
    for i in range(n):
        print("generating", i)
        yield i * i


stackless.tasklet(consumer)(4)
stackless.tasklet(ch.send_sequence)(numbers(4))
stackless.run()
del received[:]

# From the main tasklet, to a waiting consumer.
stackless.tasklet(consumer)(3)
stackless.run()
ch.send_sequence(["a", "b", "c"])
print("main finished sending; balance", ch.balance)

# A chain of stages, each forwarding with send_sequence over a generator.
def stage(inp, out, n, factor):
    def transformed():
        for i in range(n):
            yield inp.receive() * factor
    out.send_sequence(transformed())

first, middle, last = stackless.channel(), stackless.channel(), stackless.channel()
stackless.tasklet(first.send_sequence)(range(1, 6))
stackless.tasklet(stage)(first, middle, 5, 10)
stackless.tasklet(stage)(middle, last, 5, 3)
print("pipeline output:", [last.receive() for i in range(5)])
stackless.run()
print("balances", first.balance, middle.balance, last.balance)
