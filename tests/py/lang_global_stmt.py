counter = 0

def inc():
    global counter
    counter += 1

inc(); inc(); inc()
print(counter)

def make_new():
    global brand_new
    brand_new = "created"

try:
    brand_new
except NameError as e:
    print(type(e).__name__, e)
make_new()
print(brand_new)

def read_only():
    return counter * 2
print(read_only())

def shadow():
    counter = -1
    return counter
print(shadow(), counter)

def nested():
    def inner():
        global counter
        counter = 1000
    inner()
nested()
print(counter)

def del_global():
    global brand_new
    del brand_new
del_global()
print("brand_new" in globals())

x = "module"
class C:
    x = "class"
    def m(self):
        return x
    global gvar
    gvar = "from class body"
print(C().m(), C.x, gvar)
