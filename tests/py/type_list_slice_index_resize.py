# Slice assignment whose __index__ resizes the list: positions are clamped to the length after __index__ (CPython's PySlice_Unpack then AdjustIndices); an extended slice must never write past the end.
l = list(range(10))
class I:
    def __index__(self):
        del l[3:]
        return 8
try:
    l[0:I():2] = [1, 2]
except Exception as e:
    print(type(e).__name__, e)
print(l)
l = list(range(10))
class J:
    def __index__(self):
        del l[3:]
        return 0
l[J()::3] = ['a']
print(l)
m = list(range(10))
class K:
    def __index__(self):
        m.append(99)
        return 2
m[K():6] = 'xy'
print(m)
