# ends with uncaught ZeroDivisionError from integer division
total = 10
for d in (5, 2, 0):
    print(total // d)
