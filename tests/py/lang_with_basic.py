class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return "value-" + self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return False

with CM("a") as v:
    print("body", v)
with CM("b"):
    print("body without as")
try:
    with CM("c") as v:
        print("raising")
        raise KeyError("k")
        print("not reached")
except KeyError as e:
    print("caught outside", type(e).__name__)

def early():
    with CM("d"):
        return "returned"
print(early())

for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

class Self:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit args len", len(a), a)
with Self() as s:
    print(type(s).__name__)

store = {}
with CM("subscript-target") as store["k"]:
    pass
print(store)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)
