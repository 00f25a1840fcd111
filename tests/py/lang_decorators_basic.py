calls = []

def log(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        print("called", fn.__name__, args, kwargs, "->", result)
        return result
    return wrapper

@log
def add(a, b):
    return a + b

@log
def greet(name, punct="!"):
    return "hi " + name + punct

add(1, 2)
greet("bob", punct="?")
print(calls)
print(add.__name__)  # wrapper, no functools.wraps

def identity(fn):
    print("decorating", fn.__name__)
    return fn

@identity
def plain():
    return "plain"
print(plain())

def replace(fn):
    return 42

@replace
def gone():
    pass
print(gone)

def register(registry):
    def deco(fn):
        registry[fn.__name__] = fn
        return fn
    return deco
REG = {}
@register(REG)
def one():
    return 1
@register(REG)
def two():
    return 2
print(sorted(REG), REG["two"]())
