# sort / sorted with key and reverse
a = [5, 2, 8, 1, 9, 3]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ['banana', 'Apple', 'cherry', 'date', 'Elderberry', 'fig']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)
print(sorted([3, -1, -4, 2], key=abs), sorted([], reverse=True), sorted('cab'))
print(sorted([(1, 'b'), (0, 'z'), (1, 'a')]), sorted([1.5, 1, True, 0.5]))
print(a.sort() is None)
try:
    [1, 'a', 2].sort()
except TypeError:
    print('TE')  # message depends on comparison order
try:
    sorted([3, 1], key=lambda x: 1 / 0)
except ZeroDivisionError as e:
    print('ZDE', e)
