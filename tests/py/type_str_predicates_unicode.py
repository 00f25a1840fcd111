# is* predicates (non-ASCII)
tests = ['é', 'É', '½', '²', '٣', '日本', 'ñandú', '\u3000', '\xa0', 'Ⅻ', 'αβ', '😀', 'é1']
for s in tests:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(),
          s.islower(), s.isdecimal(), s.isnumeric(), s.isidentifier(), s.isascii(), s.isprintable())
