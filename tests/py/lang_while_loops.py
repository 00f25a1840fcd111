def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(i) for i in range(1, 15)])

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(17, 5), gcd(0, 9))

stack = [1, [2, [3, 4]], 5]
out = []
work = [stack]
while work:
    item = work.pop()
    if isinstance(item, list):
        work.extend(reversed(item))
    else:
        out.append(item)
print(out)

i, j = 0, 10
while i < j and j - i > 3:
    i += 1
    j -= 1
print(i, j)

lst = [1, 2, 3]
while lst:
    print("pop", lst.pop())

x = 0
while x < 1000000:
    x = x * 2 + 1
print(x)

n = 5
acc = []
while (n := n - 1) >= 0:
    acc.append(n)
print(acc)
total = 0
k = 0
while k < 10000:
    total += k
    k += 1
print(total)
