# bit_length and related
for v in [0, 1, 2, 3, 4, 7, 8, 255, 256, -1, -2, -255, -256, 2 ** 64, 2 ** 64 - 1, -(2 ** 100)]:
    print(v, v.bit_length())
print((1000).bit_count(), (-7).bit_count(), (2 ** 100 - 1).bit_count())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print((10).as_integer_ratio(), (-3).as_integer_ratio())
print(True.bit_length(), (0).bit_length())
print(int.from_bytes(b'\x01\x00', 'big').bit_length())
