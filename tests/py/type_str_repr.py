# repr of strings
tests = ['abc', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\nx', 'cr\r', 'back\\slash',
         '\x00\x01\x7f', '\x80\x9f', 'é', '日本', '😀', '\u200b', '\ufeff', '\U0010ffff', '\xa0', '',
         '\x1b[0m', '\u2028', 'a\u0301']
for s in tests:
    print(repr(s), len(repr(s)))
print(str('abc'), ascii('é😀'), ascii('plain'), repr(repr('x')))
print(['a', "b'c", 'd"e'], ('é',), {'k': '\n'})
