# isinstance / issubclass
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, object), isinstance(b, (C, A)))
print(isinstance(1, int), isinstance(1, float), isinstance(1, (float, int)), isinstance('s', str), isinstance(None, object))
print(isinstance(True, int), isinstance(1.0, int), isinstance([], (tuple, (dict, list))), isinstance(int, type))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, object), issubclass(bool, (str, int)))
print(issubclass(int, object), issubclass(type, object), issubclass(object, type), isinstance(type, type))
print(issubclass(ValueError, Exception), issubclass(KeyError, LookupError), issubclass(Exception, BaseException))
try:
    isinstance(1, 5)
except TypeError as e:
    print('TE', e)
try:
    issubclass(b, A)
except TypeError as e:
    print('TE', e)
print(isinstance(A, type), type(b) is B, type(b) == A)
