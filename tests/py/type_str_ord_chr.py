# ord/chr round trips
for c in ['a', 'Z', '0', ' ', '\n', 'é', '€', '日', '😀', '\x00', '\U0010ffff']:
    print(repr(c), ord(c), chr(ord(c)) == c)
print(''.join(chr(i) for i in range(65, 91)))
print([ord(c) for c in 'héllo'])
print(chr(0x41), chr(955), chr(0x10ffff) == '\U0010ffff', ord('\u00ff'))
print(all(ord(chr(i)) == i for i in range(0, 0x3000, 7)))
print(''.join(chr(ord(c) + 1) for c in 'HAL'))
