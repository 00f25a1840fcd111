def divide(a, b):
    return a / b

def compute(values):
    total = 0
    for v in values:
        print("dividing by", v)
        total += divide(100, v)
    return total

print(compute([1, 2, 4]))
print(compute([5, 0, 1]))
print("never printed")
