# None / NotImplemented / Ellipsis
print(None, repr(None), str(None), type(None).__name__, None is None, None == None, None == 0)
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, ..., repr(...), ... is Ellipsis, type(...).__name__)
print(bool(None), bool(...), [None, ..., NotImplemented])
print((1).__eq__('a'), (1).__lt__(None), (2.0).__add__('x'))
def f():
    pass
print(f(), f() is None)
try:
    None < None
except TypeError as e:
    print('TE', e)
try:
    n = None
    n()
except TypeError as e:
    print('TE', e)
try:
    None.foo
except AttributeError as e:
    print('AE', e)
print(type(None)() is None)
