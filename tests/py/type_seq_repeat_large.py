# Repetition of lists and tuples large enough to be allocated straight in
# the old generation, holding young objects: the copies must stay valid
# across collections (the fill runs one write barrier for the whole array).
import gc


class Box:
    def __init__(self, v):
        self.v = v


for round_ in range(3):
    unit = [Box(i) for i in range(3)] + [round_, "s%d" % round_, None]
    big = unit * 20000
    tup = tuple(unit) * 15000
    ints = [round_] * 100000
    gc.collect()
    junk = [Box(-1) for _ in range(50000)]
    del junk
    print(len(big), len(tup), len(ints), sum(ints))
    print(sum(b.v for b in big[::6]), sum(b.v for b in tup[1::6]), big[-1], tup[-2])
    print(all(big[i] is unit[i % 6] for i in range(0, len(big), 997)))
    big *= 2
    print(len(big), big[len(big) // 2 + 1].v)
print([0] * 0, () * 5, [1, 2] * 1, (3,) * 3)
