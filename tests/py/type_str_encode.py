# str.encode and bytes.decode
print('abc'.encode(), 'héllo'.encode(), 'héllo'.encode('utf-8'), '😀'.encode())
print('héllo'.encode('latin-1'), 'abc'.encode('ascii'), '日本'.encode('utf-8'))
print(len('😀'.encode()), len('é'.encode()), len('日'.encode()))
try:
    'héllo'.encode('ascii')
except UnicodeEncodeError as e:
    print('UEE', e)
print('héllo'.encode('ascii', 'ignore'), 'héllo'.encode('ascii', 'replace'))
print(b'h\xc3\xa9llo'.decode(), b'h\xe9llo'.decode('latin-1'), b'abc'.decode('ascii'))
try:
    b'\xff\xfe'.decode('utf-8')
except UnicodeDecodeError as e:
    print('UDE', e)
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'))
for s in ['', 'plain', 'ñandú', '€100', 'a😀b']:
    print(repr(s), s.encode('utf-8').decode('utf-8') == s, list(s.encode()))
print(str(b'xyz', 'ascii'), str(b'\xc3\xa9', 'utf-8'), 'x'.encode('UTF-8'), 'x'.encode('utf8'))
