# repr/str of ints
for v in [0, 1, -1, 10, 2 ** 31, 2 ** 63, -(2 ** 63), 2 ** 100, -(3 ** 77), 10 ** 50]:
    print(repr(v), str(v), len(str(v)))
print(str(10 ** 19), str(10 ** 19 - 1))
print(repr(1_000), 0x1F, 0o17, 0b101)
print(str(-0), repr(7))
print(f'{2 ** 100}', '%d' % 2 ** 70, '%d' % -5)
print(int.__repr__(42), (12).__str__())
print([1, -2, 2 ** 65], (3,), {4: -5})
