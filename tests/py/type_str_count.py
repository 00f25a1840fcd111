# str.count
s = 'banana'
print(s.count('a'), s.count('an'), s.count('ana'), s.count('x'), s.count(''))
print(s.count('a', 2), s.count('a', 2, 4), s.count('a', -2), ''.count(''), ''.count('a'))
print('aaaa'.count('aa'), 'héhé'.count('é'), '😀😀x'.count('😀'))
