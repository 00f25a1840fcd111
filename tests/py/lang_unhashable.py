def show(fn):
    try:
        print("ok", fn())
    except TypeError as e:
        print(type(e).__name__ + ":", e)

show(lambda: {[1]: 2})
show(lambda: {{}: 2})
show(lambda: {{1}})
show(lambda: hash([]))
show(lambda: {(1, [2]): 0})
show(lambda: set([[1]]))
show(lambda: {1: 2}[[1]])
show(lambda: [1] in {1, 2})
show(lambda: [1] in {1: 2})
show(lambda: hash((1, 2)) == hash((1, 2)))
show(lambda: len({frozenset([1]): 1}))
class Unh:
    __hash__ = None
show(lambda: {Unh()})
show(lambda: hash(Unh()))
d = {}
try:
    d[[1, 2]] = 3
except TypeError as e:
    print(type(e).__name__, e)
print(d)
