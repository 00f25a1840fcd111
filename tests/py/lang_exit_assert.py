def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x * 2

print(check(1))
try:
    check(-1)
except AssertionError as e:
    print("caught:", e)
print(check(5))
check(-3)
