class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "%s says %s" % (self.name, self.sound)

    def kind(self):
        return "animal"

class Cat(Animal):
    sound = "meow"

    def kind(self):
        return "cat, a kind of " + super().kind()

class Lion(Cat):
    sound = "roar"

    def __init__(self, name, pride):
        super().__init__(name)
        self.pride = pride

c = Cat("tom")
l = Lion("leo", "north")
print(c.speak())
print(l.speak(), l.pride)
print(c.kind())
print(l.kind())
print(isinstance(l, Animal), isinstance(c, Lion))
print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Cat, Cat))
print([k.__name__ for k in Lion.__mro__])
print(Lion.__bases__[0].__name__, Animal.__bases__[0].__name__)
print(Lion.__base__.__name__)
print("speak" in Lion.__dict__, "speak" in Animal.__dict__)
print([k.__name__ for k in Animal.__subclasses__()])
try:
    Lion("x")
except TypeError as e:
    print(type(e).__name__, e)
class Override(Animal):
    def speak(self):
        return "override:" + Animal.speak(self)
print(Override("o").speak())
