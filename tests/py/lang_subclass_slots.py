# __slots__ on subclasses of builtin containers, private slot names,
# __dict__ of container subclasses, and the messages for a bad *arg.
class S:
    __slots__ = ('__p', 'q')

    def __init__(self):
        self.__p = 1
        self.q = 2

    def get(self):
        return self.__p


s = S()
print(s.get(), s.q, S.__slots__, hasattr(S, "_S__p"))


class D(dict):
    __slots__ = ('a',)


d = D(x=1)
d.a = 5
print(d.a, d, len(d))
try:
    d.zz = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    d.__dict__
except AttributeError as e:
    print("AttributeError", e)
del d.a
try:
    d.a
except AttributeError as e:
    print("AttributeError", e)


class L(list):
    pass


l = L([1])
l.x = 1
print(l.__dict__, vars(l), l)
l.__dict__["y"] = 2
print(l.y)


def f(*a):
    pass


for src in ["f(*None)", "f(1, *None)", "f(*None, 2)", "f(1, *[], *None)", "[*None]"]:
    try:
        eval(src)
    except TypeError as e:
        print(src, "->", e)
