# range equality and hashing
print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 10, 2) == range(0, 9, 2))
print(range(1, 2) == range(1, 3, 5), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(0, 10, 2)) == hash(range(0, 9, 2)), range(3) in {range(0, 3): 1})
print(list(range(3)) == [0, 1, 2], tuple(range(3)))
print(bool(range(0)), bool(range(2)), type(range(1)).__name__)
