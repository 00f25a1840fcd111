# dict comprehensions
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
print({v: k for k, v in {'a': 1, 'b': 2}.items()})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(2) for j in range(2)})
print({c: ord(c) for c in 'héllo'})
words = 'the quick brown the lazy the end quick'.split()
print({w: words.count(w) for w in words})
