# sorted with key and reverse
data = ['pear', 'Fig', 'apple', 'kiwi', 'Banana']
print(sorted(data), sorted(data, key=str.lower), sorted(data, key=len), sorted(data, key=len, reverse=True))
print(sorted(data, key=lambda s: (len(s), s)), sorted(data, reverse=True))
print(sorted({3: 'c', 1: 'a', 2: 'b'}), sorted({3: 'c', 1: 'a'}.items()), sorted('hello'))
print(sorted([2.5, -1, 3, 0]), sorted([], key=len), sorted(x * x for x in range(-3, 4)))
nums = [5, 3, 8]
res = sorted(nums)
print(nums, res, res is nums)
people = [('ann', 30), ('bob', 25), ('cy', 30), ('di', 25)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: -p[1]))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print('TE', e)
try:
    sorted([1], reverse=True, cmp=None)
except TypeError as e:
    print('TE', e)
