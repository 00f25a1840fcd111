# float zero division
cases = [lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
         lambda: divmod(1.0, 0.0), lambda: 0.0 / 0.0, lambda: 1 / 0, lambda: 5 % 0.0]
for i, f in enumerate(cases):
    try:
        f()
    except ZeroDivisionError as e:
        print(i, type(e).__name__, e)
x = 3.0
try:
    x /= 0
except ZeroDivisionError as e:
    print('aug', e)
print(x)
print(0.0 * -1, -0.0 / 5)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print('pow', e)
