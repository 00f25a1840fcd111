# hasattr / getattr / setattr / delattr
class P:
    cls_attr = 'class'
    def __init__(self):
        self.x = 1
p = P()
print(hasattr(p, 'x'), hasattr(p, 'y'), hasattr(p, 'cls_attr'), hasattr(P, 'x'), hasattr(5, 'real'))
print(getattr(p, 'x'), getattr(p, 'y', 'default'), getattr(p, 'cls_attr'), getattr(P, 'cls_attr'))
setattr(p, 'y', 2)
print(p.y, getattr(p, 'y'))
setattr(p, 'with space', 3)
print(getattr(p, 'with space'))
delattr(p, 'x')
print(hasattr(p, 'x'))
try:
    getattr(p, 'x')
except AttributeError as e:
    print('AE', e)
try:
    delattr(p, 'nope')
except AttributeError as e:
    print('AE', e)
try:
    getattr(p, 5)
except TypeError as e:
    print('TE', e)
try:
    setattr(5, 'attr', 1)
except AttributeError as e:
    print('AE', e)
print(getattr('abc', 'upper')(), getattr([], 'missing', None))
class Dyn:
    def __getattr__(self, name):
        return name * 2
print(getattr(Dyn(), 'ab'), hasattr(Dyn(), 'anything'))
