def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-3, 0, 8)])

def traced(label, val):
    print("eval", label)
    return val
print(traced("a", 1) if traced("cond", True) else traced("b", 2))
print(traced("a", 1) if traced("cond", 0) else traced("b", 2))
x = 5
y = x * 2 if x > 3 else x / 2
print(y)
print((lambda n: "even" if n % 2 == 0 else "odd")(7))
print([i if i % 2 else -i for i in range(5)])
print(1 if [] else 2, 1 if [0] else 2, "yes" if "" else "no")
val = None
print(val if val is not None else "default")
print((1 if True else 2) + 10)
print(1 if True else 2 + 10)
print(1 + 2 if False else 3 + 4)
nested = (("a" if x > 10 else "b") if x > 0 else "c")
print(nested)
