import sys

def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(500))
print(depth(499))

def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list(list(range(500))))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("caught", type(e).__name__)
    print(isinstance(e, RuntimeError))

# still works after recovering
print(depth(500))

class Node:
    def __init__(self, nxt):
        self.nxt = nxt
    def length(self):
        return 1 if self.nxt is None else 1 + self.nxt.length()
n = None
for i in range(400):
    n = Node(n)
print(n.length())

def mutual_a(n):
    return n if n == 0 else mutual_b(n - 1)
def mutual_b(n):
    return mutual_a(n)
print(mutual_a(240))
print(issubclass(RecursionError, RuntimeError))
