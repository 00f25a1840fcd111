# non-ASCII strings: indexing by code point
s = 'héllo'
print(s[1], len(s), s[1:3], s[::-1], s.upper())
e = 'a😀b'
print(len(e), e[1], e[2], ord(e[1]), hex(ord(e[1])))
print(len('日本語'), '日本語'[1], '日本語'[-1], '日本語'[::2])
mixed = 'aé日😀'
for c in mixed:
    print(c, ord(c), len(c.encode('utf-8')))
print(len(mixed.encode('utf-8')))
print('ß'.upper(), 'ǅ'.lower(), 'straße'.upper())
print('é' == '\u00e9', '\u00e9' == '\xe9', '\U0001F600' == '😀')
print('é' < 'z', 'z' < 'é', '😀' > '日', sorted(['é', 'e', 'z', 'a', '日']))
print('café'.find('é'), 'café'.index('f'), 'naïve'.replace('ï', 'i'))
print('ü' in 'München', 'München'.count('n'), 'München'.split('ü'))
print('αβγ'.upper(), 'ΑΒΓ'.lower(), 'ñ'.isalpha(), '٣'.isdigit())
print(list('añb'), 'x'.join('éè'), 'é' * 3)
print(chr(233), chr(0x1F600), chr(0x65E5), ord('€'))
