# Big containers (more than 8 KiB of items) made, filled, kept and dropped
# across collections: under the generational collector they start young
# outside the nursery, survive only if reached, and become carded when old.
import gc


class Box:
    def __init__(self, v):
        self.v = v


def churn(n):
    total = 0
    for i in range(n):
        tmp = [Box(i)] * 2000          # a big list of one young object
        total += tmp[-1].v + len(tmp)
    return total


print("churn", churn(300))

# A big list that survives: filled with fresh objects, then collections.
keep = [None] * 5000
for i in range(0, 5000, 7):
    keep[i] = Box(i * 3)
gc.collect()
print("kept", sum(b.v for b in keep if b is not None))
# Stores into it now that it is old (cards), then a collection.
for i in range(1, 5000, 11):
    keep[i] = Box(-i)
gc.collect()
print("after stores", sum(b.v for b in keep if b is not None))

# Reached only from a small object, from a tuple, from a dict.
holder = Box([str(i) for i in range(3000)])
big_tuple = tuple(Box(i) for i in range(2500))
big_dict = {i: Box(i) for i in range(2000)}
for _ in range(3):
    churn(50)
    gc.collect()
print("holder", len(holder.v), holder.v[2999])
print("tuple", sum(b.v for b in big_tuple))
print("dict", sum(b.v for b in big_dict.values()))

# Identity of a big object stays the same while it lives.
x = list(range(4000))
ident = id(x)
churn(100)
gc.collect()
print("same id", id(x) == ident)


# A big list only a suspended generator holds.
def gen():
    local = [Box(i) for i in range(3000)]
    yield len(local)
    yield sum(b.v for b in local)


g = gen()
print("gen", next(g))
churn(100)
gc.collect()
print("gen", next(g))

print("end")
