"""exec() of code with cells or free variables, function attribute setters and __build_class__ with arguments of the wrong type: each used to crash skiff."""
def f():
    x = 1
    def g(): return x
    return g
try:
    exec(f.__code__)
    print("exec ok")
except TypeError as e: print("TypeError", e)
def h(a): return a
try:
    h.__defaults__ = 5
except TypeError as e: print("TypeError", e)
try:
    h.__kwdefaults__ = 5
except TypeError as e: print("TypeError", e)
try:
    h.__name__ = 5
except TypeError as e: print("TypeError", e)
try:
    __build_class__(5, "C")
except TypeError as e: print("TypeError", e)
h.__defaults__ = (1, 2, 3)
print(h())
g = f()
try: exec(g.__code__)
except TypeError as e: print("TypeError", e)
