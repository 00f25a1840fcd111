def count(n):
    print("gen start")
    i = 0
    while i < n:
        print("yielding", i)
        yield i
        i += 1
    print("gen end")

g = count(3)
print(type(g).__name__)
print("created, nothing ran yet")
print(next(g))
print(next(g))
print(list(g))
print(list(g))
try:
    next(g)
except StopIteration:
    print("exhausted")

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])

def with_return():
    yield 1
    return
    yield 2
print(list(with_return()))

def empty():
    return
    yield
print(list(empty()))

def multi_yield():
    x = yield
    print("received", x)
    yield (yield "a") + "!"
m = multi_yield()
print(next(m))
print(m.send("hello"))
print(m.send("b"))

def gen_expr_like():
    for c in "abc":
        yield c.upper()
        yield c
print("".join(gen_expr_like()))
print(iter(g) is g)
def lazy_args():
    yield from range(3)
print(sum(lazy_args()), max(lazy_args()), sorted(lazy_args(), reverse=True))
