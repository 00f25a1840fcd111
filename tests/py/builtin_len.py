# len of various objects and errors
print(len(''), len('abc'), len('é😀'), len([]), len([1, [2, 3]]), len(()), len((1,)))
print(len({}), len({'a': 1}), len(set()), len({1, 2}), len(frozenset('aab')), len(b'ab'), len(bytearray(3)))
print(len(range(5)), len(range(0, 10, 3)), len({}.keys()), len({'a': 1}.items()))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
for bad in [5, 3.5, None, True, iter([1])]:
    try:
        len(bad)
    except TypeError as e:
        print('TE', e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print('VE', e)
class StrLen:
    def __len__(self):
        return 'x'
try:
    len(StrLen())
except TypeError as e:
    print('TE', e)
