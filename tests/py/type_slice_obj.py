# slice objects
s = slice(1, 10, 2)
print(s, repr(slice(3)), slice(None, 5), slice(1, None, -1), s.start, s.stop, s.step, slice(4).start)
print(s.indices(5), slice(None).indices(10), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
print(slice(-100, 100).indices(7), slice(10, 2, -3).indices(6), slice(0, 0).indices(0))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print('VE', e)
print('abcdefgh'[s], [0, 1, 2, 3, 4, 5][slice(None, None, 2)], range(10)[slice(2, 4)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice('a', 'b'))
class Show:
    def __getitem__(self, k):
        return k
print(Show()[1:2], Show()[::3], Show()[1:2, 3], Show()[...], Show()[:])
