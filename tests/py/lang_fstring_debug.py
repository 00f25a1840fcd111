x = 10
name = "skiff"
print(f"{x=}")
print(f"{x = }")
print(f"{x=:5}")
print(f"{x * 2=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{name=:>8}")
print(f"{name.upper()=}")
lst = [1, 2]
print(f"{lst=} {len(lst)=}")
pi = 3.14159
print(f"{pi=:.2f}")
print(f"{x   =   }")
print(f"{None=} {True=}")
d = {"a": 1}
print(f"{d['a']=}")
