def g():
    yield 1
    return "the value"

it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e.value), e.args)

def bad():
    yield 1
    raise StopIteration("leaks")

b = bad()
print(next(b))
try:
    next(b)
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)

def inner_next():
    it = iter([])
    yield next(it)
try:
    list(inner_next())
except RuntimeError as e:
    print(type(e).__name__, e)

def ret_none():
    yield 1
r = ret_none()
next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e.value), e.args)

e = StopIteration(1, 2)
print(e.value, e.args)
print(StopIteration().value)
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)
def ret_stopiter_obj():
    return StopIteration("inner")
    yield
try:
    next(ret_stopiter_obj())
except StopIteration as e:
    print(type(e.value).__name__, e.value)
try:
    next(iter([]))
except StopIteration as e:
    print("plain iterator", repr(e.value), e.args)
