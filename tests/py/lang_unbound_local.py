x = 10

def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 5
    return x
print(f())

def g():
    try:
        y += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
g()

def h(flag):
    if flag:
        z = 1
    return z
print(h(True))
try:
    h(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(issubclass(UnboundLocalError, NameError))

def d():
    v = 1
    del v
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(d())

def free():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 3
    return inner()
print(free())
try:
    undefined_name_here
except NameError as e:
    print(type(e).__name__, e)
