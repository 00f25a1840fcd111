# open(): readline, readlines, iteration
path = '/tmp/skiff_test_' + 'open_lines.txt'
with open(path, 'w') as f:
    f.write('first\nsecond\n\nfourth')
with open(path) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(path) as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, repr(line), repr(line.rstrip('\n')))
with open(path) as f:
    print([len(l) for l in f])
with open(path) as f:
    print(list(f), list(f))
with open(path) as f:
    print(repr(f.readline()), repr(f.read()))
with open(path, 'w') as f:
    f.writelines(['a\n', 'b\n', 'c'])
with open(path) as f:
    print(f.read().splitlines())
open(path, 'w').close()
