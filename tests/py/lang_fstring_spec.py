n = 1234567
f = 1234.5678
print(f"{n:,} {n:_} {f:,.2f} {n:_x}")
print(f"{n:010} {-42:05} {42:+} {42: } {-42: }")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#o} {255:#b}")
print(f"{65:c} {'s':5}| {'s':>5}| {'s':*^7}|")
print(f"{f:.3e} {f:.3E} {f:g} {0.00001234:g} {1e20:g} {f:.2%}")
print(f"{0.5:%} {1/3:.4} {2/3:.10f}")
print(f"{-0.0:.1f} {1e-7:f} {123.0:.0f}")
width, prec = 10, 3
print(f"[{f:{width}.{prec}f}] [{f:>{width}}] [{'x':{'<'}{width}}]")
print(f"{'abc':.2} {'abcdef':>8.3}")
print(f"{3.0:n} {True:d} {True}")
print(f"{12:=+6} {-12:=6}")
print(f"{1e100:.3g} {float('inf')} {float('-inf'):10} {float('nan')}")
print(f"{10**20:,}")
print(f"{0:#x} {-255:#x}")
print(format(42, "08b"), format(3.5, "^9.2f"), format("hi", "~>6"))
try:
    f"{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{1.5:d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{5:q}"
except ValueError as e:
    print(type(e).__name__, e)
