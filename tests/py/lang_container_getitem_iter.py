class OldSeq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        print("getitem", i)
        if i >= self.n:
            raise IndexError("end")
        return i * i

print(list(OldSeq(4)))
for x in OldSeq(2):
    print("loop", x)
print(3 in OldSeq(3))    # no __contains__: iterates
print(9 in OldSeq(5))
it = iter(OldSeq(2))
print(type(it).__name__)
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
a, b, c = OldSeq(3)
print(a, b, c)
print(sorted(OldSeq(3), reverse=True))

class StopsWithStopIteration:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopsWithStopIteration()))

class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoneIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NoneIter())
except TypeError as e:
    print(type(e).__name__, e)
