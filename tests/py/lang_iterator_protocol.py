class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        print("__iter__")
        return self
    def __next__(self):
        if self.cur <= 0:
            print("raise StopIteration")
            raise StopIteration
        self.cur -= 1
        return self.cur + 1

for n in Countdown(3):
    print(n)
c = Countdown(2)
print(list(c))
print(list(c))  # exhausted
it = iter(Countdown(2))
print(next(it), next(it), next(it, "default"))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return Range2Iter(self.n)
class Range2Iter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
    def __iter__(self):
        return self
r = Range2(3)
print(list(r), list(r), sum(r), max(r))
print([(a, b) for a in r for b in r if a < b])

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class NoNext:
    def __iter__(self):
        return self
try:
    for x in NoNext():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
it = iter([1])
print(iter(it) is it)
print(next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
