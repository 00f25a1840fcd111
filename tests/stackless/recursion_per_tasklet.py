# oracle: pypy3
"""Each tasklet has its own recursion budget: a tasklet that recurses
without end gets a RecursionError it can catch while the others carry on,
and a tasklet started from deep inside the main tasklet's call stack can
still recurse as deep as the limit allows on its own."""
import stackless
import sys

print("recursion limit:", sys.getrecursionlimit())


def runaway(n):
    return runaway(n + 1) + 1


def count_down(n):
    return 0 if n == 0 else 1 + count_down(n - 1)


def recurser():
    print("recurser starts")
    stackless.schedule()
    try:
        runaway(0)
    except RecursionError as e:
        print("recurser caught", type(e).__name__)
    stackless.schedule()
    print("recurser can still call:", count_down(50))


def steady():
    for i in range(4):
        print("steady", i, count_down(100))
        stackless.schedule()


stackless.tasklet(recurser)()
stackless.tasklet(steady)()
stackless.run()

try:
    runaway(0)
except RecursionError:
    print("main catches its own RecursionError")
print("main recursion still fine:", count_down(500))

# 700 frames in main plus 700 in a tasklet: more than the limit together,
# but each stack is within it.
results = []


def deep_tasklet():
    try:
        results.append(count_down(700))
    except RecursionError:
        results.append("RecursionError")


def main_deep(n):
    if n == 0:
        stackless.tasklet(deep_tasklet)()
        stackless.run()
        return
    main_deep(n - 1)


main_deep(700)
print("tasklet started 700 frames deep reached:", results)

# Several tasklets overflow in turn; none disturbs the others.
outcomes = []


def overflow(name):
    try:
        runaway(0)
    except RecursionError:
        outcomes.append(name)
    stackless.schedule()
    outcomes.append(name + " again " + str(count_down(200)))


for name in ("x", "y", "z"):
    stackless.tasklet(overflow)(name)
stackless.run()
print(outcomes)
