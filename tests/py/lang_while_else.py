n = 0
while n < 3:
    n += 1
else:
    print("while else, n =", n)

n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("never")
print("broke at", n)

while False:
    print("never")
else:
    print("else on immediately false condition")

def search(lst, t):
    i = 0
    while i < len(lst):
        if lst[i] == t:
            break
        i += 1
    else:
        return "missing"
    return "index %d" % i
print(search([5, 6, 7], 7), search([5], 1))

i = 0
while i < 5:
    i += 1
    if i % 2:
        continue
    print("even", i)
else:
    print("done with continue")

count = 0
while True:
    count += 1
    if count > 100:
        break
print(count)
