class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name, self.fail_enter, self.suppress = name, fail_enter, suppress
    def __enter__(self):
        print("enter", self.name)
        if self.fail_enter:
            raise ValueError("enter failed: " + self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress

with CM("outer") as o:
    with CM("inner") as i:
        print("body", o, i)

try:
    with CM("outer"):
        with CM("inner"):
            raise KeyError("x")
except KeyError:
    print("caught KeyError")

with CM("outer", suppress=True):
    with CM("inner"):
        raise KeyError("x")
    print("not reached")
print("after suppressed by outer")

with CM("outer"):
    with CM("inner", suppress=True):
        raise KeyError("x")
    print("outer continues after inner suppressed")

try:
    with CM("outer"):
        with CM("inner", fail_enter=True):
            print("never")
except ValueError as e:
    print("caught", e)
