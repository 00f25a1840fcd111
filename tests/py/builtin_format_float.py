# format(): float presentation
x = 1234.5678
for spec in ['', 'f', '.2f', '08.3f', '>10', '^10.1f', '+.1f', ' .1f', ',.2f', '_.3f', 'e', '.3e', 'E',
             'g', '.3g', 'G', '%', '.1%', '10.2%', '.0f', '#.0f', '.10f', '=+12.2f']:
    print(repr(spec), '[' + format(x, spec) + ']', '[' + format(-x, spec) + ']')
for v in [0.0, -0.0, 1e-7, 1e16, 123456789.0, 0.5, 2.5, float('inf'), float('nan')]:
    print(repr(v), format(v, ''), format(v, '.3g'), format(v, '.2f'), format(v, 'e'), format(v, 'g'))
print(format(1.5, '.0f'), format(2.5, '.0f'), format(0.125, '.2f'), format(0.375, '.2f'), format(1e300, ',.0f')[:20])
try:
    format(1.5, 'd')
except ValueError as e:
    print('VE', e)
try:
    format(1.5, 'x')
except ValueError as e:
    print('VE', e)
