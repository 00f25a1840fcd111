# repr of floats (shortest round-trip)
vals = [0.1, 0.2, 0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 1.5e300, 2.0, 100.0,
        1e22, 1e21, 123456789012345678.0, 1 / 3, 2 / 3, -0.0, 0.0, 5e-324, 1.7976931348623157e308,
        3.14159, 1234.5, 0.5, -2.5, 1e100, 12345678901234567.0, 9007199254740993.0, 0.3]
for v in vals:
    print(repr(v), str(v))
print(float('inf'), float('-inf'), float('nan'), -float('inf'))
print(repr(float('nan')), str(float('-inf')))
print([0.1, 1e16, -0.0], (2.5,), {1.5: 2.0})
print(1e-7, 1.0e-6, 0.000001, 1e-06 == 0.000001)
print(100000000000000000.0, 1e17)
