# bytes methods
b = b'hello world hello'
print(b.decode(), b.upper(), b.title(), b.capitalize())
print(b.split(), b.split(b'o'), b.split(b' ', 1), b.rsplit(b' ', 1))
print(b.replace(b'hello', b'bye'), b.replace(b'l', b'L', 2), b.find(b'world'), b.find(b'x'))
print(b.rfind(b'hello'), b.index(b'o'), b.count(b'l'), b.count(b'hello'), b.find(111))
print(b.startswith(b'hell'), b.endswith(b'llo'), b.startswith((b'x', b'h')))
print(b'-'.join([b'a', b'b', b'c']), b''.join([b'x', bytearray(b'y')]), b', '.join([]))
print(b'  pad  '.strip(), b'xxaxx'.strip(b'x'), b'  l'.lstrip(), b'r  '.rstrip())
print(b'a,b'.partition(b','), b'a,b,c'.rpartition(b','), b'Ab1'.isalnum(), b'12'.isdigit(), b'ab'.isalpha())
print(b'a\nb\r\nc'.splitlines(), b'abc'.center(7, b'*'), b'7'.zfill(3), b'ab'.ljust(4, b'.'))
print(b'hello'.lower(), b'HeLLo'.swapcase(), b'hello'.islower())
try:
    b.index(b'zzz')
except ValueError as e:
    print('VE', e)
try:
    b.split('o')
except TypeError as e:
    print('TE', e)
