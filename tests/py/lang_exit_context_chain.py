def f():
    try:
        [][0]
    except IndexError:
        raise TypeError("during handling")
print("start")
f()
