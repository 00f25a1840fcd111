# float methods
for v in [1.0, 1.5, -2.0, 0.0, -0.0, 1e20, 1e-20, float('inf'), float('nan')]:
    print(repr(v), v.is_integer())
print((0.5).as_integer_ratio(), (-0.75).as_integer_ratio(), (3.0).as_integer_ratio())
print((0.1).as_integer_ratio())
print((2.5).hex(), (1.0).hex(), (-0.1).hex(), (0.0).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x10'))
print((3.7).real, (3.7).imag, (3.7).conjugate())
print(float.__name__, type(1.5).__name__, isinstance(1.5, float), isinstance(1, float))
print(int(1e15).bit_length(), (1.5).__trunc__(), (-1.5).__trunc__())
print((2.5).__floor__(), (2.5).__ceil__(), (-2.5).__floor__(), (-2.5).__ceil__())
