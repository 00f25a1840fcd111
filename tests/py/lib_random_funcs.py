# random: integer and sequence functions after random.seed(n) must give
# CPython 3.11's results.
import random

SEEDS = (0, 1, 12345, 2**100, -5)

for s in SEEDS:
    random.seed(s)
    print("seed", s)
    print("  randrange", [random.randrange(10) for _ in range(8)], random.randrange(1, 7),
          random.randrange(0, 100, 7), random.randrange(100, 0, -3), random.randrange(-50, 50),
          random.randrange(2**70), random.randrange(10**30, 10**30 + 5))
    print("  randint", [random.randint(1, 6) for _ in range(8)], random.randint(-3, 3), random.randint(5, 5))
    print("  choice", random.choice("abcdefg"), random.choice([1, 2, 3]), random.choice(range(1000)))
    l = list(range(20))
    random.shuffle(l)
    print("  shuffle", l)
    print("  sample", random.sample(range(100), 10), random.sample("abcdef", 6), random.sample(range(10**6), 3))
    print("  sample big k", random.sample(range(50), 30)[:10], random.sample(range(10000), 40)[:8])
    print("  sample counts", random.sample(["r", "g", "b"], 5, counts=[4, 2, 3]))
    print("  choices", random.choices("abc", k=5), random.choices(range(10), weights=range(1, 11), k=5))
    print("  cum", random.choices("xyz", cum_weights=[1, 5, 6], k=6), random.choices([1, 2], [0.5, 1.5]))
    print("  randbytes", random.randbytes(7))

random.seed(5)
print("sample tuple/str", random.sample((1, 2, 3, 4), 2), random.sample("hello", 0))
print("shuffle empty", random.shuffle([]), "choice one", random.choice([42]))

# Integer conversions and errors.
random.seed(2)
print("randrange bool/index", random.randrange(True, 10), random.randrange(3.0), random.randrange(1, 10.0, 2))

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print("no error", r)
    except Exception as e:
        print(type(e).__name__, e)

err(random.randrange, 0)
err(random.randrange, -3)
err(random.randrange, 5, 5)
err(random.randrange, 5, 2)
err(random.randrange, 0, 10, 0)
err(random.randrange, 0, 10, -1)
err(random.randrange, 10, step=2)
err(random.randrange, 1.5)
err(random.randrange, 0, 2.5)
err(random.randrange, 0, 10, 1.5)
err(random.randrange, "a")
err(random.randint, 5, 1)
err(random.choice, [])
err(random.choice, "")
err(random.sample, range(3), 4)
err(random.sample, range(3), -1)
err(random.sample, {1, 2, 3}, 2)
err(random.sample, {"a": 1}, 1)
err(random.sample, "abc", 2, counts=[1, 2])
err(random.sample, "abc", 2, counts=[0, 0, 0])
err(random.sample, "abc", 2, counts=[1.0, 1, 1])
err(random.choices, "abc", [1, 2])
err(random.choices, "abc", [1, 2, 3], cum_weights=[1, 2, 3])
err(random.choices, "abc", [0, 0, 0])
err(random.choices, "abc", [1, float("inf"), 1])
err(random.choices, "abc", 3)
print("choices k=0", random.choices("abc", k=0))
