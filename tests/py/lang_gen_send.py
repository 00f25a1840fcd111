def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

acc = accumulator()
print(acc.send(None))
print(acc.send(5))
print(acc.send(10))
print(acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)

g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)

def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
next(e)
e.send("a")
e.send("b")
try:
    e.send("c")
except StopIteration as stop:
    print(stop.value)

def averager():
    count, total, avg = 0, 0.0, None
    while True:
        term = yield avg
        count += 1
        total += term
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in (10, 20, 30, 40)])

def passthrough():
    r = yield from accumulator()
    yield "sub returned %s" % r
p = passthrough()
print(next(p), p.send(2), p.send(3), p.send(None))
try:
    p.send(1)
except StopIteration:
    print("done")
try:
    p.send(1)
except StopIteration:
    print("still done")
