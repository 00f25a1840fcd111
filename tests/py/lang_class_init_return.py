class Bad:
    def __init__(self):
        return 5

try:
    Bad()
except TypeError as e:
    print(type(e).__name__, e)

class BadStr:
    def __init__(self):
        return "x"
try:
    BadStr()
except TypeError as e:
    print(type(e).__name__, e)

class Good:
    def __init__(self):
        return None
print(type(Good()).__name__)

class Early:
    def __init__(self, flag):
        self.a = 1
        if flag:
            return
        self.b = 2
print(sorted(vars(Early(True))), sorted(vars(Early(False))))

class Raises:
    def __init__(self):
        raise ValueError("init failed")
try:
    Raises()
except ValueError as e:
    print(type(e).__name__, e)

class NoInit:
    pass
try:
    NoInit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)

class InitArgs:
    def __init__(self, a, b):
        self.s = a + b
try:
    InitArgs(1)
except TypeError as e:
    print(type(e).__name__, e)
print(InitArgs(1, b=2).s)
