# str.join
print(','.join(['a', 'b', 'c']), ''.join(['x', 'y']), ' - '.join(('1', '2')))
print(repr(','.join([])), ','.join(['only']), '.'.join('abc'))
print(', '.join(str(i) for i in range(5)))
print('|'.join({'k1': 1, 'k2': 2}), '😀'.join('ab'))
print('\n'.join(['line1', 'line2']))
try:
    ','.join(['a', 1, 'b'])
except TypeError as e:
    print('TE', e)
try:
    ','.join(5)
except TypeError as e:
    print('TE', e)
try:
    ','.join([b'x'])
except TypeError as e:
    print('TE', e)
print('-'.join(map(str, [3.5, True, None])))
