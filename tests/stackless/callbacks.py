# oracle: pypy3
"""set_schedule_callback(cb(prev, next)) is called on every switch between
two different tasklets, including into and out of run() and when a
tasklet ends; set_channel_callback(cb(channel, tasklet, sending,
willblock)) is called before every channel action. None removes either
callback."""
import stackless

names = {}


def name_of(t):
    if t is None:
        return "None"
    for key, value in names.items():
        if value is t:
            return key
    return "?"


names["main"] = stackless.getmain()
switches = []


def on_schedule(prev, next):
    switches.append(name_of(prev) + "->" + name_of(next))


def work(n):
    for i in range(n):
        stackless.schedule()


ch = stackless.channel()


def rx():
    ch.receive()


def tx():
    ch.send("v")


def spawn(label, func, *args):
    names[label] = stackless.tasklet(func)(*args)


stackless.set_schedule_callback(on_schedule)
spawn("a", work, 2)
spawn("b", work, 1)
stackless.run()
print("round robin:", switches)
del switches[:]

spawn("rx", rx)
spawn("tx", tx)
stackless.run()
print("channel wakeup:", switches)
del switches[:]

spawn("c", work, 1)
stackless.schedule()
print("main schedules:", switches)
stackless.schedule()
print("and again:", switches)
del switches[:]

stackless.set_schedule_callback(None)
spawn("quiet", work, 2)
stackless.run()
print("after removing the callback:", switches)

actions = []


def on_channel(channel, task, sending, willblock):
    actions.append("%s %s%s%s" % (
        name_of(task),
        "send" if sending else "receive",
        " (blocks)" if willblock else "",
        "" if channel is ch else " on another channel",
    ))


stackless.set_channel_callback(on_channel)
spawn("rx", rx)
spawn("tx", tx)
stackless.run()
spawn("tx", tx)
spawn("rx", rx)
stackless.run()
print("channel actions:", actions)
del actions[:]
spawn("rx", rx)
stackless.run()
ch.send("from main")
print("main sending:", actions)
del actions[:]
stackless.set_channel_callback(None)
spawn("rx", rx)
spawn("tx", tx)
stackless.run()
print("after removing the channel callback:", actions)
