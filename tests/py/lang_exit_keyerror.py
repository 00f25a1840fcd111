data = {"alpha": 1, "beta": 2}
for k in ("alpha", "beta"):
    print(k, data[k])
print(data["gamma"])
