e = "global before"
try:
    raise ValueError("x")
except ValueError as e:
    print("inside", e)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)

def f():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        pass
    try:
        return exc
    except UnboundLocalError as err:
        return type(err).__name__ + ": " + str(err)
print(f())

def keep():
    saved = None
    try:
        raise KeyError("kept")
    except KeyError as exc:
        saved = exc
    return repr(saved)
print(keep())

def g():
    exc = "before"
    try:
        raise TypeError
    except TypeError as exc:
        pass
    return "exc" in locals()
print(g())

def no_exc():
    exc = "untouched"
    try:
        pass
    except Exception as exc:
        pass
    return exc
print(no_exc())
