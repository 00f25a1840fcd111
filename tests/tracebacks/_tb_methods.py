class C:
    def m(self, x):
        return x.nope
def a(c):
    return c.m(3) + 1
def b(lst, i):
    v = lst[i]
    return v
def d():
    return len(5)
def e():
    s = "abc"
    return s.upper().nothing

def run(which):
    if which == "1": a(C())
    if which == "2": b([1], 3)
    if which == "3": d()
    if which == "4": e()
    if which == "5":
        z = {"a": 1}
        print(z["a"] * z["b"])
