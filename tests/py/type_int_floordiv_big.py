# Floor division of big ints whose quotient is small (skiff finds those
# from the operands' top bits) and of ones whose quotient is not, for all
# sign combinations, including exact multiples and remainders of y - 1.
import random

random.seed(11)
acc = 0
count = 0
for trial in range(6000):
    bits = random.choice([64, 65, 100, 127, 128, 129, 191, 192, 200, 500, 1000, 3000])
    y = random.getrandbits(bits) | (1 << (bits - 1))
    q = random.getrandbits(random.choice([0, 1, 3, 10, 30, 52, 53, 54, 60, 64, 100]))
    x = q * y + random.choice([random.randrange(y), 0, y - 1, 1])
    for sx, sy in ((1, 1), (-1, -1), (1, -1), (-1, 1)):
        a, b = sx * x, sy * y
        d = a // b
        m = a % b
        assert d * b + m == a
        acc = (acc * 1000003 + d + 7 * m) % (1 << 61)
        count += 1
print(count, acc)
# Quotients near powers of two and at the 2**53 boundary.
for k in (52, 53, 54):
    y = (1 << 200) + 12345
    for delta in (-1, 0, 1):
        x = ((1 << k) + delta) * y
        print(k, delta, x // y - (1 << k), (x - 1) // y - (1 << k), (x + y - 1) // y - (1 << k))
print((10 ** 40) // (10 ** 39 + 1), (-(10 ** 40)) // (10 ** 39 + 1), (10 ** 30) // (10 ** 40))
