# min / max
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min('b', 'a'), max((1, 2), (1, 3)))
print(min([], default='empty'), max([], default=None), max([1], default=0))
print(max(['apple', 'fig', 'banana'], key=len), min(['apple', 'fig', 'banana'], key=len))
print(max([-5, 3, -1], key=abs), min(3, -4, key=abs), max({'a': 3, 'b': 9}, key={'a': 3, 'b': 9}.get))
print(max([1, 3, 3.0]), max([3.0, 3]), min([2, 1, 1.0]), max([(1, 'a'), (1, 'b')]))
print(max(x * 2 for x in range(5)), min(range(10, 0, -1)), max(True, 2), min(False, -0.5))
print(max(['b', 'B', 'a']), max([[1, 2], [1, 2, 0]]))
print(max([2, 4, 4, 1], key=lambda x: x % 3), min(['bb', 'aa', 'c'], key=len))
