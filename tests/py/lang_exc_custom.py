class MyError(Exception):
    pass

class DetailedError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return "[%d] %s" % (self.code, self.msg)

class NoSuperInit(Exception):
    def __init__(self, value):
        self.value = value

class Sub(MyError):
    pass

try:
    raise MyError("plain", 2)
except MyError as e:
    print(type(e).__name__, e, e.args, repr(e))

try:
    raise DetailedError(404, "not found")
except DetailedError as e:
    print(e, e.code, e.msg, e.args, repr(e))

try:
    raise NoSuperInit(7)
except NoSuperInit as e:
    print(repr(str(e)), e.args, e.value, repr(e))

try:
    raise Sub()
except MyError as e:
    print("caught Sub as MyError", type(e).__name__, repr(str(e)), e.args)

e = MyError("single")
print(str(e), repr(e), e.args)
print(str(MyError()), repr(MyError()))
print(str(MyError(1, 2)), str(MyError([1])))
e.args = ("changed",)
print(e)
e.extra = "attribute"
print(e.extra)
print(str(KeyError("k")), str(KeyError("a", "b")), repr(KeyError("k")))
print(str(ValueError(None)), repr(ValueError(None)))

class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))
