nums = [1, 2, 3, 4, 5, 6]
print([y for x in nums if (y := x * x) > 10])
print(y)  # walrus in comprehension binds in enclosing scope

def f(x):
    return x * 3 - 4
results = [v for x in range(6) if (v := f(x)) > 0]
print(results, v)

total = 0
running = [total := total + n for n in nums]
print(running, total)

def in_function():
    found = [last := w for w in ["a", "bb", "ccc"] if len(w) > 1]
    return found, last
print(in_function())

def any_match():
    if any((hit := n) > 3 for n in [1, 2, 5, 7]):
        return "first hit", hit
    return None
print(any_match())

def nested_comp():
    return [[(z := i * j) for j in range(3)] for i in range(3)], z
print(nested_comp())

seen = set()
print([x for x in [3, 1, 3, 2, 1] if not (x in seen or seen.add(x))])
print({k: (sq := k * k) for k in range(3)}, sq)
