value = 3.14159
for prec in range(4):
    print(f"{value:.{prec}f}")
width = 12
print(f"|{'center':^{width}}|")
print(f"|{f'{value:.2f}':>{width}}|")
fill, align = "*", ">"
print(f"{'x':{fill}{align}{width}}")
print(f"{f'{1 + 1}'}")
items = {"a": 1, "b": 22}
for k, v in items.items():
    print(f"{k:<3}{v:>4}")
print(f"{', '.join(f'{i}^2={i * i}' for i in range(4))}")
rows = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for r in rows:
    print(f"{r[0]:<8}|{str(r[1]):>5}")
print(f"{'{'}{'}'}")
print(f"{{{{}}}}")
