# case methods (ASCII)
for s in ['hello World', 'HELLO', "they're bill's", 'a1b2 c3', '', 'mIxEd CaSe 123', 'x-y_z', '  lead']:
    print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('hello'.casefold(), 'ABC'.lower().upper(), 'aBC dEF'.capitalize())
