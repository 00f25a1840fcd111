def inner():
    print("inner start")
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"

def outer():
    print("outer start")
    r = yield from inner()
    print("outer got return value:", r)
    yield "outer done"
    return "outer result"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)

def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", range(2))))

def tree(n):
    if n == 0:
        return 0
    yield n
    left = yield from tree(n - 1)
    return n + left
def run(gen):
    vals = []
    while True:
        try:
            vals.append(next(gen))
        except StopIteration as e:
            return vals, e.value
print(run(tree(4)))

def delegate_to_iter():
    r = yield from iter([10, 20])
    yield ("iter returns", r)
print(list(delegate_to_iter()))

def no_return():
    yield "x"
def wrap():
    v = yield from no_return()
    yield v
print(list(wrap()))
def flatten(x):
    if isinstance(x, list):
        for e in x:
            yield from flatten(e)
    else:
        yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
