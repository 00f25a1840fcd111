# oracle: stackless-docs
# schedule_remove() returns the tasklet's tempval when it is resumed, so a
# waker can hand it a result by setting tempval before insert(). PyPy's
# schedule_remove ignores tempval and returns its argument.
#
# Stackless (Doc/library/stackless/stackless.rst, schedule_remove:
# "tasklet.tempval is used to store the value to be returned, and as
# expected, when this function is called it is set to retval. Custom
# utility functions can take advantage of this and set a new value for
# tasklet.tempval before reinserting the tasklet back into the scheduler",
# with the wait_for_result / event_callback example used below.)
#
# Trace: w1 and w2 park themselves; run() returns with only main left.
# event_callback(42) sets both tempvals and inserts them; run() resumes
# them in insertion order. w3 parks with schedule_remove("token") and is
# re-inserted without touching tempval: it gets "token". w4 uses the
# default retval: it gets itself back.
import stackless

waiting_tasklets = []


def wait_for_result():
    waiting_tasklets.append(stackless.current)
    return stackless.schedule_remove()


def event_callback(result):
    for tasklet in waiting_tasklets:
        tasklet.tempval = result
        tasklet.insert()
    del waiting_tasklets[:]


def worker(name):
    result = wait_for_result()
    print(name, "received result", result)


stackless.tasklet(worker)("w1")
stackless.tasklet(worker)("w2")
stackless.run()
print("parked:", len(waiting_tasklets), "runcount:", stackless.getruncount())
event_callback(42)
stackless.run()


def token_keeper():
    print("w3 got", stackless.schedule_remove("token"))


def self_getter():
    me = stackless.getcurrent()
    print("w4 got itself:", stackless.schedule_remove() is me)


w3 = stackless.tasklet(token_keeper)()
w4 = stackless.tasklet(self_getter)()
stackless.run()
print("w3 paused:", w3.paused, "w4 paused:", w4.paused)
w3.insert()
w4.insert()
stackless.run()
