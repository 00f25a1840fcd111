# strip family
s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xxhixx'.lstrip('x'), 'xxhixx'.rstrip('x'))
print('abcHELLOcba'.strip('abc'), 'www.example.com'.strip('cmowz.'))
print(repr(''.strip()), repr('   '.strip()), repr('xxx'.strip('x')))
print('  a  '.strip(None), '--a--'.strip('-'), 'a'.strip(''))
print('éaé'.strip('é'), '😀x😀'.strip('😀'))
print('prefix_body'.removeprefix('prefix_'), 'body.py'.removesuffix('.py'), 'x'.removeprefix('y'))
print(repr('\x0b\x0c\x1c a \u3000'.strip()))
