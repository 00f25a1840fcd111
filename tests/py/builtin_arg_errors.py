# wrong-argument errors from builtins
cases = [
    lambda: len(5), lambda: len(), lambda: len([], []), lambda: int('abc'), lambda: int('1', 2, 3),
    lambda: chr(-1), lambda: ord('ab'), lambda: abs(), lambda: abs('s'), lambda: sum(),
    lambda: sorted(5), lambda: iter(), lambda: next(iter([])), lambda: isinstance(1),
    lambda: range('a'), lambda: getattr(1), lambda: divmod(1), lambda: hex('a'),
    lambda: float('x'), lambda: [].index(1), lambda: 'a'.join(1), lambda: {}.pop('k'),
    lambda: repr(), lambda: str(1, 2, 3, 4), lambda: zip(1, 2), lambda: enumerate(),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, 'no error')
    except Exception as e:
        print(i, type(e).__name__, e)
