# ends with uncaught IndexError from an empty list
items = [1, 2, 3]
print(items.pop(), items.pop(), items.pop())
print(items)
print(items[0])
