vals = [0, 1, -1, 0.0, -0.0, 0.1, float("nan"), 0j, 1j, "", " ", "0", b"", b"\x00",
        [], [0], [[]], (), (None,), {}, {0: 0}, set(), {0}, frozenset(), None, True, False,
        range(0), range(1), bytearray(), 10 ** 30, Ellipsis]
for v in vals:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(bool(), bool(int), bool(print), bool(object()))
print(not None, not not [], bool(not []))
count = 0
for v in vals:
    if v:
        count += 1
print(count, len(vals))
print(list(filter(None, [0, 1, "", "a", None, [], [1]])))
print(any([0, "", None]), any([0, 1]), all([]), all([1, "x", [0]]), any([]))
