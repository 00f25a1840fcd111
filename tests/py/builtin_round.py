# round: banker's rounding, ndigits, negative ndigits
print([round(x) for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.4, 4.6, -4.6)])
print(round(3.14159, 2), round(2.675, 2), round(0.5, 1), round(0.25, 1), round(0.35, 1), round(-1.25, 1))
print(round(12345.6789, -1), round(12345.6789, -3), round(55.0, -1), round(65.0, -1), round(1e15 + 0.5))
print(round(5, -1), round(15, -1), round(25, -1), round(-25, -1), round(149, -2), round(150, -2), round(250, -2))
print(round(123, 2), round(-7), type(round(5, 2)).__name__, type(round(5.5)).__name__, round(2 ** 80 + 50, -2))
print(round(1.0000001, 5), round(-0.0001, 2), round(1e-10, 3), round(9.995, 2), round(0.1 + 0.2, 15))
class R:
    def __round__(self, n=None):
        return ('rounded', n)
print(round(R()), round(R(), 3))
try:
    round('1.5')
except TypeError as e:
    print('TE', e)
try:
    round(1.5, 1.5)
except TypeError as e:
    print('TE', e)
