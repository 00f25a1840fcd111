def run(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("except", type(e).__name__, e)
        r = None
    else:
        print("else", r)
    finally:
        print("finally")
    return r

print(run(2))
print(run(0))

def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", repr(e))
nested()

try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, repr(str(e)), e.args)

try:
    raise TypeError("a", 1)
except TypeError as e:
    print(e, e.args)

try:
    try:
        1 / 0
    finally:
        print("finally without except")
except ZeroDivisionError:
    print("propagated through finally")

for exc in (IndexError, KeyError, AttributeError):
    try:
        raise exc("msg")
    except (IndexError, KeyError):
        print("tuple handler", exc.__name__)
    except Exception as e:
        print("generic handler", type(e).__name__)

try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
