# string comparison
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', '' < 'a', 'B' < 'a', 'Z' < 'a')
print('abc' == 'abc', 'abc' != 'abd', 'a' * 3 == 'aaa', 'abc' >= 'abc', 'b' > 'abc')
print(sorted(['banana', 'Apple', 'cherry', 'apple', 'Banana', '10', '9', '']))
print(max('hello'), min('hello'), max(['x', 'xy', 'w']), min('b', 'a', 'c'))
print('é' > 'e', 'a' < 'é', '\uffff' < '😀')
try:
    'a' < 1
except TypeError as e:
    print('TE', e)
print('a' == 1, 'a' != None, '1' == 1)
print(sorted(['b', 'a', 'C'], key=str.lower), sorted('hello', reverse=True))
