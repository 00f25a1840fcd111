# bytearray mutation
ba = bytearray(b'hello')
ba[0] = 74
print(ba, len(ba))
ba.append(33)
print(ba)
ba.extend(b' ok')
ba.extend([65, 66])
print(ba)
ba[1:3] = b'EE'
print(ba)
ba[0:1] = b'XYZ'
print(ba)
del ba[0]
del ba[-2:]
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 0x5f)
ba.remove(ord(' '))
print(ba)
ba.reverse()
print(ba)
ba += b'++'
print(ba, ba * 2)
ba.clear()
print(ba, len(ba))
c = bytearray(b'abc')
d = c.copy()
d[0] = 122
print(c, d, c == b'abc', bytes(c))
for bad in (256, -1):
    try:
        c[0] = bad
    except ValueError as e:
        print('VE', e)
try:
    c.append('x')
except TypeError as e:
    print('TE', e)
try:
    bytearray().pop()
except IndexError as e:
    print('IE', e)
c[::2] = b'XY'
print(c, c.decode(), c.upper(), c.find(b'b'))
