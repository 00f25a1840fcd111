# oracle: stackless-docs
# time.sleep() inside a tasklet blocks only that tasklet. This is a skiff
# extension, not Stackless behaviour (Stackless's time.sleep blocks the
# whole thread, as PyPy's does, where the elapsed check below prints
# False). skiff's design runs blocking calls in a blocking pool off the
# interpreter thread and wakes the tasklet through a cross-thread inbox,
# so other tasklets keep running meanwhile.
#
# Expected: three tasklets sleeping 0.1 s, 0.2 s and 0.3 s wake in that
# order; together they take about 0.3 s, well under the 0.6 s a sequential
# run needs (the check allows 0.5 s, for loaded test machines); a busy
# tasklet that only calls schedule() runs while they sleep; and run()
# returns only when all are done. main's own sleep still sleeps.
import stackless
import time

woke = []
sleepers_done = [0]
ticks = [0]


def sleeper(name, seconds):
    time.sleep(seconds)
    woke.append(name)
    sleepers_done[0] += 1


def busy():
    while sleepers_done[0] < 3:
        ticks[0] += 1
        stackless.schedule()


start = time.monotonic()
stackless.tasklet(sleeper)("slow", 0.3)
stackless.tasklet(sleeper)("fast", 0.1)
stackless.tasklet(sleeper)("medium", 0.2)
stackless.tasklet(busy)()
stackless.run()
elapsed = time.monotonic() - start
print("wake order:", woke)
print("concurrent (elapsed < 0.5 s):", elapsed < 0.5)
print("no shorter than the longest sleep (elapsed >= 0.29 s):", elapsed >= 0.29)
print("busy tasklet ran while they slept:", ticks[0] > 3)

start = time.monotonic()
time.sleep(0.05)
print("main's sleep sleeps:", time.monotonic() - start >= 0.045)
