# array: OverflowError/TypeError checks on stored values for every typecode.
from array import array
for tc in 'bBhHiIlLqQfdu':
    for v in [2**70, -2**70, 2**40, -2**40, 2**32, 2**31, 70000, 40000, 300, 200, -1, -200, 1.5, 'x', 'xy', None]:
        try:
            a = array(tc, [v])
            print(tc, repr(v), a)
        except Exception as e:
            print(tc, repr(v), type(e).__name__, e)
