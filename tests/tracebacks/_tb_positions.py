def f(n):
    return f(n + 1)
def g(a, b):
    x = [1, 2]
    return x[a] + b
def h(d):
    return d["missing"]
class C:
    pass
def k():
    c = C()
    return c.nope
import sys

def run(which):
    if which == "1": f(0)
    if which == "2": g(0, "s")
    if which == "3": g(5, 1)
    if which == "4": h({})
    if which == "5": k()
    if which == "6":
        y = (1 +
             None)
    if which == "7": 1 / 0
