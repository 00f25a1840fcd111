sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sq.__name__)
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
print(sorted([(1, "b"), (2, "a"), (0, "c")], key=lambda t: t[1]))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
fns = [lambda x, i=i: x * i for i in range(4)]
print([fn(10) for fn in fns])
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(5), cond(0), cond(-1))
kwonly = lambda *, k: k * 2
print(kwonly(k=4))
print((lambda x: (lambda y: x + y))(1)(2))
print(sq.__qualname__)
