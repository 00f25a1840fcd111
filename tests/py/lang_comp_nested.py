matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2])
print([[n * 10 for n in row if n > 4] for row in matrix])
print([(i, j) for i in range(4) for j in range(i, 4) if (i + j) % 3 == 0])
print({i: [j for j in range(i)] for i in range(4)})
print([[[k for k in range(j)] for j in range(i)] for i in range(3)])
print(sum(sum(row) for row in matrix))
print([x for x in (y * 2 for y in range(5)) if x > 2])
flat = [c for word in ["ab", "cd"] for c in word]
print(flat)
print(sorted({(a, b) for a in range(3) for b in range(3) if a != b}))
pyth = [(a, b, c) for c in range(1, 21) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
def outer_var():
    base = 100
    return [[base + i + j for j in range(2)] for i in range(2)]
print(outer_var())
print([[y for y in range(x)] for x in range(4) if x % 2])
