def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-ish: " + type(e).__name__
    except (TypeError, ValueError):
        return "type/value"
    except ArithmeticError as e:
        return "arith: " + type(e).__name__
    except Exception:
        return "other"

for exc in (KeyError("a"), IndexError(), TypeError(), ValueError(), ZeroDivisionError(),
            OverflowError(), RuntimeError(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")):
    print(type(exc).__name__, "->", classify(exc))

handlers = (KeyError, ZeroDivisionError)
try:
    1 / 0
except handlers as e:
    print("dynamic tuple", type(e).__name__)

nested = (KeyError, (IndexError, (ZeroDivisionError,)))
try:
    try:
        [][0]
    except nested as e:
        print("nested tuple ok", type(e).__name__)
except TypeError as e:
    print("nested tuple not allowed:", e)

try:
    try:
        1 / 0
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    raise KeyError
except ():
    print("never")
except KeyError:
    print("empty tuple matches nothing")
