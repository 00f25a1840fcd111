text = """first line
second line
    indented third"""
print(text)
print(len(text.splitlines()), repr(text[-8:]))
t2 = '''single
quotes '''
print(repr(t2))
t3 = """\
no leading newline
trailing backslash joins \
this line"""
print(t3)
t4 = """contains "quotes" and 'single' and ""doubled"" """
print(t4)
def doc():
    """Docstring line 1.

    Docstring line 3.
    """
print(repr(doc.__doc__))
empty = """"""
print(repr(empty), len(empty))
tab = """a\tb
c\\d"""
print(tab)
r = r"""raw
\n not escape"""
print(r)
b = b"""bytes
multi"""
print(b)
f = f"""value:
{1 + 1}"""
print(f)
print("""x""" + '''y''' + "z")
lines = ("implicit "
         "concat "
         "across lines")
print(lines)
