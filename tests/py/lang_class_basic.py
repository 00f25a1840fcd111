class Dog:
    species = "canis"

    def __init__(self, name, age=1):
        self.name = name
        self.age = age

    def bark(self):
        return self.name + " says woof"

    def birthday(self):
        self.age += 1
        return self

d = Dog("rex")
print(d.name, d.age, d.species)
print(d.bark())
print(d.birthday().birthday().age)
print(Dog.bark(d))
print(type(d).__name__, type(d) is Dog, isinstance(d, Dog))
print(Dog.__name__, type(Dog).__name__)
d2 = Dog("fido", 5)
print(d2.age, d.age)
d2.trick = "roll"
print(d2.trick, hasattr(d, "trick"))
try:
    d.trick
except AttributeError as e:
    print(type(e).__name__, e)
class Empty:
    pass
e = Empty()
print(type(e).__name__, Empty.__bases__[0].__name__)
e.x = 1
print(e.x)
print(Dog.__doc__)
class Documented:
    "class doc"
print(Documented.__doc__)
print(d == d, d == d2, d != d2)
