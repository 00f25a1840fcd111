# __isabstractmethod__ on property/classmethod/staticmethod; object.__subclasshook__.
from abc import ABC, abstractmethod


def plain():
    pass


@abstractmethod
def marked():
    pass


print(property(plain).__isabstractmethod__, property(marked).__isabstractmethod__,
      property(plain, marked).__isabstractmethod__)
print(classmethod(marked).__isabstractmethod__, staticmethod(plain).__isabstractmethod__)
print(object.__subclasshook__(), object.__subclasshook__ is not None)


class Shape(ABC):
    @property
    @abstractmethod
    def area(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...


print(sorted(Shape.__abstractmethods__))


class Sq(Shape):
    area = property(lambda self: 4)

    @classmethod
    def make(cls):
        return cls()


print(Sq.make().area)
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
