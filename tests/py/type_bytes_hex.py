# hex / fromhex
print(b'\x00\x0f\xff'.hex(), b''.hex(), b'abc'.hex(), bytearray(b'\x12\x34').hex())
print(b'\x01\x02\x03'.hex(':'), b'\x01\x02\x03\x04'.hex('-', 2))
print(bytes.fromhex('deadbeef'), bytes.fromhex('de ad be ef'), bytes.fromhex(''), bytes.fromhex('0A0b'))
print(bytearray.fromhex('ff00'), type(bytearray.fromhex('ff')).__name__)
try:
    bytes.fromhex('abc')
except ValueError as e:
    print('VE', e)
try:
    bytes.fromhex('zz')
except ValueError as e:
    print('VE', e)
print(bytes.fromhex(b'\xca\xfe'.hex()) == b'\xca\xfe')
