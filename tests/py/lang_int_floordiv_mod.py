pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10)]
for a, b in pairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b), "check", (a // b) * b + a % b == a)
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.0, 3), (5, 0.5), (-1.0, 10)]
for a, b in fpairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b))
print(-0.0 % 5, 0.0 % -5, -1e-20 % 1.0)
print(10 ** 20 // 7, -(10 ** 20) // 7, 10 ** 20 % -7)
print(-7 // 2 * 2, -(7 // 2) * 2)
print(round(-7 / 2), int(-7 / 2), -7 // 2)
def show(fn):
    try:
        print(fn())
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
show(lambda: 5 // 0)
show(lambda: 5 % 0)
show(lambda: divmod(5, 0))
show(lambda: 5.0 // 0)
show(lambda: 5.0 % 0.0)
show(lambda: divmod(5.0, 0))
show(lambda: 5 / 0)
show(lambda: 5 / 0.0)
show(lambda: 0 / 0)
