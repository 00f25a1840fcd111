# round() on floats
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(-0.5))
print(type(round(2.7)).__name__, type(round(2.7, 0)).__name__, type(round(2.7, 1)).__name__)
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(-3.14159, 1))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(0.125, 2), round(0.375, 2), round(2.5, 0), round(-0.0))
print(round(1e300, 2), round(123.456, 10))
print(round(7), round(-7, 2), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(2 ** 70 + 5, -1))
try:
    round(float('inf'))
except OverflowError as e:
    print('OE', e)
try:
    round(float('nan'))
except ValueError as e:
    print('VE', e)
print(round(float('inf'), 2), round(float('nan'), 1))
