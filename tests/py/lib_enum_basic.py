# Enum, IntEnum, auto, unique, lookups, reprs, errors (CPython 3.11 enum).
from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias


print(Color.RED, repr(Color.RED), str(Color.GREEN), f"{Color.BLUE}")
print(Color.RED.name, Color.RED.value, Color(2), Color['BLUE'])
print(list(Color), len(Color))
print(Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN)
print(type(Color.RED) is Color, isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(hash(Color.RED) == hash(Color.RED), {Color.RED: 'r'}[Color.CRIMSON])
print(list(Color.__members__), list(Color.__members__.items())[-1])
print(Color._member_names_, Color._value2member_map_[3])
print(repr(Color), Color.__name__)
print(sorted([Color.BLUE, Color.RED], key=lambda c: c.value))
print([c.name for c in reversed(Color)])

try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color['PURPLE']
except KeyError as e:
    print(type(e).__name__, e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    class Bad(Color):
        X = 4
except TypeError as e:
    print(type(e).__name__, e)


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    TRI = 10
    HEX = auto()

    def describe(self):
        return "%s is %s" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.CIRCLE

    @property
    def upper(self):
        return self.name.lower()


print(list(Shape), Shape.HEX.value, Shape.SQUARE.describe(), Shape.default(), Shape.TRI.upper)


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ALPHA = auto()
    BETA = auto()


print(Named.ALPHA.value, Named.BETA.value, Named('beta1'))


class Status(Enum):
    OK = 200
    NOT_FOUND = 404

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


print(Status('ok'), Status(404))
try:
    Status(500)
except ValueError as e:
    print(type(e).__name__, e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3), repr(Planet.MERCURY))


class Ordinal(Enum):
    def __new__(cls, label):
        obj = object.__new__(cls)
        obj._value_ = len(cls.__members__) + 1
        obj.label = label
        return obj

    FIRST = 'first'
    SECOND = 'second'


print(repr(Ordinal.SECOND), Ordinal(1).label)


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.TWO, repr(Number.TWO), str(Number.TWO), f"{Number.TWO}", "%s" % Number.TWO, format(Number.TWO, '03d'))
print(Number.ONE + 1, Number.TWO * 3, Number.ONE < Number.THREE, Number.TWO == 2, sorted([Number.THREE, Number.ONE]))
print(Number(3), Number['ONE'], isinstance(Number.ONE, int), int(Number.THREE), hash(Number.ONE) == hash(1))
print([1, 2, 3][Number.ONE], {2: 'two'}[Number.TWO], list(range(Number.THREE)))
print(Number.ONE.name, Number.ONE.value, type(Number.ONE.value))
try:
    Number(9)
except ValueError as e:
    print(type(e).__name__, e)


class Mood(str, Enum):
    HAPPY = 'happy'
    SAD = 'sad'


print(repr(Mood.HAPPY), Mood.HAPPY == 'happy', Mood('sad'), Mood.HAPPY.upper(), Mood.SAD.value)


@unique
class Single(Enum):
    A = 1
    B = 2


print(list(Single))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print(type(e).__name__, e)


Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
Pet = Enum('Pet', [('DOG', 5), ('FISH', 9)])
print(list(Pet), Pet(9))
Tool = Enum('Tool', ['HAMMER', 'SAW'])
print(Tool.SAW.value)


class Empty(Enum):
    pass


class Sub(Empty):
    X = 1


print(list(Sub), isinstance(Sub.X, Empty), len(Empty))
print(Color.RED.__class__.__name__, Color.__class__.__name__)
print(dir(Color.RED) == dir(Color.RED))
