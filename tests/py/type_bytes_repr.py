# repr of bytes
tests = [b'', b'abc', b"it's", b'say "hi"', b'both \' "', b'\x00\x01\x1f\x7f\x80\xff', b'\t\n\r', b'\\', bytes(range(30, 40))]
for b in tests:
    print(repr(b), str(b), len(repr(b)))
print(bytearray(b'xyz'), repr(bytearray()), bytearray(b"q'"), [b'a', bytearray(b'b')])
