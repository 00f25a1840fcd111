# bytes / bytearray constructors
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(5)))
print(bytes('héllo', 'utf-8'), bytes(b'copy'), bytes(bytearray(b'ba')), bytes(iter([104, 105])))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray(b'ab'), bytearray('é', 'utf-8'))
for bad in ([256], [-1], ['a'], 'str', 1.5):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print('VE', e)
print(len(bytes(1000)), bytes(5) == b'\x00' * 5, bytes([]) == b'')
print(bytes.__name__, type(b'').__name__, type(bytearray()).__name__, isinstance(b'', bytes))
