# bytes() / bytearray() constructors
print(bytes(), bytes(4), bytes([72, 105]), bytes('hé', 'utf-8'), bytes('x', encoding='ascii'), bytes(b'ab'), bytes(range(65, 70)))
print(bytearray(), bytearray(2), bytearray([0, 255]), bytearray('hé', 'utf-8'), bytearray(b'cd'), bytearray(bytes(1)))
print(bytes(bytearray(b'mut')), bytes((1, 2)))
for args in [(['a'],), ([300],), ('text',), (1.5,), (-3,), ('x', 'no-such-codec')]:
    try:
        bytes(*args)
    except (TypeError, ValueError, LookupError) as e:
        print(type(e).__name__, e)
b = bytearray(b'abc')
c = bytes(b)
b[0] = 0
print(b, c)
