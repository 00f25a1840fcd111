# is* predicates (ASCII)
tests = ['123', '12.3', 'abc', 'aBc', 'ABC', 'abc123', '   ', '\t\n', '', 'Hello World',
         'a b', 'UPPER1', 'lower1', '_x', 'Title Case', '1abc', 'class', '-5']
for s in tests:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(),
          s.islower(), s.isdecimal(), s.isnumeric(), s.istitle(), s.isidentifier(), s.isascii(), s.isprintable())
