# Instance attributes of subclasses of builtin containers can be set, read
# and deleted; deleting a missing one raises AttributeError.
import array


class L(list): pass
class D(dict): pass
class S(set): pass
class B(bytearray): pass
class A(array.array): pass


for o in (L([1]), D(a=1), S({1}), B(b"x"), A("i", [1])):
    name = type(o).__name__
    o.x = 1
    o.y = "keep"
    print(name, o.x, hasattr(o, "x"), sorted(vars(o)) if hasattr(o, "__dict__") else "-")
    del o.x
    print(name, hasattr(o, "x"), o.y)
    try:
        del o.x
    except AttributeError as e:
        print(name, "AttributeError", e)
    try:
        del o.never
    except AttributeError as e:
        print(name, "AttributeError", e)
    o.x = 2
    print(name, o.x, len(o))
