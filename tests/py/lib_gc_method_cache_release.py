# Methods replaced on a class (each a closure over an object with __del__)
# must not be kept alive by lookup caches once nothing else holds them: a
# full collection finalizes them. A conservative collector may keep one or
# two alive through a stale word on the native stack, so the check allows
# a few stragglers.
import gc

count = [0]


class Noisy:
    def __del__(self):
        count[0] += 1


class Target:
    pass


def install():
    held = Noisy()

    def method(self):
        return held

    Target.method = method


t = Target()
for i in range(50):
    install()
    t.method()
    t.method()
    getattr(t, "method")()
install()
gc.collect()
gc.collect()
print("finalized all but a few:", count[0] >= 45)
print("latest still works:", isinstance(t.method(), Noisy))
