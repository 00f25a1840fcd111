# ends with uncaught TypeError from None + 1
value = None
print('about to add', value)
result = value + 1
print(result)
