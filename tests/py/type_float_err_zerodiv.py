# ends with uncaught ZeroDivisionError from float division
values = [4.0, 2.0, 1.0, 0.0]
for v in values:
    print(v, 8.0 / v)
