# functools: lru_cache, cache, CacheInfo
import functools
from functools import lru_cache, cache

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())
print(fib(10), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
print(fib.__name__, fib.__wrapped__.__name__, fib.__wrapped__(5), fib.cache_parameters())

calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for x in [1, 2, 1, 3, 2, 1, 1]:
    sq(x)
print(calls, sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), tuple(info))
print(type(info).__name__, isinstance(info, tuple), info == (3, 4, 2, 2), repr(info))
h, m, ms, cs = info
print(h, m, ms, cs, info._fields, info._asdict())
print(sq.cache_parameters())

# maxsize=None: unbounded
@lru_cache(maxsize=None)
def ident(x):
    calls.append(('ident', x))
    return x
for x in [1, 2, 1, 2, 3]:
    ident(x)
print(ident.cache_info(), ident.cache_parameters())

# maxsize=0 and negative: no caching, only counting
@lru_cache(maxsize=0)
def nocache(x):
    return x + 1
print(nocache(1), nocache(1), nocache.cache_info())
neg = lru_cache(maxsize=-5)(lambda x: x)
neg(1)
neg(1)
print(neg.cache_info(), neg.cache_parameters())

# typed
@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())
@lru_cache()
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped(True), untyped.cache_info())
print(untyped.cache_parameters(), typed.cache_parameters())

# keyword arguments make distinct keys; kwarg order matters
@lru_cache(maxsize=None)
def kw(a, b=2, *, c=3):
    return a + b + c
print(kw(1), kw(1, 2), kw(1, b=2), kw(a=1, b=2), kw(b=2, a=1), kw(1, c=3), kw.cache_info())

# unhashable arguments
try:
    kw([1])
except TypeError as e:
    print('TypeError', e)
print(kw.cache_info())

# exceptions are not cached
attempts = []
@lru_cache
def flaky(x):
    attempts.append(x)
    if len(attempts) < 2:
        raise ValueError('first time')
    return x
try:
    flaky(5)
except ValueError as e:
    print('ValueError', e)
print(flaky(5), flaky(5), attempts, flaky.cache_info())

# LRU order: a hit refreshes the entry
order = []
@lru_cache(maxsize=3)
def f(x):
    order.append(x)
    return x
for x in [1, 2, 3, 1, 4, 2, 1, 3]:
    f(x)
print(order, f.cache_info())

# methods, and the cache being shared between instances
class C:
    def __init__(self, v):
        self.v = v
    @lru_cache(maxsize=None)
    def double(self, k):
        return self.v * 2 * k
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other.v
c1, c2 = C(3), C(3)
print(c1.double(1), c2.double(1), C.double.cache_info())

# cache()
@cache
def fact(n):
    return n * fact(n - 1) if n else 1
print(fact(10), fact(5), fact.cache_info(), fact.cache_parameters())
print(fact.__name__, fact.__wrapped__(3))
try:
    cache()
except TypeError as e:
    print(type(e).__name__)

# wrapper metadata
@lru_cache(maxsize=10)
def documented(a, b):
    "adds"
    return a + b
print(documented.__doc__, documented.__name__, documented.__qualname__, documented.__module__)
print(documented(1, 2), documented(a=1, b=2), documented(1, b=2), documented.cache_info())

# argument checking
for bad in ['a', 1.5]:
    try:
        lru_cache(bad)
    except TypeError as e:
        print('TypeError', e)
print(lru_cache(len)('abc'), lru_cache(None)(len)('ab'), lru_cache(maxsize=None, typed=True)(len)('a'))

# recursion through the same key while computing it
depth = []
@lru_cache(maxsize=2)
def reent(n):
    depth.append(n)
    if n > 0:
        reent(n - 1)
        reent(n - 1)
    return n
reent(4)
print(depth, reent.cache_info())
@lru_cache(maxsize=None)
def reent2(n):
    return reent2(n - 1) + 1 if n else 0
print(reent2(50), reent2.cache_info())

# many entries, bounded
@lru_cache(maxsize=100)
def ident2(x):
    return x
for i in range(1000):
    ident2(i % 150)
print(ident2.cache_info())
for i in range(1000):
    ident2(i % 80)
print(ident2.cache_info())
