# format(): integer presentation types and grouping
for spec in ['d', 'x', 'X', 'o', 'b', '#x', '#X', '#o', '#b', 'c', ',', '_', '_x', '_b', '#010x', '08d', '+d', ' d', ',d', '10,', 'e', '.2f', '%', 'g']:
    print(repr(spec), format(255, spec), format(-1234567, spec) if spec not in ('c',) else '')
print(format(2 ** 64, ','), format(2 ** 64, '_x'), format(-255, '#x'), format(0, '#b'), format(0, 'x'))
print(format(1234, '^+10,'), format(1234, '*<+8'), format(65, 'c'), format(True, 'd'), format(5, ''))
for bad in ['s', '.2', ',x', 'z']:
    try:
        format(5, bad)
    except ValueError as e:
        print('VE', e)
