# gc: collect / enable / disable / isenabled
import gc
n = gc.collect()
print(type(n).__name__, n >= 0)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    def __init__(self):
        self.ref = None
a, b = Node(), Node()
a.ref, b.ref = b, a
del a, b
print(type(gc.collect()).__name__)
print(gc.enable() is None, gc.disable() is None, gc.isenabled())
gc.enable()
print(gc.isenabled(), type(gc.collect(0)).__name__, type(gc.get_count()).__name__)
