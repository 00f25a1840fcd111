print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {d[k]}".format([10, 20], d={"k": "v"}))
class P:
    x = 3
    y = [4, 5]
print("{p.x} {p.y[1]}".format(p=P()))
print("{:>6}|{:<6}|{:^6}|{:*^6}".format("a", "b", "c", "d"))
print("{:.3f} {:,} {:08.2f} {:+d} {:x} {:#b}".format(3.14159, 1234567, -3.5, 5, 255, 5))
print("{0:{1}}|{0:>{1}}".format("w", 4))
print("{!r} {!s} {!a}".format("s", "s", "\u00e9"))
print("{{}} {{{}}}".format("in"))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3))
print("{}".format(None), "{}".format([1, {"a": 2}]))
print("{0}{0}{0}".format("ab"))
print(format(1234.5, ",.1f"), format("x", "^5"), format(7))
print("{:d}".format(True), "{}".format(True))
def show(fn):
    try:
        print("ok", fn())
    except (IndexError, KeyError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
show(lambda: "{} {}".format(1))
show(lambda: "{2}".format(1, 2))
show(lambda: "{missing}".format(a=1))
show(lambda: "{0} {}".format(1, 2))
show(lambda: "{:d}".format("s"))
show(lambda: "{".format())
show(lambda: "}".format())
show(lambda: "{0.nope}".format(1))
show(lambda: "{!x}".format(1))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
