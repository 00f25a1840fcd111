# type() with 1 and 3 arguments
print(type(1), type('s'), type(None), type([]), type(int), type(type))
print(type(1).__name__, type(1.0).__name__, type(len).__name__, type(lambda: 0).__name__)
X = type('X', (object,), {'a': 1, 'hello': lambda self: 'hi ' + str(self.a)})
x = X()
print(X.__name__, x.a, x.hello(), isinstance(x, X), type(x) is X, X.__bases__)
Y = type('Y', (X,), {'a': 2})
print(Y().hello(), issubclass(Y, X), Y.__mro__ == (Y, X, object), Y.__name__)
Z = type('Z', (), {})
print(Z.__bases__, Z.__name__, type(Z).__name__)
class Meta:
    pass
print(type(Meta()).__name__, type(Meta).__name__, repr(type(3)))
try:
    type('A', 1, {})
except TypeError as e:
    print('TE', e)
try:
    type()
except TypeError as e:
    print('TE', e)
try:
    type(1, 2)
except TypeError as e:
    print('TE', e)
