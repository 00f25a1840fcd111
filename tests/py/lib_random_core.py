# random: MT19937 seeding, random(), getrandbits(), getstate()/setstate()
# must reproduce CPython 3.11's sequences exactly.
import random
import _random

SEEDS = (0, 1, 12345, 2**100, -5, 2**32, 2**32 - 1, 2**64 + 7, True)

for s in SEEDS:
    random.seed(s)
    print("seed", s)
    print("  random", [random.random() for _ in range(5)])
    print("  bits", [random.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 200)])

# Long runs cross several twists of the 624-word state.
random.seed(42)
xs = [random.random() for _ in range(2000)]
print("long", xs[623], xs[624], xs[1247], xs[1999], sum(xs))
random.seed(42)
print("bits 20000", random.getrandbits(20000) % (10**30))

# Negative seeds use the absolute value.
random.seed(-12345); a = random.random()
random.seed(12345); b = random.random()
print("abs", a == b)

# Float, str, bytes, bytearray seeds (version 2 uses SHA-512), version 1.
for s in (1.5, -2.25, 0.0, 1e300, "", "hello", "héllo wörld", b"hello", bytearray(b"hello"), b"\x00" * 200):
    random.seed(s)
    print("seed", repr(s)[:40], random.random(), random.getrandbits(40))
for s in ("", "hello", b"abc", "ünï"):
    random.seed(s, version=1)
    print("v1", repr(s), random.random())

try:
    random.seed([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    random.seed({})
except TypeError as e:
    print("TypeError", e)

# getrandbits errors
for k in (-1, 1.5):
    try:
        random.getrandbits(k)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# getstate / setstate round trip, including mid-stream and the gauss cache.
random.seed(7)
random.random()
st = random.getstate()
print("state", st[0], len(st[1]), st[1][-1], st[1][:3], st[2])
a = [random.random() for _ in range(700)]
random.setstate(st)
b = [random.random() for _ in range(700)]
print("replay", a == b)
random.seed(3)
g1 = random.gauss()
st = random.getstate()
print("gauss cache", st[2] is not None)
g2 = random.gauss()
random.setstate(st)
print("gauss replay", random.gauss() == g2)

# Version 2 states (words may be given out of range: reduced mod 2**32).
random.seed(11)
v, internal, gn = random.getstate()
random.setstate((2, tuple(x + 2**32 for x in internal[:-1]) + internal[-1:], None))
print("v2", random.random() == (random.seed(11) or random.random()))

for bad in ((4, (), None), (3, (1, 2, 3), None), (3, tuple(range(624)) + (625,), None), (3, [0] * 625, None)):
    try:
        random.setstate(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# _random.Random directly, and subclasses.
r = _random.Random(5)
print("_random", r.random(), r.getrandbits(10))
r.seed(5)
print("_random reseed", r.random())
r2 = random.Random(5)
print("Random(5)", r2.random())
try:
    _random.Random(1, 2)
except TypeError as e:
    print("TypeError", e)

class MyRandom(random.Random):
    pass
m = MyRandom(12345)
print("subclass", m.random(), m.randrange(1000))
print("instances independent", random.Random(1).random() == random.Random(1).random())
random.seed(1)
r3 = random.Random(1)
print("module vs instance", random.random() == r3.random())
print("randbytes", random.Random(9).randbytes(10))
print("unseeded", 0.0 <= random.Random().random() < 1.0)
