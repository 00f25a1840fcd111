# X | Y of classes (types.UnionType), in annotations and isinstance.
import types

u = int | str
print(u, int | None, None | int, int | str | int, list[int] | None)
print(u.__args__, u == (str | int), hash(u) == hash(str | int), isinstance(u, types.UnionType))
print(isinstance(3, u), isinstance("s", u), isinstance(3.0, u), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))


def f(x: int | None = None, y: "str | bytes" = "") -> list[int] | None:
    return x


print(f.__annotations__)
try:
    isinstance([], list[int] | None)
except TypeError as e:
    print("TypeError", e)
try:
    int | 3
except TypeError as e:
    print("TypeError", e)


class Meta(type):
    def __or__(cls, other):
        return "custom or"


class A(metaclass=Meta):
    pass


print(A | int)
