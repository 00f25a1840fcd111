# startswith / endswith
s = 'hello.py'
print(s.startswith('he'), s.startswith('lo'), s.endswith('.py'), s.endswith('.txt'))
print(s.startswith(('a', 'h')), s.endswith(('.txt', '.py')), s.startswith(()))
print(s.startswith('llo', 2), s.startswith('l', 2, 3), s.endswith('hello', 0, 5), s.endswith('o', 0, 4))
print(s.startswith(''), ''.startswith(''), ''.endswith('a'), s.startswith('lo', -5))
try:
    s.startswith(['he'])
except TypeError as e:
    print('TE', e)
print('héllo'.startswith('hé'), '😀x'.endswith('x'), '😀x'.startswith('😀'))
