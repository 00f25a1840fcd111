vals = [1, 1.5, 2j, True, None, "s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset(),
        range(2), slice(1, 2), object(), type, len, print, lambda: 0, iter([]), iter(()),
        (x for x in []), NotImplemented, Ellipsis, 10 ** 30,
        enumerate([]), zip(), map(len, []), filter(None, []), reversed([]), {}.keys(),
        {}.values(), {}.items(), [].append, property(), super]
for v in vals:
    print(type(v).__name__)
class Mine:
    pass
print(type(Mine()).__name__, type(Mine).__name__)
def gen():
    yield
print(type(gen()).__name__, type(gen).__name__)
import sys
print(type(sys).__name__)
try:
    raise KeyError(1)
except KeyError as e:
    print(type(e).__name__, type(e.__traceback__).__name__)
