# oracle: pypy3
"""Creating tasklets with tasklet(func)(*args, **kwargs), running them with
stackless.run(), round-robin scheduling with stackless.schedule(), and the
run count / current / main bookkeeping around it."""
import stackless

main = stackless.getmain()
print("main is current:", stackless.getcurrent() is main)
print("runcount at start:", stackless.getruncount())


def worker(name, rounds, step=1, **extra):
    me = stackless.getcurrent()
    print(name, "starts; is main:", me is main, "extra:", sorted(extra.items()))
    total = 0
    for i in range(rounds):
        total += step
        print(name, "round", i, "total", total)
        stackless.schedule()
    print(name, "ends with", total)
    return total  # a tasklet's return value is dropped


a = stackless.tasklet(worker)("a", 3)
b = stackless.tasklet(worker)("b", 2, step=10, colour="red", size=2)
print("tasklet() returns the tasklet:", isinstance(a, stackless.tasklet))
print("alive before run:", a.alive, b.alive)
print("runcount with two tasklets:", stackless.getruncount())

unstarted = stackless.tasklet(worker)
print("bound but not set up is alive:", unstarted.alive)

print("run() returns:", stackless.run())
print("alive after run:", a.alive, b.alive)
print("runcount after run:", stackless.getruncount())
print("main is still current:", stackless.getcurrent() is main)

# schedule() from main with tasklets present lets each run one step.
c = stackless.tasklet(worker)("c", 2)
print("main schedules once")
stackless.schedule()
print("main back; runcount", stackless.getruncount())
stackless.schedule()
print("main back again; c alive", c.alive)
stackless.schedule()
print("main back a third time; c alive", c.alive)

# schedule() with no other runnable tasklet returns at once.
stackless.schedule()
print("lonely schedule returned; runcount", stackless.getruncount())

# Tasklets created by tasklets.
def spawner(depth):
    print("spawner", depth)
    if depth < 3:
        stackless.tasklet(spawner)(depth + 1)
        stackless.tasklet(spawner)(depth + 1)
    stackless.schedule()
    print("spawner", depth, "done")

stackless.tasklet(spawner)(1)
stackless.run()
print("runcount at end:", stackless.getruncount())
