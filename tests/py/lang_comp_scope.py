x = "outer"
lst = [x for x in range(3)]
print(lst, x)
s = {x for x in "ab"}
print(x)
d = {x: 1 for x in "ab"}
print(x)
g = list(x for x in range(2))
print(x)

try:
    print(i_comp)
except NameError as e:
    print(type(e).__name__, e)
[i_comp for i_comp in range(3)]
try:
    i_comp
except NameError as e:
    print("still undefined:", e)

for loop_var in range(3):
    pass
print("for loop var leaks:", loop_var)

def f():
    y = 10
    return [y + i for i in range(3)]
print(f())

def g2():
    fns = [lambda: i for i in range(3)]
    return [fn() for fn in fns]
print(g2())

def nonlocal_in_comp():
    total = 0
    vals = [total + v for v in range(3)]
    return vals, total
print(nonlocal_in_comp())

n = 5
print([n for _ in range(2)])
print([[n for n in range(2)] for _ in range(2)], n)

def shadow_arg(items):
    return [items for items in items]
print(shadow_arg([1, 2]))
