# str slicing with steps
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3])
print(repr(s[5:2]), repr(s[20:]), repr(s[-100:2]), s[2:100])
print(s[::3], s[-1:-4:-1], s[9:0:-3], repr(s[0:0]))
print(s[slice(1, 4)], s[slice(None, None, -3)])
for step in (1, 2, 3, -1, -4):
    print(step, s[::step])
try:
    s[::0]
except ValueError as e:
    print('VE', e)
t = 'héllo😀wörld'
print(t[1:6], t[::-1], t[5:6], t[::3])
print(s[None:3], s[3:None], s[True:3])
