total = 1 + \
    2 + \
    3
print(total)
value = (10
         + 20
         - 5)
print(value)
items = [
    1,
    2,
    3,   # trailing comma
]
print(items)
d = {
    "a": 1,
    "b": 2
}
print(d)
def f(a,
      b,
      c=3):
    return a + b + c
print(f(1,
        2))
if (total > 5 and
        value > 5):
    print("both big")
if total > 5 and \
   value > 5:
    print("backslash condition")
s = "abc" \
    "def"
print(s)
x = 1; y = 2; z = x + y
print(x, y, z)
if x: print("one-line if")
for i in range(2): print("one-line for", i)
while False: pass
class C: pass
def g(): return "one-line def"
print(g(), type(C()).__name__)
result = [i
          for i in range(5)
          if i % 2]
print(result)
print(len("""
"""), (
    "parenthesized"
))
