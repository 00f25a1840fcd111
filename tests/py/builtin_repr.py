# repr() of builtin values and user classes
vals = [1, -2.5, 'str', "it's", b'b', [1, 'x'], (1,), {'k': [None]}, {3}, frozenset({2}), None, True,
        range(1, 4), slice(1, 2), 1e100, float('nan'), 2 ** 70, ..., NotImplemented, bytearray(b'z'), '\n']
for v in vals:
    print(repr(v))
class WithRepr:
    def __repr__(self):
        return 'WithRepr()'
class WithStr:
    def __str__(self):
        return 'str-form'
    def __repr__(self):
        return 'repr-form'
print(repr(WithRepr()), str(WithRepr()), [WithRepr()], str(WithStr()), repr(WithStr()), [WithStr()], f'{WithStr()}')
print(repr(int), repr(str), repr(ValueError), repr(ValueError('bad')), repr(KeyError('k')), repr(Exception()))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print('TE', e)
print(ascii('é'), ascii([1, 'ü']))
