print("raising SystemExit(0)")
try:
    raise SystemExit(0)
finally:
    print("finally still runs")
print("not reached")
