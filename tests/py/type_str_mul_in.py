# multiplication, concatenation, membership
print('ab' * 3, 3 * 'ab', repr('ab' * 0), repr('ab' * -2), 'x' * True)
print('abc' + 'def', 'a' + '' + 'b', len('x' * 1000))
s = 'start'
s += '-mid'
s *= 2
print(s)
print('a' in 'abc', 'bc' in 'abc', 'ac' in 'abc', '' in '', 'A' in 'abc')
try:
    'a' + 1
except TypeError as e:
    print('TE', e)
try:
    'a' * 'b'
except TypeError as e:
    print('TE', e)
try:
    1 in 'abc'
except TypeError as e:
    print('TE', e)
try:
    'a' * 1.5
except TypeError as e:
    print('TE', e)
print('-' * 20)
print('é😀' * 2, len('é😀' * 2))
