# PEP 563: with `from __future__ import annotations`, annotations are kept
# as strings and never evaluated.
from __future__ import annotations
import __future__


class T:
    def f(self, x: T | None, *rest: list[Undefined]) -> T:
        return x

    attr: Missing[int] = 3


def g(a: int, b: dict[str, T] = None) -> None:
    local: NotEvaluated = 1
    return local


y: Nowhere = 5
print(T.f.__annotations__)
print(T.__annotations__, T.attr)
print(g.__annotations__, g(1))
print(__annotations__, y)
print(__future__.annotations.getMandatoryRelease(), "annotations" in __future__.all_feature_names)
