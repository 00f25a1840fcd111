def outer():
    x = 0
    def inc():
        nonlocal x
        x += 1
        return x
    inc()
    inc()
    return x, inc
v, inc = outer()
print(v)
print(inc())

def deep():
    a = "outer"
    def mid():
        def inner():
            nonlocal a
            a = "changed by inner"
        inner()
        return a
    r = mid()
    return r, a
print(deep())

def no_nonlocal():
    x = 1
    def f():
        x = 2
        return x
    f()
    return x
print(no_nonlocal())

def loop_nonlocal():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(loop_nonlocal())

def nested_levels():
    x = 1
    def l1():
        x = 10
        def l2():
            nonlocal x
            x += 5
            return x
        return l2(), x
    return l1(), x
print(nested_levels())
