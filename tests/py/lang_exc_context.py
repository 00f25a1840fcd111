def chain():
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")

try:
    chain()
except ValueError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__, e.__context__)
    print(e.__cause__, e.__suppress_context__)

try:
    try:
        raise A_undefined
    except NameError:
        try:
            raise TypeError("t")
        except TypeError:
            raise IndexError("i")
except IndexError as e:
    c = e
    names = []
    while c is not None:
        names.append(type(c).__name__)
        c = c.__context__
    print(names)

try:
    try:
        raise KeyError(1)
    finally:
        raise ValueError("in finally")
except ValueError as e:
    print(type(e.__context__).__name__)

try:
    try:
        raise KeyError("k")
    except KeyError as ke:
        raise ke
except KeyError as e:
    print("re-raised same object context:", e.__context__)

def handled_then_new():
    try:
        raise KeyError("handled")
    except KeyError:
        pass
    raise ValueError("after handler")
try:
    handled_then_new()
except ValueError as e:
    print("context after completed handler:", e.__context__)

try:
    try:
        raise TypeError("a")
    except TypeError as first:
        err = first
        raise ValueError("b")
except ValueError as e:
    print(e.__context__ is err)
