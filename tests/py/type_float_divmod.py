# divmod with floats
for a in (7.5, -7.5, 0.0, 1e10, 0.3):
    for b in (2.0, -2.0, 0.1):
        q, r = divmod(a, b)
        print(a, b, q, r, a // b == q, a % b == r)
print(divmod(-0.0, 1.0), divmod(0.0, -1.0))
print(divmod(5, 0.5), divmod(1, 0.3))
print(3.5 % float('inf'), -3.5 % float('inf'))
