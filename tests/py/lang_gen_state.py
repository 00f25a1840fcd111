def g():
    yield 1
    yield 2

gen = g()
print(gen.gi_running, gen.gi_frame is not None)
next(gen)
print(gen.gi_running)
list(gen)
print(gen.gi_frame is None)
print(gen.__name__, gen.__qualname__)

def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

def counter():
    n = 0
    while True:
        n += 1
        yield n
c1, c2 = counter(), counter()
print(next(c1), next(c1), next(c2), next(c1), next(c2))

def gen_with_local_state(items):
    seen = set()
    for i in items:
        if i in seen:
            continue
        seen.add(i)
        yield i
print(list(gen_with_local_state([3, 1, 3, 2, 1, 4])))

def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (e * e for e in evens)
    return list(squares)
print(pipeline())

class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t))
z = zip(counter(), "abc")
print(list(z))
