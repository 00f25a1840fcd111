s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[::2], s[1::3])
print(s[-3:], s[:-3], s[-5:-2], s[-1], s[-10])
print(s[::-1], s[::-2], s[8:2:-2], s[-1:-4:-1], s[2:8:-1])
print(s[100:], s[-100:2], s[5:100], s[3:3], s[5:2])
print(s[None:None:None], s[None:4], s[slice(1, 9, 3)])
t = tuple(s)
print(t[1:4], t[::-3], type(t[1:2]).__name__)
st = "abcdefgh"
print(st[2:5], st[::-1], st[::3], st[-3:], st[10:], repr(st[5:1]))
r = range(0, 20, 2)
print(r[2:5], r[::-1], list(r[1:8:3]))
b = b"bytes!"
print(b[1:3], b[::-1], b[0], b[-1:])
sl = slice(1, 10, 2)
print(sl.start, sl.stop, sl.step, sl.indices(6))
print(slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print(slice(5).stop, slice(5).start)
print(s[True:3], s[False])
class Idx:
    def __index__(self):
        return 2
print(s[Idx()], s[Idx():5], st[Idx()])
copy = s[:]
print(copy == s, copy is s)
try:
    s[1:5:0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["a":"b"]
except TypeError as e:
    print(type(e).__name__, e)
print(slice(1, 2) == slice(1, 2), repr(slice(1, None, -1)))
