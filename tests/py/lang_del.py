x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
try:
    del x
except NameError as e:
    print(type(e).__name__, e)

a, b, c = 1, 2, 3
del a, b
print(c, "a" in dir(), "b" in dir())

class O:
    cls_attr = 1
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del O.cls_attr
print(hasattr(O, "cls_attr"))

lst = [0, 1, 2, 3, 4, 5]
del lst[1], lst[1]
print(lst)
del lst[1:3]
print(lst)
d = {1: "a", 2: "b"}
del d[1]
print(d)

def local_del():
    v = "value"
    del v
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__
print(local_del())

def del_param(p):
    del p
    p = "rebound"
    return p
print(del_param(1))

y = [1, 2]
z = y
del y
print(z)
[m, n] = 1, 2
del [m, n]
print("m" in globals())
for i in range(2):
    pass
del i
print("i" in globals())
