# list[int] and friends (types.GenericAlias), in annotations too, and the
# names in the types module.
import types

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[frozenset[str]])
a = list[int]
print(a.__origin__ is list, a.__args__, a == list[int], a != list[str], hash(a) == hash(list[int]))
print(a([1, 2]), type(a((3,))))


def f(x: list[int], y: dict[str, "T"] = None) -> tuple[int, str]:
    return x


print(f.__annotations__)


class Box:
    items: list[str]
    table: dict[int, list[float]] = {}


print(Box.__annotations__)
print(isinstance(a, types.GenericAlias), types.FunctionType is type(f), types.ModuleType is type(types))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=3))
print(types.MethodType(lambda self: self, 5)())
