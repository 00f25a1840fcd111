# ends with uncaught ValueError from max() on an empty sequence
print(max([3, 1, 2]))
print(max([], default='dflt'))
print(max(x for x in range(0)))
