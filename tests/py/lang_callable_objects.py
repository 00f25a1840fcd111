class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10))
print(callable(add5), callable(Adder), callable(Adder.__call__))
print(list(map(add5, [1, 2, 3])))

class Chain:
    def __init__(self):
        self.calls = []
    def __call__(self, v):
        self.calls.append(v)
        return self
c = Chain()
c(1)(2)(3)
print(c.calls)

class Factory:
    def __call__(self):
        return Factory()
print(type(Factory()()()).__name__)

class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)

# __call__ looked up on the type, not the instance
class Inst:
    pass
i = Inst()
i.__call__ = lambda: "instance attr"
print(callable(i))
try:
    i()
except TypeError as e:
    print(type(e).__name__, e)
Inst.__call__ = lambda self: "class attr"
print(i())

class Memo:
    def __init__(self, fn):
        self.fn, self.cache, self.misses = fn, {}, 0
    def __call__(self, n):
        if n not in self.cache:
            self.misses += 1
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.misses)
