def make_adder(n):
    def add(x):
        return x + n
    return add

a5 = make_adder(5)
a10 = make_adder(10)
print(a5(1), a10(1))
print(a5.__closure__ is not None, len(a5.__closure__))
print(a5.__closure__[0].cell_contents)
print(make_adder.__closure__)

def outer():
    x = 1
    def inner():
        return x
    x = 2
    return inner
print(outer()())

def multi():
    a, b = 1, 2
    def f():
        def g():
            return a + b
        return g
    return f()()
print(multi())

def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())

def shared():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = shared()
print(g())
s(42)
print(g())
print(g.__code__.co_freevars)
