def f(a, b=2, c=3):
    return (a, b, c)

print(f(1))
print(f(1, 20))
print(f(1, c=30))
print(f(a=5, c=6, b=7))
print(f.__defaults__)

x = 10
def g(v=x):
    return v
x = 20
print(g())  # default evaluated at def time

def h(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(h(1), h(2))

def counter(n, step=1, *, start=0):
    return list(range(start, n, step))
print(counter(5))
print(counter(10, 3))
print(counter(10, 3, start=1))
print(counter.__kwdefaults__)

def calls():
    print("evaluating default")
    return 5
def k(a=calls()):
    return a
print("defined k")
print(k(), k(), k(1))
