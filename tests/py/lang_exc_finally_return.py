def f1():
    try:
        return "try"
    finally:
        print("f1 finally")

def f2():
    try:
        return "try"
    finally:
        return "finally wins"

def f3():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallows exception"

def f4():
    x = 1
    try:
        return x
    finally:
        x = 2   # does not change returned value

def f5():
    lst = [1]
    try:
        return lst
    finally:
        lst.append(2)   # mutation visible

def f6():
    for i in range(3):
        try:
            if i == 1:
                return "returned at %d" % i
        finally:
            print("f6 finally", i)

def f7():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")

def f8():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f8 finally after except return")

for f in (f1, f2, f3, f4, f5, f6, f7, f8):
    print(f.__name__, "->", f())
