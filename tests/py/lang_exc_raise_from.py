class AppError(Exception):
    pass

def load():
    try:
        {}["cfg"]
    except KeyError as e:
        raise AppError("config missing") from e

try:
    load()
except AppError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("replaced") from None
except ValueError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise RuntimeError("x") from KeyError("explicit cause")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)

try:
    raise RuntimeError("cls cause") from IndexError
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)

try:
    raise RuntimeError("bad") from 5
except TypeError as e:
    print(type(e).__name__, e)

e = ValueError("manual")
e.__cause__ = KeyError("k")
print(e.__suppress_context__)
print(type(ValueError().__cause__).__name__)
