# object() and callable()
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), bool(o))
try:
    o.attr = 1
except AttributeError as e:
    print('AE', e)
class K:
    def __call__(self):
        return 'called'
def f():
    pass
print(callable(f), callable(K), callable(K()), callable(o), callable(5), callable(len), callable(print))
print(callable(lambda: 0), callable(str.upper), callable('x'.upper), callable(None), callable(type))
print(K()(), object.__name__, object.__bases__, str(object) == "<class 'object'>")
try:
    o()
except TypeError as e:
    print('TE', e)
try:
    n = 5
    n()
except TypeError as e:
    print('TE', e)
