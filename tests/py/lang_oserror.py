# OSError(errno, ...) picks CPython's subclass; args, filename2 and str().
for code in [1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 9999]:
    e = OSError(code, "msg")
    print(code, type(e).__name__, isinstance(e, OSError), e.args)
e = OSError(2, "No such file or directory", "a", None, "b")
print(type(e).__name__, e, e.errno, e.filename, e.filename2, e.args)
e = OSError(2, "No such file", "a")
print(e, e.args, e.filename2)
print(OSError("just text"), OSError(), OSError(1, 2, 3, 4, 5, 6).args)


class Mine(OSError):
    pass


print(type(Mine(2, "x")).__name__)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
try:
    raise FileExistsError(17, "File exists", "f")
except OSError as err:
    print(type(err).__name__, err)
