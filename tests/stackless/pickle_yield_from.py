# oracle: pypy3
"""A tasklet blocked inside a chain of generators that delegate with
`yield from` (the interpreter runs the chain inline, without native
recursion) survives pickling: the copy resumes at the innermost
generator's channel receive, every level's locals intact, and the values
and return values flow back up the chain as before.

Oracle: as in pickle_tasklet_states.py, under PyPy `copy_of` returns the
object itself (PyPy cannot pickle tasklets): the expected output is what
the originals do when they carry on, and under skiff the pickled copies
must do the same while the originals are never touched again."""
import sys
import stackless

SKIFF = sys.implementation.name == "skiff"


def copy_of(obj):
    if not SKIFF:
        return obj
    import pickle
    c = pickle.loads(pickle.dumps(obj))
    assert c is not obj
    return c


def reader(ch, tag):
    total = 0
    while True:
        v = ch.receive()
        if v is None:
            return (tag, total)
        total += v
        yield (tag, v)


def relay(ch, depth):
    if depth == 0:
        r = yield from reader(ch, "leaf")
    else:
        r = yield from relay(ch, depth - 1)
    return (depth, r)


def consumer(ch):
    seen = []
    g = relay(ch, 3)
    for item in g:
        seen.append(item)
        print("  consumer got", item)
    print("  consumer done", seen)


def returner(ch):
    r = yield from relay(ch, 2)
    print("  returner got", r)
    yield "returner end"


def drive(ch):
    print("  drive:", [x for x in returner(ch)])


ch = stackless.channel()
stackless.tasklet(consumer)(ch)
stackless.run()
print("consumer waiting, balance", ch.balance)
ch.send(5)
ch = copy_of(ch)
print("copy balance", ch.balance)
ch.send(7)
ch.send(None)
stackless.run()

ch = stackless.channel()
stackless.tasklet(drive)(ch)
stackless.run()
ch = copy_of(ch)
ch.send(1)
ch.send(2)
ch.send(None)
stackless.run()
print("done")
