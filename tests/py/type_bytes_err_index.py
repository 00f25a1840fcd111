# ends with uncaught IndexError from bytes indexing
data = b'abc'
for i in range(4):
    print(i, data[i])
