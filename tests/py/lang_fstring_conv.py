s = "caf\u00e9 'q'"
print(f"{s}")
print(f"{s!s}")
print(f"{s!r}")
print(f"{s!a}")
print(f"{chr(9)!r}")
class C:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
    def __format__(self, spec):
        return "format-form[" + spec + "]"
c = C()
print(f"{c} {c!s} {c!r} {c!a} {c:xyz}")
print(f"{c!r:>12}|{c!s:<10}|")
print(f"{[1, 'a']!s} {[1, 'a']!r}")
print(f"{chr(0x2603)!a}")
print(f"{None!r} {1.5!s} {b'x'!r}")
print(ascii("\u00ff\n"), ascii([chr(0x10000)]))
print(repr("\u00e9"), str("\u00e9"))
print("%a" % "\u00e9")
