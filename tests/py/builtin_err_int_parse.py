# ends with uncaught ValueError from int()
for s in ['12', ' 7 ', '-3', 'x']:
    print(int(s) * 2)
