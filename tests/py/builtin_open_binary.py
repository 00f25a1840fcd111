# open(): binary mode
path = '/tmp/skiff_test_' + 'open_binary.bin'
with open(path, 'wb') as f:
    print(f.write(b'\x00\x01\xffabc'), f.write(bytes(range(5))), f.write(bytearray(b'!')))
with open(path, 'rb') as f:
    data = f.read()
print(data, len(data), type(data).__name__)
with open(path, 'rb') as f:
    print(f.read(2), f.read(3), f.read(100), f.read())
with open(path, 'wb') as f:
    f.write('héllo'.encode('utf-8'))
with open(path, 'rb') as f:
    raw = f.read()
with open(path, encoding='utf-8') as f:
    text = f.read()
print(raw, text, len(raw), len(text))
try:
    with open(path, 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TE', e)
try:
    with open(path, 'w') as f:
        f.write(b'bytes')
except TypeError as e:
    print('TE', e)
open(path, 'w').close()
