# ends with uncaught TypeError from len()
items = ['a', (1, 2), 42]
for it in items:
    print(len(it))
