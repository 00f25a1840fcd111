# oracle: stackless-docs
# tasklet.next / tasklet.prev and channel.queue. PyPy has no next/prev, and
# its channel.queue is a deque rather than the first waiting tasklet.
#
# Stackless (Doc/library/stackless/tasklets.rst, "The following attributes
# allow a tasklets place in a chain to be identified"; channels.rst,
# channel.queue "the first tasklet in the chain of tasklets that are
# blocked on the channel ... If the value is None, then the channel is
# empty"; taskletobject.c, tasklet_get_next/prev return None when the
# neighbour is not a tasklet):
#  - the run queue is a ring: with main current and a, b created in that
#    order, main.next is a, a.next is b, b.next is main, and prev the other
#    way round.
#  - a tasklet in no chain has next and prev None.
#  - blocked tasklets form the channel's chain in arrival order; the
#    channel itself is the list head, so the first has prev None and the
#    last has next None.
import stackless

main = stackless.getmain()
ch = stackless.channel()


def idle():
    pass


def wait():
    ch.receive()


a = stackless.tasklet(idle)()
b = stackless.tasklet(idle)()
print("main.next is a:", main.next is a)
print("a.next is b:", a.next is b)
print("b.next is main:", b.next is main)
print("main.prev is b:", main.prev is b)
print("a.prev is main:", a.prev is main)
stackless.run()
print("finished tasklet links:", a.next, a.prev)
print("empty channel queue:", ch.queue)

w1 = stackless.tasklet(wait)()
w2 = stackless.tasklet(wait)()
w3 = stackless.tasklet(wait)()
stackless.run()
print("queue is w1:", ch.queue is w1)
print("w1.next is w2:", w1.next is w2, " w2.next is w3:", w2.next is w3)
print("w3.next:", w3.next, " w1.prev:", w1.prev, " w3.prev is w2:", w3.prev is w2)
ch.send(1)
print("after one send, queue is w2:", ch.queue is w2, " w2.prev:", w2.prev)
ch.send(2)
ch.send(3)
print("queue after three sends:", ch.queue)

unbound = stackless.tasklet(idle)
print("never scheduled:", unbound.next, unbound.prev)
