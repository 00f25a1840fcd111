def level3():
    raise KeyError("deep")

def level2():
    try:
        level3()
    finally:
        print("level2 finally")

def level1():
    try:
        level2()
    except IndexError:
        print("wrong handler")
    print("not reached")

try:
    level1()
except KeyError as e:
    print("top caught", e)

def handler_raises():
    try:
        raise ValueError("v")
    except ValueError:
        raise TypeError("raised in handler")
    finally:
        print("finally after handler raised")
try:
    handler_raises()
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

def else_raises():
    try:
        pass
    except Exception:
        print("no")
    else:
        raise RuntimeError("from else")
    finally:
        print("finally after else")
try:
    else_raises()
except RuntimeError as e:
    print(e)

def else_not_protected():
    try:
        x = 1
    except ZeroDivisionError:
        return "caught in except?"
    else:
        return 1 / 0
try:
    else_not_protected()
except ZeroDivisionError:
    print("else clause exceptions are not caught by its own except")

results = []
for i in range(4):
    try:
        try:
            if i == 0:
                raise KeyError
            if i == 1:
                raise ValueError
            if i == 2:
                raise TypeError
        except KeyError:
            results.append("inner-key")
        except ValueError:
            raise
        else:
            results.append("inner-else")
    except (ValueError, TypeError) as e:
        results.append("outer-" + type(e).__name__)
print(results)
