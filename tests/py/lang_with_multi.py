class CM:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise RuntimeError("enter " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)

with CM("a") as a, CM("b") as b, CM("c"):
    print("body", a, b)

try:
    with CM("a"), CM("b", fail=True), CM("c"):
        print("never")
except RuntimeError as e:
    print("caught", e)

try:
    with CM("x") as x, CM("y") as y:
        raise IndexError("in body")
except IndexError as e:
    print("caught", e)

with (CM("p") as p,
      CM("q") as q):
    print("parenthesized", p, q)

def use_first(cm1):
    with cm1 as v, CM(v.lower() + "2") as w:
        return v + w
print(use_first(CM("m")))
