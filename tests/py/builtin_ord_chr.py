# ord / chr and their errors
print(ord('a'), ord('\n'), ord('é'), ord('😀'), ord(b'A'), ord(bytearray(b'z')))
print(chr(97), repr(chr(0)), chr(8364), chr(128512), chr(0x10ffff) == '\U0010ffff')
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print('VE', e)
try:
    chr(2 ** 64)
except OverflowError:
    print('OE')
for bad in ['ab', '', b'ab']:
    try:
        ord(bad)
    except TypeError as e:
        print('TE', e)
try:
    ord(5)
except TypeError as e:
    print('TE', e)
try:
    chr('a')
except TypeError as e:
    print('TE', e)
try:
    chr(1.5)
except TypeError as e:
    print('TE', e)
