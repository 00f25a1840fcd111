print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 3: x for x in range(10)})  # later values overwrite
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in "mississippi"}))
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(len({i // 2 for i in range(10)}))
d = {w: len(w) for w in ["apple", "fig", "banana"]}
print(d, list(d))
print({k: [v for v in range(k)] for k in range(4)})
print({i: {j: i * j for j in range(3)} for i in range(2)})
try:
    {[x]: 1 for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[x] for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
order = []
def k(v):
    order.append("k%d" % v)
    return v
def val(v):
    order.append("v%d" % v)
    return v
{k(i): val(i) for i in range(2)}
print(order)
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__)
