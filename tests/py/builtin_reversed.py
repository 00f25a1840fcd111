# reversed
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed((1,))), list(reversed(range(3))))
print(''.join(reversed('héllo')), list(reversed([])), list(reversed({'a': 1, 'b': 2})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(Rev())))
r = reversed([1, 2])
print(next(r), next(r), next(r, None))
for bad in [{1, 2}, 5, iter([1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print('TE', e)
