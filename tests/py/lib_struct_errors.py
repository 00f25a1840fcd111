# struct.error messages and exception types for every integer code and byte order.
import struct
def t(f, *a):
    try:
        print(f, a, struct.pack(f, *a))
    except Exception as e:
        print(f, a, type(e).__name__, e)
for c in 'bBhHiIlLqQnN':
    for o in '@<>=':
        if o != '@' and c in 'nN': continue
        t(o+c, 2**70); t(o+c, -2**70); t(o+c, 2**40); t(o+c, -2**40); t(o+c, 2**31); t(o+c, 300); t(o+c, -1); t(o+c, 1.0); t(o+c, 'x')
t('c', b'ab'); t('c', bytearray(b'a')); t('c', 'a'); t('s', 'a'); t('s', bytearray(b'a')); t('3p', b'abcdef')
t('f', 'x'); t('f', 1e300); t('<f', 1e300); t('e', 1e10); t('d', 1); t('?', []); t('P', -1); t('i')
t('i', 1, 2); t('z', 1); t('3', 1); t(1)
for f in ['@', 'bi', 'ib', 'bq', 'i h', '3s2x', '0i', 'q?', '<qb', 'P', '@e', 'n']:
    print(f, struct.calcsize(f))
try: struct.calcsize('<P')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack('i', b'abc')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack('i', 'abcd')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack_from('i', b'abcd', 2)
except Exception as e: print(type(e).__name__, e)
try: struct.unpack_from('i', b'abcd', -6)
except Exception as e: print(type(e).__name__, e)
try: struct.unpack_from('i', b'abcd', 7)
except Exception as e: print(type(e).__name__, e)
b = bytearray(6)
try: struct.pack_into('i', b, 4, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', b, -9, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', b, 9, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', bytes(6), 0, 1)
except Exception as e: print(type(e).__name__, e)
try: struct.pack_into('i', b, 0)
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('i', b'abcde')
except Exception as e: print(type(e).__name__, e)
try: struct.iter_unpack('', b'abcde')
except Exception as e: print(type(e).__name__, e)
try: struct.Struct(3)
except Exception as e: print(type(e).__name__, e)
print(struct.error, struct.error.__mro__)
