# bytes literals, indexing and slicing
b = b'hello'
print(b, len(b), b[0], b[-1], type(b[0]).__name__, b[1:3], b[::-1], b[::2])
print(b'\x00\xff', b'\n\t\\', b"quote'", b'dq"', rb'\n', b'a' b'b')
print(b'' == bytes(), b'abc' == b'abc', b'abc' < b'abd', b'ab' < b'abc', b'\xff' > b'a')
print(list(b'abc'), [c for c in b'\x01\x02'], tuple(b'hi'))
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'a' in b'abc', 97 in b'abc', b'bc' in b'abcd')
try:
    b[10]
except IndexError as e:
    print('IE', e)
try:
    b[0] = 1
except TypeError as e:
    print('TE', e)
try:
    b'a' + 'b'
except TypeError as e:
    print('TE', e)
try:
    300 in b'abc'
except ValueError as e:
    print('VE', e)
print(b == 'hello', b'a' == 97)
