# nested tuples and unpacking
t = ((1, 2), (3, (4, 5)), [], ('x',))
print(t, t[1][1][0], len(t[2]), t[3][0])
(a, b), (c, (d, e)), f, (g,) = t
print(a, b, c, d, e, f, g)
first, *rest = (1, 2, 3, 4)
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
t[2].append('mutated')
print(t)
print(tuple(tuple(range(i)) for i in range(4)))
print(((),), (((1,),),), repr(((1, 2),)))
