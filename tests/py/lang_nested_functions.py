def outer(x):
    def middle(y):
        def inner(z):
            return x + y + z
        return inner(3)
    return middle(2)

print(outer(1))

def make_ops():
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return {"add": add, "mul": mul}

ops = make_ops()
print(ops["add"](2, 3), ops["mul"](2, 3))

def recursive_inner(n):
    def helper(k):
        if k == 0:
            return []
        return [k] + helper(k - 1)
    return helper(n)
print(recursive_inner(5))

def conditional_def(flag):
    if flag:
        def f():
            return "yes"
    else:
        def f():
            return "no"
    return f()
print(conditional_def(True), conditional_def(False))

def redefine():
    def f():
        return 1
    r1 = f()
    def f():
        return 2
    return r1, f()
print(redefine())

def fresh_each_call():
    def f():
        pass
    return f
print(fresh_each_call() is fresh_each_call())

def apply_all(fns, v):
    return [fn(v) for fn in fns]
def builders():
    def dbl(x): return x * 2
    def neg(x): return -x
    def sq(x): return x ** 2
    return [dbl, neg, sq]
print(apply_all(builders(), 7))
