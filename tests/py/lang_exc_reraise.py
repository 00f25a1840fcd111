def risky():
    raise ValueError("original")

def wrapper():
    try:
        risky()
    except ValueError:
        print("logging then re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer got", e)

def reraise_after_other():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise   # re-raises KeyError, the one being handled
try:
    reraise_after_other()
except KeyError as e:
    print("re-raised", type(e).__name__, e)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

def reraise_in_finally():
    try:
        try:
            raise IndexError("idx")
        except IndexError:
            raise
        finally:
            print("finally during re-raise")
    except IndexError as e:
        return "got " + str(e)
print(reraise_in_finally())

def modify_and_reraise():
    try:
        raise ValueError("base")
    except ValueError as e:
        e.args = ("modified",)
        raise
try:
    modify_and_reraise()
except ValueError as e:
    print(e)

def raise_saved():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    raise saved
try:
    raise_saved()
except ZeroDivisionError as e:
    print("saved exception re-raised:", e)
