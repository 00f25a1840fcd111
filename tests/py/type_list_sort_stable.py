# sort stability
records = [('alice', 3), ('bob', 1), ('carol', 3), ('dave', 2), ('eve', 1), ('frank', 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
r = list(records)
r.sort(key=lambda x: x[0], reverse=True)
r.sort(key=lambda x: x[1])
print(r)
data = [(i % 4, i) for i in range(20)]
data.sort(key=lambda p: p[0])
print(data)
print(sorted(['bb', 'a', 'cc', 'd', 'ee'], key=len))
print(sorted(['bb', 'a', 'cc', 'd', 'ee'], key=len, reverse=True))
big = [(i * 7919) % 101 for i in range(300)]
big.sort()
print(big[:10], big[-5:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
