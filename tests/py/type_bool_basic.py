# bool type
print(True, False, repr(True), str(False), type(True), isinstance(True, int), isinstance(False, bool))
print(True == 1, False == 0, True is not False, bool(), bool(5), bool('False'))
print(True + 1, True * 2.5, -False, abs(True), True << 2, int(True))
print(not True, not None, True and 'x', '' or False, 1 < 2 == True)
print(hash(True), hash(False), [False, True][True], sorted([True, False, 0, 1, -1]))
print(True.__class__.__name__, bool.__bases__[0].__name__, issubclass(bool, int))
try:
    class B(bool):
        pass
except TypeError as e:
    print('TE', e)
print(str(True).upper(), f'{False!r}', '%s' % True)
