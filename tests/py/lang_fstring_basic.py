name = "world"
n = 42
pi = 3.14159
print(f"hello {name}")
print(f"{n} + 1 = {n + 1}")
print(f"{name.upper()} {len(name)} {name[1:3]}")
print(f"{'nested quotes'} {'x' if False else 'y'}")
print(f"{{literal braces}} {{{n}}}")
items = [1, 2, 3]
print(f"{items} {items[0]} {sum(items)}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
print(f"{pi:.2f} {pi:8.3f} {pi:e} {pi:.0f}")
print(f"{'multi'} {'part'}" f" string {n}")
print(f"{3 * 4} {True and 'x'} {None}")
print(f"{(lambda x: x * 2)(5)}")
print(f"{n!r} {name!r} {name!s}")
print(f"")
x = 10
print(f"{x if x > 5 else 0}")
print(f"{'a' + 'b'}{x}{'c'}")
print(F"capital F {x}")
print(rf"raw\n{x}", fr"\t{x}")
print(f"line1\nline2 {x}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
print(f"{P()} {P():custom} {P():>10}")
print(f"{[i * i for i in range(4)]}")
print(f"{ x }")
