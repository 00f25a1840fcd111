# Run by tests/cli.rs under --gc boehm: a loop of finalizable objects, each
# dying after a window of 1000, must not make bdwgc grow its heap without
# collecting (it reached 80-100 MiB for a few MiB of live data).
import gc
class F:
    def __init__(self, n):
        self.n = n
        self.payload = [n, n + 1]
    def __del__(self):
        pass
window = [None] * 1000
for i in range(400000):
    window[i % 1000] = F(i)
window = None
gc.collect()
print(gc.get_stats()[0]["peak_heap_bytes"] >> 20)
