class A:
    n = 3
    items = [1, 2, 3]
    # the outermost iterable is evaluated in class scope: fine
    copies = [i for i in items]
    try:
        bad = [n * i for i in items]
    except NameError as e:
        error = str(e)
    gen_first = list(x for x in items)
    lam = (lambda: n)
print(A.copies)
print(A.error)
print(A.gen_first)
try:
    A.lam()
except NameError as e:
    print(type(e).__name__, e)

n = "global n"
class B:
    n = "class n"
    vals = [n for _ in range(2)]
    def meth(self):
        return n
print(B.vals, B().meth())

class C:
    x = 10
    y = [x for x in range(2)]
    z = x
print(C.y, C.z)
