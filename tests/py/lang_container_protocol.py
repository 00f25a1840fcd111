class Grid:
    def __init__(self):
        self.data = {}
    def __len__(self):
        return len(self.data)
    def __getitem__(self, key):
        print("getitem", key)
        if key not in self.data:
            raise KeyError(key)
        return self.data[key]
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.data[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.data[key]
    def __contains__(self, key):
        print("contains", key)
        return key in self.data
    def __iter__(self):
        return iter(sorted(self.data))

g = Grid()
g[0, 0] = "a"
g[1, 2] = "b"
g["k"] = "c"
print(len(g))
print(g[1, 2])
print((0, 0) in g, (5, 5) not in g)
del g["k"]
print(len(g), list(g))
try:
    g[9, 9]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del g[9, 9]
except KeyError as e:
    print(type(e).__name__, e)
g[0, 0] += "z"
print(g.data)

class Slicer:
    def __getitem__(self, k):
        return k
s = Slicer()
print(s[1], s[1:2], s[::3], s[1:2, 3], s[...], s[:, None])
print(type(s[1:2]).__name__, s[1:5:2].start, s[1:5:2].stop, s[1:5:2].step)
try:
    len(s)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
