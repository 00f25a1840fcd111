# case methods (non-ASCII)
for s in ['héllo wörld', 'ÉCOLE', 'ǉubljana', 'σοφία', 'ÀÉÎÕÜ']:
    print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
print('ß'.upper(), 'ŉ'.upper(), 'ﬁ'.upper(), 'Σ'.lower(), len('ß'.upper()))
print('Straße'.casefold(), 'Straße'.lower(), 'MASSE'.casefold() == 'Maße'.casefold())
