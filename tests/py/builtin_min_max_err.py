# min / max errors
for fn in (lambda: max([]), lambda: min([]), lambda: max(()), lambda: min(iter([]))):
    try:
        fn()
    except ValueError as e:
        print('VE', e)
try:
    max(5)
except TypeError as e:
    print('TE', e)
try:
    max()
except TypeError as e:
    print('TE', e)
try:
    max(1, 'a')
except TypeError as e:
    print('TE', e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print('TE', e)
try:
    min([1, 2], key=lambda x: x.foo)
except AttributeError as e:
    print('AE', e)
