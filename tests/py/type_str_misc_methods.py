# other str methods
print('Hello'.translate({ord('l'): 'L', ord('o'): None}), str.maketrans('ab', 'xy'))
print('abcab'.translate(str.maketrans('ab', 'xy')), 'abc'.translate(str.maketrans('', '', 'b')))
print('%s' % 'x', 'abc'.__len__(), 'abc'.__contains__('b'), 'ab'.__add__('cd'))
print(str(123), str(1.5), str(None), str([1, 'a']), str(), str('x'))
print('a,b'.split(',') + ['c'], 'A'.isupper() and 'a'.islower())
print('x'.format_map({}), '{a}'.format_map({'a': 5}))
