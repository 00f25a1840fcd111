def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
        return -1
    return i

print(find([1, 2, 3], 2))
print(find([1, 2, 3], 9))
print(find([], 1))

for x in range(3):
    pass
else:
    print("else runs after normal completion, x =", x)

for x in range(3):
    if x == 1:
        continue
else:
    print("continue does not skip else")

def ret_in_for():
    for x in [1]:
        return "returned"
    else:
        return "else"
print(ret_in_for())

primes = []
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)

for i in range(2):
    for j in range(2):
        if j == 1:
            break
    else:
        print("inner else never")
else:
    print("outer else runs")

try:
    for x in [1]:
        raise ValueError("skip else")
    else:
        print("no")
except ValueError:
    print("exception skips else")
