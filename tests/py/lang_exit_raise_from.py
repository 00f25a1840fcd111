class StorageError(Exception):
    pass

def read(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise StorageError("could not read %r" % k) from e

print(read({"x": 1}, "x"))
print("about to fail")
read({}, "y")
