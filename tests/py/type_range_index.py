# range indexing, membership, count/index
r = range(3, 30, 4)
print(list(r), r[0], r[2], r[-1], r[-7], len(r))
try:
    r[7]
except IndexError as e:
    print('IE', e)
print(7 in r, 8 in r, 27 in r, 31 in r, 3.0 in r, 'x' in r, -1 in range(0, -10, -1))
print(r.index(11), r.count(11), r.count(12), range(10 ** 18)[-1], 10 ** 17 in range(10 ** 18))
try:
    r.index(12)
except ValueError as e:
    print('VE', e)
big = range(0, 10 ** 30, 7)
print(big[10 ** 20], (7 * 10 ** 25) in big, big[-1])
