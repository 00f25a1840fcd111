# helper module for lang_import_* tests
print("_lang_mod_a body running, __name__ =", __name__)
COUNTER = 0
VALUE = 42
NAMES = ["alpha", "beta"]


def bump():
    global COUNTER
    COUNTER += 1
    return COUNTER


def greet(name):
    return "hello " + name


class Thing:
    kind = "thing"

    def __init__(self, n):
        self.n = n

    def double(self):
        return self.n * 2


_private = "hidden"

if __name__ == "__main__":
    print("should never print when imported")
