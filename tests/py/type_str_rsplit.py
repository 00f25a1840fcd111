# str.rsplit
print('a b c d'.rsplit(), 'a b c d'.rsplit(' ', 1), 'a b c d'.rsplit(maxsplit=2))
print('a,b,c'.rsplit(',', 1), 'a,b,c'.rsplit(',', 0), 'a,,b'.rsplit(','))
print('  a  b  c  '.rsplit(None, 1), '  a  b  c  '.rsplit(None, 1)[0] + '|')
print('path/to/file.txt'.rsplit('/', 1), 'file.tar.gz'.rsplit('.', 1))
print('aaaa'.rsplit('aa'), 'aaaaa'.rsplit('aa', 1), 'aaaaa'.split('aa', 1))
print(''.rsplit(), ''.rsplit('x'), 'x'.rsplit('x'))
