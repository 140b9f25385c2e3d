# Single inheritance: overriding, super() in __init__ and in methods, class attributes seen
# through the chain, isinstance/issubclass, @staticmethod, @classmethod, @property and its setter.
class Animal:
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def describe(self):
        return self.name + " has " + str(self.legs) + " legs"

    @classmethod
    def create(cls, name):
        return cls(name)

    @staticmethod
    def kingdom():
        return "animalia"


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return super().speak() + "!"


class Bird(Animal):
    legs = 2

    def __init__(self, name, can_fly=True):
        super().__init__(name)
        self.can_fly = can_fly

    def describe(self):
        base = super().describe()
        if self.can_fly:
            return base + " and flies"
        return base


class Penguin(Bird):
    sound = "squawk"

    def __init__(self, name):
        super().__init__(name, can_fly=False)


for a in [Animal("generic"), Dog("rex"), Bird("tweety"), Penguin("pingu")]:
    print(type(a).__name__, "|", a.speak(), "|", a.describe())

d = Dog.create("fido")
print(type(d).__name__, d.name, d.kingdom(), Dog.kingdom(), Animal.create("x").speak())
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Bird), isinstance(Penguin("p"), (Dog, Bird)))
print(issubclass(Penguin, Animal), issubclass(Dog, Bird), issubclass(Dog, Dog), issubclass(Bird, (Dog, Animal)))
print(issubclass(Dog, object), isinstance(Dog, type))


class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 // 5 + 32


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("rejected:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
print(t.celsius)


class Base:
    def hello(self):
        return "base hello from " + type(self).__name__

    def twice(self):
        return self.hello() + " / " + self.hello()


class Child(Base):
    def hello(self):
        return "child, then " + super().hello()


print(Child().twice())
print(Base().twice())
# --- expected (CPython 3.11; EMLAB_BLESS=1 cargo test -p emlab --test differential) ---
# exit: 0
# stdout:
# | Animal | generic says ... | generic has 4 legs
# | Dog | rex says woof! | rex has 4 legs
# | Bird | tweety says ... | tweety has 2 legs and flies
# | Penguin | pingu says squawk | pingu has 2 legs
# | Dog fido animalia animalia x says ...
# | True True False True
# | True False True True
# | True True
# | 100 212
# | 0 32
# | rejected: below absolute zero
# | AttributeError: property 'fahrenheit' of 'Temperature' object has no setter
# | 0
# | child, then base hello from Child / child, then base hello from Child
# | base hello from Base / base hello from Base
