# oracle: stackless-docs
# TaskletExit derives from SystemExit, so "except Exception" does not catch
# a kill. PyPy's TaskletExit derives from Exception instead.
#
# Stackless (Doc/library/stackless/stackless.rst, "Exceptions": "This class
# is derived from SystemExit"; scheduling.c, slp_tasklet_end: a SystemExit
# that reaches the top of a non-main tasklet, TaskletExit included, ends it
# silently, "Note that TaskletExit is a subclass").
#
# Expected: the class relations; the victim's "except Exception" does not
# fire, its "except SystemExit" does; a TaskletExit raised by the tasklet
# itself also ends it without reaching main.
import stackless

TE = stackless.TaskletExit
print("subclass of SystemExit:", issubclass(TE, SystemExit))
print("subclass of Exception:", issubclass(TE, Exception))
print("mro:", [c.__name__ for c in TE.__mro__])

ch = stackless.channel()


def victim():
    try:
        try:
            ch.receive()
        except Exception:
            print("except Exception caught the kill (wrong)")
    except SystemExit as e:
        print("except SystemExit caught", type(e).__name__)
        raise


t = stackless.tasklet(victim)()
stackless.run()
t.kill()
print("victim alive:", t.alive)


def quitter():
    print("quitter raises TaskletExit itself")
    raise stackless.TaskletExit("bye")


stackless.tasklet(quitter)()
stackless.run()
print("main unaffected")
