# struct: round trips, floats (exact IEEE bits), half floats, alignment, Struct, iter_unpack.
import struct

for fmt, vals in [('<bBhHiIlLqQ', (-1, 255, -300, 65535, -2**31, 2**32 - 1, -5, 7, -2**63, 2**64 - 1)),
                  ('>bBhHiIlLqQ', (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
                  ('!hi', (-2, 70000)),
                  ('=q', (12345678901234,)),
                  ('@bhiqlnNP', (1, 2, 3, 4, 5, -6, 7, 8)),
                  ('3s', (b'abcdef',)), ('5s', (b'ab',)), ('0s', (b'',)), ('5p', (b'xy',)), ('2p', (b'hello',)),
                  ('?3x?', (True, [])), ('c2c', (b'a', b'b', b'c')), ('4B', (1, 2, 3, 4))]:
    b = struct.pack(fmt, *vals)
    print(fmt, len(b), struct.calcsize(fmt), b.hex(), struct.unpack(fmt, b))

for x in [0.0, -0.0, 1.0, 0.1, -2.5, 1e300, 1e-300, 3.4028234663852886e38, 1e-45, 5e-324, float('inf'), float('-inf')]:
    print(repr(x), struct.pack('<d', x).hex(), struct.pack('>f', min(x, 3.4e38) if x != float('inf') else x).hex(),
          struct.unpack('<f', struct.pack('<f', x if abs(x) < 3.4e38 or x in (float('inf'), float('-inf')) else 1.0))[0])
print(struct.pack('f', 1e300).hex(), struct.pack('f', -1e300).hex())
print(struct.unpack('<d', struct.pack('<d', float('nan')))[0])
for x in [0.0, -0.0, 1.0, 0.5, 65504.0, 65519.0, 6e-8, 5.96e-8, 2e-8, 3e-8, 1.0009765625, 1.00048828125, 1.00146484375, 0.1, -3.14159, 1e-5, float('inf'), -float('inf')]:
    b = struct.pack('<e', x)
    print(repr(x), b.hex(), struct.pack('>e', x).hex(), struct.unpack('<e', b)[0])
print(struct.unpack('<e', b'\x00\x7e')[0], struct.unpack('<e', b'\x01\x00')[0], struct.unpack('>e', b'\x7b\xff')[0])
for bad in [65520.0, 1e10, -1e6]:
    try:
        struct.pack('e', bad)
    except OverflowError as e:
        print('OverflowError', e)
print(struct.pack('<f', 16777217.0).hex(), struct.pack('<f', 0.1).hex(), struct.unpack('<f', bytes.fromhex('cdcccc3d')))
print(struct.pack('d', 3), struct.pack('f', True))

class I:
    def __index__(self): return 7
class F:
    def __float__(self): return 2.5
print(struct.pack('<i', I()), struct.pack('<d', F()), struct.pack('<Q', True))

for f in ['c', 'bh', 'hb', 'bi', 'bq', 'bd', 'bf', 'be', 'b0i', 'ib0q', 'xh', '3bi', '?l', 'bP', 'bn',
          '<bq', '>bi', '=bh', '!bd', '10s', '2x3x', ' i  h ', '0x', 'si', '5pd']:
    print(repr(f), struct.calcsize(f))

s = struct.Struct('<hhl')
print(s.size, s.format, s.pack(1, 2, 3), s.unpack(b'\x01\x00\x02\x00\x03\x00\x00\x00'))
print(struct.Struct(b'>I').format, struct.Struct(b'>I').pack(1))
buf = bytearray(12)
s.pack_into(buf, 2, -1, -2, -3)
print(buf)
struct.pack_into('<h', buf, -2, 0x4142)
print(buf, s.unpack_from(buf, 2), struct.unpack_from('<h', buf, offset=10), struct.unpack_from('<b', buf))
print(struct.unpack_from('<h', buf, -2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(list(s.iter_unpack(bytes(16))))
it = struct.iter_unpack('>H', b'\x00\x01\x00\x02')
print(next(it), next(it))
print(struct.unpack('<?', b'\x05'), struct.unpack('>P', struct.pack('>Q', 1) if False else b'\x00' * 8) if False else '')
print(struct.unpack('<3s2p', b'abc\x09z'))
print(struct.unpack('bB', bytearray(b'\xff\xff')))
try:
    struct.pack_into('<h', buf, -1, 1)
except struct.error as e:
    print('error', e)
print(isinstance(struct.error('x'), Exception), struct.error.__name__, struct.error.__module__)
