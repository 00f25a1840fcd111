# int() error messages
for s in ['x', 'abc', '', '1.5', '12a', '  ', '1__0', '0x10']:
    try:
        int(s)
    except ValueError as e:
        print('VE', e)
try:
    int('9', 8)
except ValueError as e:
    print('VE', e)
try:
    int('12', 1)
except ValueError as e:
    print('VE', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OE', e)
try:
    int(float('nan'))
except ValueError as e:
    print('VE', e)
try:
    int(None)
except TypeError as e:
    print('TE', e)
try:
    int([1])
except TypeError as e:
    print('TE', e)
try:
    int(5, 10)
except TypeError as e:
    print('TE', e)
