# to_bytes / from_bytes
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-256).to_bytes(2, 'little', signed=True))
print((2 ** 64).to_bytes(9, 'big'))
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\x00\x10', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 2, 3], 'big'))
print(int.from_bytes(b'\x80\x00', 'little', signed=True))
print(int.from_bytes((12345678901234567890).to_bytes(8, 'big'), 'big'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print('OE', e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print('OE', e)
print((5).to_bytes(), int.from_bytes(b'\x07'))
