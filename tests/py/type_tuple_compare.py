# tuple comparison
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9, 9), () < (0,), (1, 2) == (1, 2))
print((1, 'a') < (1, 'b'), (1, 2) <= (1, 2), (1, 2) != (2, 1), (1, 2.0) == (1, 2))
print(sorted([(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]))
print(max([(1, 2), (1, 3), (0, 9)]), min((5, 'x'), (5, 'w')))
try:
    (1, 'a') < (1, 2)
except TypeError as e:
    print('TE', e)
print((1, 'a') < (2, 2))
print((1, 2) == [1, 2], (float('nan'),) == (float('nan'),))
