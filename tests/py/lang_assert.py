assert True
assert 1 == 1, "never shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args, type(e.args[0]).__name__)

calls = []
def msg():
    calls.append("msg evaluated")
    return "lazy"
assert True, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, calls)

def check(x):
    assert isinstance(x, int), f"expected int, got {type(x).__name__}"
    return x
print(check(3))
try:
    check("s")
except AssertionError as e:
    print(e)
try:
    assert None, 42
except AssertionError as e:
    print(e.args[0] + 1)
print(__debug__)
x = (1, 2)
assert x, "non-empty tuple is truthy"
print("done")
