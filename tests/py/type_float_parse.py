# float() parsing
for s in ['1.5', '  -2.25 ', '1e3', '1E-3', '.5', '5.', 'inf', '-inf', '+inf', 'Infinity',
          'nan', 'NaN', '-nan', '1_000.5', '0', '-0', '  3  ', '1e500', '-1e500', '1e-500']:
    print(repr(s), float(s))
print(float(3), float(-7), float(True), float(2 ** 60), float())
print(float(10 ** 20), float(2 ** 1000) > 1e300)
for s in ['abc', '', '1.2.3', '1e', 'in f', '--1']:
    try:
        float(s)
    except ValueError as e:
        print('VE', e)
try:
    float(None)
except TypeError as e:
    print('TE', e)
try:
    float(10 ** 400)
except OverflowError as e:
    print('OE', e)
print(float('0x10' if False else '16'))
