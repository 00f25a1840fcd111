# str.replace
s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 1), s.replace('one', '1', 2))
print(s.replace('one', '1', 0), s.replace('one', '1', -1), s.replace('three', '3'))
print('aaa'.replace('a', 'aa'), 'aaa'.replace('aa', 'b'), 'abc'.replace('', '-'))
print('abc'.replace('', '-', 2), ''.replace('', 'x'), 'abc'.replace('b', ''))
print('héllo'.replace('é', 'e'), 'a😀b'.replace('😀', ':)'))
print('mississippi'.replace('ss', 'SS'), 'mississippi'.replace('i', '', 2))
