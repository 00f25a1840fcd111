def gen():
    try:
        print("start")
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally")

g = gen()
print(next(g))
g.close()
print("closed")
g.close()  # idempotent
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

g2 = gen()
g2.close()   # never started: no output
print("closed unstarted")

def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
g3 = ignores_exit()
next(g3)
try:
    g3.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def return_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g4 = return_on_exit()
next(g4)
print(g4.close())

def nested():
    try:
        yield from gen()
    finally:
        print("outer finally")
n = nested()
print(next(n))
n.close()

def raise_other():
    try:
        yield
    except GeneratorExit:
        raise ValueError("during close")
g5 = raise_other()
next(g5)
try:
    g5.close()
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(GeneratorExit, Exception))

def loop_gen():
    for i in range(10):
        try:
            yield i
        finally:
            print("loop finally", i)
lg = loop_gen()
for v in lg:
    if v == 2:
        break
print("after break")
lg.close()
print("after explicit close")
