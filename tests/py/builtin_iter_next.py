# iter / next incl. sentinel and default
it = iter([1, 2])
print(next(it), next(it), next(it, 'default'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', repr(e))
vals = [3, 2, 1, 0, 5]
pos = [0]
def source():
    v = vals[pos[0]]
    pos[0] += 1
    return v
print(list(iter(source, 0)), pos[0])
print(iter(it) is it, type(iter([])).__name__, type(iter(())).__name__)
try:
    iter(5)
except TypeError as e:
    print('TE', e)
try:
    next([1])
except TypeError as e:
    print('TE', e)
try:
    iter(5, 0)
except TypeError as e:
    print('TE', e)
class Count:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(Count()), next(iter(Count())))
d = iter({'a': 1, 'b': 2})
print(next(d), next(d))
