print(1 in [1, 2], 3 in [1, 2], 3 not in [1, 2], not 3 in [1, 2])
print("ell" in "hello", "" in "", "x" not in "abc")
print(2 in (1, 2), 2 in {2}, 2 in {2: "v"}, "v" in {2: "v"})
print(5 in range(10), 10 in range(10), 5 in range(0, 10, 2), -1 in range(-5, 0))
print(b"b" in b"abc", 98 in b"abc")
print([1] in [[1], 2], (1,) in [(1,)])
d = {"a": 1}
print("a" in d.keys(), 1 in d.values(), ("a", 1) in d.items())
it = iter([1, 2, 3, 4])
print(2 in it, list(it))  # consumes up to match
gen = (i for i in range(5))
print(3 in gen, next(gen))
print(1 in [True], 0 in [False], 1.0 in {1})
s = "abc"
for ch in "az":
    print(ch, ch in s)
print(None in [0, "", None])
print(float("nan") in [float("nan")])
x = float("nan")
print(x in [x])  # identity check first
