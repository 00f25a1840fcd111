# time: types and monotonicity only
import time
now = time.time()
print(type(now).__name__, now > 1600000000, now < 1e11)
a = time.perf_counter()
time.sleep(0.01)
b = time.perf_counter()
print(type(a).__name__, b >= a, b - a >= 0.005)
m1 = time.monotonic()
m2 = time.monotonic()
print(m2 >= m1, type(m1).__name__)
print(time.sleep(0) is None, type(time.time_ns()).__name__, time.time_ns() > 10 ** 18)
t1 = time.time()
time.sleep(0.02)
print(time.time() - t1 >= 0.01)
try:
    time.sleep(-1)
except ValueError as e:
    print('VE', e)
try:
    time.sleep('x')
except TypeError:
    print('TE')
print(type(time.process_time()).__name__)
