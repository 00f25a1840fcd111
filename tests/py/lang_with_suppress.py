class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is not None and issubclass(et, self.types):
            print("suppressing", et.__name__, ev)
            self.caught = ev
            return True
        return False

with Suppress(ZeroDivisionError) as s:
    print("before")
    1 / 0
    print("not reached")
print("after", type(s.caught).__name__)

try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("not suppressed", type(e).__name__, e)

def f():
    with Suppress(ValueError):
        raise ValueError("x")
    return "continued after with"
print(f())

class TruthyExit:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        return "non-empty string"  # truthy => suppress
with TruthyExit():
    raise RuntimeError("swallowed")
print("swallowed by truthy return")

class ExitRaises:
    def __enter__(self):
        pass
    def __exit__(self, et, ev, tb):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def gen_ret():
    for i in range(5):
        with Suppress(StopIteration):
            if i == 2:
                raise StopIteration
            yield i
print(list(gen_ret()))
