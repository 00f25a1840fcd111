squares = (x * x for x in range(5))
print(type(squares).__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))
print(sum(x for x in range(101)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
print(list((x, y) for x in range(3) for y in range(x)))
print(dict((k, len(k)) for k in ["aa", "b"]))
print("-".join(str(i) for i in range(4)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [4, 2]))

def trace(seq, label):
    for s in seq:
        print(label, s)
        yield s
g = (x * 10 for x in trace([1, 2], "outer"))
print("genexp created")
print(list(g))

# first iterable evaluated eagerly
try:
    g = (x for x in 5)
except TypeError as e:
    print("eager:", type(e).__name__, e)
# inner iterables evaluated lazily
g = (y for x in [1] for y in undefined_thing)
print("lazy inner ok")
try:
    list(g)
except NameError as e:
    print(type(e).__name__, e)

x = "outer x"
g = (x for x in range(2))
print(list(g), x)
print(tuple(i for i in "abc"), set(i % 2 for i in range(5)) == {0, 1})
print(sorted((-v for v in [3, 1, 2])))
