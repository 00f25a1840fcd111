# ends with uncaught ValueError from chr()
for code in (65, 0x263A, -1):
    print(code, repr(chr(code)))
