# typing: common imports, subscripted reprs, TypeVar/Generic, NamedTuple,
# TypedDict, Protocol, cast/overload, get_type_hints.
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple,
                    Callable, Iterable, Iterator, Generator, Sequence, Mapping,
                    Type, TypeVar, Generic, NamedTuple, TypedDict, Protocol,
                    ClassVar, Final, Literal, cast, overload, no_type_check,
                    TYPE_CHECKING, get_type_hints)

print(TYPE_CHECKING, repr(Any))
print(List[int], Dict[str, int], Set[str], FrozenSet[int], Type[int])
print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, int, str])
print(Optional[Union[int, str]], Union[str, Union[int, bytes]])
print(Tuple[int, str], Tuple[int, ...], Tuple[()], List[List[int]], Dict[str, List[int]])
print(Callable[[int, str], bool], Callable[..., int], Iterable[int], Iterator[str])
print(Sequence[int], Mapping[str, float], Generator[int, None, None])
print(ClassVar[int], Final[int], Literal[1, 'a'], Literal['x'], Optional['Foo'])
print(List, Dict, Callable, Optional, Union)
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
print(hash(List[int]) == hash(List[int]), List[int] != List[str])
print(List[int].__origin__, Dict[str, int].__args__, Union[int, str].__args__, Optional[int].__origin__)
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_origin(int), typing.get_args(int))

T = TypeVar('T')
K = TypeVar('K', bound=str)
V = TypeVar('V', int, str)
print(T, K, V, T.__name__, K.__bound__, V.__constraints__, List[T], Dict[K, V])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), isinstance(s, Stack), Stack.__name__, Stack[int] is not None)


class Pair(Generic[K, V]):
    pass


class IntPair(Pair[str, int]):
    pass


print(isinstance(IntPair(), Pair), IntPair.__mro__[1].__name__)


class Employee(NamedTuple):
    name: str
    id: int = 3

    def label(self):
        return '%s#%d' % (self.name, self.id)


e = Employee('guido')
print(e, e.label(), e._fields, e._replace(id=5), tuple(e), e[0], Employee._field_defaults)
print(Employee.__annotations__, isinstance(e, tuple), Employee('a', 1) == ('a', 1))
Emp2 = NamedTuple('Emp2', [('name', str), ('age', int)])
print(Emp2('x', 3), Emp2._fields, Emp2(name='y', age=4).age)
try:
    class BadNT(NamedTuple):
        a: int = 1
        b: str
except TypeError as e:
    print(type(e).__name__, e)


class Movie(TypedDict):
    title: str
    year: int


m = Movie(title='Blade Runner', year=1982)
print(m, type(m).__name__, m['year'], Movie.__annotations__, isinstance(m, dict))
print(Movie.__required_keys__ == frozenset({'title', 'year'}), Movie.__total__)


class Partial(TypedDict, total=False):
    a: int


print(Partial(), Partial.__total__, Partial.__optional_keys__)
MovieF = TypedDict('MovieF', {'name': str, 'year': int})
print(MovieF(name='x', year=1), MovieF.__annotations__)


class SupportsClose(Protocol):
    def close(self) -> None:
        ...


class Resource:
    def close(self) -> None:
        print('closing')


class MyCloser(SupportsClose):
    pass


Resource().close()
print(MyCloser.__mro__[1].__name__)


@typing.runtime_checkable
class HasLen(Protocol):
    def __len__(self) -> int: ...


print(isinstance([], HasLen), isinstance(3, HasLen))

print(cast(int, '3'), cast('List[int]', [1]), cast(List[str], 5))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double('ab'))


@no_type_check
def untyped(a: 'whatever') -> 'nothing':
    return a


print(untyped(5))


def annotated(a: int, b: 'str' = 'x', *args: float, c: Optional[int] = None, **kw: bool) -> List[int]:
    return [a]


print(get_type_hints(annotated))


class Node:
    value: int
    next: Optional['Node'] = None
    tags: ClassVar[List[str]] = []


print(get_type_hints(Node))
print(annotated.__annotations__['return'], Node.__annotations__['next'])

if TYPE_CHECKING:
    import nonexistent_module
UserId = typing.NewType('UserId', int)
print(UserId(5), UserId.__name__)
Vector = List[float]


def scale(k: float, v: Vector) -> Vector:
    return [k * x for x in v]


print(scale(2.0, [1.0, 2.0]), Vector)
print(isinstance([], typing.List) if False else 'skip', callable(typing.Callable))
print(typing.Text is str, typing.AnyStr, typing.Hashable, typing.Sized)
print(repr(typing.Optional[typing.List[int]]), typing.Union[None, int])
