# format(): width, fill, alignment
for spec in ['', '10', '<10', '>10', '^10', '*^10', '-<8', '0>6', '=>5', '^1', '^11']:
    print(repr(spec), '[' + format('text', spec) + ']')
for spec in ['5', '<5', '>5', '^5', '*^7', '05', '+', '+5', ' ', '-', '=+6', '0=6']:
    print(repr(spec), '[' + format(42, spec) + ']', '[' + format(-42, spec) + ']')
print('[' + format('é', '^5') + ']', '[' + format('😀', '*>3') + ']', '[' + format('', '-^4') + ']')
print('[' + format(None, '') + ']', '[' + format([1, 2], '') + ']', '[' + format(True, '') + ']', '[' + format(True, '>6') + ']')
try:
    format([1], '>5')
except TypeError as e:
    print('TE', e)
try:
    format('s', '=5')
except ValueError as e:
    print('VE', e)
